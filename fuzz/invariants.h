// What every fuzz target asserts beyond "no sanitizer report": the model and the findings stay
// inside the document, and rendered output cannot be broken by the document's bytes.
//
// A violated invariant calls abort() (via LOCLINT_FUZZ_CHECK), which libFuzzer reports as a
// crash with the input that caused it, exactly like an ASan report.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "loclint/diagnostic.h"
#include "loclint/document.h"

#define LOCLINT_FUZZ_CHECK(cond)                                                             \
  do {                                                                                       \
    if (!(cond)) {                                                                           \
      std::fprintf(stderr, "%s:%d: invariant violated: %s\n", __FILE__, __LINE__, #cond);   \
      std::abort();                                                                          \
    }                                                                                        \
  } while (0)

namespace loclint::fuzz {

inline void check_span(const Document& doc, Span s) {
  LOCLINT_FUZZ_CHECK(s.begin <= s.end);
  LOCLINT_FUZZ_CHECK(s.end <= doc.text().size());
}

template <typename T>
void check_sorted(const std::vector<T>& v) {
  for (size_t i = 1; i < v.size(); ++i) LOCLINT_FUZZ_CHECK(v[i - 1].span.begin <= v[i].span.begin);
}

inline void check_position(const Document& doc, uint32_t offset) {
  for (ColumnUnit u : {ColumnUnit::CodePoint, ColumnUnit::Utf16, ColumnUnit::Byte}) {
    Position p = doc.position(offset, u);
    LOCLINT_FUZZ_CHECK(p.line >= 1 && p.line <= doc.lines().line_count());
    LOCLINT_FUZZ_CHECK(p.column >= 1);
  }
}

inline void check_front_matter(const Document& doc) {
  const FrontMatter& fm = doc.front_matter();
  check_span(doc, fm.span);
  check_span(doc, fm.body);
  for (const FrontMatterEntry& e : fm.entries) {
    check_span(doc, e.key_span);
    check_span(doc, e.value_span);
  }
  if (fm.error) LOCLINT_FUZZ_CHECK(fm.error->offset <= doc.text().size());
}

// The whole model: every span inside the text, every index inside its vector, every list that
// document.h says is sorted sorted.
inline void check_model(const Document& doc) {
  const uint32_t n = static_cast<uint32_t>(doc.text().size());
  LOCLINT_FUZZ_CHECK(doc.lines().line_count() >= 1);
  check_front_matter(doc);
  check_span(doc, doc.body());
  for (const Block& b : doc.blocks()) check_span(doc, b.span);
  for (uint32_t b = 0; b < doc.blocks().size(); ++b) {
    auto [first, last] = doc.block_inlines(b);
    LOCLINT_FUZZ_CHECK(first <= last && last <= doc.inlines().size());
  }
  for (const InlineToken& t : doc.inlines()) {
    check_span(doc, t.span);
    LOCLINT_FUZZ_CHECK(t.block < doc.blocks().size());
    if (t.tag != InlineToken::kNoTag) LOCLINT_FUZZ_CHECK(t.tag < doc.html_tags().size());
  }
  for (const HtmlTag& t : doc.html_tags()) {
    check_span(doc, t.span);
    for (const HtmlAttribute& a : t.attributes) check_span(doc, a.value_span);
  }
  for (const CodeSpan& c : doc.code_spans()) check_span(doc, c.span), check_span(doc, c.content);
  for (const CodeBlock& c : doc.code_blocks()) check_span(doc, c.span);
  for (const Link& l : doc.links()) {
    check_span(doc, l.span);
    check_span(doc, l.text);
    check_span(doc, l.destination_span);
  }
  for (const Anchor& a : doc.anchors()) check_span(doc, a.span);
  for (const Heading& h : doc.headings()) {
    check_span(doc, h.span);
    LOCLINT_FUZZ_CHECK(h.block < doc.blocks().size());
    for (const Anchor& a : h.anchors) check_span(doc, a.span);
  }
  for (const Emphasis& e : doc.emphasis()) check_span(doc, e.span);
  for (const Alert& a : doc.alerts()) check_span(doc, a.span);
  for (const Directive& d : doc.directives()) {
    check_span(doc, d.span);
    for (const HtmlAttribute& a : d.attributes) check_span(doc, a.value_span);
  }
  for (const Segment& s : doc.segments()) {
    check_span(doc, s.span);
    LOCLINT_FUZZ_CHECK(s.block < doc.blocks().size());
    LOCLINT_FUZZ_CHECK(s.target.present || s.source.present);
    for (const SegmentHalf* h : {&s.target, &s.source}) {
      if (!h->present) continue;
      check_span(doc, h->open);
      check_span(doc, h->content);
      check_span(doc, h->close);
      check_span(doc, h->id_span);
      LOCLINT_FUZZ_CHECK(s.span.contains(h->open));
      LOCLINT_FUZZ_CHECK(h->open.end <= h->content.begin);
      if (h->closed) LOCLINT_FUZZ_CHECK(h->content.end <= h->close.begin);
    }
  }
  check_sorted(doc.code_spans());
  check_sorted(doc.code_blocks());
  check_sorted(doc.links());
  check_sorted(doc.html_tags());
  check_sorted(doc.emphasis());
  check_sorted(doc.anchors());
  check_sorted(doc.alerts());
  check_sorted(doc.directives());
  check_sorted(doc.segments());
  for (const InputProblem& p : doc.input_problems()) LOCLINT_FUZZ_CHECK(p.offset < n);
  // Positions are computed for any offset a check may report, including the end of the text.
  check_position(doc, 0);
  check_position(doc, n);
  check_position(doc, n / 2);
  for (const Segment& s : doc.segments()) check_position(doc, s.span.begin);
  for (uint32_t i = 0; i < doc.text().size(); i += 97) (void)doc.in_code(i);
}

// A rendered compiler-format output: one line per finding, no control byte other than the line
// feeds that end them, every line ending with the rule id. Document text inside messages and
// paths can therefore neither drive a terminal nor forge or split a diagnostic line.
inline void check_compiler_output(std::string_view out, size_t findings) {
  size_t lines = 0;
  size_t line_start = 0;
  for (size_t i = 0; i < out.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(out[i]);
    if (c == '\n') {
      std::string_view line = out.substr(line_start, i - line_start);
      LOCLINT_FUZZ_CHECK(!line.empty() && line.back() == ']');
      ++lines;
      line_start = i + 1;
      continue;
    }
    LOCLINT_FUZZ_CHECK(c >= 0x20 && c != 0x7F);
  }
  LOCLINT_FUZZ_CHECK(line_start == out.size());
  LOCLINT_FUZZ_CHECK(lines == findings);
}

}  // namespace loclint::fuzz

#include <algorithm>
#include <cstring>

#include "comparison.h"

namespace loclint::checks::code {

const Rule kMarkup{
    .id = "code/markup-broken",
    .severity = Severity::Error,
    .summary = "an emphasis, link, autolink or backtick that the source renders is broken in the translation",
    .checks = "The source's Markdown renders, but the translation's does not: bold or italic markers no longer "
              "pair (`** texte**`), a link is split (`[texte] (url)`), an autolink is mangled (`< https://... >`) "
              "or a backtick has lost its partner. The code spans, HTML tags and URLs of a pair whose Markdown is "
              "broken are not compared: they are misparsed there. A link whose text the translation dropped "
              "(`[](url)` where the source links the same destination with text) is reported too: it renders as "
              "nothing a reader can see or click.",
    .why = "Readers see raw asterisks, brackets and backticks. Restore the syntax exactly as in the source: no "
           "space inside the markers, none between `]` and `(`.",
    .fires = {.text = "<span data-ttu-id=\"f4053-101\">Cliquez sur ** Enregistrer**.</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-101\">Click **Save**.</span></span>\n"},
    .passes = {.text = "<span data-ttu-id=\"f4053-101\">Cliquez sur **Enregistrer**.</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-101\">Click **Save**.</span></span>\n"},
};

namespace {

// The first bytes of the literals markup() counts.
constexpr char kMarkupStarts[] = {'*', '_', ']', '<', '`'};

// Whether the ']' at text[p] closes a docfx directive ([!INCLUDE [name](path)], [!NOTE]): a
// parenthesis after it is the sentence's, not a link destination that lost its link.
bool closes_directive(std::string_view text, size_t p) {
  int depth = 0;
  for (size_t k = p; k-- > 0;) {
    if (text[k] == ']') ++depth;
    else if (text[k] == '[' && depth-- == 0) return k + 1 < text.size() && text[k + 1] == '!';
  }
  return false;
}

// Markdown syntax characters left as text; escaped ones (\*) are meant to be literal.
size_t count_literal(const Document& doc, const MappedText& m, std::string_view what, size_t* first = nullptr) {
  size_t n = 0;
  for (size_t p = m.text.find(what); p != std::string::npos; p = m.text.find(what, p + what.size())) {
    if (m.is_code(p)) continue;
    if (m.begin_of(p) > 0 && doc.text()[m.begin_of(p) - 1] == '\\') continue;
    if (what == "*" && ((p > 0 && m.text[p - 1] == '*') || (p + 1 < m.text.size() && m.text[p + 1] == '*'))) continue;
    // A lone `*` with white space on both sides (`(a / b) * (1 + c)`) is a multiplication sign:
    // CommonMark reads a delimiter run neither left- nor right-flanking as text, as it renders.
    // One that is all of an element (`<sup>*</sup>`, a footnote mark) is text as well.
    if (what == "*") {
      const std::string_view d = doc.text();
      const uint32_t at = m.begin_of(p);
      const char before = at > 0 ? d[at - 1] : ' ', after = at + 1 < d.size() ? d[at + 1] : ' ';
      auto white = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
      if ((white(before) && white(after)) || (before == '>' && after == '<')) continue;
    }
    if (what[0] == ']' && closes_directive(m.text, p)) continue;
    if (n == 0 && first) *first = p;
    ++n;
  }
  return n;
}

}  // namespace

namespace {

// Links of the translation with no text, whose destination the source links with text (and not
// as often with none): the translation dropped it (`[](url)` for `[**LANGUAGE**](url)`). One
// finding per such link.
void report_dropped_link_text(PairComparison& p) {
  const Document& td = *p.target.half.doc;
  const Document& sd = *p.source.half.doc;
  std::vector<const Link*> matched;  // each source link stands for one link of the translation
  auto [first, last] = Document::within(td.links(), p.target.half.content);
  auto [source_first, source_last] = Document::within(sd.links(), p.source.half.content);
  // An empty link of the source stands for one of the translation's to the same destination.
  std::vector<const Link*> empty_targets;
  for (auto t = first; t != last; ++t)
    if (t->kind == LinkKind::Inline && is_blank(td.slice(t->text))) empty_targets.push_back(&*t);
  for (auto s = source_first; s != source_last; ++s) {
    if (s->kind != LinkKind::Inline || !is_blank(sd.slice(s->text))) continue;
    auto same = std::find_if(empty_targets.begin(), empty_targets.end(),
                             [&](const Link* t) { return t && t->destination == s->destination; });
    if (same != empty_targets.end()) *same = nullptr;
  }
  for (const Link* t : empty_targets) {
    if (!t) continue;
    for (auto s = source_first; s != source_last; ++s) {
      if (s->kind != LinkKind::Inline || s->destination != t->destination || is_blank(sd.slice(s->text)) ||
          std::find(matched.begin(), matched.end(), &*s) != matched.end())
        continue;
      matched.push_back(&*s);
      p.report(kMarkup, t->span,
               fmt::format("link text dropped in translation: '{}' in translation, '{}' in source", q(td.slice(t->span)),
                           q(sd.slice(s->span))),
               sd.slice(s->span), s->span);
      break;
    }
  }
}

}  // namespace

void compare_markup_broken(PairComparison& p) {
  report_dropped_link_text(p);  // a defect of its own: the literal checks below go on
  const std::string_view T = p.target_text();
  // Every literal below starts with one of these bytes; most translations have none of them.
  if (std::none_of(std::begin(kMarkupStarts), std::end(kMarkupStarts),
                   [&](char c) { return std::memchr(T.data(), c, T.size()) != nullptr; }))
    return;
  struct Kind {
    std::vector<std::string_view> literals;
    const char* message;
  };
  static const Kind kinds[] = {
      {{"**", "__"}, "bold markers no longer pair in translation: '{}'"},
      {{"*"}, "italic markers no longer pair in translation: '{}'"},
      {{"](", "] ("}, "link syntax broken in translation: '{}'"},
      {{"<http", "< http"}, "autolink broken in translation: '{}'"},
      {{"`"}, "unbalanced backtick in translation: '{}'"},
  };
  for (const Kind& k : kinds) {
    size_t nt = 0, ns = 0, first = std::string::npos;
    std::string_view lit;
    for (std::string_view l : k.literals) {
      size_t f = std::string::npos;
      size_t c = count_literal(*p.target.half.doc, p.target.vis, l, &f);
      nt += c;
      if (c && f < first) {
        first = f;
        lit = l;
      }
    }
    if (nt == 0) continue;  // nothing stray in the translation: the source's count is moot
    for (std::string_view l : k.literals) ns += count_literal(*p.source.half.doc, p.source.vis, l);
    {
      if (nt <= ns) continue;
      // Quote from a little before the stray syntax to show what it was meant to wrap.
      size_t b = first, e = std::min(T.size(), first + lit.size());
      size_t back = 0;
      while (b > 0 && back < 12 && !(lit == "](" || lit == "] (")) {
        --b;
        if ((static_cast<uint8_t>(T[b]) & 0xC0) != 0x80) ++back;
      }
      if (lit == "](" || lit == "] (") {
        size_t open = T.rfind('[', first);
        if (open != std::string::npos && first - open < 200) b = open;
      }
      size_t fwd = 0;
      while (e < T.size() && fwd < 24) {
        utf8::next(T, e);
        ++fwd;
      }
      p.report(kMarkup, p.target.vis.span(first, first + lit.size()), fmt::format(fmt::runtime(k.message), excerpt(T.substr(b, e - b), 100)), {});
      p.broken = true;
      return;
    }
  }
}

}  // namespace loclint::checks::code

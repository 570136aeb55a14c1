#include "suppression_edit.h"

#include <md4c.h>

#include <vector>

#include "loclint/document.h"
#include "loclint/suppression.h"

namespace loclint::lsp {

namespace {

struct Structure {
  std::string out;
  int last_text = -1;  // type of the text run being appended to; -1 after any other event
  void mark(char kind, int type) {
    out += '\x01';
    out += kind;
    out += std::to_string(type);
    last_text = -1;
  }
  void attribute(const MD_ATTRIBUTE& a) {
    out += '\x02';
    if (a.text) out.append(a.text, a.size);
  }
};

int enter_block(MD_BLOCKTYPE type, void* detail, void* data) {
  auto& s = *static_cast<Structure*>(data);
  if (type == MD_BLOCK_HTML) return 0;
  s.mark('B', type);
  switch (type) {
    case MD_BLOCK_UL: {
      auto* d = static_cast<MD_BLOCK_UL_DETAIL*>(detail);
      s.out += std::to_string(d->is_tight) + d->mark;
      break;
    }
    case MD_BLOCK_OL: {
      auto* d = static_cast<MD_BLOCK_OL_DETAIL*>(detail);
      s.out += std::to_string(d->start) + "," + std::to_string(d->is_tight) + d->mark_delimiter;
      break;
    }
    case MD_BLOCK_H: s.out += std::to_string(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level); break;
    case MD_BLOCK_CODE: {
      auto* d = static_cast<MD_BLOCK_CODE_DETAIL*>(detail);
      s.out += d->fence_char ? d->fence_char : ' ';
      s.attribute(d->info);
      break;
    }
    case MD_BLOCK_TABLE: {
      auto* d = static_cast<MD_BLOCK_TABLE_DETAIL*>(detail);
      s.out += std::to_string(d->col_count) + "," + std::to_string(d->head_row_count) + "," + std::to_string(d->body_row_count);
      break;
    }
    case MD_BLOCK_TH:
    case MD_BLOCK_TD: s.out += std::to_string(static_cast<MD_BLOCK_TD_DETAIL*>(detail)->align); break;
    default: break;
  }
  return 0;
}

int leave_block(MD_BLOCKTYPE type, void*, void* data) {
  if (type != MD_BLOCK_HTML) static_cast<Structure*>(data)->mark('b', type);
  return 0;
}

int enter_span(MD_SPANTYPE type, void* detail, void* data) {
  auto& s = *static_cast<Structure*>(data);
  s.mark('S', type);
  if (type == MD_SPAN_A) s.attribute(static_cast<MD_SPAN_A_DETAIL*>(detail)->href);
  if (type == MD_SPAN_IMG) s.attribute(static_cast<MD_SPAN_IMG_DETAIL*>(detail)->src);
  return 0;
}

int leave_span(MD_SPANTYPE type, void*, void* data) {
  static_cast<Structure*>(data)->mark('s', type);
  return 0;
}

int text(MD_TEXTTYPE type, const MD_CHAR* chars, MD_SIZE size, void* data) {
  auto& s = *static_cast<Structure*>(data);
  if (type == MD_TEXT_HTML) return 0;  // HTML is what may differ; adjacent text runs join across it
  if (s.last_text != type) {
    s.mark('T', type);
    s.last_text = type;
  }
  s.out.append(chars, size);
  return 0;
}

std::string_view line_ending_after(std::string_view text, uint32_t end) {
  if (text.substr(end, 2) == "\r\n") return "\r\n";
  if (text.substr(end, 1) == "\n") return "\n";
  if (text.substr(end, 1) == "\r") return "\r";
  return {};
}

// The byte length of a list item marker and the white space after it at the start of `s`
// (`- `, `10. `), or 0. Past four spaces the content starts one space after the marker.
size_t list_marker(std::string_view s) {
  size_t i = 0;
  if (!s.empty() && (s[0] == '-' || s[0] == '+' || s[0] == '*')) {
    i = 1;
  } else {
    while (i < s.size() && i < 9 && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == 0 || i >= s.size() || (s[i] != '.' && s[i] != ')')) return 0;
    ++i;
  }
  size_t spaces = 0;
  while (i + spaces < s.size() && s[i + spaces] == ' ') ++spaces;
  if (spaces == 0) return 0;
  return i + (spaces > 4 ? 1 : spaces);
}

}  // namespace

std::string markdown_structure(std::string_view markdown) {
  Structure s;
  MD_PARSER parser{};
  parser.flags = kMarkdownParserFlags;  // as the document model
  parser.enter_block = enter_block;
  parser.leave_block = leave_block;
  parser.enter_span = enter_span;
  parser.leave_span = leave_span;
  parser.text = text;
  md_parse(markdown.data(), static_cast<MD_SIZE>(markdown.size()), &parser, &s);
  return s.out;
}

std::optional<SuppressionEdit> disable_rule_edit(const Document& doc, uint32_t offset, std::string_view rule_id) {
  if (doc.kind() != DocumentKind::Markdown) return std::nullopt;
  const std::string_view text = doc.text();
  const uint32_t body = doc.body().begin;
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text.size()));
  const std::string before = markdown_structure(text.substr(body));

  // Whether inserting `insert` at `at` keeps the structure and yields a directive of `kind` that
  // covers the finding.
  auto works = [&](uint32_t at, const std::string& insert, SuppressionDirective::Kind kind) {
    std::string edited;
    edited.reserve(text.size() + insert.size());
    edited.append(text.substr(0, at)).append(insert).append(text.substr(at));
    if (markdown_structure(std::string_view(edited).substr(body)) != before) return false;
    auto parsed = Document::parse(doc.path(), edited);
    const uint32_t moved = offset + (at <= offset ? static_cast<uint32_t>(insert.size()) : 0);
    const uint32_t line = parsed->lines().line_of(moved);
    for (const SuppressionDirective& d : parse_suppressions(*parsed)) {
      if (d.kind != kind || d.selectors.size() != 1 || d.selectors[0] != rule_id) continue;
      if (kind == SuppressionDirective::DisableFile || parsed->lines().line_of(d.span.end) + 1 == line) return true;
    }
    return false;
  };

  const uint32_t line = doc.lines().line_of(offset);
  const Span here = doc.lines().line_span(line);
  std::string_view eol = line_ending_after(text, here.end);
  if (eol.empty() && line > 1) eol = line_ending_after(text, doc.lines().line_span(line - 1).end);
  if (eol.empty()) eol = "\n";
  const std::string comment = "<!-- loclint-disable-next-line " + std::string(rule_id) + " -->";

  if (offset >= body) {
    struct Candidate {
      uint32_t at;
      std::string insert;
    };
    std::vector<Candidate> candidates;
    const std::string_view content = doc.slice(here);
    size_t p = 0;
    while (p < content.size() && (content[p] == ' ' || content[p] == '\t' || content[p] == '>')) ++p;
    const std::string prefix(content.substr(0, p));
    candidates.push_back({here.begin, prefix + comment + std::string(eol)});
    if (size_t marker = list_marker(content.substr(p)))
      candidates.push_back({here.begin, prefix + std::string(marker, ' ') + comment + std::string(eol)});
    if (line > 1 && doc.lines().line_start(line - 1) >= body) {
      const Span above = doc.lines().line_span(line - 1);
      uint32_t end = above.end;
      while (end > above.begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
      if (end > above.begin && text[end - 1] == '|') {
        uint32_t cell = end - 1;  // inside the last cell of a table row
        while (cell > above.begin && (text[cell - 1] == ' ' || text[cell - 1] == '\t')) --cell;
        candidates.push_back({cell, comment});
      }
      if (end > above.begin) candidates.push_back({end, comment});
    }
    for (const Candidate& c : candidates)
      if (works(c.at, c.insert, SuppressionDirective::DisableNextLine))
        return SuppressionEdit{{{c.at, c.at}, c.insert}, false};
  }
  std::string file_comment = "<!-- loclint-disable-file " + std::string(rule_id) + " -->" + std::string(eol);
  if (works(body, file_comment, SuppressionDirective::DisableFile))
    return SuppressionEdit{{{body, body}, std::move(file_comment)}, true};
  return std::nullopt;
}

}  // namespace loclint::lsp

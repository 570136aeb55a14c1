// Where a quote went wrong in front matter, when the YAML parser hides the mistake or blames another
// line. A legitimate multi-line quoted value has its continuation lines indented, so a
// continuation line that starts like a key at the key's own indentation is taken as the sign of
// a lost quote. Translators put apostrophes and quotation marks in titles: inside a quoted value
// they end it early, which the parser reports on that line as a bare error.
#include <cctype>

#include "front_matter.h"

namespace loclint {

namespace {

bool key_like(std::string_view line) {
  size_t i = 0;
  if (i >= line.size() || !(std::isalpha(static_cast<unsigned char>(line[i])) || line[i] == '_')) return false;
  while (i < line.size() &&
         (std::isalnum(static_cast<unsigned char>(line[i])) || line[i] == '_' || line[i] == '.' || line[i] == '-'))
    ++i;
  return i < line.size() && line[i] == ':' && (i + 1 == line.size() || line[i + 1] == ' ' || line[i + 1] == '\t');
}

struct QuotedValue {
  std::string key;
  uint32_t key_begin = 0;
  uint32_t quote = 0;  // offset of the opening quote
};

// The quoted values of the block: from the parsed entries, or, when YAML failed, from the
// top-level lines of an article's front matter.
std::vector<QuotedValue> quoted_values(std::string_view text, const LineIndex& lines, bool yaml_mime,
                                       const FrontMatter& fm) {
  std::vector<QuotedValue> out;
  if (!fm.error) {
    for (const FrontMatterEntry& e : fm.entries)
      if (e.is_scalar && !e.is_null && !e.value_span.empty() &&
          (text[e.value_span.begin] == '"' || text[e.value_span.begin] == '\''))
        out.push_back({e.key, e.key_span.begin, e.value_span.begin});
    return out;
  }
  if (yaml_mime || !fm.terminated) return out;
  for (uint32_t l = lines.line_of(fm.body.begin); l <= lines.line_count(); ++l) {
    Span ls = lines.line_span(l);
    if (ls.begin >= fm.body.end) break;
    std::string_view line = text.substr(ls.begin, ls.size());
    if (!key_like(line)) continue;
    size_t colon = line.find(':');
    size_t v = line.find_first_not_of(" \t", colon + 1);
    if (v != std::string_view::npos && (line[v] == '"' || line[v] == '\''))
      out.push_back({std::string(line.substr(0, colon)), ls.begin, ls.begin + static_cast<uint32_t>(v)});
  }
  return out;
}

std::optional<LostQuote> find_lost_quote(std::string_view text, const LineIndex& lines, bool yaml_mime,
                                         const FrontMatter& fm) {
  if (!fm.present || !fm.is_mapping) return std::nullopt;
  const uint32_t end = yaml_mime ? static_cast<uint32_t>(text.size()) : fm.body.end;
  for (const QuotedValue& qv : quoted_values(text, lines, yaml_mime, fm)) {
    const uint32_t q = qv.quote;
    const char quote = text[q];
    uint32_t close = 0;
    for (uint32_t i = q + 1; i < end; ++i) {
      if (quote == '"' && text[i] == '\\') {
        ++i;
        continue;
      }
      if (text[i] != quote) continue;
      if (quote == '\'' && i + 1 < end && text[i + 1] == '\'') {
        ++i;
        continue;
      }
      close = i;
      break;
    }
    const uint32_t first = lines.line_of(q);
    if (close != 0 && lines.line_of(close) == first) continue;
    const uint32_t last = close != 0 ? lines.line_of(close) : lines.line_of(end > 0 ? end - 1 : 0);
    const uint32_t indent = lines.position(qv.key_begin, ColumnUnit::Byte).column - 1;
    LostQuote s{qv.key, q, close != 0, {}, 0};
    for (uint32_t l = first + 1; l <= last && l <= lines.line_count(); ++l) {
      Span ls = lines.line_span(l);
      std::string_view line = text.substr(ls.begin, ls.size());
      size_t lead = line.find_first_not_of(' ');
      if (lead == std::string_view::npos || lead > indent || !key_like(line.substr(lead))) continue;
      s.next_key = std::string(line.substr(lead, line.find(':', lead) - lead));
      s.next_line = l;
      break;
    }
    // Never closed: the rest of the block is the value. Closed on a later line
    // with a key in between: the quote that closed it opened another value.
    if (!s.closed || s.next_line != 0) return s;
  }
  return std::nullopt;
}

// The quote that ends a quoted value early on the line of `error_offset`, or 0.
char inner_quote(std::string_view text, const LineIndex& lines, uint32_t error_offset) {
  Span ls = lines.line_span(lines.line_of(error_offset));
  std::string_view line = text.substr(ls.begin, ls.size());
  size_t lead = line.find_first_not_of(' ');
  if (lead == std::string_view::npos || !key_like(line.substr(lead))) return 0;
  size_t v = line.find_first_not_of(" \t", line.find(':', lead) + 1);
  if (v == std::string_view::npos || (line[v] != '"' && line[v] != '\'')) return 0;
  const char q = line[v];
  for (size_t i = v + 1; i < line.size(); ++i) {
    if (q == '"' && line[i] == '\\') {
      ++i;
      continue;
    }
    if (line[i] != q) continue;
    if (q == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
      ++i;
      continue;
    }
    size_t next = line.find_first_not_of(" \t", i + 1);
    if (next == std::string_view::npos || line[next] == '#') return 0;
    return q;
  }
  return 0;
}

}  // namespace

void recover_quotes(std::string_view text, const LineIndex& lines, bool yaml_mime, FrontMatter& fm) {
  fm.lost_quote = find_lost_quote(text, lines, yaml_mime, fm);
  if (fm.error && fm.terminated && fm.is_mapping && !fm.lost_quote) fm.inner_quote = inner_quote(text, lines, fm.error->offset);
}

}  // namespace loclint

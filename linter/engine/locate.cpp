#include "loclint/locate.h"

#include <algorithm>

#include "loclint/fix.h"

namespace loclint {

namespace {

constexpr size_t kMaxLineText = 4096;  // Finding::line_text

// The line and column of an offset in the three column units.
struct Located {
  Position codepoint, utf16, byte;
};

Located position_of(const Document& doc, uint32_t offset) {
  return {doc.position(offset), doc.position(offset, ColumnUnit::Utf16), doc.position(offset, ColumnUnit::Byte)};
}

// Positions of many offsets of one document. Columns are counted from the line start, so locating
// k findings on one long line one by one costs k times the line: 100 000 findings on a 1 MB line
// would take minutes. Here the offsets are sorted and each line is walked once.
class PositionTable {
 public:
  PositionTable(const Document& doc, std::vector<uint32_t> offsets) {
    std::sort(offsets.begin(), offsets.end());
    offsets.erase(std::unique(offsets.begin(), offsets.end()), offsets.end());
    const std::string_view text = doc.text();
    entries_.reserve(offsets.size());
    uint32_t line = 0, at = 0;  // the cursor: `cur` is the position of offset `at`
    Located cur{};
    for (uint32_t off : offsets) {
      const uint32_t l = doc.lines().line_of(off);
      const uint32_t start = doc.lines().line_start(l);
      if (l != line) {
        line = l;
        at = start;
        cur = Located{{l, 1}, {l, 1}, {l, 1}};
      }
      // Count on from the previous offset of the line, as LineIndex::position counts from the
      // line start (an invalid byte is one column; a sequence the offset falls inside
      // counts, without moving the cursor into its middle).
      Located result = cur;
      while (at < off) {
        const int len = utf8::sequence_length(text, at);
        const uint32_t step = len == 0 ? 1u : static_cast<uint32_t>(len);
        const uint32_t u16 = len == 4 ? 2u : 1u;
        result.codepoint.column = cur.codepoint.column + 1;
        result.utf16.column = cur.utf16.column + u16;
        if (at + step > off) break;
        cur.codepoint.column += 1;
        cur.utf16.column += u16;
        at += step;
      }
      result.byte = {l, off > start ? off - start + 1 : 1};  // inside the BOM: column 1
      if (at == off) result = Located{cur.codepoint, cur.utf16, result.byte};
      entries_.push_back({off, result});
    }
  }
  const Located& at(uint32_t offset) const {
    auto it = std::lower_bound(entries_.begin(), entries_.end(), offset,
                               [](const auto& e, uint32_t o) { return e.first < o; });
    return it->second;
  }

 private:
  std::vector<std::pair<uint32_t, Located>> entries_;
};

Diagnostic clamped(Diagnostic d, uint32_t size) {
  d.span.begin = std::min(d.span.begin, size);
  d.span.end = std::clamp(d.span.end, d.span.begin, size);
  return d;
}

Finding located(const Document& doc, Diagnostic d, const Located& start, const Located& end) {
  Finding f;
  f.path = doc.path();
  f.start = start.codepoint;
  f.end = end.codepoint;
  f.start_utf16 = start.utf16;
  f.end_utf16 = end.utf16;
  f.start_byte = start.byte;
  f.end_byte = end.byte;
  // Every finding keeps its line for context; a 1 MB line must not be copied per finding.
  std::string_view line = doc.slice(doc.lines().line_span(f.start.line));
  if (line.size() > kMaxLineText) {
    size_t cut = kMaxLineText;
    while (cut > 0 && (static_cast<uint8_t>(line[cut]) & 0xC0) == 0x80) --cut;  // a character boundary
    line = line.substr(0, cut);
  }
  f.line_text = std::string(line);
  std::string_view involved = doc.slice(d.span);
  if (involved.size() > 200) involved = involved.substr(0, 200);
  f.fingerprint = std::string(d.rule->id) + "|" + std::string(involved) + "|" + d.message;
  if (!d.source_location.empty()) d.message += " (" + d.source_location + ")";
  f.diagnostic = std::move(d);
  return f;
}

Finding::EditPosition edit_position(const Located& s, const Located& t) {
  return {s.codepoint, t.codepoint, s.utf16, t.utf16, s.byte, t.byte};
}

}  // namespace

Finding locate(const Document& doc, Diagnostic d) {
  d = clamped(std::move(d), static_cast<uint32_t>(doc.text().size()));
  if (d.fix && !valid_fix(*d.fix, doc.text().size(), doc.content_start())) d.fix.reset();
  Located start = position_of(doc, d.span.begin), end = position_of(doc, d.span.end);
  Finding f = located(doc, std::move(d), start, end);
  if (f.diagnostic.fix)
    for (const TextEdit& e : f.diagnostic.fix->edits)
      f.fix_positions.push_back(edit_position(position_of(doc, e.span.begin), position_of(doc, e.span.end)));
  return f;
}

std::vector<Finding> locate_all(const Document& doc, std::vector<Diagnostic> diagnostics) {
  const uint32_t size = static_cast<uint32_t>(doc.text().size());
  std::vector<uint32_t> offsets;
  offsets.reserve(diagnostics.size() * 2);
  for (Diagnostic& d : diagnostics) {
    d = clamped(std::move(d), size);
    offsets.push_back(d.span.begin);
    offsets.push_back(d.span.end);
    // A fix that would overlap itself or touch the BOM is a check's bug: drop it, keep the finding.
    if (d.fix && !valid_fix(*d.fix, size, doc.content_start())) d.fix.reset();
    if (d.fix)
      for (const TextEdit& e : d.fix->edits) {
        offsets.push_back(e.span.begin);
        offsets.push_back(e.span.end);
      }
  }
  PositionTable table(doc, std::move(offsets));
  std::vector<Finding> out;
  out.reserve(diagnostics.size());
  for (Diagnostic& d : diagnostics) {
    const Located& start = table.at(d.span.begin);
    const Located& end = table.at(d.span.end);
    out.push_back(located(doc, std::move(d), start, end));
    if (const std::optional<Fix>& fix = out.back().diagnostic.fix)
      for (const TextEdit& e : fix->edits)
        out.back().fix_positions.push_back(edit_position(table.at(e.span.begin), table.at(e.span.end)));
  }
  return out;
}

Finding path_finding(const std::string& path, const Rule& rule, Severity severity, std::string message) {
  Finding f;
  f.path = path;
  f.diagnostic.rule = &rule;
  f.diagnostic.severity = severity;
  f.diagnostic.message = std::move(message);
  f.start = f.end = f.start_utf16 = f.end_utf16 = f.start_byte = f.end_byte = Position{1, 1};
  f.fingerprint = std::string(rule.id);
  f.whole_file = true;
  return f;
}

bool finding_less(const Finding& a, const Finding& b) {
  if (int c = a.path.compare(b.path); c != 0) return c < 0;
  if (a.start.line != b.start.line) return a.start.line < b.start.line;
  if (a.start.column != b.start.column) return a.start.column < b.start.column;
  if (a.diagnostic.rule->id != b.diagnostic.rule->id) return a.diagnostic.rule->id < b.diagnostic.rule->id;
  return a.diagnostic.message < b.diagnostic.message;
}

void sort_findings(std::vector<Finding>& findings) { std::stable_sort(findings.begin(), findings.end(), finding_less); }

}  // namespace loclint

// Front matter: the `---` block at the top of an article, or the `metadata:` mapping of a
// docfx YamlMime file, parsed with yaml-cpp. Every key keeps its own location.
#include "front_matter.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>

namespace loclint {

const FrontMatterEntry* FrontMatter::find(std::string_view key) const {
  for (const auto& e : entries)
    if (e.key == key) return &e;
  return nullptr;
}

namespace {

// yaml-cpp is given the block with '\r' removed; lines stay the same, so a mark's line maps to
// a line of the file. Its column counts bytes of that line.
uint32_t mark_offset(const LineIndex& lines, uint32_t first_line, const YAML::Mark& m, std::string_view text) {
  if (m.line < 0) return lines.line_start(first_line);
  uint32_t line = first_line + static_cast<uint32_t>(m.line);
  line = std::min(line, lines.line_count());
  Span ls = lines.line_span(line);
  uint32_t col = m.column < 0 ? 0u : static_cast<uint32_t>(m.column);
  uint32_t off = std::min(ls.begin + col, ls.end);
  (void)text;
  return off;
}

std::string strip_cr(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      if (i + 1 < s.size() && s[i + 1] == '\n') continue;
      out += '\n';
      continue;
    }
    out += s[i];
  }
  return out;
}

// Where a scalar written on the line of `m` ends: the rest of the line without comments.
Span value_extent(std::string_view text, uint32_t begin, uint32_t line_end) {
  uint32_t end = line_end;
  if (begin < line_end && (text[begin] == '"' || text[begin] == '\'')) {
    char q = text[begin];
    for (uint32_t i = begin + 1; i < line_end; ++i)
      if (text[i] == q) {
        end = i + 1;
        break;
      }
  } else {
    for (uint32_t i = begin; i + 1 < line_end; ++i)
      if ((text[i] == ' ' || text[i] == '\t') && text[i + 1] == '#') {
        end = i;
        break;
      }
  }
  while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  return {begin, end};
}

void collect(const YAML::Node& map, FrontMatter& fm, const LineIndex& lines, uint32_t first_line,
             std::string_view text) {
  for (auto it = map.begin(); it != map.end(); ++it) {
    FrontMatterEntry e;
    // Copies, not references: `it->` returns a temporary pair whose members die with the
    // statement (AddressSanitizer: stack-use-after-scope). Nodes are cheap handles.
    const YAML::Node k = it->first;
    const YAML::Node v = it->second;
    e.key = k.IsScalar() ? k.Scalar() : std::string();
    uint32_t kb = mark_offset(lines, first_line, k.Mark(), text);
    uint32_t line = lines.line_of(kb);
    Span ls = lines.line_span(line);
    uint32_t ke = kb;
    // The key as written: up to the ':' that ends it (quoted keys included).
    if (kb < ls.end && (text[kb] == '"' || text[kb] == '\'')) {
      char q = text[kb];
      ke = kb + 1;
      while (ke < ls.end && text[ke] != q) ++ke;
      if (ke < ls.end) ++ke;
    } else {
      while (ke < ls.end && text[ke] != ':') ++ke;
      while (ke > kb && (text[ke - 1] == ' ' || text[ke - 1] == '\t')) --ke;
    }
    e.key_span = {kb, ke};
    if (!v.IsDefined() || v.IsNull()) {
      e.is_null = true;
      e.value_span = {ls.end, ls.end};
    } else if (v.IsScalar()) {
      e.value = v.Scalar();
      uint32_t vb = mark_offset(lines, first_line, v.Mark(), text);
      if (lines.line_of(vb) == line) {
        e.value_span = value_extent(text, vb, ls.end);
      } else {
        // Block scalars (`>` / `|`) and values on following lines: point at the value's start.
        Span vl = lines.line_span(lines.line_of(vb));
        e.value_span = value_extent(text, vb, vl.end);
      }
    } else {
      e.is_scalar = false;
      uint32_t vb = mark_offset(lines, first_line, v.Mark(), text);
      e.value_span = {vb, vb};
      if (v.IsSequence())
        for (const auto& item : v)
          if (item.IsScalar()) e.items.push_back(item.Scalar());
    }
    fm.entries.push_back(std::move(e));
  }
}

}  // namespace

FrontMatter parse_front_matter(std::string_view text, const LineIndex& lines, uint32_t start, bool yaml_mime,
                               Span* body_out) {
  FrontMatter fm;
  const uint32_t n = static_cast<uint32_t>(text.size());
  *body_out = {start, n};
  if (yaml_mime) {
    // The whole file is YAML; its metadata sits under `metadata:`.
    fm.body = {start, n};
    try {
      YAML::Node root = YAML::Load(strip_cr(text.substr(start)));
      if (root.IsMap()) {
        YAML::Node meta = root["metadata"];
        if (meta && meta.IsMap()) {
          fm.present = true;
          uint32_t mb = mark_offset(lines, lines.line_of(start), meta.Mark(), text);
          fm.span = {mb, mb};
          collect(meta, fm, lines, lines.line_of(start), text);
          if (!fm.entries.empty()) {
            uint32_t last = fm.entries.back().value_span.end;
            fm.span = {lines.line_start(lines.line_of(mb)), std::max(last, mb)};
          }
        } else if (meta) {
          fm.present = true;
          fm.is_mapping = false;
          uint32_t mb = mark_offset(lines, lines.line_of(start), meta.Mark(), text);
          fm.span = {mb, mb};
        }
      } else {
        fm.is_mapping = false;
      }
    } catch (const YAML::Exception& e) {
      fm.present = true;
      fm.error = FrontMatterError{e.msg, mark_offset(lines, lines.line_of(start), e.mark, text)};
    }
    return fm;
  }

  // `---` on the first line, then YAML, then `---` (or `...`) on a line of its own.
  auto line_is = [&](uint32_t line, std::string_view a, std::string_view b) {
    Span s = lines.line_span(line);
    std::string_view l = text.substr(s.begin, s.size());
    while (!l.empty() && (l.back() == ' ' || l.back() == '\t')) l.remove_suffix(1);
    return l == a || (!b.empty() && l == b);
  };
  const uint32_t first = lines.line_of(start);
  if (first > lines.line_count() || !line_is(first, "---", "")) return fm;
  // A thematic break followed by Markdown is not front matter; but a document starting with
  // `---` is front matter in docfx, so treat it as such and report when it is never closed.
  fm.present = true;
  uint32_t close = 0;
  for (uint32_t l = first + 1; l <= lines.line_count(); ++l)
    if (line_is(l, "---", "...")) {
      close = l;
      break;
    }
  const uint32_t body_begin = first + 1 <= lines.line_count() ? lines.line_start(first + 1) : n;
  if (close == 0) {
    fm.terminated = false;
    fm.span = {start, n};
    fm.body = {std::min(body_begin, n), n};
    fm.error = FrontMatterError{"front matter is never closed: no '---' line after the opening one", start};
    *body_out = {n, n};
    return fm;
  }
  const uint32_t body_end = lines.line_start(close);
  Span close_line = lines.line_span(close);
  uint32_t after = close < lines.line_count() ? lines.line_start(close + 1) : close_line.end;
  fm.span = {start, close_line.end};
  fm.body = {body_begin, body_end};
  *body_out = {after, n};
  std::string yaml = strip_cr(text.substr(body_begin, body_end - body_begin));
  try {
    YAML::Node root = YAML::Load(yaml);
    if (!root || root.IsNull()) return fm;  // empty front matter
    if (!root.IsMap()) {
      fm.is_mapping = false;
      fm.error = FrontMatterError{"front matter is not a mapping of keys to values", body_begin};
      return fm;
    }
    collect(root, fm, lines, first + 1, text);
  } catch (const YAML::Exception& e) {
    fm.entries.clear();
    fm.error = FrontMatterError{e.msg, mark_offset(lines, first + 1, e.mark, text)};
  }
  return fm;
}

}  // namespace loclint

#include "yaml_input.h"

#include <algorithm>

namespace loclint {

YamlInput::YamlInput(std::string_view s) {
  bytes.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '\r') {
      if (!(i + 1 < s.size() && s[i + 1] == '\n')) bytes += '\n';
      ++i;
      continue;
    }
    if (c < 0x80) {
      // A run of printable ASCII, tabs and line feeds (nearly all of a front matter) as one append.
      size_t e = i;
      auto plain = [](unsigned char b) { return (b >= 0x20 && b < 0x7F) || b == '\t' || b == '\n'; };
      while (e < s.size() && plain(static_cast<unsigned char>(s[e]))) ++e;
      if (e > i) {
        bytes.append(s.substr(i, e - i));
        i = e;
        continue;
      }
      bytes += '?';  // another C0 control, or DEL
      ++i;
      continue;
    }
    const int n = utf8::sequence_length(s, i);
    if (n <= 0) {
      bytes += '?';
      ++i;
      continue;
    }
    size_t at = i;
    const char32_t cp = utf8::next(s, at);
    if ((cp >= 0x80 && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF) {
      bytes.append(static_cast<size_t>(n), '?');
    } else if (cp == 0x2028 || cp == 0x2029) {
      bytes += cp == 0x2028 ? "\xEE\x80\xA8" : "\xEE\x80\xA9";
      separators = true;
    } else {
      bytes.append(s.substr(i, static_cast<size_t>(n)));
    }
    i += static_cast<size_t>(n);
  }
  lines = LineIndex(bytes);
}

void YamlInput::restore(std::string& value) const {
  if (!separators) return;
  for (size_t at = 0; (at = value.find("\xEE\x80", at)) != std::string::npos; at += 3)
    if (at + 2 < value.size() && (value[at + 2] == '\xA8' || value[at + 2] == '\xA9'))
      value.replace(at, 3, value[at + 2] == '\xA8' ? "\xE2\x80\xA8" : "\xE2\x80\xA9");
}

uint32_t YamlInput::byte_column(const YamlMark& m) const {
  if (m.line < 0 || static_cast<uint32_t>(m.line) >= lines.line_count() || m.column <= 0) return 0;
  const uint32_t start = line_begin(static_cast<uint32_t>(m.line) + 1);
  size_t i = start;
  for (int c = 0; c < m.column && i < bytes.size() && bytes[i] != '\n'; ++c) {
    int n = utf8::sequence_length(bytes, i);
    i += n > 0 ? static_cast<size_t>(n) : 1;
  }
  return static_cast<uint32_t>(i - start);
}

uint32_t mark_offset(const LineIndex& lines, uint32_t first_line, const YamlInput& input, const YamlMark& m) {
  if (m.line < 0) return lines.line_start(first_line);
  uint32_t line = first_line + static_cast<uint32_t>(m.line);
  line = std::min(line, lines.line_count());
  Span ls = lines.line_span(line);
  return std::min(ls.begin + input.byte_column(m), ls.end);
}

}  // namespace loclint

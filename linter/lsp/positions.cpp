#include "positions.h"

#include <algorithm>

namespace loclint::lsp {

std::string_view encoding_name(Encoding e) {
  switch (e) {
    case Encoding::Utf8: return "utf-8";
    case Encoding::Utf32: return "utf-32";
    default: return "utf-16";
  }
}

LineMap::LineMap(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (uint32_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      starts_.push_back(i + 1);
    } else if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      starts_.push_back(i + 1);
    }
  }
}

uint32_t LineMap::line_end(uint32_t line) const {
  uint32_t end = line + 1 < starts_.size() ? starts_[line + 1] : static_cast<uint32_t>(text_.size());
  uint32_t start = starts_[line];
  if (end > start && text_[end - 1] == '\n') --end;
  if (end > start && text_[end - 1] == '\r') --end;
  return end;
}

namespace {
// Code units of the character at text[i] and its length in bytes (an invalid byte is one
// character of one unit in every encoding: editors show it as one replacement character).
uint32_t units(std::string_view text, uint32_t i, Encoding e, uint32_t& bytes) {
  int len = utf8::sequence_length(text, i);
  bytes = len == 0 ? 1u : static_cast<uint32_t>(len);
  switch (e) {
    case Encoding::Utf8: return bytes;
    case Encoding::Utf32: return 1;
    default: return len == 4 ? 2u : 1u;
  }
}
}  // namespace

LspPosition LineMap::position(uint32_t offset, Encoding encoding) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  uint32_t line = static_cast<uint32_t>(it - starts_.begin()) - 1;
  uint32_t end = std::min(offset, line_end(line));
  uint32_t character = 0;
  for (uint32_t i = starts_[line]; i < end;) {
    uint32_t bytes;
    uint32_t u = units(text_, i, encoding, bytes);
    if (i + bytes > end) break;  // inside a character: its start
    character += u;
    i += bytes;
  }
  return {line, character};
}

uint32_t LineMap::offset(LspPosition p, Encoding encoding) const {
  if (p.line >= starts_.size()) return static_cast<uint32_t>(text_.size());
  const uint32_t end = line_end(p.line);
  uint32_t i = starts_[p.line], character = 0;
  while (i < end) {
    uint32_t bytes;
    uint32_t u = units(text_, i, encoding, bytes);
    if (character + u > p.character) break;  // p falls inside this character (or before it)
    character += u;
    i += bytes;
  }
  return i;
}

void apply_change(std::string& text, const LspRange& range, std::string_view replacement, Encoding encoding) {
  LineMap map(text);
  uint32_t begin = map.offset(range.start, encoding), end = map.offset(range.end, encoding);
  if (end < begin) std::swap(begin, end);
  text.replace(begin, end - begin, replacement);
}

}  // namespace loclint::lsp

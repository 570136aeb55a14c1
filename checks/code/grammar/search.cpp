#include "search.h"

#include "chars.h"

#include <unicode/uchar.h>

#include "loclint/text.h"

namespace loclint::checks::code {

Folded fold(std::string_view text, FoldOptions options) {
  Folded f;
  f.text.reserve(text.size());
  f.map.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size();) {
    size_t start = i;
    if (options.drop_space && space_length(text, i)) {
      i += space_length(text, i);
      continue;
    }
    char32_t cp = utf8::next(text, i);
    std::string piece;
    utf8::append(piece, cp);
    if (options.nfkc && cp >= 0x80) piece = nfkc(piece);
    std::string out;
    for (size_t k = 0; k < piece.size();) {
      char32_t c = utf8::next(piece, k);
      if (options.drop_space && u_isUWhiteSpace(static_cast<UChar32>(c))) continue;
      if (options.lower) c = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
      utf8::append(out, c);
    }
    for (size_t k = 0; k < out.size(); ++k) f.map.push_back(start);
    f.text += out;
  }
  f.map.push_back(text.size());
  return f;
}

bool at_boundary(std::string_view hay, size_t b, size_t e, bool strict) {
  if (b >= e || e > hay.size()) return false;
  const char first = hay[b], last = hay[e - 1];
  if (b > 0) {
    char c = hay[b - 1];
    if ((is_word_byte(c) && is_word_byte(first)) || (strict && (c == '-' || c == '$'))) return false;
    if (c == '.' && b > 1 && is_ascii_alnum(hay[b - 2]) && is_ascii_alnum(first)) return false;
  }
  if (e < hay.size()) {
    char c = hay[e];
    if ((is_word_byte(c) && is_word_byte(last)) || (strict && c == '-')) return false;
    if (c == '.' && e + 1 < hay.size() && is_ascii_alnum(hay[e + 1]) && is_ascii_alnum(last)) return false;
  }
  return true;
}

size_t find_token(std::string_view hay, std::string_view needle, size_t from, bool strict) {
  if (needle.empty()) return std::string_view::npos;
  for (size_t pos = hay.find(needle, from); pos != std::string_view::npos; pos = hay.find(needle, pos + 1))
    if (at_boundary(hay, pos, pos + needle.size(), strict)) return pos;
  return std::string_view::npos;
}

std::optional<std::pair<size_t, size_t>> find_folded(std::string_view original, const Folded& folded,
                                                     std::string_view needle, bool strict) {
  if (needle.empty()) return std::nullopt;
  for (size_t pos = folded.text.find(needle); pos != std::string::npos; pos = folded.text.find(needle, pos + 1)) {
    size_t b = folded.map[pos];
    size_t e = folded.map[pos + needle.size() - 1];
    utf8::next(original, e);
    // The match must start and end on whole code points of the original.
    if (pos > 0 && folded.map[pos - 1] == b) continue;
    if (pos + needle.size() < folded.text.size() && folded.map[pos + needle.size()] < e) continue;
    if (at_boundary(original, b, e, strict)) return std::make_pair(b, e);
  }
  return std::nullopt;
}

}  // namespace loclint::checks::code

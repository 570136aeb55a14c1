// Character classes of the code family's grammar: ASCII letters and digits, the bytes of names,
// and the spaces that separate words (ASCII, no-break and ideographic).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>

namespace loclint::checks::code {

inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_letter(char c) { return is_upper(c) || is_lower(c); }
inline bool is_ascii_alnum(char c) { return is_letter(c) || is_digit(c); }
inline bool is_word_byte(char c) { return is_ascii_alnum(c) || c == '_'; }

// True when `s` is not empty and every byte satisfies `pred`.
inline bool all_of(std::string_view s, bool (*pred)(char)) { return !s.empty() && std::all_of(s.begin(), s.end(), pred); }
inline bool contains(std::initializer_list<std::string_view> list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

// The length in bytes of the white space at text[i] (ASCII white space, no-break spaces and the
// ideographic space: what separates words), or 0.
size_t space_length_slow(std::string_view text, size_t i);  // the non-ASCII case (words.cpp)
inline size_t space_length(std::string_view text, size_t i) {
  if (i >= text.size()) return 0;
  const char c = text[i];
  if (static_cast<uint8_t>(c) >= 0x80) return space_length_slow(text, i);
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ? 1 : 0;
}

}  // namespace loclint::checks::code

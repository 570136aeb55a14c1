#include "search.h"

#include <algorithm>

#include "chars.h"

#include <unicode/uchar.h>
#include <unicode/uspoof.h>
#include <unicode/utf16.h>

#include <cctype>
#include <memory>
#include <unordered_map>

#include "loclint/html_entities.h"
#include "loclint/text.h"

namespace loclint::checks::code {

namespace {

// The ASCII punctuation a character is confusable with, by Unicode's confusables data (UTS #39
// skeletons, ICU's spoof checker): U+2011 NON-BREAKING HYPHEN and U+2212 MINUS SIGN are '-',
// U+FF04 is '$'. Zero when it is none: letters are left to NFKC, so that a word of another
// script is never read as a Latin name.
char lookalike_punct(char32_t cp) {
  thread_local std::unordered_map<char32_t, char> cache;
  struct Close {
    void operator()(USpoofChecker* c) const { uspoof_close(c); }
  };
  // One per thread (a checker is not thread-safe), closed when the thread ends.
  thread_local std::unique_ptr<USpoofChecker, Close> owner([] {
    UErrorCode status = U_ZERO_ERROR;
    USpoofChecker* c = uspoof_open(&status);
    return U_SUCCESS(status) ? c : nullptr;
  }());
  USpoofChecker* checker = owner.get();
  auto it = cache.find(cp);
  if (it != cache.end()) return it->second;
  char out = 0;
  if (checker && !u_isalnum(static_cast<UChar32>(cp))) {
    UChar in[2];
    int32_t len = 0;
    U16_APPEND_UNSAFE(in, len, static_cast<UChar32>(cp));
    UChar skeleton[8];
    UErrorCode status = U_ZERO_ERROR;
    int32_t n = uspoof_getSkeleton(checker, 0, in, len, skeleton, 8, &status);
    if (U_SUCCESS(status) && n == 1 && skeleton[0] < 0x80 && skeleton[0] > 0x20 && !is_ascii_alnum(static_cast<char>(skeleton[0])))
      out = static_cast<char>(skeleton[0]);
  }
  cache.emplace(cp, out);
  return out;
}

// A numeric character reference at text[i] ("&#8209;", "&#x2011;"), also one that machine
// translation spaced out ("& #8209;") when `spaced`: its code point, and where it ends. This only
// finds the reference's extent; the decoding is the project's one (html_entities.h: 0x80-0x9F
// as Windows-1252, surrogates as U+FFFD).
std::optional<std::pair<char32_t, size_t>> char_reference(std::string_view text, size_t i, bool spaced) {
  size_t k = i + 1;
  auto blanks = [&] {
    while (spaced && k < text.size() && text[k] == ' ') ++k;
  };
  blanks();
  if (k >= text.size() || text[k] != '#') return std::nullopt;
  std::string reference = "&#";
  ++k;
  if (k < text.size() && (text[k] == 'x' || text[k] == 'X')) reference += text[k++];
  size_t digits = 0;
  for (; k < text.size() && digits < 7 && std::isxdigit(static_cast<unsigned char>(text[k])); ++k, ++digits)
    reference += text[k];
  blanks();
  if (digits == 0 || k >= text.size() || text[k] != ';') return std::nullopt;
  reference += ';';
  const std::string decoded = decode_character_reference(reference);
  if (decoded == reference) return std::nullopt;  // not a reference (decimal digits a-f, ...)
  size_t p = 0;
  const char32_t cp = utf8::next(decoded, p);
  if (cp == 0 || cp == 0xFFFD) return std::nullopt;
  return std::make_pair(cp, k + 1);
}

}  // namespace

Folded fold(std::string_view text, FoldOptions options) {
  Folded f;
  f.text.reserve(text.size());
  f.map.reserve(text.size() + 1);
  std::string piece;  // one code point, then its fold (reused: no allocation per code point)
  for (size_t i = 0; i < text.size();) {
    size_t start = i;
    if (options.drop_space && space_length(text, i)) {
      i += space_length(text, i);
      continue;
    }
    char32_t cp;
    if (auto ref = options.nfkc && text[i] == '&' ? char_reference(text, i, options.drop_space) : std::nullopt) {
      // An entity left as text (escaped, or broken by spaces) stands for its character.
      cp = ref->first;
      i = ref->second;
    } else {
      cp = utf8::next(text, i);
    }
    if (cp < 0x80) {
      // ASCII (most of any text, and all of a command): no normalization form changes it.
      if (options.drop_space && u_isUWhiteSpace(static_cast<UChar32>(cp))) continue;
      char c = static_cast<char>(cp);
      if (options.lower && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      f.map.push_back(start);
      f.text += c;
      continue;
    }
    piece.clear();
    utf8::append(piece, cp);
    if (options.nfkc) {
      if (char p = lookalike_punct(cp)) piece.assign(1, p);
      else piece = nfkc(piece);
    }
    const size_t before = f.text.size();
    for (size_t k = 0; k < piece.size();) {
      char32_t c = utf8::next(piece, k);
      if (options.drop_space && u_isUWhiteSpace(static_cast<UChar32>(c))) continue;
      if (options.lower) c = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
      utf8::append(f.text, c);
    }
    f.map.insert(f.map.end(), f.text.size() - before, start);
  }
  f.map.push_back(text.size());
  return f;
}

namespace {
// Whether the `-` at hay[k] follows a Hebrew letter (U+05D0-U+05EA, UTF-8 D7 90-AA): Hebrew
// writes its one-letter prefixes before a foreign word or a number with a hyphen (ב-Get-Item,
// "in Get-Item"; ל-50%), and the word after it is whole.
bool hebrew_prefix_hyphen(std::string_view hay, size_t k) {
  return hay[k] == '-' && k >= 2 && static_cast<uint8_t>(hay[k - 2]) == 0xD7 && static_cast<uint8_t>(hay[k - 1]) >= 0x90 &&
         static_cast<uint8_t>(hay[k - 1]) <= 0xAA;
}
}  // namespace

bool at_boundary(std::string_view hay, size_t b, size_t e, bool strict) {
  if (b >= e || e > hay.size()) return false;
  const char first = hay[b], last = hay[e - 1];
  if (b > 0) {
    char c = hay[b - 1];
    if ((is_word_byte(c) && is_word_byte(first)) || (strict && (c == '$' || (c == '-' && !hebrew_prefix_hyphen(hay, b - 1)))))
      return false;
    // A Windows option is no option glued to a word (`Switch/Router`, `Leise/Quiet`).
    if (first == '/' && is_ascii_alnum(c)) return false;
    if (c == '.' && b > 1 && is_ascii_alnum(hay[b - 2]) && is_ascii_alnum(first)) return false;
  }
  if (e < hay.size()) {
    char c = hay[e];
    if ((is_word_byte(c) && is_word_byte(last)) || (strict && c == '-')) return false;
    if (c == '.' && e + 1 < hay.size() && is_ascii_alnum(hay[e + 1]) && is_ascii_alnum(last)) return false;
  }
  return true;
}

size_t find_standing(std::string_view text, std::string_view word, bool (*glued)(int32_t)) {
  auto glued_at = [&](size_t k) { return glued(static_cast<int32_t>(utf8::next(text, k))); };  // the code point at byte k
  for (size_t p = text.find(word); !word.empty() && p != std::string_view::npos; p = text.find(word, p + 1)) {
    size_t prev = p;
    if (prev > 0) {
      do --prev;
      while (prev > 0 && (static_cast<uint8_t>(text[prev]) & 0xC0) == 0x80);
    }
    const size_t e = p + word.size();
    if ((p == 0 || !glued_at(prev)) && (e >= text.size() || !glued_at(e))) return p;
  }
  return std::string_view::npos;
}

size_t find_token(std::string_view hay, std::string_view needle, size_t from, bool strict) {
  if (needle.empty()) return std::string_view::npos;
  for (size_t pos = hay.find(needle, from); pos != std::string_view::npos; pos = hay.find(needle, pos + 1))
    if (at_boundary(hay, pos, pos + needle.size(), strict)) return pos;
  return std::string_view::npos;
}

size_t count_tokens(std::string_view hay, std::string_view needle) {
  size_t n = 0;
  for (size_t at = find_token(hay, needle); at != std::string_view::npos; at = find_token(hay, needle, at + 1)) ++n;
  return n;
}

std::optional<std::pair<size_t, size_t>> find_folded(std::string_view original, const Folded& folded,
                                                     std::string_view needle, bool strict, size_t from) {
  if (needle.empty()) return std::nullopt;
  // The map is non-decreasing: the search starts at the first folded byte at or after `from`.
  const size_t start = from == 0 ? 0 : static_cast<size_t>(std::lower_bound(folded.map.begin(), folded.map.begin() + static_cast<std::ptrdiff_t>(folded.text.size()), from) - folded.map.begin());
  for (size_t pos = folded.text.find(needle, start); pos != std::string::npos; pos = folded.text.find(needle, pos + 1)) {
    size_t b = folded.map[pos];
    if (b < from) continue;
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

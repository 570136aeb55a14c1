#include <unicode/uchar.h>

// Placeholders: {0}, {name}, {{var}}, %s, %1$d, $(var), <name>, %VAR%, and date formats.
#include <array>
#include <cstring>

#include "tokens.h"
#include "words.h"

#include "loclint/text.h"

namespace loclint::checks::code {

namespace {
// Whether the `{` at text[i] opens a TeX group: after a superscript `^` or a control word
// (`e^{i}`, `\ket{x}`, `\begin{align}`), spaces between allowed (machine translation adds them).
bool tex_group(std::string_view text, size_t i) {
  size_t k = i;
  while (k > 0 && text[k - 1] == ' ') --k;
  if (k == 0) return false;
  if (text[k - 1] == '^') return true;
  size_t w = k;
  while (w > 0 && is_letter(text[w - 1])) --w;
  // A control word of two letters or more, its backslash not escaped (`\t{0}`, `\\file{0}`: not).
  if (k - w < 2 || w == 0 || text[w - 1] != '\\') return false;
  size_t slashes = 0;
  for (size_t q = w; q > 0 && text[q - 1] == '\\'; --q) ++slashes;
  return slashes % 2 == 1;
}
}  // namespace

void find_placeholders(std::string_view text, size_t b, size_t e, std::vector<Token>& out) {
  size_t i = b;
  auto add = [&](size_t from, size_t to) {
    out.push_back({TokenKind::Placeholder, from, to, std::string(text.substr(from, to - from)), true});
    i = to;
  };
  while (i < e) {
    char c = text[i];
    if (c == '{') {
      if (i + 1 < e && text[i + 1] == '{') {
        size_t close = text.find("}}", i + 2);
        if (close != std::string_view::npos && close + 2 <= e && close > i + 2 &&
            std::all_of(text.begin() + static_cast<long>(i + 2), text.begin() + static_cast<long>(close),
                        [](char ch) { return is_word_byte(ch) || ch == '.' || ch == ' ' || ch == '-'; })) {
          add(i, close + 2);
          continue;
        }
      } else {
        // The name may be in any script: a translation that translated it (`{имя}` for `{name}`)
        // still wrote a placeholder, and is told which.
        // Letters and digits of any script (u_isalnum), not its punctuation (`{赤、緑、青}` is a list).
        // Python's str.format adds a conversion (`{name!r}`) and, after the `:`, a format spec
        // with fill, alignment, sign and grouping (`{value:>10}`, `{n:,}`, `{x:+.2%}`; "Format
        // Specification Mini-Language").
        size_t j = i + 1;
        bool spec = false;
        while (j < e) {
          if (is_word_byte(text[j]) || text[j] == '.' || text[j] == ':' || text[j] == '-') {
            spec = spec || text[j] == ':';
            ++j;
            continue;
          }
          if (!spec && text[j] == '!' && j + 2 < e && std::strchr("rsa", text[j + 1]) && (text[j + 2] == '}' || text[j + 2] == ':')) {
            j += 2;
            continue;
          }
          if (spec && std::strchr("<>^=+#,%", text[j])) {
            ++j;
            continue;
          }
          if (static_cast<uint8_t>(text[j]) < 0x80) break;
          size_t k = j;
          if (!u_isalnum(static_cast<UChar32>(utf8::next(text, k)))) break;
          j = k;
        }
        // `{0..n}`, `{1..10}`: a range in set or shell notation, not a name.
        const bool range = text.substr(i + 1, j - i - 1).find("..") != std::string_view::npos;
        if (j < e && text[j] == '}' && j > i + 1 && !range &&
            (is_letter(text[i + 1]) || is_digit(text[i + 1]) || text[i + 1] == '_' || static_cast<uint8_t>(text[i + 1]) >= 0x80) &&
            !tex_group(text, i)) {
          add(i, j + 1);
          continue;
        }
      }
    } else if (c == '%') {
      bool before_ok = i == 0 || !is_ascii_alnum(text[i - 1]);
      size_t j = i + 1;
      // %VAR% (Windows environment variables)
      if (before_ok && j < e && (is_letter(text[j]) || text[j] == '_')) {
        size_t k = j;
        while (k < e && is_word_byte(text[k])) ++k;
        if (k < e && text[k] == '%' && k > j + 1) {
          add(i, k + 1);
          continue;
        }
      }
      // printf (C99 7.21.6.1, POSIX): %[n$][flags][width][.precision][length]conversion, with
      // POSIX's thousands flag ' and the length modifiers hh h l ll L j z t (q: BSD). %b and %B
      // are the binary conversions of C23 (and GNU's strftime-like month in some message
      // catalogs); each is a placeholder whose letter case matters.
      if (before_ok) {
        size_t k = j;
        while (k < e && is_digit(text[k])) ++k;
        if (k < e && text[k] == '$' && k > j) ++k;
        else k = j;
        // Python's printf-style formatting names its argument instead (`%(name)s`, "printf-style
        // String Formatting"), in any script: a translated name is still a placeholder, and told.
        bool mapping_key = false;
        if (k == j && k < e && text[k] == '(') {
          size_t m = k + 1;
          while (m < e && text[m] != ')' && (is_word_byte(text[m]) || static_cast<uint8_t>(text[m]) >= 0x80)) {
            if (static_cast<uint8_t>(text[m]) < 0x80) {
              ++m;
              continue;
            }
            size_t q = m;
            if (!u_isalnum(static_cast<UChar32>(utf8::next(text, q)))) break;
            m = q;
          }
          if (m < e && text[m] == ')' && m > k + 1) {
            k = m + 1;
            mapping_key = true;
          }
        }
        while (k < e && (text[k] == '-' || text[k] == '+' || text[k] == '#' || text[k] == '0' || text[k] == '\'')) ++k;
        while (k < e && is_digit(text[k])) ++k;
        if (k + 1 < e && text[k] == '.' && is_digit(text[k + 1])) {
          ++k;
          while (k < e && is_digit(text[k])) ++k;
        }
        const size_t length_at = k;
        if (k + 1 < e && ((text[k] == 'h' && text[k + 1] == 'h') || (text[k] == 'l' && text[k + 1] == 'l'))) k += 2;
        else if (k + 1 < e && std::strchr("hlLjztq", text[k])) ++k;
        // A length modifier needs an integer or floating conversion after it (%lu, %Lf), so that
        // "%l" in prose never starts one.
        const char* conversions = k > length_at ? "diuoxXfFeEgGaAn" : mapping_key ? "sdiufFxXoeEgGcraA" : "sdiufFxXoeEgGcbBaAp";
        if (k < e && std::strchr(conversions, text[k]) && (k + 1 >= text.size() || (!is_letter(text[k + 1]) && text[k + 1] != '\'' && static_cast<uint8_t>(text[k + 1]) < 0x80))) {
          add(i, k + 1);
          continue;
        }
      }
    } else if (c == '$' && i + 1 < e && text[i + 1] == '(') {
      // An MSBuild, Azure Pipelines or make variable: $(Name), $(Build.BuildId). What else
      // follows "$(" (a regular expression's "$(Translation:$1)", a subexpression) is not one.
      size_t j = i + 2;
      while (j < e && (is_word_byte(text[j]) || text[j] == '.' || text[j] == '-')) ++j;
      if (j < e && text[j] == ')' && j > i + 2 && (is_letter(text[i + 2]) || text[i + 2] == '_')) {
        add(i, j + 1);
        continue;
      }
    } else if (c == '<' && i + 1 < e && is_letter(text[i + 1])) {
      size_t j = i + 1;
      while (j < e && (is_word_byte(text[j]) || text[j] == '-' || text[j] == '.')) ++j;
      if (j < e && text[j] == '>') {
        add(i, j + 1);
        continue;
      }
    }
    ++i;
  }
}


bool may_have_placeholders(std::string_view text) {
  static constexpr auto kFormatByte = [] {
    std::array<bool, 256> t{};
    for (char c : std::string_view("yMdHhmsfFzZTKtg-:/. ")) t[static_cast<uint8_t>(c)] = true;
    return t;
  }();
  // Every placeholder but a date format starts with one of four bytes: memchr finds them
  // faster than a loop over the bytes.
  for (char start : {'{', '%', '$', '<'})
    if (std::memchr(text.data(), start, text.size())) return true;
  // Six format bytes in a row (what is_format_pattern needs). A run of six that is there
  // covers every sixth byte, so the bytes in between are read only around a format byte.
  const size_t n = text.size();
  auto format = [&](size_t k) { return kFormatByte[static_cast<uint8_t>(text[k])]; };
  for (size_t i = 5; i < n;) {
    if (!format(i)) {
      i += 6;  // any run of six that contains one of text[i - 5, i] contains text[i]
      continue;
    }
    size_t b = i, e = i + 1;
    while (b > i - 5 && format(b - 1)) --b;
    while (e < n && e - b < 6 && format(e)) ++e;
    if (e - b >= 6) return true;
    i = e + 6;  // text[e] is not a format byte: the next run of six starts after it
  }
  return false;
}

bool is_format_pattern(std::string_view w) {
  if (w.size() < 6) return false;
  if (!std::all_of(w.begin(), w.end(), [](char c) { return std::strchr("yMdHhmsfFzZTKtg-:/. ", c) != nullptr; }))
    return false;
  bool year = w.find("yy") != std::string_view::npos, day = w.find("dd") != std::string_view::npos;
  bool hour = w.find("HH") != std::string_view::npos || w.find("hh") != std::string_view::npos;
  bool minute = w.find("mm") != std::string_view::npos;
  return (year && day) || (hour && minute);
}

bool is_format_picture(std::string_view w) {
  // One letter of a date or time picture, written two to five times: dd ddd dddd, MM MMM
  // MMMM, y yy yyyy yyyyy, g gg, h hh, H HH, m mm, s ss, t tt, f..fffff, z zz, K (.NET custom
  // date and time format strings; Win32 "Day, Month, Year, and Era Format Pictures").
  // One letter alone is left out: a units column's `m` (metre) is no picture.
  if (w.size() < 2 || w.size() > 5 || std::strchr("dMyghHmstfzK", w[0]) == nullptr) return false;
  return std::all_of(w.begin(), w.end(), [&](char c) { return c == w[0]; });
}

}  // namespace loclint::checks::code

#include "loclint/text.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>
#include <uriparser/Uri.h>

#include <algorithm>
#include <cstring>

namespace loclint {

LineIndex::LineIndex(std::string_view text) : text_(text) {
  const char* data = text.data();
  const size_t n = text.size();
  uint32_t first = (n >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") ? 3 : 0;
  starts_.reserve(n / 48 + 2);
  starts_.push_back(first);
  // memchr must not see the null pointer of an empty view, even with a zero length.
  if (n == first) return;
  if (!std::memchr(data + first, '\r', n - first)) {
    // Only "\n" endings (nearly every file): memchr finds them many bytes at a time.
    const char* p = data + first;
    const char* end = data + n;
    while (const void* nl = std::memchr(p, '\n', static_cast<size_t>(end - p))) {
      p = static_cast<const char*>(nl) + 1;
      starts_.push_back(static_cast<uint32_t>(p - data));
    }
    return;
  }
  for (size_t i = first; i < n; ++i) {
    const char c = data[i];
    if (c == '\n') {
      starts_.push_back(static_cast<uint32_t>(i + 1));
    } else if (c == '\r') {
      if (i + 1 < n && data[i + 1] == '\n') ++i;
      starts_.push_back(static_cast<uint32_t>(i + 1));
    }
  }
}

uint32_t LineIndex::line_of(uint32_t offset) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  if (it == starts_.begin()) return 1;
  return static_cast<uint32_t>(it - starts_.begin());
}

Span LineIndex::line_span(uint32_t line) const {
  if (line == 0 || line > starts_.size()) return {};
  uint32_t begin = starts_[line - 1];
  uint32_t end = line < starts_.size() ? starts_[line] : static_cast<uint32_t>(text_.size());
  while (end > begin && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return {begin, end};
}

Position LineIndex::position(uint32_t offset, ColumnUnit unit) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  const uint32_t line = line_of(offset);
  uint32_t start = starts_[line - 1];
  if (offset < start) offset = start;  // inside the BOM
  uint32_t column = 1;
  if (unit == ColumnUnit::Byte) {
    column += offset - start;
  } else {
    for (size_t i = start; i < offset;) {
      int len = utf8::sequence_length(text_, i);
      if (len == 0) {
        ++column;  // an invalid byte counts as one replacement character
        ++i;
        continue;
      }
      column += (unit == ColumnUnit::Utf16 && len == 4) ? 2 : 1;
      i += static_cast<size_t>(len);
    }
  }
  return {line, column};
}

namespace utf8 {

int sequence_length(std::string_view text, size_t i) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const size_t n = text.size();
  if (i >= n) return 0;
  uint8_t c = s[i];
  if (c < 0x80) return 1;
  if (!U8_IS_LEAD(c)) return 0;
  int32_t pos = static_cast<int32_t>(i);
  UChar32 cp;
  int32_t len = static_cast<int32_t>(std::min<size_t>(n, i + 4));
  U8_NEXT(s, pos, len, cp);
  if (cp < 0) return 0;
  return pos - static_cast<int32_t>(i);
}

size_t first_invalid(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    // ASCII runs, eight bytes at a time.
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, s + i, 8);
      if (w & 0x8080808080808080ull) break;
      i += 8;
    }
    while (i < n && s[i] < 0x80) ++i;
    if (i >= n) break;
    // The common valid two- and three-byte sequences (accented Latin, CJK, typographic quotes);
    // everything else, including every invalid case, goes through ICU's rules.
    const uint8_t c = s[i];
    if (c >= 0xC2 && c <= 0xDF && i + 1 < n && (s[i + 1] & 0xC0) == 0x80) {
      i += 2;
      continue;
    }
    if (c >= 0xE1 && c <= 0xEF && c != 0xED && i + 2 < n && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
      i += 3;
      continue;
    }
    int len = sequence_length(text, i);
    if (len == 0) return i;
    i += static_cast<size_t>(len);
  }
  return std::string_view::npos;
}

char32_t next(std::string_view text, size_t& i) {
  int len = sequence_length(text, i);
  if (len == 0) {
    ++i;
    return 0xFFFD;
  }
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t pos = static_cast<int32_t>(i);
  UChar32 cp;
  U8_NEXT_UNSAFE(s, pos, cp);
  i = static_cast<size_t>(pos);
  return static_cast<char32_t>(cp);
}

void append(std::string& out, char32_t cp) {
  char buf[4];
  int32_t len = 0;
  UBool err = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, static_cast<UChar32>(cp), err);
  if (!err) out.append(buf, static_cast<size_t>(len));
}

size_t length(std::string_view text) {
  size_t count = 0;
  for (size_t i = 0; i < text.size(); ++count) {
    int len = sequence_length(text, i);
    i += len == 0 ? 1 : static_cast<size_t>(len);
  }
  return count;
}

}  // namespace utf8

namespace {
std::string normalize(std::string_view text, bool compat) {
  bool ascii = std::all_of(text.begin(), text.end(), [](char c) { return static_cast<uint8_t>(c) < 0x80; });
  if (ascii) return std::string(text);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* norm =
      compat ? icu::Normalizer2::getNFKCInstance(status) : icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(text);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::UnicodeString out = norm->normalize(u, status);
  if (U_FAILURE(status)) return std::string(text);
  std::string result;
  out.toUTF8String(result);
  return result;
}
}  // namespace

std::string nfc(std::string_view text) { return normalize(text, false); }
std::string nfkc(std::string_view text) { return normalize(text, true); }

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string to_lower(std::string_view text) {
  bool ascii = std::all_of(text.begin(), text.end(), [](char c) { return static_cast<uint8_t>(c) < 0x80; });
  if (ascii) return lower_ascii(text);
  // Full case mapping in the root locale differs from the simple mapping (u_tolower, one code
  // point for one) only for U+0130 (to "i" and U+0307) and for U+03A3, whose lowercase depends
  // on the letters around it (final sigma): Unicode's SpecialCasing.txt. Without these two, and
  // in valid UTF-8, code point by code point is the same string without a UTF-16 round trip.
  std::string out;
  out.reserve(text.size());
  bool simple = true;
  for (size_t i = 0; i < text.size() && simple;) {
    const auto b = static_cast<uint8_t>(text[i]);
    if (b < 0x80) {
      out += b >= 'A' && b <= 'Z' ? static_cast<char>(b - 'A' + 'a') : static_cast<char>(b);
      ++i;
      continue;
    }
    if (utf8::sequence_length(text, i) <= 0) {
      simple = false;
      break;
    }
    const char32_t cp = utf8::next(text, i);
    if (cp == 0x0130 || cp == 0x03A3) simple = false;
    else utf8::append(out, static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp))));
  }
  if (simple) return out;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  u.toLower(icu::Locale::getRoot());
  out.clear();
  u.toUTF8String(out);
  return out;
}

std::string_view trim(std::string_view text) {
  size_t b = 0;
  size_t e = text.size();
  while (b < e) {
    size_t i = b;
    char32_t cp = utf8::next(text, i);
    if (!u_isUWhiteSpace(static_cast<UChar32>(cp))) break;
    b = i;
  }
  while (e > b) {
    size_t start = e - 1;
    while (start > b && (static_cast<uint8_t>(text[start]) & 0xC0) == 0x80) --start;
    size_t i = start;
    char32_t cp = utf8::next(text, i);
    if (!u_isUWhiteSpace(static_cast<UChar32>(cp))) break;
    e = start;
  }
  return text.substr(b, e - b);
}

bool is_blank(std::string_view text) { return trim(text).empty(); }

std::string escape_controls(std::string_view text) {
  // Printable ASCII is copied as it is, a run at a time (a path, an English message: all of it).
  auto printable_ascii = [](uint8_t c) { return c >= 0x20 && c < 0x7F; };
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    if (printable_ascii(static_cast<uint8_t>(text[i]))) {
      size_t run = i + 1;
      while (run < text.size() && printable_ascii(static_cast<uint8_t>(text[run]))) ++run;
      out.append(text.data() + i, run - i);
      i = run;
      continue;
    }
    const uint8_t c = static_cast<uint8_t>(text[i]);
    if (c < 0x20 || c == 0x7F) {
      switch (c) {
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default: {
          static const char* hex = "0123456789abcdef";
          out += "\\x";
          out += hex[c >> 4];
          out += hex[c & 15];
        }
      }
      ++i;
      continue;
    }
    if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    int len = utf8::sequence_length(text, i);
    if (len == 0) {
      out += "\\ufffd";
      ++i;
      continue;
    }
    size_t j = i;
    char32_t cp = utf8::next(text, j);
    // C1 controls, bidi embeddings/overrides/isolates, line and paragraph separators.
    bool control = (cp >= 0x80 && cp < 0xA0) || (cp >= 0x202A && cp <= 0x202E) ||
                   (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 || cp == 0x2029 || cp == 0x200E ||
                   cp == 0x200F || cp == 0x061C;
    if (control) {
      char buf[16];
      snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
      out += buf;
    } else {
      out.append(text.substr(i, static_cast<size_t>(len)));
    }
    i = j;
  }
  return out;
}

std::string excerpt(std::string_view text, size_t max_code_points, ExcerptStyle style) {
  if (style == ExcerptStyle::Verbatim) {
    size_t i = 0;
    for (size_t n = 0; i < text.size() && n < max_code_points; ++n) utf8::next(text, i);
    std::string out = escape_controls(text.substr(0, i));
    if (i < text.size()) out += "\u2026";
    return out;
  }
  std::string out;
  size_t i = 0, n = 0;
  bool space = false;
  while (i < text.size()) {
    size_t start = i;
    char32_t cp = utf8::next(text, i);
    if (cp == '\r' || cp == '\n' || cp == '\t') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ', ++n;
    space = false;
    if (n >= max_code_points) {
      out += "\u2026";
      return out;
    }
    out.append(text.substr(start, i - start));
    ++n;
  }
  return out;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  // uriparser decodes a NUL-terminated string in place: decode each NUL-free run on its own and
  // keep any NUL byte as written (a NUL cannot start or end an escape, so no escape is split).
  for (size_t start = 0;;) {
    size_t nul = s.find('\0', start);
    std::string run(s.substr(start, nul == std::string_view::npos ? std::string_view::npos : nul - start));
    const char* end = uriUnescapeInPlaceExA(run.data(), URI_FALSE, URI_BR_DONT_TOUCH);
    out.append(run.data(), static_cast<size_t>(end - run.data()));
    if (nul == std::string_view::npos) return out;
    out += '\0';
    start = nul + 1;
  }
}

}  // namespace loclint

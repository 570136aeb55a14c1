// Byte spans, UTF-8 helpers and the line index.
//
// Everything in the document model is located by byte offsets into the file's raw bytes.
// Lines and columns are computed only when a location is shown to a person or an editor.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace loclint {

// A half-open byte range [begin, end) into a document's raw bytes.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;

  constexpr uint32_t size() const { return end - begin; }
  constexpr bool empty() const { return begin == end; }
  constexpr bool contains(uint32_t offset) const { return offset >= begin && offset < end; }
  constexpr bool contains(Span other) const { return other.begin >= begin && other.end <= end; }
  constexpr bool operator==(const Span&) const = default;
};

// 1-based line and column.
struct Position {
  uint32_t line = 1;
  uint32_t column = 1;
  constexpr bool operator==(const Position&) const = default;
};

// Columns shown to people count Unicode code points; editors speaking LSP want UTF-16 code
// units; some tools want bytes. The unit is always stated by the output format.
enum class ColumnUnit { CodePoint, Utf16, Byte };

// Maps byte offsets to lines and columns. A UTF-8 byte order mark at the start of the file is
// zero-width (it does not shift columns of line 1); "\r\n" and "\r" end a line like "\n".
class LineIndex {
 public:
  LineIndex() = default;
  explicit LineIndex(std::string_view text);

  Position position(uint32_t offset, ColumnUnit unit = ColumnUnit::CodePoint) const;
  uint32_t line_of(uint32_t offset) const;  // 1-based
  uint32_t line_count() const { return static_cast<uint32_t>(starts_.size()); }
  // The bytes of a 1-based line without its line ending.
  Span line_span(uint32_t line) const;
  uint32_t line_start(uint32_t line) const { return starts_.at(line - 1); }

 private:
  std::string_view text_;
  std::vector<uint32_t> starts_;  // byte offset of each line's first byte
};

namespace utf8 {
// Length of the valid UTF-8 sequence at text[i], or 0 when it is invalid (overlong, surrogate,
// truncated, out of range). Follows the rules of ICU's U8_NEXT.
int sequence_length(std::string_view text, size_t i);
// Offset of the first invalid byte, or npos when the text is valid UTF-8.
size_t first_invalid(std::string_view text);
// Decodes the code point at text[i] (U+FFFD for an invalid sequence) and advances i.
char32_t next(std::string_view text, size_t& i);
void append(std::string& out, char32_t cp);
// Number of code points (invalid bytes count one each).
size_t length(std::string_view text);
}  // namespace utf8

// Lowercases A-Z only (file names, ids, keys: no locale rules apply).
std::string lower_ascii(std::string_view text);
// Lowercases with ICU full case mapping (root locale).
std::string to_lower(std::string_view text);
// NFC and NFKC with ICU.
std::string nfc(std::string_view text);
std::string nfkc(std::string_view text);
// Trims ASCII and Unicode white space at both ends.
std::string_view trim(std::string_view text);
// True if every code point is white space.
bool is_blank(std::string_view text);

// How excerpt() keeps the white space and control characters of the text it quotes.
enum class ExcerptStyle {
  // Prose: each run of line breaks and tabs becomes one space (none at either end); other
  // characters are kept as they are (the output formats escape what is left: safe_text).
  Prose,
  // Verbatim: every character is kept, control characters escaped as escape_controls() writes
  // them (`\t`, `\n`, `\u202e`), for text whose white space may be the very difference reported
  // (a line of code, a front-matter value).
  Verbatim,
};

// Document text as quoted in a one-line message, in `style`; text longer than `max_code_points`
// is cut there with an ellipsis (never inside a character; Verbatim counts the code points before
// they are escaped). Messages of every family quote through this.
std::string excerpt(std::string_view text, size_t max_code_points = 80, ExcerptStyle style = ExcerptStyle::Prose);

// Escapes control characters (C0, DEL, C1, and the bidi controls that can disguise text) so that
// document text quoted in a message can never break a line of output or drive a terminal.
std::string escape_controls(std::string_view text);

// Decodes %XX escapes (RFC 3986, section 2.1; either case of hex digit) into the bytes they stand
// for, with uriparser; a malformed escape (`%`, `%2`, `%zz`) is kept as written, `+` stays `+`,
// and NUL bytes pass through. Link destinations and LSP document URIs.
std::string percent_decode(std::string_view s);

}  // namespace loclint

#include <ostream>
namespace loclint {
// For test failure messages.
inline std::ostream& operator<<(std::ostream& os, const Position& p) { return os << p.line << ":" << p.column; }
inline std::ostream& operator<<(std::ostream& os, const Span& s) { return os << "[" << s.begin << "," << s.end << ")"; }
}  // namespace loclint

// checks/code helpers: the visible text of a segment half and the tokenizers that find what
// translation must not change in it (commands, identifiers, URLs, placeholders, numbers).
//
// The tokenizers work on plain UTF-8 strings so that they can be tested without a document;
// MappedText carries the way back from a byte of the visible text to the document's bytes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "loclint/document.h"

namespace loclint::checks::code {

// The text a reader sees in a span of the document: Markdown text, link text, code-span content
// and decoded entities, without emphasis delimiters, link destinations and HTML tags. Every byte
// remembers the document bytes it came from, so a token found here is reported at its source.
struct MappedText {
  std::string text;
  // Per byte: inside a code span (compared by its own rule). Filled from the first code span
  // on, so that most halves (no code) never fill it: empty while has_code is false.
  std::vector<bool> code;
  bool has_code = false;        // some byte is inside a code span
  bool is_code(size_t k) const { return has_code && code[k]; }

  void append(std::string_view s, Span from, bool is_code = false);
  void clear();
  // The first document byte of what produced text[k], and one past its last.
  uint32_t begin_of(size_t k) const;
  uint32_t end_of(size_t k) const;
  // The document span of text[b, e).
  Span span(size_t b, size_t e) const;

 private:
  // The way back is kept per appended piece, not per byte: a segment half is a few pieces
  // (text, code spans, entities) of many bytes, and a per-byte table cost more to fill than
  // the rest of the comparison of most segments.
  struct Piece {
    uint32_t at;      // first byte of text it produced
    Span from;        // the document bytes
    bool one_to_one;  // byte k of the piece comes from byte k of `from` (else from all of it)
  };
  const Piece& piece_of(size_t k) const;
  std::vector<Piece> pieces_;
};

MappedText visible_text(const Document& doc, Span range);
// The same into `out`, whose buffers are reused (one per half for a whole document).
void visible_text(const Document& doc, Span range, MappedText& out);
// The same, for ranges asked for in file order: `hint` (0 at first) is where the previous
// range's tokens ended, and is updated. Any hint gives the same text; a good one is faster.
void visible_text(const Document& doc, Span range, MappedText& out, size_t& hint);

// ---- character classes ----------------------------------------------------------------------

inline bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
inline bool is_word_byte(char c) { return is_ascii_alnum(c) || c == '_'; }
// ASCII white space, no-break spaces and the ideographic space (what separates words).
size_t space_length_slow(std::string_view text, size_t i);  // the non-ASCII case
inline size_t space_length(std::string_view text, size_t i) {
  if (i >= text.size()) return 0;
  const char c = text[i];
  if (static_cast<uint8_t>(c) >= 0x80) return space_length_slow(text, i);
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ? 1 : 0;
}

// ---- tokens ---------------------------------------------------------------------------------

enum class TokenKind : uint8_t {
  Command,     // a cmdlet with its arguments, a CLI option run, a $variable, a path, a registry key
  Identifier,  // PascalCase, camelCase, dotted, snake_case names and lone cmdlet names
  Host,        // a domain name (example.onmicrosoft.com): compared without letter case
  Url,         // a bare http(s) URL in text
  Placeholder, // {0}, {name}, {{var}}, %s, %1$d, $(var), <name>, %VAR%
};

struct Token {
  TokenKind kind;
  size_t begin = 0, end = 0;  // bytes of the text given to the tokenizer
  std::string text;
  // Identifiers: shaped so plainly like a field or API name that its absence is a defect
  // (camelCase, three humps, a field suffix such as Id or Name, a file name). Weaker ones
  // (PowerShell, PivotTable) may be product terms that a translation localizes; for them only
  // re-casing and breaking apart are reported.
  bool strong = true;
};

// Commands, identifiers and hosts, URLs and placeholders of a text, sorted by position, never
// overlapping (a command's parts are not reported again as identifiers). `skip` marks bytes
// that are not prose (code spans) and are never part of a token.
std::vector<Token> tokenize(std::string_view text, const std::vector<bool>* skip = nullptr);

// False when tokenize() cannot find anything in the text: it has none of $ \ { % < _, no dash
// before a dash, an upper-case letter or a digit, no slash after : . or ~, no hump (an
// upper-case letter right after a lower-case letter or a digit), no inner dot and no six
// date-format bytes in a row.
bool may_have_tokens(std::string_view text);

// False when tokenize() cannot find a placeholder in the text: it has none of the characters
// that start one and no six bytes in a row that a date format could be made of.
bool may_have_placeholders(std::string_view text);

// A date and time format string (yyyy-MM-ddTHH:mm:ssZ), compared as a placeholder.
bool is_format_pattern(std::string_view word);

// True for a PowerShell cmdlet name with an approved verb (Get-Item, Set-MsolCompanySettings).
bool is_cmdlet(std::string_view word);

// ---- searching ------------------------------------------------------------------------------

// A folded view of a text: each kept code point optionally compatibility-normalized (NFKC),
// lowercased, with white space dropped; `map` gives each folded byte's byte in the original.
struct Folded {
  std::string text;
  std::vector<size_t> map;  // folded byte -> original byte (size text.size() + 1)
};
struct FoldOptions {
  bool nfkc = false;
  bool lower = false;
  bool drop_space = false;
};
Folded fold(std::string_view text, FoldOptions options);

// First occurrence of `needle` at or after `from` whose neighbours are not ASCII letters, digits
// or '_' (and, when `strict`, not '-', '.', '$' either, so a command glued to the next word does
// not count). npos when none.
size_t find_token(std::string_view hay, std::string_view needle, size_t from = 0, bool strict = false);
// Whether text[b, e) stands alone by the rules of find_token.
bool at_boundary(std::string_view hay, size_t b, size_t e, bool strict);
// First occurrence of an already folded `needle` in `folded` (a fold of `original`) that stands
// alone in the original; returns the original's bytes [begin, end).
std::optional<std::pair<size_t, size_t>> find_folded(std::string_view original, const Folded& folded,
                                                     std::string_view needle, bool strict);

// ---- numbers --------------------------------------------------------------------------------

struct NumberFormat {
  std::string decimal = ".";
  std::string grouping = ",";
  bool grouping_is_space = false;  // then any space-like character groups digits too
};
// The separators of a locale, read with ICU ("fr-fr" -> ',' and U+202F).
NumberFormat number_format(std::string_view locale);

struct Number {
  size_t begin = 0, end = 0;
  std::string value;                 // canonical: no grouping, '.' decimal, no leading zeros
  std::vector<std::string> also;     // other values that count as equivalent (10k -> 10000)
};
// Numbers of a source text written in `format` (strict: not part of a word).
std::vector<Number> source_numbers(std::string_view text, const NumberFormat& format,
                                   const std::vector<bool>* skip = nullptr);
// Every value a target text may be read as: in its locale's format, in the source format, and
// each digit group alone.
std::vector<std::string> target_values(std::string_view text, const NumberFormat& locale_format,
                                       const NumberFormat& source_format);
// Canonical form of a decimal number written with '.' ("007.50" -> "7.5").
std::string canonical_number(std::string_view digits);

}  // namespace loclint::checks::code

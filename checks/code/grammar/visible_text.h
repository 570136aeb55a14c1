// The text a reader sees in a span of a document, mapped back byte by byte to the document.
#pragma once

#include <cstdint>
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

}  // namespace loclint::checks::code

// LSP positions: a 0-based line and a 0-based character offset counted in the negotiated
// position encoding (UTF-16 code units unless client and server agree on UTF-8 bytes or UTF-32
// code points). Lines end at "\n", "\r\n" or "\r", as LSP 3.17 says. loclint itself works in
// byte offsets; this maps between the two on the editor's text (a byte order mark, when an
// editor keeps one, is a character like any other here).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "loclint/text.h"

namespace loclint::lsp {

enum class Encoding { Utf8, Utf16, Utf32 };
std::string_view encoding_name(Encoding e);  // "utf-8", "utf-16", "utf-32"

struct LspPosition {
  uint32_t line = 0;
  uint32_t character = 0;
  bool operator==(const LspPosition&) const = default;
  auto operator<=>(const LspPosition&) const = default;
};

struct LspRange {
  LspPosition start, end;
  bool operator==(const LspRange&) const = default;
};

class LineMap {
 public:
  explicit LineMap(std::string_view text);

  // The position of a byte offset (clamped to the text). An offset inside a multi-byte
  // character maps to that character's start.
  LspPosition position(uint32_t offset, Encoding encoding) const;
  // The byte offset of a position. As LSP says, a character past the end of its line means the
  // line's end, and a line past the last means the end of the text; a position inside a UTF-16
  // surrogate pair or a UTF-8 sequence means the start of that character.
  uint32_t offset(LspPosition position, Encoding encoding) const;

  uint32_t line_count() const { return static_cast<uint32_t>(starts_.size()); }
  uint32_t line_start(uint32_t line) const { return starts_[line]; }
  // The end of a line's content (before its line ending).
  uint32_t line_end(uint32_t line) const;

 private:
  std::string_view text_;
  std::vector<uint32_t> starts_;
};

// Applies one TextDocumentContentChangeEvent with a range to `text` (in place).
void apply_change(std::string& text, const LspRange& range, std::string_view replacement, Encoding encoding);

}  // namespace loclint::lsp

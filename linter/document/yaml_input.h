// The bytes of a YAML block as libyaml is given them, and the way back from libyaml's positions to
// the file's (front_matter.cpp parses with it).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "loclint/text.h"

namespace loclint {

// A position reported by libyaml: 0-based line and column, the column in code points; -1 when
// libyaml gave none.
struct YamlMark {
  int line = -1;
  int column = -1;
};

// What libyaml is given: the block with every line as long in bytes as in the file, so that a
// mark (a line and a column) maps back to the file:
// - line endings as "\n" ("\r\n" loses its '\r', a lone '\r' becomes '\n': lines stay the
//   lines of the file's LineIndex);
// - '?' for every byte of an ill-formed UTF-8 sequence and of a character YAML forbids (C0 and C1
//   controls but tab and line feed, DEL, U+FFFE, U+FFFF: YAML 1.2, 5.1, "c-printable"), which
//   libyaml would reject as a whole block while loclint/invalid-utf8 and loclint/nul-byte report
//   them once, and yaml-cpp took them as text;
// - U+2028 and U+2029, which libyaml (YAML 1.1) takes for line breaks and the file's line index
//   does not, as U+E028 and U+E029 (same length, private use), turned back in scalars by restore().
struct YamlInput {
  std::string bytes;
  LineIndex lines;          // of `bytes`
  bool separators = false;  // a U+2028 or U+2029 was replaced

  explicit YamlInput(std::string_view block);
  // `lines` views `bytes`.
  YamlInput(const YamlInput&) = delete;
  YamlInput& operator=(const YamlInput&) = delete;

  // The byte offset of a 1-based line of `bytes`; the first line begins at 0 even where
  // LineIndex starts it after a byte order mark.
  uint32_t line_begin(uint32_t line) const { return line == 1 ? 0 : lines.line_start(line); }

  // A scalar as written: the line and paragraph separators put back.
  void restore(std::string& value) const;

  // Bytes from the start of the mark's line of `bytes` to the mark (libyaml counts code points).
  uint32_t byte_column(const YamlMark& m) const;
};

// The byte offset in the file of a mark of `input`, whose block starts on line `first_line`
// (1-based) of the file indexed by `lines`: the start of that line for a mark without a position,
// never past the end of the mark's line.
uint32_t mark_offset(const LineIndex& lines, uint32_t first_line, const YamlInput& input, const YamlMark& m);

}  // namespace loclint

// Comments in fenced code blocks: what a translator may translate in code (comments), and what
// must stay as the source has it (everything else), by the language of the fence's info string.
//
// The syntax table follows each language's own reference: `#` (shells, PowerShell, Python,
// YAML, Ruby, R, TOML), `//` and `/* */` (C family, C#, Java, JavaScript, TypeScript, Go, Rust,
// Kotlin, Swift, AL, JSONC), `<# #>` (PowerShell), `--` (SQL, Lua, Haskell), `<!-- -->` (XML,
// HTML, XAML), `REM` and `::` (Windows batch), `'` (Visual Basic), `;` (INI). JSON has no
// comments. An unknown or empty info string has none either: all of its lines are code.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace loclint {

struct CommentSyntax {
  std::vector<std::string_view> line;  // line-comment markers
  std::vector<std::pair<std::string_view, std::string_view>> block;  // opening and closing markers
  bool hash_needs_space = true;  // `#` starts a comment only at a line start or after white space
  bool known = false;            // the language is in the table
};

// The syntax of a fence's info string (`powershell`, `PowerShell`, `ps1`, `c#`, `bash title="x"`:
// its first word, letter case ignored).
CommentSyntax comment_syntax(std::string_view info);

// One line of code with its comments taken out.
struct CodeLine {
  uint32_t line = 0;      // 0-based line in the code block
  uint32_t begin = 0;     // byte offsets in the code block of the first and last code byte
  uint32_t end = 0;
  std::string code;       // the code, trimmed; one space where a comment was taken out of it
  bool commented = false; // a comment was taken out of this line
};

// The lines of `code` that hold code once comments are taken out (blank ones left out).
// Quoted strings (`"..."`, `'...'`) are code: a marker inside them starts no comment (unless a
// quote on the line never closes, as an apostrophe in unquoted shell text).
std::vector<CodeLine> code_lines(std::string_view code, const CommentSyntax& syntax);

}  // namespace loclint

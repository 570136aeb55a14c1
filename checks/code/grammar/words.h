// The words of a text as the tokenizers see them (internal to checks/code/grammar/): how a
// text splits into words, and what a word looks like (a cmdlet, a parameter, a path, a name).
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "chars.h"
#include "tokens.h"

namespace loclint::checks::code {

// Byte classes, OR-ed over a word while it is split off, so that tokenize() can skip the
// searches that cannot find anything in it (most words are plain prose).
enum : uint16_t {
  kSpaceByte = 1,             // ASCII white space: ends a word
  kHighByte = 2,              // part of a non-ASCII character
  kColonByte = 4,             // ':' (every URL has one)
  kPlaceholderStart = 8,      // '{', '%', '$', '<'
  kUpperByte = 16,            // an upper-case ASCII letter
  kUnderscoreByte = 512,      // '_'
  kDotByte = 256,             // '.' (an upper-case letter, '_' or '.': what every identifier has)
  kDashByte = 32,             // '-' (cmdlets, options, product codes)
  kBackslashByte = 64,        // '\\' (Windows paths, registry keys)
  kFormatLetter = 128,        // 'd' or 'm' (a date or time format has "dd" or "mm")
  kAtByte = 1024,             // '@' (e-mail addresses)
};

constexpr std::array<uint16_t, 256> make_byte_classes() {
  std::array<uint16_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    uint16_t f = 0;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') f |= kSpaceByte;
    if (c >= 0x80) f |= kHighByte;
    if (c == ':') f |= kColonByte;
    if (c == '{' || c == '%' || c == '$' || c == '<') f |= kPlaceholderStart;
    if (c >= 'A' && c <= 'Z') f |= kUpperByte;
    if (c == '_') f |= kUnderscoreByte;
    if (c == '.') f |= kDotByte;
    if (c == '-') f |= kDashByte;
    if (c == '\\') f |= kBackslashByte;
    if (c == 'd' || c == 'm') f |= kFormatLetter;
    if (c == '@') f |= kAtByte;
    t[static_cast<size_t>(c)] = f;
  }
  return t;
}
inline constexpr std::array<uint16_t, 256> kByteClass = make_byte_classes();

struct Word {
  size_t begin, end;            // the word as written
  size_t core_begin, core_end;  // without surrounding punctuation
  uint16_t classes = 0;         // byte classes present in [begin, end)
};

bool is_trailing_punct(char c);
// Fills `words` (cleared first; the caller reuses it from text to text). `skip` marks bytes that
// are not prose (code spans): they end a word and belong to none.
void split_words(std::string_view text, const std::vector<bool>* skip, std::vector<Word>& words);

// English closed-class words, which no API name starts with or is a part of: they tell prose
// that lost a space (`theSales`, `andOAuthTokenIssuer`, `Next.register`, `plans.for`) from a
// name. Lower case, as glued into a run, except the sentence adverbs, which start a sentence.
bool is_determiner(std::string_view w);      // the, a, an, your, our, their, his, her, its
bool is_conjunction(std::string_view w);     // and, or, nor, but
bool is_pronoun(std::string_view w);         // this, that, these, those, it, they, we, you, he, she, there
bool is_clause_word(std::string_view w);     // than, which, whose, where, when, while, because, unless, until
bool is_preposition(std::string_view w);     // of, to, for, in, on, at, by, with, from, using
bool is_sentence_adverb(std::string_view w); // Next, Then, Now, First, Finally, However, ...

// What a word (without its surrounding punctuation) is.
bool is_param(std::string_view w);     // -Name, --name
bool is_variable(std::string_view w);  // $name, $env:NAME
// A PowerShell parameter: '-', an upper-case ASCII letter, then at least two more letters or
// digits, one of them lower-case (-Force, -SourceIdentifier, -Roll; not -A, -UTF8, -Based).
bool is_powershell_param(std::string_view w);
// A word that can stand between a cmdlet and its first parameter as a positional argument
// (a module, item or policy name: Contoso, Az.Accounts, Global): ASCII letters, digits, '.', '_',
// capitalized, a number or dotted.
bool is_positional(std::string_view w);
// A bare word that is the value of PowerShell parameter `param` (-ResultSize Unlimited,
// -RecipientTypeDetails UserMailbox): capitalized ASCII letters and digits, not a word that names
// the parameter or goes on with the sentence in title case (Parameter, With, The).
bool is_bare_value(std::string_view param, std::string_view w);
// A Windows program that takes slash options: a file name ending in `.exe`, alone or as the last
// part of a path (setup.exe, C:\Tools\setup.exe), or a console program of Windows by its name
// in one letter case (msiexec, robocopy, ipconfig, sfc, xcopy, schtasks, ...; words.cpp has the
// list, from Microsoft Learn's "Windows commands").
bool is_windows_program(std::string_view w);
// A Windows program that is an English word too (setup, shutdown, cmd, dir, reg, timeout, del),
// in any letter case: a sentence's word as often as a command.
bool is_word_program(std::string_view w);
// Whether `before` and `after` (with its slash: `/o`) are two words prose writes with a slash,
// the second spaced like an option (`w /o`, `N /A`, `TCP /IP`, `and /or`, `yes /no`, `24 /7`),
// in any letter case: no option.
bool is_prose_slash_pair(std::string_view before, std::string_view after);
// A word that names an option (parameter, option, flag, switch, argument; singular or plural):
// "the -o parameter", "the /quiet switch".
bool is_option_noun(std::string_view w);
// A Windows-style option, ASCII: "/" LETTER *(ALNUM | "-" | "_" | "*" | "+") [ (":" | "=") value ]
// (/quiet, /i, /l*v, /log:setup.log, /ACTION=Install). Not /docs/a.md, not `and/or`.
bool is_windows_option(std::string_view w);
// A comment-based help keyword (.SYNOPSIS, .PARAMETER), from about_Comment_Based_Help.
bool is_help_keyword(std::string_view w);
// A name spelled with symbols, which machine translation spaces out or drops (`Q #`, `C + +`,
// `. NET`): C#, F#, Q#, J#, C++, X++, VC++ and .NET. Not `.CSV` (a file type, which a
// translation may name without its dot) nor `PST#` (an abbreviation of "number").
bool is_symbol_name(std::string_view w);
bool is_path(std::string_view w);      // C:\..., \\server, %VAR%\..., HKLM\..., ./a, name\name
bool is_quoted(std::string_view w);    // "..." or '...'
bool is_plain_number(std::string_view w);
bool is_dotted(std::string_view w);    // Az.Accounts
// A value that follows a cmdlet or a parameter and belongs to the command.
bool is_value(std::string_view w);
bool is_host(std::string_view w);      // contoso.com
// Humps of a PascalCase/camelCase word: split before an upper-case letter that follows a
// lower-case letter or a digit.
std::vector<std::string_view> humps(std::string_view w);
// Classifies a run of [A-Za-z0-9_.]; returns false when it is not an identifier.
bool classify_identifier(std::string_view s, Token& tok);
// Placeholders inside [b, e) of text, appended to out (placeholders.cpp).
void find_placeholders(std::string_view text, size_t b, size_t e, std::vector<Token>& out);

}  // namespace loclint::checks::code

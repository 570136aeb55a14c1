// What translation must not change in a text, as tokens: commands, identifiers and hosts,
// URLs, placeholders. The tokenizers work on plain UTF-8 strings so that they can be tested
// without a document (tests/code_test.cpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace loclint::checks::code {

enum class TokenKind : uint8_t {
  Command,     // a cmdlet with its arguments, a CLI option run, a $variable, a path, a registry key
  Identifier,  // PascalCase, camelCase, dotted, snake_case names and lone cmdlet names
  Host,        // a domain name (example.onmicrosoft.com): compared without letter case
  Url,         // a bare http(s) URL in text
  Placeholder, // {0}, {name}, {{var}}, %s, %1$d, $(var), <name>, %VAR%
  Email,       // an e-mail address (fredsm@contoso.com), as GFM finds extended email autolinks
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

// False when tokenize() cannot find anything in the text: it has none of $ \ { % < _ # + @, no dash
// before a dash, an upper-case letter or a digit, no dash after a space or at the start, no slash after : . or ~, no hump (an
// upper-case letter right after a lower-case letter or a digit), no inner dot and no six
// date-format bytes in a row.
bool may_have_tokens(std::string_view text);

// False when tokenize() cannot find a placeholder in the text: it has none of the characters
// that start one and no six bytes in a row that a date format could be made of.
bool may_have_placeholders(std::string_view text);

// A date and time format string (yyyy-MM-ddTHH:mm:ssZ), compared as a placeholder.
bool is_format_pattern(std::string_view word);
// One element of a date or time format picture: a picture letter written two to five times
// (`mm`, `HH`, `yyyy`, `tt`). Alone in a segment, its letter case is compared.
bool is_format_picture(std::string_view word);

// The e-mail address around the `@` at byte `at` of `text`, as GFM 0.29 (section 6.9, extended
// email autolink) finds one: one or more of [A-Za-z0-9._+-], `@`, then labels of [A-Za-z0-9_-]
// separated by periods, at least one period, ending in a letter as cmark-gfm requires (not `-`,
// `_` or a digit: `user@1.2.3`, `@azure/identity@1.2.3` are none; a final `.` is the
// sentence's), the local part a dot-atom (RFC 5322, section 3.4.1: no dot at its ends, none
// doubled). Byte range [begin, end) of `text`, or nullopt (`@contoso`, `@azure/identity`,
// `user@host`).
std::optional<std::pair<size_t, size_t>> email_at(std::string_view text, size_t at);

// The length of an English word glued to the name that follows it in `run` (a space missing in
// the text: `theSales`, `andOAuthTokenIssuer`, `namedRedmondTemps`): an article, a possessive
// determiner, a coordinating conjunction, a preposition, a subordinating word (than, which...), `named` or
// `called`, in lower case, right before an
// upper-case letter. 0 when `run` starts with none. `determiner`, when given, says whether the
// word is an article or a possessive (before which no name is left when a plain word follows);
// a preposition (toSkype) is a head but no determiner.
// The comparison uses it for a name the translation lacks: a translation that has what follows
// (`OAuthTokenIssuer`) fixed the space.
size_t glued_prose_head(std::string_view run, bool* determiner = nullptr);

// Whether `w` is a name by the identifier grammar (camelCase, PascalCase with two humps, snake,
// dotted; docs/code-grammar.md), as tokenize() would take it.
bool is_name(std::string_view w);

// True for a PowerShell cmdlet name: an approved verb (Get-Verb), a dash and a capitalized ASCII
// noun (Get-Item, Set-MsolCompanySettings, Get-VM, Import-Csv), not an English compound (Add-On,
// Read-Only).
bool is_cmdlet(std::string_view word);

}  // namespace loclint::checks::code

// TeX math in Markdown text ($...$, $$...$$, as docfx/Markdig and pandoc read it) and its
// tokens, so that a formula is compared by what TeX reads, not by its spacing.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace loclint::checks::code {

// The formulas of a text as byte ranges [begin, end), delimiters included. `strict` follows
// Markdig's and pandoc's rule for inline math: an opening `$` has a non-space character right
// after it, a closing `$` a non-space character right before it and no digit right after it
// ("$5 and $10" is not math) nor a letter ("$True) or ($False"), but for an ordinal's suffix
// ("the $j$th element": math to pandoc and Markdig, whose rule forbids only a digit there); `$$`
// delimits display math. Not strict (a translation whose
// machine translation spaced the delimiters out: "$ (u, v) $"), `$` signs are paired in order,
// and `$ $` (one or two spaces) outside inline math is a display delimiter.
// A `$` after a backslash is a dollar sign, not a delimiter.
std::vector<std::pair<size_t, size_t>> find_math(std::string_view text, bool strict);

// Whether an inline formula of find_math (strict) has run into prose: it holds a `$` that is no
// dollar sign (`$\ket{0}, the state of $\tilde \rho$`: a `$` is missing after `\ket{0}`, and the
// strict rule, which does not let `of $` close, pairs the first `$` with the last). Inline math
// never holds an unescaped `$`; display math (`$$...$$`) is never said to.
bool runs_into_prose(std::string_view formula);

// The tokens TeX reads in a formula: control words (\psi), control symbols (\{, \,), and every
// other character but white space, each a token. Spacing is not a token.
std::vector<std::string> tex_tokens(std::string_view formula);

// Control words (\ket, \begin) of `source` that `target` does not have as many times.
std::vector<std::string> missing_commands(const std::vector<std::string>& source,
                                          const std::vector<std::string>& target);

}  // namespace loclint::checks::code

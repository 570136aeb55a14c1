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
// machine translation spaced the delimiters out: "$ (u, v) $"), `$` signs are paired in order;
// with `spaced_display` (the source has display math), `$ $` (one or two spaces) outside inline
// math is a display delimiter too ("$ $ \begin{align} ... $ $"). Without it, `$ $` is a closing and
// an opening `$`, or a moved one ("$ $f" for "$f$").
// A `$` after a backslash is a dollar sign, not a delimiter.
std::vector<std::pair<size_t, size_t>> find_math(std::string_view text, bool strict, bool spaced_display = false);

// Whether an inline formula of find_math (strict) has run into prose: it holds a `$` that is no
// dollar sign (`$\ket{0}, the state of $\tilde \rho$`: a `$` is missing after `\ket{0}`, and the
// strict rule, which does not let `of $` close, pairs the first `$` with the last). Inline math
// never holds an unescaped `$`; display math (`$$...$$`) is never said to.
bool runs_into_prose(std::string_view formula);

// Whether `text` has TeX outside `formulas` (its find_math): a control word of two letters or more
// with its argument (`\begin{align}` with no `$` around it: bare TeX, which pandoc's tex_math
// extensions and MathJax read), or a control word and a `$` outside them, a delimiter whose
// partner is in another segment (`$$ \begin{align} ...` here, `\end{align} $$` in the next one, as
// the pipeline cuts display math at a sentence's end). A `$` with no TeX ("$5 and $10") is a
// dollar sign; a regular expression's anchor and escapes (`^(7\d{3})$`: one letter) are not TeX.
bool has_tex_outside_formulas(std::string_view text, const std::vector<std::pair<size_t, size_t>>& formulas);

// [begin, end) from the first `$` of `text` to the end of the last, widened to the text's start
// when a control word comes before the first `$` (the formula began in the previous segment) and
// to its end when one comes after the last (it runs on into the next); {0, 0} when `text` has
// neither a `$` nor a control word. With no `$` (bare TeX): from the first control word to the
// end of the last one's argument.
std::pair<size_t, size_t> tex_extent(std::string_view text);

// The tokens TeX reads in a formula: control words (\psi), control symbols (\{, \,), and every
// other character but white space, each a token. Spacing is not a token.
std::vector<std::string> tex_tokens(std::string_view formula);

// Control words (\ket, \sum) of `source` that `target` does not have as many times; `\begin` and
// `\end` with their environment (`\begin{align}`), whose name is TeX's, not the reader's.
std::vector<std::string> missing_commands(const std::vector<std::string>& source,
                                          const std::vector<std::string>& target);

}  // namespace loclint::checks::code

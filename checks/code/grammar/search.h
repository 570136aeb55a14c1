// Finding a token in a text as a whole word, verbatim or folded (compatibility forms, letter
// case, spacing), and mapping a folded match back to the original bytes.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace loclint::checks::code {

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
// How many times `needle` stands alone in `hay` (find_token's boundaries, not strict).
size_t count_tokens(std::string_view hay, std::string_view needle);
// The first occurrence of `word` in `text` that no code point for which `glued(c)` holds touches
// on either side (`glued` = u_isalpha: a word of its own, `ora` not in `ancora`; a numeral test:
// a Chinese numeral not inside a longer one, `三十` not in `三十五`); npos when none.
size_t find_standing(std::string_view text, std::string_view word, bool (*glued)(int32_t));
// Whether text[b, e) stands alone by the rules of find_token.
bool at_boundary(std::string_view hay, size_t b, size_t e, bool strict);
// First occurrence of an already folded `needle` in `folded` (a fold of `original`) that stands
// alone in the original and starts at or after byte `from` of it; returns the original's bytes
// [begin, end).
std::optional<std::pair<size_t, size_t>> find_folded(std::string_view original, const Folded& folded,
                                                     std::string_view needle, bool strict, size_t from = 0);

}  // namespace loclint::checks::code

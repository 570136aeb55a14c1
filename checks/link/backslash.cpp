#include "link.h"

namespace loclint::checks::link {

const Rule kBackslash{
    .id = "link/backslash",
    .severity = Severity::Warning,
    .summary = "a relative link written with backslashes",
    .checks = "A relative link separates folders with `\\` instead of `/`. The message says which file the link "
              "reaches with forward slashes, and whether it exists.",
    .why = "Links are URLs and separate folders with `/`. Browsers turn `\\` into `/` but the publishing server "
           "does not, so `..\\page.md` works in some places and not in others. Write forward slashes.",
    .fires = {.text = "[Exigences](docs\\exigences.md)\n", .files = {{"docs/exigences.md", "# Exigences\n"}}},
    .passes = {.text = "[Exigences](docs/exigences.md)\n", .files = {{"docs/exigences.md", "# Exigences\n"}}},
};

bool LinkChecker::backslash(Span at, const Target& t, const Resolution& r, const std::string& shown) {
  if (!t.backslash) return false;
  const bool missing = r.state == Workspace::PathState::Missing;
  emit(kBackslash, at,
              fmt::format("link '{}' uses backslashes; with forward slashes it reaches '{}'{}", shown,
                          display_path(missing ? t.path : r.actual, *repo_), missing ? ", which does not exist" : ""));
  return missing;
}

}  // namespace loclint::checks::link

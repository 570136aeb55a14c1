#include "link.h"

namespace loclint::checks::link {

const Rule kMissingInclude{
    .id = "link/missing-include",
    .severity = Severity::Error,
    .summary = "a docfx include whose file does not exist",
    .checks = "`[!INCLUDE [title](path)]` pulls another Markdown file into the article; that file must exist in "
              "this tree. With `--source-root`, an include that exists only in the source-language tree is "
              "reported as a warning: the page shows it untranslated.",
    .why = "Include files are translated content and live in the localized tree: when the file is missing the "
           "build fails or the page loses a whole section. Restore the file or fix the path from the source "
           "article.",
    .fires = {.text = "[!INCLUDE [prérequis](includes/prerequis.md)]\n"},
    .passes = {.text = "[!INCLUDE [prérequis](includes/prerequis.md)]\n",
               .files = {{"includes/prerequis.md", "Un compte Espace partenaires.\n"}}},
};

void LinkChecker::missing_include(Span at, const Target& t, const std::string& shown) {
  if (auto source = in_source_tree(t.path); source && resolve(env_, *source, false).state != Workspace::PathState::Missing) {
    Diagnostic d = Diagnostic::of(kMissingInclude, at,
                                  fmt::format("include '{}' exists only in the source tree: the page shows it untranslated", shown));
    d.severity = Severity::Warning;
    out_.report(std::move(d));
    return;
  }
  out_.report(kMissingInclude, at, fmt::format("include file '{}' does not exist", shown));
}

}  // namespace loclint::checks::link

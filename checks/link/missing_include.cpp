#include "link.h"

namespace loclint::checks::link {

const Rule kMissingInclude{
    .id = "link/missing-include",
    .severity = Severity::Error,
    .summary = "a docfx include whose file does not exist",
    .checks = "`[!INCLUDE [title](path)]` pulls another Markdown file into the article; that file must exist in "
              "this tree. With `--source-root`, an include that exists only in the source-language tree is "
              "reported as a warning: the page shows it untranslated. Without it, in a tree the publish config "
              "says falls back to the source-language repository, missing includes are counted in one note.",
    .why = "Include files are translated content and live in the localized tree: when the file is missing the "
           "build fails or the page loses a whole section. Restore the file or fix the path from the source "
           "article.",
    .fires = {.text = "[!INCLUDE [prérequis](includes/prerequis.md)]\n"},
    .passes = {.text = "[!INCLUDE [prérequis](includes/prerequis.md)]\n",
               .files = {{"includes/prerequis.md", "Un compte Espace partenaires.\n"}}},
};

const SummaryNote kUncheckedFallbackIncludes{&kMissingInclude, "include not in this tree not checked",
                                             "includes not in this tree not checked",
                                             "the publish config serves them from the source-language repository; "
                                             "pass --source-root DIR (that tree) to check them"};

bool check_missing_include(LinkChecker& checker, const ResolvedLink& link) {
  if (link.resolution.state != Workspace::PathState::Missing || link.kind != Kind::Include) return false;
  bool unverifiable = false;
  auto served = checker.in_fallback(link.target.path, false, unverifiable);
  if (unverifiable) {
    if (!checker.env().config.source_root) checker.count(kUncheckedFallbackIncludes);  // else counted by in_fallback
    return true;
  }
  if (served) {
    Diagnostic d = Diagnostic::of(
        kMissingInclude, link.at,
        fmt::format("include '{}' exists only in the source tree: the page shows it untranslated", link.shown));
    d.severity = Severity::Warning;
    checker.report(link, std::move(d));
    return true;
  }
  std::string altered;
  if (checker.env().config.source_root && checker.from_other_source_version(link, &altered)) return true;
  checker.report(link, kMissingInclude, fmt::format("include file '{}' does not exist{}", link.shown, altered));
  return true;
}

}  // namespace loclint::checks::link

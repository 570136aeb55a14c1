#include "link.h"

namespace loclint::checks::link {

const Rule kCaseMismatch{
    .id = "link/case-mismatch",
    .severity = Severity::Warning,
    .summary = "a link target that exists only with a different letter case",
    .checks = "The target exists, but its name on disk differs in letter case from the link (`Page.md` for "
              "`page.md`). Site-absolute links (`/docset/page`) are URLs, which the site matches without case.",
    .why = "It works on Windows and macOS, where file names ignore case, and breaks on the publishing server, "
           "where they do not. Write the name exactly as on disk.",
    .fires = {.text = "[Facturation](Billing.md)\n", .files = {{"billing.md", "# Facturation\n"}}},
    .passes = {.text = "[Facturation](billing.md)\n", .files = {{"billing.md", "# Facturation\n"}}},
};

void LinkChecker::case_mismatch(Span at, const Target& t, const Resolution& r, const std::string& shown) {
  if (r.state != Workspace::PathState::CaseMismatch || t.site_absolute) return;
  emit(kCaseMismatch, at,
              fmt::format("'{}' exists only as '{}' (letter case differs): it breaks on the publishing server", shown,
                          display_path(r.actual, *repo_)));
}

}  // namespace loclint::checks::link

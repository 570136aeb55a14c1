#include "link.h"

namespace loclint::checks::link {

const Rule kMissingImage{
    .id = "link/missing-image",
    .severity = Severity::Error,
    .summary = "an image that exists neither in this tree nor in the source tree",
    .checks = "An image (`![alt](path)`, `<img src>`, `:::image source=\"path\":::`) is looked up in this tree, "
              "then at the same place in the tree given by `--source-root`. Without `--source-root`, missing "
              "images are not reported one by one: loclint prints one note with their number.",
    .why = "Localized repositories carry no media: images are published from the source-language tree, so an "
           "image found in neither tree is a broken picture on the page. Fix the path, which is never "
           "translated, from the source article.",
    .fires = {.text = ":::image type=\"content\" source=\"media/tableau-de-bord.png\" alt-text=\"Tableau de bord\":::\n",
              .files = {{"en-us/media/dashboard.png", ""}, {"en-us/example.md", "# Dashboard\n"}},
              .args = "--source-root en-us --source-version translated"},
    .passes = {.text = ":::image type=\"content\" source=\"media/dashboard.png\" alt-text=\"Tableau de bord\":::\n",
               .files = {{"en-us/media/dashboard.png", ""}, {"en-us/example.md", "# Dashboard\n"}},
               .args = "--source-root en-us --source-version translated"},
};

// Without --source-root an image missing from a tree that carries no media cannot be judged:
// counted over the run and said once, not reported one by one.
const SummaryNote kUncheckedImages{&kMissingImage, "image link not checked", "image links not checked",
                                   "this tree carries no media; pass --source-root DIR (the source-language tree) "
                                   "to check them"};

bool check_missing_image(LinkChecker& checker, const ResolvedLink& link) {
  if (link.resolution.state != Workspace::PathState::Missing || link.kind != Kind::Image) return false;
  std::string altered;
  if (checker.missing_from_source_tree(link.target, kUncheckedImages) && !checker.from_other_source_version(link, &altered))
    checker.report(link, kMissingImage,
                   fmt::format("image '{}' exists neither in this tree nor in the source tree{}", link.shown, altered));
  return true;
}

}  // namespace loclint::checks::link

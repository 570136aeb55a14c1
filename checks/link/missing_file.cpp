#include "link.h"

namespace loclint::checks::link {

const Rule kMissingFile{
    .id = "link/missing-file",
    .severity = Severity::Error,
    .summary = "a relative link whose target file does not exist",
    .checks = "The link points at a file that is not in this tree, after decoding %20-style escapes and dropping "
              "the query string. A page may be linked without its extension. When only the `.yml` (or `.md`) "
              "twin exists, the message offers it. A localized tree is published over its source-language "
              "repository (the publish config's `_repo.<locale>` dependent repository, or `--source-root`): a "
              "page or download missing here is looked up at the same place in the tree given by "
              "`--source-root`, and without it is not reported one by one but counted in one note. So are "
              "downloads (`.pdf`, `.zip`: any linked file that is not a page or an image), which localized "
              "trees do not carry, and links into a tree that is not on disk: a `dependent_repositories` "
              "folder, or a folder outside the repository and its docsets. An article that the `--source-root` "
              "tree does not have (a tree of another date) is not judged there: its links to files missing here "
              "are counted in one note too.",
    .why = "Readers who follow the link land on a 404 page. The file was renamed or removed, or the path was "
           "damaged in translation: compare it with the source half of the segment and restore the path, which "
           "is never translated.",
    .fires = {.text = "[Étapes suivantes](etapes-suivantes.md)\n"},
    .passes = {.text = "[Étapes suivantes](next-steps.md)\n", .files = {{"next-steps.md", "# Étapes suivantes\n"}}},
};

// Without --source-root, targets the fallback serves cannot be judged: counted over the run.
const SummaryNote kUncheckedFallback{&kMissingFile, "link to a page not in this tree not checked",
                                     "links to pages not in this tree not checked",
                                     "the publish config serves them from the source-language repository; pass "
                                     "--source-root DIR (that tree) to check them"};
const SummaryNote kUncheckedDownloads{&kMissingFile, "download link not checked", "download links not checked",
                                      "this tree carries no downloads; pass --source-root DIR (the source-language "
                                      "tree) to check them"};

bool check_missing_download(LinkChecker& checker, const ResolvedLink& link) {
  if (link.resolution.state != Workspace::PathState::Missing || link.kind != Kind::Download) return false;
  std::string altered;
  if (checker.missing_from_source_tree(link.target, kUncheckedDownloads) && !report_redirect(checker, link) &&
      !checker.from_other_source_version(link, &altered))
    checker.report(link, kMissingFile,
                   fmt::format("file '{}' exists neither in this tree nor in the source tree{}", link.shown, altered));
  return true;
}

bool check_missing_page(LinkChecker& checker, const ResolvedLink& link) {
  if (link.resolution.state != Workspace::PathState::Missing || link.kind != Kind::Page) return false;
  if (report_redirect(checker, link)) return true;
  const Target& t = link.target;
  const Env& env = checker.env();
  bool unverifiable = false;
  if (auto served = checker.in_fallback(t.path, true, unverifiable)) {
    // The reader gets the source-language page: its headings are the anchors.
    if (t.has_fragment && served->extension() == ".md") check_anchor(checker, link, &*served);
    return true;
  }
  if (unverifiable) {
    if (!env.config.source_root) checker.count(kUncheckedFallback);  // else counted by in_fallback
    return true;
  }
  // A FAQ converted from Markdown to YAML keeps its name: say so when that is what happened.
  std::string hint;
  std::string ext = lower_ascii(t.path.extension().string());
  if (ext == ".md" || ext == ".yml") {
    fs::path other = t.path;
    other.replace_extension(ext == ".md" ? ".yml" : ".md");
    Resolution o = resolve(env, other, false);
    if (o.state != Workspace::PathState::Missing) {
      fs::path from = checker.here().parent_path();
      hint = fmt::format("; did you mean '{}'", t.site_absolute ? display_path(o.actual, checker.repo())
                                                                : o.actual.lexically_relative(from).generic_string());
    }
  }
  const bool both_trees = env.config.source_root && !checker.article_is_source();
  std::string altered;
  if (both_trees && checker.from_other_source_version(link, &altered)) return true;
  if (hint.empty()) hint = altered;
  checker.report(link, kMissingFile,
                 fmt::format("link target '{}' does not exist{}{}", link.shown,
                             both_trees ? " in this tree nor in the source tree" : "", hint));
  return true;
}

}  // namespace loclint::checks::link

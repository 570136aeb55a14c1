#include "metadata.h"

#include "common/options.h"

namespace loclint::checks::metadata {

const Rule kMissingFrontMatter{
    .id = "metadata/missing-front-matter",
    .severity = Severity::Error,
    .summary = "an article without a front-matter block",
    .checks = "Every published article starts with a `---` block of metadata (a YamlMime file with a "
              "`metadata:` mapping). A file outside every docset of the publishing configuration (a repository "
              "README, translated or not) is not an article, nor is a file with no translated segments when no "
              "publishing configuration is found, nor, when every docset folder the configuration names is gone "
              "(a stale configuration), a file at the repository root that none of those folders held; none "
              "is reported unless the option `all-files` is `true`. "
              "`TOC.md` files and files under an `includes` folder are never pages of their own.",
    .why = "Without the block the page has no title, no description and no localization metadata, and the "
           "localization pipeline cannot match it to its source. Restore the block from the source article.",
    .fires = {.text = "# Titre\n"
                      "\n"
                      "<span data-ttu-id=\"f4053-101\">Un article sans bloc de métadonnées.</span>"
                      "<span class=\"sxs-lookup\"><span data-stu-id=\"f4053-101\">An article without metadata.</span></span>\n",
              .form = ExampleForm::File},
    .passes = {.text = "# Titre\n"
                       "\n"
                       "<span data-ttu-id=\"f4053-101\">Un article sans bloc de métadonnées.</span>"
                       "<span class=\"sxs-lookup\"><span data-stu-id=\"f4053-101\">An article without metadata.</span></span>\n",
               .form = ExampleForm::File,
               .path = "includes/example.md"},
    .options = {{"all-files", OptionType::Bool, "false",
                 "also report files that are not articles (a README, a CONTRIBUTING file)"}},
};

namespace {

// A publishing configuration whose docsets are all gone (stale) still says where no article is:
// each docset is a folder below the repository root, so a file at the root itself (the
// repository's README.md, translated by the pipeline with everything else) was in none of them.
// A docset at the root (`build_source_folder` "." or empty) would have held it.
bool at_root_of_subfolder_docsets(const Place& place) {
  const RepoInfo& repo = *place.repo;
  if (repo.publish_config.empty() || !repo.docsets.empty() || repo.missing_docset_folders.empty()) return false;
  for (const std::string& folder : repo.missing_docset_folders) {
    const fs::path normal = fs::path(folder).lexically_normal();
    if (normal.empty() || normal == "." || normal == "./" || normal.is_absolute()) return false;
  }
  return place.file.parent_path() == repo.root;
}

}  // namespace

void check_missing_front_matter(const Document& doc, const Env& env, Reporter& out) {
  if (doc.front_matter().present) return;
  const Scope& s = scope_of(doc, env);
  if (!s.page_name) return;
  if (!s.in_docset && !bool_option(env.config, kMissingFrontMatter, "all-files")) {
    // Outside every docset of a publishing configuration nothing is published, translated or
    // not (the pipeline translates a repository's README too). Without one, only a translated
    // file is known to be a page.
    auto place = env.workspace.place_of(doc.path());
    if (!place->repo->docsets.empty() || !s.translated || at_root_of_subfolder_docsets(*place)) return;
  }
  uint32_t at = doc.content_start();
  Span line = doc.lines().line_span(doc.lines().line_of(at));
  if (doc.kind() == DocumentKind::YamlMime)
    out.report(kMissingFrontMatter, {at, std::max(at, line.end)},
               "YamlMime file without a 'metadata:' mapping: add one with the keys of the source file");
  else
    out.report(kMissingFrontMatter, {at, std::max(at, line.end)},
               "article without front matter: start it with a '---' block holding the keys of the source article");
}

}  // namespace loclint::checks::metadata

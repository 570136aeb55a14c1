#include "metadata.h"

#include "common/options.h"

namespace loclint::checks::metadata {

const Rule kMissingKey{
    .id = "metadata/missing-key",
    .severity = Severity::Error,
    .summary = "a front-matter key the source article or the localization pipeline gives is absent",
    .checks = "Which keys an article must carry is learnt from its repository, not from a fixed list. The six "
              "localization keys (`ms.contentlocale`, `ms.translationtype`, `ms.locfileid`, `ms.lasthandoff`, "
              "`ms.openlocfilehash`, `ms.sourcegitcommit`) are required where the tree's pipeline writes them: "
              "when the majority of the articles of the docset carry them. The other keys are required when the "
              "source article has them (the English file at its place under `--source-root`: the same path, or "
              "the one `pairing.paths` gives) and most "
              "articles of the docset carry them too (a key the whole tree dropped is no translation's loss). "
              "A source whose `ms.date` is earlier than the translation's, or that lacks a key the translation "
              "has, is another version than the one translated: it is not compared, and a note counts such "
              "files. A side-by-side file's own front matter is its source's, so it has none to lose. A key that at least `convention` "
              "percent of the docset's articles carry (counting what `docfx.json` supplies through "
              "`globalMetadata` and `fileMetadata`; YamlMime files are counted by type, apart from the "
              "Markdown articles), missing from a translation whose source cannot be read, is "
              "counted in one note at the end of the run, not reported. The keys of the option `required` are "
              "required of every article. An article: a file in a docset, or anywhere when no publishing "
              "configuration is found; a translated file of a docset that is not a page (an include, a TOC.md) is "
              "held to the localization keys of `required-outside-docset`, and a file outside every docset (a "
              "README, an archive folder) to nothing, since it is not published; a page written by a reference "
              "generator (a "
              "`uid` key and no author keys) to the localization keys only. A key present in another letter "
              "case is named in the message.",
    .why = "The publishing pipeline, search and the localization pipeline read these keys; a key the source has "
           "and the translation lost is usually a line deleted or a key name translated by mistake (keys are "
           "never translated). Copy the key from the source article. A key the source lacks too is no "
           "translation defect: it is for the source's authors.",
    .fires = {.text = "-ms.locfileid\nms.locfileid_fr: \"1234567\"",
              .form = ExampleForm::FrontMatter,
              .files = {{"voisin-1.md", kSiblingArticle}, {"voisin-2.md", kSiblingArticle}}},
    .passes = {.text = "ms.locfileid: \"1234567\"",
               .form = ExampleForm::FrontMatter,
               .files = {{"voisin-1.md", kSiblingArticle}, {"voisin-2.md", kSiblingArticle}}},
    .options = {{"required", OptionType::List, "", "keys every article must have, whatever its source carries"},
                {"convention", OptionType::Count, "90",
                 "the percentage of a docset's articles that carry a key for the note about translations that lack "
                 "it"},
                // What the localization pipeline adds to every file it hands back, article or not.
                {"required-outside-docset", OptionType::List, kLocalizationKeys,
                 "the localization keys a translated file that is not a page (an include) must have, where "
                 "the pipeline writes them"}},
};

// Without the source article a key most articles carry cannot be judged lost: said once.
const SummaryNote kUnverifiedKeys{
    &kMissingKey, "translated article lacks keys most articles of its docset carry",
    "translated articles lack keys most articles of their docset carry",
    "without the source article loclint cannot tell whether a translation lost a key or its source lacks it too; "
    "pass --source-root DIR (the source-language tree) to check them"};

const SummaryNote kStaleSource{
    &kMissingKey, "translated article made from another version of its source article",
    "translated articles made from other versions of their source articles",
    "a later ms.date than the source's under --source-root, or keys the source lacks, show that the source there is "
    "not the version that was translated; their keys were not compared"};

void check_missing_key(const Document& doc, const Env& env, Reporter& out) {
  if (!trusted(doc)) return;
  const FrontMatter& fm = doc.front_matter();
  const Expectations& x = expectations(doc, env);
  for (const std::string& key : x.required) {
    if (fm.find(key)) continue;
    // A key whose letter case changed is still missing for the pipeline; say so.
    std::string hint;
    for (const auto& e : fm.entries)
      if (lower_ascii(e.key) == lower_ascii(key)) {
        hint = fmt::format("; '{}' on line {} differs in letter case", excerpt(e.key, 60),
                           doc.lines().line_of(e.key_span.begin));
        break;
      }
    std::string why = x.source && x.source->has_value(key) ? "the source article has it" : "";
    out.report(kMissingKey, first_line(doc),
               fmt::format("missing required key '{}' ({}){}{}", key, expected_form(key, env),
                           why.empty() ? "" : "; " + why, hint));
  }
  if (!x.unverified.empty()) out.count(kUnverifiedKeys);
  if (x.stale_source) out.count(kStaleSource);
}

}  // namespace loclint::checks::metadata

#include "metadata.h"

#include "common/options.h"

namespace loclint::checks::metadata {

const Rule kMissingKey{
    .id = "metadata/missing-key",
    .severity = Severity::Error,
    .summary = "a required front-matter key is absent",
    .checks = "Every key of the option `required` must be in an article's front matter (an article: a file in a "
              "docset, or anywhere when no publishing configuration is found); a translated file outside every "
              "docset (a repository README, an include file) must hold the keys of `required-outside-docset`. "
              "A key present in another letter case is named in the message.",
    .why = "The publishing pipeline, search and the localization pipeline read these keys from every article; "
           "a missing one is usually a line deleted or a key name translated by mistake (keys are never "
           "translated). Copy the key from the source article.",
    .fires = {.text = "-title\ntitre: Titre de l'article", .form = ExampleForm::FrontMatter},
    .passes = {.text = "title: Titre de l'article", .form = ExampleForm::FrontMatter},
    .options = {{"required", OptionType::List,
                 "title,description,ms.date,ms.topic,author,ms.author,ms.contentlocale,ms.translationtype,"
                 "ms.locfileid,ms.lasthandoff,ms.openlocfilehash,ms.sourcegitcommit",
                 "the keys an article must have"},
                // What the localization pipeline adds to every file it hands back, article or not.
                {"required-outside-docset", OptionType::List,
                 "ms.contentlocale,ms.translationtype,ms.locfileid,ms.lasthandoff,ms.openlocfilehash,"
                 "ms.sourcegitcommit",
                 "the keys a translated file outside every docset must have"}},
};

std::vector<std::string> required_keys(const Document& doc, const Env& env) {
  Scope s = scope_of(doc, env);
  if (s.article) return list_option(env.config, kMissingKey, "required");
  if (!s.translated) return {};
  return list_option(env.config, kMissingKey, "required-outside-docset");
}

void check_missing_key(const Document& doc, const Env& env, Reporter& out) {
  if (!trusted(doc)) return;
  const FrontMatter& fm = doc.front_matter();
  for (const std::string& key : required_keys(doc, env)) {
    if (key.empty() || fm.find(key)) continue;
    // A key whose letter case changed is still missing for the pipeline; say so.
    std::string hint;
    for (const auto& e : fm.entries)
      if (lower_ascii(e.key) == lower_ascii(key)) {
        hint = fmt::format("; '{}' on line {} differs in letter case", excerpt(e.key, 60),
                           doc.lines().line_of(e.key_span.begin));
        break;
      }
    out.report(kMissingKey, first_line(doc),
               fmt::format("missing required key '{}' ({}){}", key, expected_form(key, env), hint));
  }
}

}  // namespace loclint::checks::metadata

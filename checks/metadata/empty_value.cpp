#include "metadata.h"

namespace loclint::checks::metadata {

const Rule kEmptyValue{
    .id = "metadata/empty-value",
    .severity = Severity::Error,
    .summary = "a required front-matter key has an empty value",
    .checks = "A key that metadata/missing-key requires is there, but its value is empty or null (`key:`, "
              "`key: \"\"`, `key: ~`): a localization key where the tree's pipeline writes them, or a key the "
              "source article gives a value (an empty `description` or `ms.date` the source has empty too is not "
              "reported).",
    .why = "The pipelines treat an empty value as if the key were missing. Copy the value from the source "
           "article, translating it when it is text (title, description).",
    .fires = {.text = "ms.locfileid:",
              .form = ExampleForm::FrontMatter,
              .files = {{"voisin-1.md", kSiblingArticle}, {"voisin-2.md", kSiblingArticle}}},
    .passes = {.text = "ms.locfileid: \"94381407\"",
               .form = ExampleForm::FrontMatter,
               .files = {{"voisin-1.md", kSiblingArticle}, {"voisin-2.md", kSiblingArticle}}},
};

void check_empty_value(const Document& doc, const Env& env, Reporter& out) {
  if (!trusted(doc)) return;
  const FrontMatter& fm = doc.front_matter();
  for (const std::string& key : required_keys(doc, env))
    for (const auto& e : fm.entries)
      if (e.key == key && empty_value(e))
        out.report(kEmptyValue, e.key_span,
                   fmt::format("required key '{}' has an empty value: expected {}", key, expected_form(key, env)));
}

}  // namespace loclint::checks::metadata

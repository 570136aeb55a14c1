#include "metadata.h"

namespace loclint::checks::metadata {

const Rule kDuplicateKey{
    .id = "metadata/duplicate-key",
    .severity = Severity::Error,
    .summary = "the same front-matter key written twice",
    .checks = "A key appears twice in the front matter. The diagnostic points at the second one and names the "
              "line of the first.",
    .why = "YAML forbids it and the publishing pipeline keeps only one of the two values, so which title or "
           "date the page shows is a matter of chance. Keep the one that matches the source article and "
           "delete the other.",
    .fires = {.text = "title: Titre de l'article\ntitle: Autre titre", .form = ExampleForm::FrontMatter},
    .passes = {.text = "title: Autre titre", .form = ExampleForm::FrontMatter},
};

void check_duplicate_key(const Document& doc, const Env&, Reporter& out) {
  if (!trusted(doc)) return;
  const auto& entries = doc.front_matter().entries;
  for (size_t i = 0; i < entries.size(); ++i) {
    if (entries[i].key.empty()) continue;
    for (size_t j = 0; j < i; ++j)
      if (entries[j].key == entries[i].key) {
        out.report(kDuplicateKey, entries[i].key_span,
                   fmt::format("duplicate key '{}' (first on line {}): keep one", excerpt(entries[i].key, 60),
                               doc.lines().line_of(entries[j].key_span.begin)));
        break;
      }
  }
}

}  // namespace loclint::checks::metadata

#include "common/options.h"
#include "metadata.h"

namespace loclint::checks::metadata {

const Rule kDescriptionLength{
    .id = "metadata/description-length",
    .severity = Severity::Warning,
    .summary = "a description too short or too long for a search result",
    .checks = "The `description` of a published page has between `min` and `max` characters. Characters are "
              "counted, not bytes, so accented and Japanese text is not penalized. Files outside every docset "
              "are not published and not checked. Off by default: the length of a description is the source "
              "authors' choice, and a faithful translation is as long as its language makes it (Korean, Arabic "
              "or Japanese need fewer characters than English for the same content).",
    .why = "Search engines show the description under the page's title: too short it says too little, too "
           "long it is cut. A translation much shorter or longer than its source usually lost or repeated a "
           "sentence.",
    .fires = {.text = "description: Trop courte.",
              .form = ExampleForm::FrontMatter,
              .args = "--enable metadata/description-length"},
    .passes = {.text = "description: Une description assez longue pour satisfaire la règle de longueur, entre "
                       "soixante-quinze et trois cents caractères.",
               .form = ExampleForm::FrontMatter,
               .args = "--enable metadata/description-length"},
    .options = {{"min", OptionType::Count, "75", "the fewest characters"},
                {"max", OptionType::Count, "300", "the most characters"}},
    .opt_in = true,
};

void check_description_length(const Document& doc, const Env& env, Reporter& out) {
  // Only published pages have a description that search engines show.
  if (!trusted(doc) || !scope_of(doc, env).article) return;
  const size_t min = count_option(env.config, kDescriptionLength, "min");
  const size_t max = count_option(env.config, kDescriptionLength, "max");
  for_each_value(doc, env, "description", kDescriptionLength, out, [&](const FrontMatterEntry& e) {
    size_t n = utf8::length(trim(e.value));
    if (n >= min && n <= max) return;
    out.report(kDescriptionLength, e.key_span,
               fmt::format("'description' has {} characters, expected {} to {}", n, min, max));
  });
}

}  // namespace loclint::checks::metadata

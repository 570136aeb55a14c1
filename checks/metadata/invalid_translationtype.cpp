#include "metadata.h"

namespace loclint::checks::metadata {

const Rule kInvalidTranslationtype{
    .id = "metadata/invalid-translationtype",
    .severity = Severity::Error,
    .summary = "an ms.translationtype other than MT or HT",
    .checks = "`ms.translationtype` is `MT` (machine translation) or `HT` (human translation), in capitals.",
    .why = "It tells readers and the pipeline how the article was translated. Any other value (translated, "
           "lower case, misspelled) is ignored and the page loses its translation notice.",
    .fires = {.text = "ms.translationtype: TA", .form = ExampleForm::FrontMatter},
    .passes = {.text = "ms.translationtype: HT", .form = ExampleForm::FrontMatter},
};

void check_invalid_translationtype(const Document& doc, const Env& env, Reporter& out) {
  check_values(doc, env, out, kInvalidTranslationtype, "ms.translationtype", "MT or HT",
               [](std::string_view v) { return v == "MT" || v == "HT"; });
}

}  // namespace loclint::checks::metadata

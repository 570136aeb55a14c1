#include "metadata.h"

namespace loclint::checks::metadata {

const Rule kInvalidLocfileid{
    .id = "metadata/invalid-locfileid",
    .severity = Severity::Error,
    .summary = "an ms.locfileid that is not a string of digits",
    .checks = "`ms.locfileid` identifies the file in the localization system; it is a number written as a "
              "string of digits (`ms.locfileid: \"94381407\"`).",
    .why = "Anything else (letters, a translated word, spaces) breaks the link between the file and its "
           "translation memory. Restore it from the last handoff.",
    .fires = {.text = "ms.locfileid: 9438-1407", .form = ExampleForm::FrontMatter},
    .passes = {.text = "ms.locfileid: \"94381407\"", .form = ExampleForm::FrontMatter},
};

void check_invalid_locfileid(const Document& doc, const Env& env, Reporter& out) {
  if (!trusted(doc)) return;
  for_each_value(doc, env, "ms.locfileid", kInvalidLocfileid, out, [&](const FrontMatterEntry& e) {
    std::string_view v = trim(e.value);
    if (!v.empty() && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) return;
    out.report(kInvalidLocfileid, e.value_span,
               fmt::format("'ms.locfileid' is '{}', expected a string of digits such as \"94381407\"", excerpt(v, 60)));
  });
}

}  // namespace loclint::checks::metadata

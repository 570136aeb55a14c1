#include <algorithm>

#include "metadata.h"

namespace {
bool is_digit(char c) { return c >= '0' && c <= '9'; }
}  // namespace

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
  check_values(doc, env, out, kInvalidLocfileid, "ms.locfileid", "a string of digits such as \"94381407\"",
               [](std::string_view v) { return !v.empty() && std::all_of(v.begin(), v.end(), is_digit); });
}

}  // namespace loclint::checks::metadata

#include <cctype>

#include "metadata.h"

namespace loclint::checks::metadata {

const Rule kInvalidHash{
    .id = "metadata/invalid-hash",
    .severity = Severity::Error,
    .summary = "a localization hash that is not 40 or 64 lowercase hex digits",
    .checks = "`ms.openlocfilehash` and `ms.sourcegitcommit` are hashes written by the localization pipeline: "
              "40 lowercase hexadecimal digits (SHA-1, a git object id), or 64 (SHA-256, which the pipeline "
              "writes on some files).",
    .why = "The pipeline compares them with the source repository to know whether the translation is out of "
           "date; a truncated, retyped or upper-cased value makes the file look stale or unknown. Restore the "
           "value from the last handoff.",
    .fires = {.text = "ms.sourcegitcommit: 0E142B4FBB044FE8DD2DBC7D13AB70A1A91B9F6", .form = ExampleForm::FrontMatter},
    .passes = {.text = "ms.sourcegitcommit: 0e142b4fbb044fe8dd2dbc7d13ab70a1a91b9f60", .form = ExampleForm::FrontMatter},
};

void check_invalid_hash(const Document& doc, const Env& env, Reporter& out) {
  if (!trusted(doc)) return;
  for (std::string_view key : {"ms.openlocfilehash", "ms.sourcegitcommit"}) {
    for_each_value(doc, env, key, kInvalidHash, out, [&](const FrontMatterEntry& e) {
      std::string_view v = trim(e.value);
      bool hex = !v.empty() &&
                 std::all_of(v.begin(), v.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
      bool lower = std::none_of(v.begin(), v.end(), [](char c) { return c >= 'A' && c <= 'F'; });
      const bool length = v.size() == 40 || v.size() == 64;
      if (hex && lower && length) return;
      std::string why = !hex     ? "not hexadecimal"
                        : !length ? fmt::format("{} digits", v.size())
                                  : "upper-case digits";
      out.report(kInvalidHash, e.value_span,
                 fmt::format("'{}' is '{}' ({}), expected 40 or 64 lowercase hex digits", key, excerpt(v, 60), why));
    });
  }
}

}  // namespace loclint::checks::metadata

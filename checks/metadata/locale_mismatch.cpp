#include <unicode/uloc.h>

#include <map>
#include <mutex>
#include <set>

#include "common/document_locale.h"
#include "metadata.h"
#include "values.h"

namespace loclint::checks::metadata {

const Rule kLocaleMismatch{
    .id = "metadata/locale-mismatch",
    .severity = Severity::Error,
    .summary = "ms.contentlocale is not a valid locale or not the locale of the tree",
    .checks = "`ms.contentlocale` must be a BCP 47 locale (`fr-FR`) and the locale the document is expected in: "
              "the one given with `--locale` or the configuration file, else the one of the tree (the docset of "
              "`.openpublishing.publish.config.json` or the `docfx.json` that contains the file, else a folder "
              "name ending in a locale, `partner-center-pr.fr-fr`). Letter case does not matter.",
    .why = "A file copied from another language's repository, or a mistyped locale, is served to the wrong "
           "readers. Write the locale of the tree.",
    .fires = {.text = "ms.contentlocale: de-DE", .form = ExampleForm::FrontMatter, .args = "--locale fr-FR"},
    .passes = {.text = "ms.contentlocale: fr-fr", .form = ExampleForm::FrontMatter, .args = "--locale fr-FR"},
};

namespace {

const std::set<std::string, std::less<>>& iso_list(const char* const* list) {
  // Built once per list; the two lists are static data of ICU.
  static std::mutex m;
  static std::map<const char* const*, std::set<std::string, std::less<>>> cache;
  std::lock_guard lock(m);
  auto& s = cache[list];
  if (s.empty())
    for (auto p = list; *p; ++p) s.insert(*p);
  return s;
}

}  // namespace

bool valid_bcp47(std::string_view tag) {
  if (tag.empty() || tag.size() > 64 || tag.find('_') != std::string_view::npos) return false;
  std::string t(tag);
  char id[ULOC_FULLNAME_CAPACITY];
  int32_t parsed = 0;
  UErrorCode status = U_ZERO_ERROR;
  uloc_forLanguageTag(t.c_str(), id, sizeof id, &parsed, &status);
  if (U_FAILURE(status) || parsed != static_cast<int32_t>(t.size())) return false;
  char lang[ULOC_LANG_CAPACITY] = {0}, region[ULOC_COUNTRY_CAPACITY] = {0};
  status = U_ZERO_ERROR;
  uloc_getLanguage(id, lang, sizeof lang, &status);
  uloc_getCountry(id, region, sizeof region, &status);
  if (U_FAILURE(status) || lang[0] == '\0') return false;
  if (!iso_list(uloc_getISOLanguages()).contains(std::string_view(lang))) return false;
  std::string_view r(region);
  if (r.empty()) return true;
  if (r.size() == 3 && std::all_of(r.begin(), r.end(), [](char c) { return c >= '0' && c <= '9'; })) return true;
  return iso_list(uloc_getISOCountries()).contains(r);
}

void check_locale_mismatch(const Document& doc, const Env& env, Reporter& out) {
  if (!trusted(doc)) return;
  for_each_value(doc, env, "ms.contentlocale", kLocaleMismatch, out, [&](const FrontMatterEntry& e) {
    std::string_view v = trim(e.value);
    // What the document is expected in, from everything but the value being checked.
    DocumentLocale want = document_locale(doc, env, FrontMatterLocale::Skip);
    if (!valid_bcp47(v)) {
      out.report(kLocaleMismatch, e.value_span,
                 fmt::format("'ms.contentlocale' is '{}', not a valid BCP 47 locale (expected {})", excerpt(v, 60),
                             want.locale.empty() ? std::string("a tag such as fr-FR") : "'" + want.locale + "'"));
      return;
    }
    if (want.locale.empty() || lower_ascii(v) == want.locale) return;
    out.report(kLocaleMismatch, e.value_span,
               fmt::format("'ms.contentlocale' is '{}' but the tree is in '{}' (from {})", excerpt(v, 60), want.locale,
                           want.source));
  });
}

}  // namespace loclint::checks::metadata

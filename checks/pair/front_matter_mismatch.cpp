#include <fmt/format.h>

#include <algorithm>

#include "common/options.h"
#include "pair.h"

namespace loclint::checks::pair {

// Which keys carry over was read from the Business Central pair (dynamics365smb-docs it-it live
// against en-us): wherever the two are of one version, the localization pipeline copies every key
// but the translated `title` and `description`, the localization keys it writes itself
// (`ms.contentlocale`, `ms.locfileid`, ...) and `ms.date`, which a localized page may carry on
// its own. The default list is the keys of that kind that pages of docfx, MDN, Hugo and
// Docusaurus carry; a repository names its own with the `keys` option.
const Rule kFrontMatterMismatch{
    .id = "pair/front-matter-mismatch",
    .severity = Severity::Error,
    .summary = "a front-matter key of the source that did not carry over",
    .checks = "Some front matter is not translated: ids (`uid`, `ms.assetid`), the article's topic type and "
              "service, its owners, its `no-loc` terms, MDN's `slug` and `page-type`. A key of the `keys` option "
              "that the source has must have the same value in the translation (for a list such as `no-loc`, "
              "every item of the source). Ids (`id-keys`) are compared always, the others only when the source "
              "is known to be the version translated (see pair/missing-section), since an owner or a topic type "
              "can change in the source after the translation.",
    .why = "The publishing pipeline and search read these keys from the translation too, so a value that differs "
           "from the source's, or a key that is missing, files the page under the wrong id, type or owner. Copy "
           "the value from the source.",
    .fires = {.text = "uid: configurer-paiements\n---\n# Configurer les paiements\n",
              .form = ExampleForm::FrontMatter,
              .files = {{"en-us/example.md", "---\ntitle: Set up payments\nuid: set-up-payments\n---\n# Set up payments\n"}},
              .args = "--source-root en-us"},
    .passes = {.text = "uid: set-up-payments\n---\n# Configurer les paiements\n",
               .form = ExampleForm::FrontMatter,
               .files = {{"en-us/example.md", "---\ntitle: Set up payments\nuid: set-up-payments\n---\n# Set up payments\n"}},
               .args = "--source-root en-us"},
    .options = {{"keys", OptionType::List,
                 "uid,ms.assetid,no-loc,ms.topic,ms.service,ms.subservice,ms.author,author,ms.reviewer,ms.custom,"
                 "ms.devlang,ms.collection,ms.search.form,ms.search.keywords,slug,page-type,browser-compat,id,"
                 "sidebar_position,weight",
                 "the keys whose value carries over from the source when the source is the version translated"},
                {"id-keys", OptionType::List, "uid,ms.assetid", "the keys compared whatever the source's version"}},
};

namespace {

bool empty(const FrontMatterEntry& e) { return e.is_null || (e.is_scalar && trim(e.value).empty()); }

// The span of the front matter's first line (`---`), where a missing key is reported.
Span first_line(const Document& doc) {
  const FrontMatter& fm = doc.front_matter();
  if (!fm.present) return {doc.content_start(), doc.content_start()};
  return doc.lines().line_span(doc.lines().line_of(fm.span.begin));
}

}  // namespace

void check_front_matter_mismatch(const Document& doc, const Env& env, Reporter& out) {
  const Pair* p = paired(env);
  if (!p) return;
  const Strictness strict = strictness(*p);
  if (strict == Strictness::None) return;
  const FrontMatter& tfm = doc.front_matter();
  const FrontMatter& sfm = p->source->front_matter();
  // Broken front matter on either side is metadata/syntax's finding, not a mismatch of keys.
  if (tfm.error || sfm.error || !sfm.present) return;
  const std::vector<std::string> ids = list_option(env.config, kFrontMatterMismatch, "id-keys");
  std::vector<std::string> keys = strict == Strictness::Full ? list_option(env.config, kFrontMatterMismatch, "keys") : ids;
  for (const std::string& id : ids)
    if (std::find(keys.begin(), keys.end(), id) == keys.end()) keys.push_back(id);
  for (const std::string& key : keys) {
    const FrontMatterEntry* s = sfm.find(key);
    if (!s || empty(*s)) continue;
    const std::string where = p->where(s->key_span.begin);
    const FrontMatterEntry* t = tfm.find(key);
    if (!t) {
      out.report(kFrontMatterMismatch, first_line(doc),
                 fmt::format("'{}' of the source ('{}') is missing from the translation", key,
                             excerpt(s->is_scalar ? s->value : fmt::format("[{}]", fmt::join(s->items, ", ")), 60,
                                     kQuoted)),
                 {}, where);
      continue;
    }
    if (s->is_scalar && t->is_scalar) {
      if (trim(t->value) != trim(s->value))
        out.report(kFrontMatterMismatch, t->value_span,
                   fmt::format("'{}' is '{}' in translation, '{}' in source", key, excerpt(trim(t->value), 60, kQuoted),
                               excerpt(trim(s->value), 60, kQuoted)),
                   s->value, where);
    } else if (!s->items.empty()) {
      // A list (`no-loc`): every item of the source, as the source has it.
      for (const std::string& item : s->items)
        if (std::find(t->items.begin(), t->items.end(), item) == t->items.end() &&
            !(t->is_scalar && trim(t->value) == trim(item)))
          out.report(kFrontMatterMismatch, t->is_scalar ? t->value_span : t->key_span,
                     fmt::format("'{}' of '{}' in the source is missing from the translation's '{}'",
                                 excerpt(item, 60, kQuoted), key, key),
                     item, where);
    }
  }
}

}  // namespace loclint::checks::pair

#include "document_locale.h"

#include <algorithm>

#include "loclint/source_layout.h"

namespace loclint::checks {

namespace {
std::string normal(std::string_view locale) {
  std::string out = lower_ascii(trim(locale));
  std::replace(out.begin(), out.end(), '_', '-');
  return out;
}
}  // namespace

DocumentLocale document_locale(const Document& doc, const Env& env, FrontMatterLocale front_matter) {
  if (env.config.locale && !trim(*env.config.locale).empty())
    return {normal(*env.config.locale),
            env.config.file.empty() ? "--locale" : "--locale or " + env.config.file.filename().string()};
  if (front_matter == FrontMatterLocale::Use)
    if (const FrontMatterEntry* e = doc.front_matter().find("ms.contentlocale");
        e && e->is_scalar && !trim(e->value).empty())
      return {normal(e->value), "ms.contentlocale"};
  const auto place = env.workspace.place_of(doc.path());
  if (auto source = source_place(place->file, env.config, place->repo->root); source && !source->locale.empty())
    return {normal(source->locale), "pairing.paths"};
  DocumentLocale tree;
  tree.locale = normal(env.workspace.tree_locale(doc.path(), &tree.source));
  return tree;
}

bool in_translated_tree(const Document& doc, const Env& env) {
  const std::string locale = document_locale(doc, env, FrontMatterLocale::Skip).locale;
  return !locale.empty() && !locale.starts_with("en");
}

}  // namespace loclint::checks

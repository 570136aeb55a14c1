// The locale a document is written in, for every family that needs it (number formats and
// locale URL segments in code, English-locale files in segment, the expected locale in
// metadata). One order, first found wins:
//
//   1. the locale the user gave: --locale, or `locale:` of .loclint.yaml;
//   2. the document's own `ms.contentlocale` (front matter);
//   3. the `{locale}` of the `pairing.paths` template that places the document in its source tree
//      (source_layout.h: `content/{locale}/{path}` on `content/fr/intro.md` gives `fr`; Hugo,
//      Docusaurus, MkDocs and MDN name the locale only there);
//   4. the tree (Workspace::tree_locale): the docset of .openpublishing.publish.config.json,
//      a docfx.json on the way up, or a folder name ending in a locale (`docs.fr-fr`).
//
// metadata/locale-mismatch checks step 2 against the others, so it asks without step 2.
#pragma once

#include <string>

#include "loclint/check.h"

namespace loclint::checks {

struct DocumentLocale {
  std::string locale;  // lowercase BCP 47 with '-' ("fr-fr"); empty when nothing says
  std::string source;  // where it was learnt, for messages ("--locale", "folder name 'docs.fr-fr'")
};

enum class FrontMatterLocale : bool { Use, Skip };

DocumentLocale document_locale(const Document& doc, const Env& env,
                               FrontMatterLocale front_matter = FrontMatterLocale::Use);

// Whether the tree `doc` is in is a translation: the locale of steps 1, 3 and 4 above is known and
// is not English (`en`, `en-us`, ...), the source language of the docsets loclint reads (docfx's
// `_repo.en-us` fallback, and the default language of Hugo, Docusaurus, MkDocs and MDN). Unknown:
// false. Callers add what else marks their trees (a publish config's source-language fallback,
// the pipeline's `ms.contentlocale` in most articles).
bool in_translated_tree(const Document& doc, const Env& env);

}  // namespace loclint::checks

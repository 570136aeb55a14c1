// The locale a document is written in, for every family that needs it (number formats and
// locale URL segments in code, English-locale files in segment, the expected locale in
// metadata). One order, first found wins:
//
//   1. the locale the user gave: --locale, or `locale:` of .loclint.yaml;
//   2. the document's own `ms.contentlocale` (front matter);
//   3. the tree (Workspace::tree_locale): the docset of .openpublishing.publish.config.json,
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

}  // namespace loclint::checks

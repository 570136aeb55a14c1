// checks/metadata: the front matter a localized article must keep.
#include <fmt/format.h>

#include "registry.h"

namespace loclint::checks {

namespace {

const Rule kSyntax{
    "metadata/syntax", Severity::Error, "front matter that is not valid YAML, not a mapping, or never closed",
    "The block between the two `---` lines at the top of the article must be a YAML mapping of keys "
    "to values. When the YAML does not parse (a stray quote, a tab, a colon inside an unquoted "
    "value), or the closing `---` is missing, the publishing pipeline drops every key: the page "
    "loses its title, description and localization metadata. Fix the YAML at the line shown.",
    "---\ntitle: \"Résoudre les problèmes\ndescription: ...\n---"};

void check_syntax(const Document& doc, const Env&, Reporter& out) {
  const FrontMatter& fm = doc.front_matter();
  if (!fm.present) return;
  if (fm.error) {
    uint32_t at = fm.error->offset;
    std::string msg = fm.terminated ? fmt::format("front matter is not valid YAML: {}", fm.error->message)
                                    : fm.error->message;
    out.report(kSyntax, {at, at}, msg);
  } else if (!fm.is_mapping) {
    out.report(kSyntax, {fm.span.begin, fm.span.begin}, "front matter is not a mapping of keys to values");
  }
}

}  // namespace

std::vector<Check> metadata_checks() {
  return {
      {"metadata-syntax", {&kSyntax}, check_syntax},
  };
}

}  // namespace loclint::checks

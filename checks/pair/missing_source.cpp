#include <fmt/format.h>

#include "pair.h"

namespace loclint::checks::pair {

const Rule kMissingSource{
    .id = "pair/missing-source",
    .severity = Severity::Note,
    .summary = "a translation whose source document is not in the source tree",
    .checks = "With a source tree (`--source-root`, or `source-root:` in `.loclint.yaml`), every translated "
              "document that has no side-by-side segments is paired with its source document: the same path "
              "below the source root (docfx), or the `pairing.paths` templates (Hugo, Docusaurus, MkDocs, MDN). "
              "This translation's source is not there. It is reported once, and nothing else is compared for "
              "this file. A source document with no translation is not a finding.",
    .why = "The source was moved, renamed or deleted, or the source tree is not the version the translation was "
           "made from. When the source moved (the message says where, from the source repository's "
           "redirections or a `.md` that became `.yml`), move the translation too; when it was deleted, the "
           "translation is an orphan.",
    .fires = {.text = "# Configurer les paiements\n",
              .files = {{"en-us/index.md", "# Index\n"}},
              .args = "--source-root en-us"},
    .passes = {.text = "# Configurer les paiements\n",
               .files = {{"en-us/example.md", "# Set up payments\n"}},
               .args = "--source-root en-us"},
};

void check_missing_source(const Document& doc, const Env& env, Reporter& out) {
  if (!env.pair || env.pair->state != PairState::MissingSource) return;
  // Pages outside every docset are not published: their pairing does not matter.
  auto place = env.workspace.place_of(doc.path());
  if (!place->repo->docsets.empty() && !place->docset) return;
  const Pair& p = *env.pair;
  std::string hint;
  if (!p.source_moved_to.empty()) {
    hint = fmt::format("; the source has '{}'", p.source_moved_to);
  } else {
    auto source_repo = env.workspace.repo_of(p.source_path);
    if (const Redirection* r = env.workspace.redirection(*source_repo, p.source_path))
      hint = fmt::format("; the source repository redirects it to '{}'", r->redirect_url);
  }
  const uint32_t at = doc.content_start();
  out.report(kMissingSource, {at, at},
             fmt::format("no source document for this translation: '{}' is not in the source tree{}", p.source_name, hint));
}

}  // namespace loclint::checks::pair

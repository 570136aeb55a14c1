#include <fmt/format.h>

#include "pair.h"

namespace loclint::checks::pair {

const Rule kMissingSource{
    "pair/missing-source", Severity::Note, "a translation whose source document is not in the source tree",
    "The source tree (`--source-root`, or `source-root:` in `.loclint.yaml`) has no document where this "
    "translation's source should be, by the pairing layout: the source was moved, renamed or deleted, or "
    "the source tree is not the version the translation was made from. Nothing else is compared for this "
    "file. When the source moved (the source repository's redirections say where), move the translation "
    "too; when it was deleted, the translation is an orphan.",
    "business-central/new-page.md (with no business-central/new-page.md in the source tree)"};

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

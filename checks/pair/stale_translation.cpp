#include <fmt/format.h>

#include "pair.h"

namespace loclint::checks::pair {

const Rule kStaleTranslation{
    .id = "pair/stale-translation",
    .severity = Severity::Warning,
    .summary = "a translation whose source file changed after the source commit it names",
    .checks = "The translation names the source commit it was made from (`ms.sourcegitcommit`, MDN's "
              "`l10n.sourceCommit`, or the keys of `pairing.source-commit-key`), and git says its source file "
              "changed since. The message says how many lines changed and under which heading the first change "
              "is. Needs the source tree in a git work tree that has the commit. `loclint --explain` shows the "
              "examples below; tests/rule_examples_test.cpp runs them in a git repository it makes with git.",
    .why = "The translation lacks those changes. Translate them and update the commit; until then the other pair "
           "rules do not compare this file, since the source is no longer what was translated.",
    .fires = {.text = "# Configurer les paiements\n\n## Étapes\n\nOuvrez la page.\n",
              .files = {{"en-us/example.md", "# Set up payments\n\n## Steps\n\nOpen the page.\n\n## New\n\nA section "
                                             "added to the source after the commit the translation names.\n"}},
              .history = {{"en-us/example.md", "# Set up payments\n\n## Steps\n\nOpen the page.\n"}},
              .args = "--source-root en-us"},
    .passes = {.text = "# Configurer les paiements\n\n## Étapes\n\nOuvrez la page.\n",
               .files = {{"en-us/example.md", "# Set up payments\n\n## Steps\n\nOpen the page.\n"}},
               .history = {{"en-us/example.md", "# Set up payments\n\n## Steps\n\nOpen the page.\n"}},
               .args = "--source-root en-us"},
};

void check_stale_translation(const Document&, const Env& env, Reporter& out) {
  const Pair* p = paired(env);
  if (!p || !p->source_commit()) return;
  const SourceChange change = p->source_change();
  if (change.state != SourceChange::State::Changed) return;
  const FrontMatterEntry& commit = *p->source_commit();
  // The heading the first change is under, in the source as it is now.
  const Document& src = *p->source;
  const Heading* under = nullptr;
  for (const Heading& h : src.headings()) {
    if (src.position(h.span.begin).line > change.first_line) break;
    under = &h;
  }
  std::string where = under ? fmt::format("the first under '{} {}'", std::string(under->level, '#'),
                                          excerpt(under->text, 80, kQuoted))
                            : std::string("the first before any heading");
  out.report(kStaleTranslation, commit.value_span,
             fmt::format("the source changed after the commit this translation names ({}: {}): {} line{} of '{}' "
                         "changed, {}",
                         commit.key, excerpt(commit.value, 12, kQuoted), change.lines, change.lines == 1 ? "" : "s",
                         p->source_name, where),
             {}, fmt::format("{}:{}", p->source_name, change.first_line));
}

}  // namespace loclint::checks::pair

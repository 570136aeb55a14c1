// pair/missing-code-block and pair/extra-code-block: code blocks the alignment pairs with
// nothing, inside sections that are paired (a whole missing section is pair/missing-section).
#include <fmt/format.h>

#include <algorithm>

#include "pair.h"

namespace loclint::checks::pair {

const Rule kMissingCodeBlock{
    .id = "pair/missing-code-block",
    .severity = Severity::Warning,
    .summary = "a code block of the source with no counterpart in the translation",
    .checks = "A fenced code block of the source is not in the translation, in a section that is otherwise there "
              "(a whole missing section is pair/missing-section). Reported only when the source is known to be "
              "the version translated (see pair/missing-section).",
    .why = "A command or a sample that readers of this language do not get. Copy the code block from the source "
           "and translate its comments only.",
    .fires = {.text = "# Installer\n\nExécutez [l\'outil](tool.md).\n\n```bash\nsudo apt-get install -y tool\n```\n\nVérifiez ensuite 2 paramètres.\n",
              .files = {{"en-us/example.md", "# Install\n\nRun [the tool](tool.md).\n\n```bash\nsudo apt-get install -y tool\n```\n\nThen check 2 settings.\n\n```bash\ntool --version\n```\n"}, {"tool.md", "# Outil\n"}},
              .args = "--source-root en-us --source-version translated"},
    .passes = {.text = "# Installer\n\nExécutez [l\'outil](tool.md).\n\n```bash\nsudo apt-get install -y tool\n```\n\nVérifiez ensuite 2 paramètres.\n\n```bash\ntool --version\n```\n",
               .files = {{"en-us/example.md", "# Install\n\nRun [the tool](tool.md).\n\n```bash\nsudo apt-get install -y tool\n```\n\nThen check 2 settings.\n\n```bash\ntool --version\n```\n"}, {"tool.md", "# Outil\n"}},
               .args = "--source-root en-us --source-version translated"},
};

const Rule kExtraCodeBlock{
    .id = "pair/extra-code-block",
    .severity = Severity::Warning,
    .summary = "a code block of the translation with no counterpart in the source",
    .checks = "The translation has a fenced code block that its source does not, in a section both have. Reported "
              "only when the source is known to be the version translated (see pair/missing-section).",
    .why = "Code added to the translation only, or left behind after the source dropped it: readers copy a "
           "command the source does not give. Remove it or bring the source and the translation to one version.",
    .fires = {.text = "# Installer\n\nExécutez [l\'outil](tool.md).\n\n```bash\nsudo apt-get install -y tool\n```\n\nVérifiez ensuite 2 paramètres.\n\n```bash\ntool --version\n```\n\n```bash\ntool --aide\n```\n",
              .files = {{"en-us/example.md", "# Install\n\nRun [the tool](tool.md).\n\n```bash\nsudo apt-get install -y tool\n```\n\nThen check 2 settings.\n\n```bash\ntool --version\n```\n"}, {"tool.md", "# Outil\n"}},
              .args = "--source-root en-us --source-version translated"},
    .passes = {.text = "# Installer\n\nExécutez [l\'outil](tool.md).\n\n```bash\nsudo apt-get install -y tool\n```\n\nVérifiez ensuite 2 paramètres.\n\n```bash\ntool --version\n```\n",
               .files = {{"en-us/example.md", "# Install\n\nRun [the tool](tool.md).\n\n```bash\nsudo apt-get install -y tool\n```\n\nThen check 2 settings.\n\n```bash\ntool --version\n```\n"}, {"tool.md", "# Outil\n"}},
               .args = "--source-root en-us --source-version translated"},
};

void check_code_blocks(const Document& doc, const Env& env, Reporter& out) {
  const Pair* p = paired(env);
  if (!p || strictness(*p) != Strictness::Full) return;
  const Alignment& a = p->alignment();
  const Document& src = *p->source;
  // Blocks of sections that are missing or extra whole belong to the section rules.
  std::vector<char> whole_source(src.blocks().size()), whole_target(doc.blocks().size());
  for (const AlignedSections& s : a.sections) {
    if (s.move == AlignMove::Deleted)
      for (uint32_t u = a.source_sections[s.source_first].first; u < a.source_sections[s.source_first].last; ++u)
        whole_source[a.source_units[u]] = 1;
    if (s.move == AlignMove::Inserted)
      for (uint32_t u = a.target_sections[s.target_first].first; u < a.target_sections[s.target_first].last; ++u)
        whole_target[a.target_units[u]] = 1;
  }
  // Fenced code only: indented code is as often text indented by accident (docfx `:::column:::`
  // content) as code.
  auto fenced = [](const Document& d, uint32_t block) {
    const CodeBlock* c = d.code_block(block);
    return c && c->fenced;
  };
  for (size_t k = 0; k < a.blocks.size(); ++k) {
    const AlignedBlocks& b = a.blocks[k];
    if (b.move == AlignMove::Deleted && fenced(src, b.source[0]) && !whole_source[b.source[0]]) {
      const uint32_t at = insertion_point(doc, a, k);
      out.report(kMissingCodeBlock, {at, at},
                 fmt::format("code block of the source has no counterpart in the translation: {}",
                             block_label(src, b.source[0])),
                 {}, p->where(src.blocks()[b.source[0]].span.begin));
    } else if (b.move == AlignMove::Inserted && fenced(doc, b.target[0]) && !whole_target[b.target[0]]) {
      out.report(kExtraCodeBlock, doc.blocks()[b.target[0]].span,
                 fmt::format("code block has no counterpart in the source '{}': {}", p->source_name,
                             block_label(doc, b.target[0])));
    }
  }
}

}  // namespace loclint::checks::pair

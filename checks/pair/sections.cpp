// pair/missing-section and pair/extra-section: sections of the source and of the translation
// that the alignment pairs with nothing.
#include <fmt/format.h>

#include "pair.h"

namespace loclint::checks::pair {

// The source article of the examples: three sections, the second without an anchor of its own.
constexpr std::string_view kSourceArticle =
    "# Set up payments\n\n## <a name=\"alpha\"></a>Alpha\n\nAlpha text with [b](b.md).\n\n## Beta\n\nBeta text "
    "with [c](c.md) and 42.\n\n## Gamma\n\nGamma text with [d](d.md).\n";

const Rule kMissingSection{
    .id = "pair/missing-section",
    .severity = Severity::Warning,
    .summary = "a section of the source with no counterpart in the translation",
    .checks = "The source document has a section (a heading and the text under it) that the translation lacks, "
              "or a heading the translation runs into the section before. The alignment pairs sections by what "
              "translation does not change (the heading's id, which localized docfx headings keep as "
              "`<a name>`, code, links, numbers), so a section that was only moved or renamed is not reported. "
              "Reported only when the source is known to be the version translated: the translation names its "
              "source commit and git says the source did not change since, or `--source-version translated` "
              "(`pairing.source-version`).",
    .why = "An incomplete translation: readers of this language miss that part. Translate the section.",
    .fires = {.text = "# Configurer les paiements\n\n## <a name=\"alpha\"></a>Alpha\n\nTexte alpha avec [b](b.md).\n\n"
                      "## <a name=\"gamma\"></a>Gamma\n\nTexte gamma avec [d](d.md).\n",
              .files = {{"en-us/example.md", kSourceArticle},
                        {"b.md", "# B\n"}, {"c.md", "# C\n"}, {"d.md", "# D\n"}},
              .args = "--source-root en-us --source-version translated"},
    .passes = {.text = "# Configurer les paiements\n\n## <a name=\"alpha\"></a>Alpha\n\nTexte alpha avec [b](b.md).\n\n"
                       "## <a name=\"beta\"></a>Bêta\n\nTexte bêta avec [c](c.md) et 42.\n\n"
                       "## <a name=\"gamma\"></a>Gamma\n\nTexte gamma avec [d](d.md).\n",
               .files = {{"en-us/example.md", kSourceArticle},
                         {"b.md", "# B\n"}, {"c.md", "# C\n"}, {"d.md", "# D\n"}},
               .args = "--source-root en-us --source-version translated"},
};

const Rule kExtraSection{
    .id = "pair/extra-section",
    .severity = Severity::Warning,
    .summary = "a section of the translation with no counterpart in the source",
    .checks = "The translation has a section, or a heading, that its source document does not. Reported only when "
              "the source is known to be the version translated (see pair/missing-section).",
    .why = "Text added to the translation only, or a section the source has dropped: readers of the two languages "
           "get different content. Remove it, or bring the source and the translation to one version.",
    .fires = {.text = "# Configurer les paiements\n\n## <a name=\"alpha\"></a>Alpha\n\nTexte alpha avec [b](b.md).\n\n"
                      "## <a name=\"beta\"></a>Bêta\n\nTexte bêta avec [c](c.md) et 42.\n\n"
                      "## <a name=\"gamma\"></a>Gamma\n\nTexte gamma avec [d](d.md).\n\n"
                      "## <a name=\"remarques\"></a>Remarques locales\n\nAjouté ici seulement.\n",
              .files = {{"en-us/example.md", kSourceArticle},
                        {"b.md", "# B\n"}, {"c.md", "# C\n"}, {"d.md", "# D\n"}},
              .args = "--source-root en-us --source-version translated"},
    .passes = {.text = "# Configurer les paiements\n\n## <a name=\"alpha\"></a>Alpha\n\nTexte alpha avec [b](b.md).\n\n"
                       "## <a name=\"beta\"></a>Bêta\n\nTexte bêta avec [c](c.md) et 42.\n\n"
                       "## <a name=\"gamma\"></a>Gamma\n\nTexte gamma avec [d](d.md).\n",
               .files = {{"en-us/example.md", kSourceArticle},
                         {"b.md", "# B\n"}, {"c.md", "# C\n"}, {"d.md", "# D\n"}},
               .args = "--source-root en-us --source-version translated"},
};

void check_sections(const Document& doc, const Env& env, Reporter& out) {
  const Pair* p = paired(env);
  if (!p || strictness(*p) != Strictness::Full) return;
  const Alignment& a = p->alignment();
  const Document& src = *p->source;
  for (const AlignedSections& s : a.sections) {
    if (s.move == AlignMove::Deleted) {
      const AlignedSection& sec = a.source_sections[s.source_first];
      if (sec.heading == AlignedSection::kNone) continue;  // text before the first heading: its blocks say it
      const uint32_t step = a.source_step[sec.heading];
      const uint32_t at = insertion_point(doc, a, step);
      out.report(kMissingSection, {at, at},
                 fmt::format("section {} of the source has no counterpart in the translation",
                             block_label(src, sec.heading)),
                 {}, p->where(src.blocks()[sec.heading].span.begin));
    } else if (s.move == AlignMove::Inserted) {
      const AlignedSection& sec = a.target_sections[s.target_first];
      if (sec.heading == AlignedSection::kNone) continue;
      out.report(kExtraSection, doc.blocks()[sec.heading].span,
                 fmt::format("section {} has no counterpart in the source '{}'", block_label(doc, sec.heading),
                             p->source_name));
    } else if (s.move == AlignMove::OneToTwo || s.move == AlignMove::TwoToOne) {
      // Two sections on one side for one on the other: a heading one side lacks.
      if (s.move == AlignMove::OneToTwo) {
        const AlignedSection& second = a.source_sections[s.source_first + 1];
        const AlignedBlocks* b = a.for_source_block(second.heading);
        if (!b || b->move != AlignMove::Deleted) continue;
        const uint32_t at = insertion_point(doc, a, a.source_step[second.heading]);
        out.report(kMissingSection, {at, at},
                   fmt::format("heading {} of the source has no counterpart in the translation, which runs its text "
                               "into the section before",
                               block_label(src, second.heading)),
                   {}, p->where(src.blocks()[second.heading].span.begin));
      } else {
        const AlignedSection& second = a.target_sections[s.target_first + 1];
        const AlignedBlocks* b = a.for_target_block(second.heading);
        if (!b || b->move != AlignMove::Inserted) continue;
        out.report(kExtraSection, doc.blocks()[second.heading].span,
                   fmt::format("heading {} has no counterpart in the source '{}', which runs this text into the "
                               "section before",
                               block_label(doc, second.heading), p->source_name));
      }
    }
  }
}

}  // namespace loclint::checks::pair

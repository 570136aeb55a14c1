// pair/missing-section and pair/extra-section: sections of the source and of the translation
// that the alignment pairs with nothing.
#include <fmt/format.h>

#include "pair.h"

namespace loclint::checks::pair {

const Rule kMissingSection{
    "pair/missing-section", Severity::Warning, "a section of the source with no counterpart in the translation",
    "The source document has a section (a heading and the text under it) that the translation lacks: "
    "an incomplete translation, or a section the source gained after the translation was made. The "
    "alignment pairs sections by what translation does not change (the heading's id, which localized "
    "docfx headings keep as `<a name>`, code, links, numbers), so a section that was only moved or "
    "renamed is not reported. Reported only when the source is known to be the version translated "
    "(see pair/stale-translation). Translate the section.",
    "## Beta   (in the source, between ## Alpha and ## Gamma; the translation goes from Alpha to Gamma)"};

const Rule kExtraSection{
    "pair/extra-section", Severity::Warning, "a section of the translation with no counterpart in the source",
    "The translation has a section that its source document does not: text added to the translation "
    "only, or a section the source has dropped since. Readers of the two languages get different "
    "content. Reported only when the source is known to be the version translated.",
    "## Note locali   (in the translation only)"};

namespace {

// The start of the line of the first translation block from step `from` on: where something
// missing from the translation would be.
uint32_t insertion_point(const Document& doc, const Alignment& a, size_t from) {
  for (size_t k = from; k < a.blocks.size(); ++k)
    if (a.blocks[k].target_count) {
      const uint32_t b = doc.blocks()[a.blocks[k].target[0]].span.begin;
      return doc.lines().line_start(doc.lines().line_of(b));
    }
  return static_cast<uint32_t>(doc.text().size());
}

}  // namespace

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
                 fmt::format("section {} of the source has no counterpart in the translation ({})",
                             block_label(src, sec.heading), p->where(src.blocks()[sec.heading].span.begin)));
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
                               "into the section before ({})",
                               block_label(src, second.heading), p->where(src.blocks()[second.heading].span.begin)));
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

#include "segment.h"

namespace loclint::checks::segment {

const Rule kIdMismatch{
    .id = "segment/id-mismatch",
    .severity = Severity::Error,
    .summary = "the translation's data-ttu-id differs from its source twin's data-stu-id",
    .checks = "A translation span and the source span right after it are one segment and carry the same id.",
    .why = "When the ids differ, the pipeline pairs the translation with the wrong English sentence (or with "
           "none) on re-import, and readers hovering the sentence see the wrong source. This usually comes from "
           "editing or reordering one half of a segment. Make both ids the one the source half had.",
    .fires = {.text = "<span data-ttu-id=\"f4053-120\">Texte</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-121\">Text</span></span>\n"},
    .passes = {.text = "<span data-ttu-id=\"f4053-121\">Texte</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-121\">Text</span></span>\n"},
};

// Malformed and mismatched ids per unit; the ids that are sound, for the rules over the file.
Analysis::Ids Analysis::report_ids() {
  Ids ids(units_.size());
  for (size_t i = 0; i < units_.size(); ++i) {
    const Unit& u = units_[i];
    const Segment& s = *u.seg;
    const Segment* src = u.source();
    const SegmentHalf& first = u.primary_half();
    auto first_id = parse_id(first.id);
    bool bad = false;
    // A unit whose other half is a broken tag (a `&quot;` that ended the tag early) is one
    // defect, reported as that remnant: its own id, garbled the same way, is not a second; nor
    // is it when a structural rule already reported the unit (`&quot;` quotes everywhere: the
    // sxs-lookup class is garbled too, reported as a missing source twin that quotes it).
    if (!first_id) {
      if ((!u.remnant || u.remnant->well_formed) && !u.structure_reported) report_malformed(first, s.target.present);
      bad = true;
    }
    if (src && s.target.present && !src->source_missing_inner && !u.inner) {
      const SegmentHalf& so = src->source;
      if (so.id != s.target.id) {
        if (!parse_id(so.id)) {
          if ((!u.remnant || u.remnant->well_formed) && !u.structure_reported) report_malformed(so, false);
          bad = true;
        } else if (!bad && !u.structure_reported) {
          out_.report(kIdMismatch, so.id_span,
                      fmt::format("segment id '{}' in translation, '{}' in source", excerpt(s.target.id, 24),
                                  excerpt(so.id, 24)));
        }
      }
    }
    if (!bad) ids[i] = first_id;
  }
  return ids;
}

}  // namespace loclint::checks::segment

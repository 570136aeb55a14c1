#include "segment.h"

namespace loclint::checks::segment {

const Rule kMissingTarget{
    .id = "segment/missing-target",
    .severity = Severity::Error,
    .summary = "an sxs-lookup source span with no translation span before it",
    .checks = "A source span `<span class=\"sxs-lookup\"><span data-stu-id>` is the English twin of the "
              "translation span written right before it; that translation span must be there.",
    .why = "When the translation span is missing (deleted, or its tag lost), readers see no translation for the "
           "sentence and the pipeline has nothing to re-import for this id. Restore "
           "`<span data-ttu-id=\"ID\">translation</span>` right before the source span.",
    .fires = {.text = "Texte<span class=\"sxs-lookup\"><span data-stu-id=\"f4053-120\">Text</span></span>\n"},
    .passes = {.text = "<span data-ttu-id=\"f4053-120\">Texte</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-120\">Text</span></span>\n"},
};

bool Analysis::missing_target(const Unit& u) {
  const Segment& s = *u.seg;
  if (s.target.present) return false;
  // A broken tag standing where the translation span should be is reported as malformed-id.
  if (!u.remnant)
    out_.report(kMissingTarget, s.source.open,
                fmt::format("source '{}' has no translation span '<span data-ttu-id>' before it", excerpt(s.id(), 24)));
  return true;
}

}  // namespace loclint::checks::segment

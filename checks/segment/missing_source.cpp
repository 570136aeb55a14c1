#include "segment.h"

namespace loclint::checks::segment {

const Rule kMissingSource{
    .id = "segment/missing-source",
    .severity = Severity::Error,
    .summary = "a translation span without its sxs-lookup source twin right after it",
    .checks = "Each translation span `<span data-ttu-id>` is followed immediately, with nothing in between (not "
              "even a space), by its English twin `<span class=\"sxs-lookup\"><span data-stu-id>`; a source span "
              "keeps its `sxs-lookup` wrapper.",
    .why = "Without its twin the pipeline cannot tell which source sentence the translation belongs to, and the "
           "sentence is dropped or left stale on the next update; without the wrapper, the English text shows on "
           "the page. Restore the source twin from the English article, or remove the white space or text that "
           "separates the two halves.",
    .fires = {.text = "<span data-ttu-id=\"f4053-120\">Texte</span> <span class=\"sxs-lookup\"><span data-stu-id=\"f4053-120\">Text</span></span>\n"},
    .passes = {.text = "<span data-ttu-id=\"f4053-120\">Texte</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-120\">Text</span></span>\n"},
};

bool Analysis::quoted_wrapper(const Unit& u) const {
  const Segment* src = u.source();
  // Only with the unit's own id quoted so, which malformed-id reports; a quoted wrapper after a
  // sound id is reported here as what stands between the halves.
  if (!src || !u.seg->target.id.starts_with("&quot;")) return false;
  const uint32_t from = whole(u.seg->target).end;
  if (src->source.open.begin < from) return false;
  std::string_view between = doc_.slice({from, src->source.open.begin});
  return trim(between).starts_with("<span") && between.find("&quot;sxs-lookup&quot;") != std::string_view::npos;
}

bool Analysis::no_source_twin(const Unit& u) {
  if (u.source()) return false;
  // A broken tag standing where the source twin should be is reported as malformed-id.
  if (!u.remnant)
    out_.report(kMissingSource, whole(u.seg->target),
                fmt::format("translation '{}' has no source twin '<span class=\"sxs-lookup\">' right after it",
                            excerpt(u.id(), 24)));
  return true;
}

bool Analysis::separated_twin(const Unit& u) {
  if (!u.twin_separated) return false;
  const Segment& s = *u.seg;
  Span gap{whole(s.target).end, std::max(whole(s.target).end, u.twin->source.open.begin)};
  std::string_view between = doc_.slice(gap);
  // The wrapper is there, its attribute quoted with `&quot;` (`<span class=&quot;sxs-lookup&quot;>`):
  // the same damage as the unit's id (`data-ttu-id=&quot;0e9cf-115&quot;`), which
  // segment/malformed-id reports, once; the twin is not separated.
  if (quoted_wrapper(u)) return false;
  std::string what = is_white(between) ? "white space" : fmt::format("'{}'", excerpt(trim(between), 30));
  out_.report(kMissingSource, gap,
              fmt::format("source twin of '{}' is separated from its translation by {}", excerpt(u.id(), 24), what));
  return true;
}

bool Analysis::bare_source(const Unit& u) {
  const Segment* src = u.source();
  if (!is_bare_source(*src)) return false;
  if (quoted_wrapper(u)) return false;
  out_.report(kMissingSource, src->source.open,
              fmt::format("source twin of '{}' lacks its '<span class=\"sxs-lookup\">' wrapper: the English text "
                          "shows on the page",
                          excerpt(u.id(), 24)));
  return true;
}

}  // namespace loclint::checks::segment

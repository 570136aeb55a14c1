// The segment analysis: pairing the model's segments into units, and the order of the stages.
#include "segment.h"

namespace loclint::checks::segment {

void check_segments(const Document& doc, const Env& env, Reporter& out) { Analysis(doc, env, out).run(); }

void Analysis::run() {
  if (doc_.segments().empty() && doc_.text().find("data-") == std::string_view::npos) return;
  remnants_ = find_remnants(doc_);
  pair_units();
  report_remnants();
  report_structure();
  report_stray_tags();
  Ids ids = report_ids();
  report_duplicates(ids);
  report_prefixes(ids);
  report_order(ids);
  report_content();
}

// The first remnant of the given kind starting in [from, to), if any.
const Remnant* Analysis::remnant_between(uint32_t from, uint32_t to, bool target) const {
  for (const Remnant& r : remnants_)
    if (r.span.begin >= from && r.span.begin < to && r.target == target) return &r;
  return nullptr;
}

// A source span without the sxs-lookup wrapper: its English text shows on the page.
bool Analysis::is_bare_source(const Segment& s) const {
  return s.source.present && doc_.slice(s.source.open).find("sxs-lookup") == std::string_view::npos;
}

void Analysis::pair_units() {
  const auto& segs = doc_.segments();
  for (size_t i = 0; i < segs.size(); ++i) {
    Unit u;
    u.seg = &segs[i];
    const Segment& s = segs[i];
    const Block& block = doc_.blocks()[s.block];
    if (s.target.present && !s.source.present && i + 1 < segs.size() && !segs[i + 1].target.present) {
      const Segment& next = segs[i + 1];
      uint32_t gap_end = std::max(next.span.begin, whole(s.target).end);
      std::string_view between = doc_.slice({whole(s.target).end, gap_end});
      // The target ran into its twin (unclosed), or only white space separates them, or the
      // twin carries the target's id (even in the next table cell): one segment either way.
      if ((next.block == s.block && (!s.target.closed || is_white(between))) || next.id() == s.id()) {
        u.twin = &next;
        u.twin_separated = s.target.closed;
        ++i;
      }
    }
    const Segment* src = u.source();
    if (src && src->source_missing_inner && !src->source.closed && i + 1 < segs.size()) {
      // `<span class="sxs-lookup"> <span data-stu-id>`: the model stops the outer span at the
      // inner one, which it sees as a segment of its own.
      const Segment& next = segs[i + 1];
      if (!next.target.present && next.block == src->block && is_bare_source(next) &&
          next.span.begin >= src->source.content.begin &&
          is_white(doc_.slice({src->source.content.begin, next.span.begin}))) {
        u.inner = &next;
        ++i;
      }
    }
    if (s.target.present && !src) {
      uint32_t to = i + 1 < segs.size() && segs[i + 1].block == s.block ? segs[i + 1].span.begin : block.span.end;
      u.remnant = remnant_between(whole(s.target).end, to, false);
    }
    if (!s.target.present) {
      uint32_t from = block.span.begin;
      if (!units_.empty() && units_.back().seg->block == s.block) from = units_.back().end();
      u.remnant = remnant_between(from, s.span.begin, true);
    }
    units_.push_back(u);
  }
}

// At most one structural diagnostic per unit, the one that explains the others; a unit claimed
// here is left alone by the id and content rules.
void Analysis::report_structure() {
  for (Unit& u : units_)
    u.structure_reported = missing_target(u) || unclosed_target(u) || no_source_twin(u) || separated_twin(u) ||
                           missing_inner(u) || unclosed_source(u) || bare_source(u);
}

}  // namespace loclint::checks::segment

// Pairs from a side-by-side document: each sound segment is a pair of its two halves.
#include "comparison.h"

namespace loclint::checks::code {

namespace {

// Only structurally sound pairs are compared: a broken structure (unclosed span, a source without
// its data-stu-id span) or an empty translation is the segment family's finding, and comparing
// what is left of it would report the same defect twice.
bool usable(const Document& doc, const Segment& s) {
  if (!(s.target.present && s.source.present && s.target.closed && s.source.closed)) return false;
  if (s.source_missing_inner || !s.source.has_id) return false;
  std::string_view t = doc.slice(s.target.content);
  size_t p = t.find_first_not_of("*_ \t\r\n");
  if (p == std::string_view::npos) return false;
  // An ASCII byte other than \v and \f is not white space: no need to ask is_blank.
  if (static_cast<uint8_t>(t[p]) < 0x80 && t[p] != '\v' && t[p] != '\f') return true;
  return !is_blank(t);
}

}  // namespace

void check_segment_pairs(const Document& doc, const Env& env, Reporter& out) {
  const auto& segs = doc.segments();
  if (segs.empty()) return;
  TargetContext ctx(doc, env, out);
  // Each segment is asked about three times (as itself and as both neighbours' neighbour).
  std::vector<char> ok(segs.size());
  for (size_t i = 0; i < segs.size(); ++i) ok[i] = usable(doc, segs[i]);
  auto target_of = [&](size_t k) { return Half{&doc, segs[k].target.content}; };
  auto source_of = [&](size_t k) { return Half{&doc, segs[k].source.content}; };
  for (size_t i = 0; i < segs.size(); ++i) {
    if (!ok[i]) continue;
    BlockPair pair{target_of(i), source_of(i), {}, {}};
    if (i > 0 && segs[i - 1].block == segs[i].block && ok[i - 1]) {
      pair.before = target_of(i - 1);
      pair.before_source = source_of(i - 1);
    }
    if (i + 1 < segs.size() && segs[i + 1].block == segs[i].block && ok[i + 1]) {
      pair.after = target_of(i + 1);
      pair.after_source = source_of(i + 1);
    }
    PairComparison(ctx, pair).run();
  }
}

}  // namespace loclint::checks::code

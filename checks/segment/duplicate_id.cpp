#include <algorithm>

#include "segment.h"

namespace loclint::checks::segment {

const Rule kDuplicateId{
    .id = "segment/duplicate-id",
    .severity = Severity::Error,
    .summary = "the same segment id used by two segments of one file",
    .checks = "Segment ids are unique within a file. The diagnostic points at the second use and names the line "
              "of the first.",
    .why = "The pipeline keeps one translation per id, so when two segments share an id one of the two "
           "translations is overwritten or lost on re-import. This usually comes from a copied paragraph; give "
           "the copy the id its source sentence has in the English export.",
    .fires = {.text = "<span data-ttu-id=\"f4053-120\">Un.</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-120\">One.</span></span>\n"
                      "\n"
                      "<span data-ttu-id=\"f4053-120\">Deux.</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-120\">Two.</span></span>\n"},
    .passes = {.text = "<span data-ttu-id=\"f4053-120\">Un.</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-120\">One.</span></span>\n"
                       "\n"
                       "<span data-ttu-id=\"f4053-121\">Deux.</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-121\">Two.</span></span>\n"},
};

namespace {

// A number that is equal for two parsed ids exactly when their texts are: the five hex digits
// of the prefix (20 bits), the `p` of a paragraph id, the text's length (which fixes the
// leading zeros; 4 bits) and the number (at most 9 digits: 30 bits).
uint64_t id_key(const SegmentId& id, size_t length) {
  uint64_t prefix = 0;
  for (char c : id.prefix) prefix = prefix << 4 | static_cast<uint64_t>(c <= '9' ? c - '0' : c - 'a' + 10);
  return prefix << 35 | static_cast<uint64_t>(id.paragraph) << 34 | static_cast<uint64_t>(length) << 30 | id.number;
}

}  // namespace

// The second and later uses. Ids are sorted by a number that stands for the id text (a std::map
// of strings allocated a node per segment); a run of equal keys is one id, its first unit the
// first use.
void Analysis::report_duplicates(Ids& ids) {
  std::vector<std::pair<uint64_t, size_t>> keyed;
  keyed.reserve(units_.size());
  for (size_t i = 0; i < units_.size(); ++i)
    if (ids[i]) keyed.emplace_back(id_key(*ids[i], units_[i].id().size()), i);
  std::sort(keyed.begin(), keyed.end());
  std::vector<size_t> first_use(units_.size(), SIZE_MAX);  // for a duplicate: the first use
  for (size_t k = 1; k < keyed.size(); ++k)
    if (keyed[k].first == keyed[k - 1].first)
      first_use[keyed[k].second] = first_use[keyed[k - 1].second] == SIZE_MAX ? keyed[k - 1].second : first_use[keyed[k - 1].second];
  for (size_t i = 0; i < units_.size(); ++i) {
    if (!ids[i] || first_use[i] == SIZE_MAX) continue;
    const SegmentHalf& h = units_[i].primary_half();
    uint32_t line = doc_.lines().line_of(units_[first_use[i]].primary_half().id_span.begin);
    out_.report(kDuplicateId, h.id_span, fmt::format("segment id '{}' is already used on line {}", units_[i].id(), line));
    ids[i].reset();
  }
}

}  // namespace loclint::checks::segment

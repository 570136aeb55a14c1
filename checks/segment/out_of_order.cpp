#include <algorithm>

#include "segment.h"

namespace loclint::checks::segment {

const Rule kOutOfOrder{
    .id = "segment/out-of-order",
    .severity = Severity::Warning,
    .summary = "a segment whose number breaks the increasing order of the file",
    .checks = "Segment numbers increase in file order (gaps are normal: not every sentence is exported side by "
              "side). loclint reports the fewest segments that break the order (those outside the longest "
              "increasing run), a run of consecutive misplaced segments once, and names the in-order neighbours.",
    .why = "A segment whose number does not fit was moved or pasted from elsewhere in the file, which often "
           "means a sentence now stands next to the wrong context or was duplicated. It is a warning because "
           "re-import by id still works.",
    .fires = {.text = "<span data-ttu-id=\"f4053-121\">Deux.</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-121\">Two.</span></span>\n"
                      "\n"
                      "<span data-ttu-id=\"f4053-120\">Un.</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-120\">One.</span></span>\n"},
    .passes = {.text = "<span data-ttu-id=\"f4053-120\">Un.</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-120\">One.</span></span>\n"
                       "\n"
                       "<span data-ttu-id=\"f4053-121\">Deux.</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-121\">Two.</span></span>\n"},
};

// The longest strictly increasing subsequence of numbers is "in order"; every other segment is
// out of order. Consecutive out-of-order segments are one break, reported once. Sentence ids
// and paragraph ids (`-pNNN`) are two counters, each in order on its own.
void Analysis::report_order(const Ids& ids) {
  for (bool paragraph : {false, true}) {
    std::vector<size_t> seq;  // unit indexes with a usable id of this kind, in file order
    for (size_t i = 0; i < ids.size(); ++i)
      if (ids[i] && ids[i]->paragraph == paragraph) seq.push_back(i);
    report_order(ids, seq);
  }
}

void Analysis::report_order(const Ids& ids, const std::vector<size_t>& seq) {
  if (seq.size() < 2) return;
  // longest[p]: the longest increasing run of numbers that starts at p (patience sorting
  // from the right). Walking from the left and keeping the earliest segment that can still
  // complete a longest run blames the later segment of a swapped pair, as a reader would.
  std::vector<int64_t> tails;  // negated numbers, increasing
  std::vector<size_t> longest(seq.size());
  for (size_t p = seq.size(); p-- > 0;) {
    int64_t w = -static_cast<int64_t>(ids[seq[p]]->number);
    auto it = std::lower_bound(tails.begin(), tails.end(), w);
    longest[p] = static_cast<size_t>(it - tails.begin()) + 1;
    if (it == tails.end()) tails.push_back(w);
    else *it = w;
  }
  std::vector<bool> in_order(seq.size(), false);
  size_t need = tails.size();
  uint64_t last = 0;
  bool any = false;
  for (size_t p = 0; p < seq.size() && need > 0; ++p) {
    uint64_t v = ids[seq[p]]->number;
    if (longest[p] == need && (!any || v > last)) {
      in_order[p] = true;
      last = v, any = true;
      --need;
    }
  }
  for (size_t p = 0; p < seq.size();) {
    if (in_order[p]) {
      ++p;
      continue;
    }
    size_t q = p;
    while (q < seq.size() && !in_order[q]) ++q;
    std::string_view first = units_[seq[p]].id();
    std::string where;
    std::string_view before = p > 0 ? units_[seq[p - 1]].id() : std::string_view();
    std::string_view after = q < seq.size() ? units_[seq[q]].id() : std::string_view();
    if (!before.empty() && !after.empty()) where = fmt::format("between '{}' and '{}'", before, after);
    else if (!after.empty()) where = fmt::format("before '{}'", after);
    else where = fmt::format("after '{}'", before);
    std::string msg = q - p == 1
                          ? fmt::format("segment '{}' is out of order {}", first, where)
                          : fmt::format("{} segments from '{}' to '{}' are out of order {}", q - p, first,
                                        units_[seq[q - 1]].id(), where);
    out_.report(kOutOfOrder, units_[seq[p]].primary_half().id_span, msg);
    p = q;
  }
}

}  // namespace loclint::checks::segment

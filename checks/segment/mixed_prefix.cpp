#include "segment.h"

namespace loclint::checks::segment {

const Rule kMixedPrefix{
    .id = "segment/mixed-prefix",
    .severity = Severity::Warning,
    .summary = "a segment whose id prefix differs from the file's prevailing prefix",
    .checks = "All segments of one exported file share one prefix (the `f4053` of `f4053-120`); the most frequent "
              "prefix is the file's. Consecutive segments with the same foreign prefix are reported once.",
    .why = "A segment with another prefix was copied from another article (or another export of this one): the "
           "pipeline will not find it in this file's source and its translation is not updated. It is a warning "
           "because the text itself is still shown.",
    .fires = {.text = "<span data-ttu-id=\"f4053-120\">Un.</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-120\">One.</span></span>\n"
                      "\n"
                      "<span data-ttu-id=\"f4053-121\">Deux.</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-121\">Two.</span></span>\n"
                      "\n"
                      "<span data-ttu-id=\"a1b2c-122\">Trois.</span><span class=\"sxs-lookup\"><span data-stu-id=\"a1b2c-122\">Three.</span></span>\n"},
    .passes = {.text = "<span data-ttu-id=\"f4053-120\">Un.</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-120\">One.</span></span>\n"
                       "\n"
                       "<span data-ttu-id=\"f4053-121\">Deux.</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-121\">Two.</span></span>\n"
                       "\n"
                       "<span data-ttu-id=\"f4053-122\">Trois.</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-122\">Three.</span></span>\n"},
};

// The prevailing prefix is the most frequent, the earliest on a tie; a file has one or a few.
void Analysis::report_prefixes(Ids& ids) {
  std::vector<std::pair<std::string_view, size_t>> count;
  auto count_of = [&count](std::string_view prefix) -> size_t& {
    for (auto& [p, n] : count)
      if (p == prefix) return n;
    return count.emplace_back(prefix, 0).second;
  };
  std::string_view prevailing;
  size_t best = 0;
  for (const auto& id : ids)
    if (id) ++count_of(id->prefix);
  for (const auto& id : ids)
    if (id && count_of(id->prefix) > best) best = count_of(id->prefix), prevailing = id->prefix;
  for (size_t i = 0; i < units_.size();) {
    if (!ids[i] || ids[i]->prefix == prevailing) {
      ++i;
      continue;
    }
    std::string_view prefix = ids[i]->prefix;
    size_t j = i;
    while (j < units_.size() && (!ids[j] || ids[j]->prefix == prefix)) ++j;
    size_t n = 0;
    for (size_t k = i; k < j; ++k)
      if (ids[k]) ++n;
    std::string msg =
        n == 1 ? fmt::format("segment '{}' uses prefix '{}', not the file's prefix '{}'", units_[i].id(), prefix, prevailing)
               : fmt::format("{} segments from '{}' on use prefix '{}', not the file's prefix '{}'", n, units_[i].id(),
                             prefix, prevailing);
    out_.report(kMixedPrefix, units_[i].primary_half().id_span, msg);
    for (size_t k = i; k < j; ++k) ids[k].reset();
    i = j;
  }
}

}  // namespace loclint::checks::segment

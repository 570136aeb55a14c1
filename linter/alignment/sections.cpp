#include "sections.h"

#include <algorithm>
#include <unordered_map>

namespace loclint::alignment {

std::vector<AlignedSection> sections_of(const std::vector<Unit>& units) {
  std::vector<AlignedSection> out;
  for (uint32_t k = 0; k < units.size(); ++k) {
    if (units[k].kind == BlockKind::Heading || out.empty()) {
      if (!out.empty()) out.back().last = k;
      AlignedSection s;
      s.heading = units[k].kind == BlockKind::Heading ? units[k].block : AlignedSection::kNone;
      s.first = k;
      out.push_back(s);
    }
  }
  if (!out.empty()) out.back().last = static_cast<uint32_t>(units.size());
  return out;
}

std::vector<SectionSummary> summaries(const std::vector<Unit>& units, const std::vector<AlignedSection>& sections) {
  std::vector<SectionSummary> out(sections.size());
  for (size_t k = 0; k < sections.size(); ++k) {
    uint32_t first = sections[k].first;
    if (sections[k].heading != AlignedSection::kNone) {
      out[k].heading = &units[first];
      out[k].title = pool(units, first, 1);
      ++first;
    }
    out[k].content = pool(units, first, sections[k].last - first);
  }
  for (size_t k = 0; k + 1 < sections.size(); ++k) {
    Pool& w = out[k].with_next;
    w = out[k].content;
    w.length += out[k + 1].title.length + out[k + 1].content.length;
    merge_into(w.strong, out[k + 1].title.strong);
    merge_into(w.strong, out[k + 1].content.strong);
    merge_into(w.weak, out[k + 1].title.weak);
    merge_into(w.weak, out[k + 1].content.weak);
    w.weak.erase(std::unique(w.weak.begin(), w.weak.end()), w.weak.end());
  }
  return out;
}

std::vector<Pool> adjacent_pools(const std::vector<Unit>& units) {
  std::vector<Pool> out(units.size());
  for (uint32_t k = 0; k + 1 < units.size(); ++k)
    if (mergeable(units[k], units[k + 1])) out[k] = pool(units, k, 2);
  return out;
}

std::vector<std::pair<uint32_t, uint32_t>> fixed_points(const std::vector<SectionSummary>& ts,
                                                        const std::vector<SectionSummary>& ss) {
  // anchor -> the one section whose heading has it (UINT32_MAX when several do).
  auto unique_anchors = [](const std::vector<SectionSummary>& sections) {
    std::unordered_map<uint64_t, uint32_t> where;
    for (uint32_t k = 0; k < sections.size(); ++k) {
      if (!sections[k].heading) continue;
      const auto& a = sections[k].title.strong;
      for (size_t x = 0; x < a.size(); ++x) {
        const bool repeated_here = (x > 0 && a[x - 1] == a[x]) || (x + 1 < a.size() && a[x + 1] == a[x]);
        auto [it, inserted] = where.emplace(a[x], k);
        if (!inserted || repeated_here) it->second = UINT32_MAX;
      }
    }
    return where;
  };
  const auto tw = unique_anchors(ts), sw = unique_anchors(ss);
  std::vector<std::pair<uint32_t, uint32_t>> candidates;
  for (const auto& [anchor, i] : tw) {
    if (i == UINT32_MAX) continue;
    auto it = sw.find(anchor);
    if (it != sw.end() && it->second != UINT32_MAX) candidates.emplace_back(i, it->second);
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  // A section with anchors pointing at two different sections on the other side proves nothing.
  std::vector<std::pair<uint32_t, uint32_t>> clean;
  for (size_t k = 0; k < candidates.size(); ++k) {
    const bool same_i = (k > 0 && candidates[k - 1].first == candidates[k].first) ||
                        (k + 1 < candidates.size() && candidates[k + 1].first == candidates[k].first);
    if (!same_i) clean.push_back(candidates[k]);
  }
  // Longest strictly increasing subsequence on j (patience sorting with back pointers).
  std::vector<size_t> tails, back(clean.size(), SIZE_MAX);
  for (size_t k = 0; k < clean.size(); ++k) {
    auto it = std::lower_bound(tails.begin(), tails.end(), clean[k].second,
                               [&](size_t t, uint32_t j) { return clean[t].second < j; });
    if (it != tails.begin()) back[k] = *(it - 1);
    if (it == tails.end()) tails.push_back(k);
    else *it = k;
  }
  std::vector<std::pair<uint32_t, uint32_t>> out;
  for (size_t k = tails.empty() ? SIZE_MAX : tails.back(); k != SIZE_MAX; k = back[k]) out.push_back(clean[k]);
  std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace loclint::alignment

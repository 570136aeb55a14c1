// The aligner's first pass (internal to linter/alignment/): sections (a heading and the blocks
// up to the next one) summarized for the section DP, and the fixed points it runs between.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "costs.h"
#include "loclint/alignment.h"
#include "units.h"

namespace loclint::alignment {

// The sections of `units`: a new one at each heading (and a first one for what precedes it).
std::vector<AlignedSection> sections_of(const std::vector<Unit>& units);

struct SectionSummary {
  const Unit* heading = nullptr;
  Pool content;    // every unit but the heading
  Pool title;      // the heading's anchors
  Pool with_next;  // content, and the next section's title and content (a lost heading's merge)
};

std::vector<SectionSummary> summaries(const std::vector<Unit>& units, const std::vector<AlignedSection>& sections);

// Each unit pooled with the next one, when the two may be one paragraph split (else empty).
std::vector<Pool> adjacent_pools(const std::vector<Unit>& units);

// Section pairs that a heading anchor unique on both sides proves, in an order both documents
// keep (the longest increasing subsequence of the candidates).
std::vector<std::pair<uint32_t, uint32_t>> fixed_points(const std::vector<SectionSummary>& ts,
                                                        const std::vector<SectionSummary>& ss);

}  // namespace loclint::alignment

// What a step of the alignment costs (internal to linter/alignment/): the priors of the moves,
// the anchors' weights and the Gale-Church length cost.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "banded_path.h"
#include "units.h"

namespace loclint::alignment {

// Costs are negative log-likelihoods in spirit (Gale and Church): a move's prior, plus how
// unlikely the lengths are, minus what the anchors prove. The weights were chosen on the
// Business Central pair (dynamics365smb-docs it-it live / en-us) and hold for any pair: no
// anchor depends on a language.

// Prior of each move, beside the 1-1 move.
constexpr float kSkipBlock = 4.0f;     // 1-0 or 0-1 (Gale-Church: -log 0.0099 ~ 4.6)
constexpr float kMergeBlock = 3.0f;    // 1-2 or 2-1 of paragraphs
constexpr float kSkipSection = 5.0f;
constexpr float kMergeSection = 7.0f;  // a heading lost: needs content evidence to beat two skips
// Anchors.
constexpr float kShared = 2.0f;     // per strong anchor on both sides
constexpr float kUnshared = 1.0f;   // per strong anchor on one side only
constexpr float kWeak = 0.5f;       // per weak anchor on both sides
constexpr size_t kCap = 8;          // anchors counted per step (a long code block is not 50 times surer)
// Gale-Church: variance of the translation's length per source character (their value).
constexpr double kVariance = 6.8;
constexpr float kMaxLengthCost = 8.0f;

// What a side of a step offers: one or two units (or a whole section) pooled.
struct Pool {
  uint32_t length = 0;
  std::vector<uint64_t> strong, weak;
};

// -log P(|Z| >= d) for the Gale-Church deviation of a `target` length from a `source` length
// (code points), `ratio` being the translation's length per source code point; at most
// kMaxLengthCost.
float length_cost(double target, double source, double ratio);

struct Evidence {
  float cost = 0;
  uint16_t shared = 0, unshared = 0;
};

// The cost of pairing two sides (units or pools) from their lengths and anchors alone.
Evidence evidence(const Pool& t, uint32_t s_length, const std::vector<uint64_t>& s_strong,
                  const std::vector<uint64_t>& s_weak, double ratio);
Evidence evidence(uint32_t t_length, const std::vector<uint64_t>& t_strong, const std::vector<uint64_t>& t_weak,
                  const Pool& s, double ratio);
Evidence evidence(const Pool& t, const Pool& s, double ratio);
Evidence evidence(const Unit& t, const Unit& s, double ratio);

// Units [first, first + count) pooled: lengths added, anchors merged.
Pool pool(const std::vector<Unit>& units, uint32_t first, uint32_t count);

// What pairing two kinds of block costs beside the anchors; infinite when they never translate
// each other (a heading is only ever a heading).
float kind_cost(const Unit& t, const Unit& s);

// A paragraph split or merged: only plain paragraphs of the same context.
bool mergeable(const Unit& a, const Unit& b);

}  // namespace loclint::alignment

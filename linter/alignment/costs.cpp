#include "costs.h"

#include <algorithm>
#include <cmath>

namespace loclint::alignment {

namespace {

// -log P(|Z| >= d) for a standard normal Z, tabulated every 1/64 up to where it reaches
// kMaxLengthCost: the DP asks it for every cell, and erfc and log cost more than the rest.
struct TailTable {
  static constexpr int kSteps = 64;
  std::vector<float> cost;
  TailTable() {
    for (int k = 0;; ++k) {
      const double p = std::erfc(k / double(kSteps) / std::sqrt(2.0));
      const float c = p <= 0 ? kMaxLengthCost : std::min<float>(kMaxLengthCost, static_cast<float>(-std::log(p)));
      cost.push_back(c);
      if (c >= kMaxLengthCost) break;
    }
  }
  float operator()(double d) const {
    const size_t k = static_cast<size_t>(d * kSteps);
    return k < cost.size() ? cost[k] : kMaxLengthCost;
  }
};

Evidence evidence(uint32_t t_length, const std::vector<uint64_t>& t_strong, const std::vector<uint64_t>& t_weak,
                  uint32_t s_length, const std::vector<uint64_t>& s_strong, const std::vector<uint64_t>& s_weak,
                  double ratio) {
  Evidence e;
  const size_t shared = shared_count(t_strong, s_strong);
  const size_t unshared = t_strong.size() + s_strong.size() - 2 * shared;
  size_t weak = shared_count(t_weak, s_weak);
  e.shared = static_cast<uint16_t>(std::min<size_t>(shared, UINT16_MAX));
  e.unshared = static_cast<uint16_t>(std::min<size_t>(unshared, UINT16_MAX));
  e.cost = length_cost(t_length, s_length, ratio) - kShared * static_cast<float>(std::min(shared, kCap)) +
           kUnshared * static_cast<float>(std::min(unshared, kCap)) - kWeak * static_cast<float>(std::min(weak, kCap));
  return e;
}

}  // namespace

float length_cost(double target, double source, double ratio) {
  if (target == 0 && source == 0) return 0;
  static const TailTable tail;
  const double mean = (source + target / ratio) / 2;
  const double delta = (target - source * ratio) / std::sqrt(std::max(mean, 1.0) * kVariance);
  return tail(std::abs(delta));
}

Evidence evidence(const Pool& t, uint32_t s_length, const std::vector<uint64_t>& s_strong,
                  const std::vector<uint64_t>& s_weak, double ratio) {
  return evidence(t.length, t.strong, t.weak, s_length, s_strong, s_weak, ratio);
}
Evidence evidence(uint32_t t_length, const std::vector<uint64_t>& t_strong, const std::vector<uint64_t>& t_weak,
                  const Pool& s, double ratio) {
  return evidence(t_length, t_strong, t_weak, s.length, s.strong, s.weak, ratio);
}
Evidence evidence(const Pool& t, const Pool& s, double ratio) {
  return evidence(t.length, t.strong, t.weak, s.length, s.strong, s.weak, ratio);
}
Evidence evidence(const Unit& t, const Unit& s, double ratio) {
  return evidence(t.length, t.strong, t.weak, s.length, s.strong, s.weak, ratio);
}

Pool pool(const std::vector<Unit>& units, uint32_t first, uint32_t count) {
  Pool p;
  for (uint32_t k = first; k < first + count; ++k) {
    p.length += units[k].length;
    merge_into(p.strong, units[k].strong);
    merge_into(p.weak, units[k].weak);
  }
  if (count > 1) p.weak.erase(std::unique(p.weak.begin(), p.weak.end()), p.weak.end());
  return p;
}

// What pairing two kinds of block costs beside the anchors; infinite when they never translate
// each other (a heading is only ever a heading).
float kind_cost(const Unit& t, const Unit& s) {
  const bool th = t.kind == BlockKind::Heading, sh = s.kind == BlockKind::Heading;
  if (th != sh) return kInf;
  if (th) return 2.0f * static_cast<float>(std::abs(int(t.level) - int(s.level)));
  float c = 0;
  const bool tc = t.kind == BlockKind::CodeBlock, sc = s.kind == BlockKind::CodeBlock;
  if (tc != sc) c += 6.0f;
  else if (t.kind != s.kind) c += 3.0f;
  if ((t.context & InTable) != (s.context & InTable)) c += 3.0f;
  if ((t.context & InList) != (s.context & InList)) c += 1.5f;
  if ((t.context & InQuote) != (s.context & InQuote)) c += 1.5f;
  return c;
}

// A paragraph split or merged: only plain paragraphs of the same context.
bool mergeable(const Unit& a, const Unit& b) {
  return a.kind == BlockKind::Paragraph && b.kind == BlockKind::Paragraph && a.context == b.context;
}

}  // namespace loclint::alignment

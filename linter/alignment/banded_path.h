// The banded dynamic program of the aligner (internal to linter/alignment/): the cheapest
// sequence of moves pairing two lists of units, for any cost function.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

namespace loclint::alignment {

// The cost of a move that may not be taken.
constexpr float kInf = std::numeric_limits<float>::infinity();

struct Step {
  uint8_t dt = 0, ds = 0;  // units taken from the translation and from the source
};

// Minimum-cost path from (0,0) to (n,m) with the moves 1-1, 1-0, 0-1, 1-2, 2-1, inside a band
// of `band` cells around the diagonal. `cost(i, dt, j, ds)` is the cost of taking translation
// units [i, i+dt) with source units [j, j+ds), or infinity.
template <typename Cost>
std::vector<Step> shortest_path(uint32_t n, uint32_t m, uint32_t band, Cost&& cost) {
  std::vector<uint32_t> lo(n + 1), hi(n + 1), at(n + 2);
  at[0] = 0;
  for (uint32_t i = 0; i <= n; ++i) {
    const double center = n == 0 ? 0.0 : static_cast<double>(i) * m / n;
    const int64_t c = static_cast<int64_t>(std::llround(center));
    lo[i] = static_cast<uint32_t>(std::max<int64_t>(0, c - band));
    hi[i] = static_cast<uint32_t>(std::min<int64_t>(m, c + band));
    if (i == 0) lo[i] = 0;
    if (i == n) hi[i] = m;
    at[i + 1] = at[i] + (hi[i] - lo[i] + 1);
  }
  std::vector<float> best(at[n + 1], kInf);
  std::vector<Step> from(at[n + 1]);
  auto cell = [&](uint32_t i, uint32_t j) -> int64_t {
    if (j < lo[i] || j > hi[i]) return -1;
    return at[i] + (j - lo[i]);
  };
  best[0] = 0;
  static constexpr Step kMoves[] = {{1, 1}, {1, 0}, {0, 1}, {1, 2}, {2, 1}};
  for (uint32_t i = 0; i <= n; ++i) {
    for (uint32_t j = lo[i]; j <= hi[i]; ++j) {
      const int64_t here = cell(i, j);
      if (i == 0 && j == 0) continue;
      float b = kInf;
      Step s;
      for (const Step& mv : kMoves) {
        if (mv.dt > i || mv.ds > j) continue;
        const int64_t prev = cell(i - mv.dt, j - mv.ds);
        if (prev < 0 || best[prev] == kInf) continue;
        const float c = cost(i - mv.dt, mv.dt, j - mv.ds, mv.ds);
        if (c == kInf) continue;
        if (best[prev] + c < b) {
          b = best[prev] + c;
          s = mv;
        }
      }
      best[here] = b;
      from[here] = s;
    }
  }
  std::vector<Step> path;
  uint32_t i = n, j = m;
  while (i > 0 || j > 0) {
    const Step s = from[cell(i, j)];
    if (s.dt == 0 && s.ds == 0) break;  // unreachable (never with 1-0 and 0-1 allowed)
    path.push_back(s);
    i -= s.dt;
    j -= s.ds;
  }
  std::reverse(path.begin(), path.end());
  return path;
}

}  // namespace loclint::alignment

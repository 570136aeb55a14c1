#include "loclint/diff.h"

#include <algorithm>

namespace loclint {

namespace {

// Myers' greedy forward search on the middle part, keeping the frontier of each step so the path
// can be walked back; appends the script to `out`. False, with `out` untouched, when the script
// needs more than `max_d` differences.
bool middle_script(const std::string_view* a, long n, const std::string_view* b, long m, long max_d,
                   std::vector<EditOp>& out) {
  std::vector<std::vector<long>> trace;  // frontier x per diagonal k, index k + d + 1, after step d
  std::vector<long> v(3, 0);             // for d = 0: k in [-1, 1]
  long found_d = -1;
  for (long d = 0; d <= std::min(n + m, max_d); ++d) {
    std::vector<long> next(2 * d + 3, 0);  // k in [-d-1, d+1]
    auto at = [&](const std::vector<long>& vec, long dd, long k) -> long { return vec[k + dd + 1]; };
    for (long k = -d; k <= d; k += 2) {
      long x;
      if (d == 0) x = 0;
      else if (k == -d || (k != d && at(v, d - 1, k - 1) < at(v, d - 1, k + 1))) x = at(v, d - 1, k + 1);
      else x = at(v, d - 1, k - 1) + 1;
      long y = x - k;
      while (x < n && y < m && a[x] == b[y]) ++x, ++y;
      next[k + d + 1] = x;
      if (x >= n && y >= m) {
        found_d = d;
        break;
      }
    }
    trace.push_back(next);
    v = std::move(next);
    if (found_d >= 0) break;
  }
  if (found_d < 0) return false;
  std::vector<EditOp> ops;
  long x = n, y = m;
  for (long d = found_d; d > 0; --d) {
    const std::vector<long>& prev = trace[d - 1];
    auto at = [&](long k) { return prev[k + (d - 1) + 1]; };
    long k = x - y;
    long prev_k = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1;
    long prev_x = at(prev_k), prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y) ops.push_back(EditOp::Equal), --x, --y;
    ops.push_back(prev_k == k + 1 ? EditOp::Insert : EditOp::Delete);
    x = prev_x, y = prev_y;
  }
  while (x > 0 && y > 0) ops.push_back(EditOp::Equal), --x, --y;
  out.insert(out.end(), ops.rbegin(), ops.rend());
  return true;
}

}  // namespace

std::vector<EditOp> edit_script(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b,
                                size_t max_differences) {
  // Common head and tail are equal elements the search need not walk.
  size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) ++tail;
  const long n = static_cast<long>(a.size() - head - tail), m = static_cast<long>(b.size() - head - tail);
  std::vector<EditOp> ops(head, EditOp::Equal);
  ops.reserve(a.size() + b.size());
  if (!middle_script(a.data() + head, n, b.data() + head, m, static_cast<long>(max_differences), ops)) {
    ops.insert(ops.end(), static_cast<size_t>(n), EditOp::Delete);
    ops.insert(ops.end(), static_cast<size_t>(m), EditOp::Insert);
  }
  ops.insert(ops.end(), tail, EditOp::Equal);
  return ops;
}

std::vector<ChangedRun> changed_runs(const std::vector<EditOp>& ops) {
  std::vector<ChangedRun> runs;
  size_t i = 0, j = 0;
  for (size_t s = 0; s < ops.size();) {
    if (ops[s] == EditOp::Equal) {
      ++i, ++j, ++s;
      continue;
    }
    ChangedRun r{i, i, j, j};
    for (; s < ops.size() && ops[s] != EditOp::Equal; ++s) {
      if (ops[s] == EditOp::Delete) ++i;
      else ++j;
    }
    r.a_end = i;
    r.b_end = j;
    runs.push_back(r);
  }
  return runs;
}

}  // namespace loclint

// loclint/diff.h: the Myers edit script and its changed runs (--fix --diff and
// pair/code-block-mismatch).
#include "loclint/diff.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using loclint::changed_runs;
using loclint::ChangedRun;
using loclint::edit_script;
using loclint::EditOp;

namespace {

using Lines = std::vector<std::string_view>;

// Applies `ops` to `a` with the elements of `b`: a correct script gives `b` back.
Lines apply(const std::vector<EditOp>& ops, const Lines& a, const Lines& b) {
  Lines out;
  size_t i = 0, j = 0;
  for (EditOp op : ops) {
    if (op == EditOp::Equal) {
      EXPECT_EQ(a.at(i), b.at(j));
      out.push_back(a[i++]), ++j;
    } else if (op == EditOp::Delete) {
      ++i;
    } else {
      out.push_back(b.at(j++));
    }
  }
  EXPECT_EQ(i, a.size());
  EXPECT_EQ(j, b.size());
  return out;
}

size_t differences(const std::vector<EditOp>& ops) {
  size_t d = 0;
  for (EditOp op : ops) d += op != EditOp::Equal;
  return d;
}

TEST(EditScript, EqualAndEmptyInputs) {
  EXPECT_TRUE(edit_script({}, {}).empty());
  EXPECT_EQ(edit_script({"a", "b"}, {"a", "b"}), (std::vector<EditOp>{EditOp::Equal, EditOp::Equal}));
  EXPECT_EQ(edit_script({"a"}, {}), (std::vector<EditOp>{EditOp::Delete}));
  EXPECT_EQ(edit_script({}, {"a"}), (std::vector<EditOp>{EditOp::Insert}));
}

// The classic example of Myers' paper: ABCABBA -> CBABAC has 5 differences.
TEST(EditScript, ShortestOnMyersExample) {
  const Lines a{"A", "B", "C", "A", "B", "B", "A"}, b{"C", "B", "A", "B", "A", "C"};
  const auto ops = edit_script(a, b);
  EXPECT_EQ(apply(ops, a, b), b);
  EXPECT_EQ(differences(ops), 5u);
}

TEST(EditScript, OneChangedLineAmongEqualOnes) {
  const Lines a{"x", "old", "y", "z"}, b{"x", "new", "y", "z"};
  const auto ops = edit_script(a, b);
  EXPECT_EQ(apply(ops, a, b), b);
  EXPECT_EQ(differences(ops), 2u);
  ASSERT_EQ(changed_runs(ops).size(), 1u);
  EXPECT_EQ(changed_runs(ops)[0], (ChangedRun{1, 2, 1, 2}));
}

// Past the bound the middle is one deletion run and one insertion run; head and tail stay equal.
TEST(EditScript, BoundedDifferencesStillGiveACorrectScript) {
  std::vector<std::string> sa, sb;
  for (int k = 0; k < 40; ++k) sa.push_back("a" + std::to_string(k)), sb.push_back("b" + std::to_string(k));
  Lines a{"head"}, b{"head"};
  for (const auto& s : sa) a.push_back(s);
  for (const auto& s : sb) b.push_back(s);
  a.push_back("tail"), b.push_back("tail");
  const auto ops = edit_script(a, b, 10);
  EXPECT_EQ(apply(ops, a, b), b);
  EXPECT_EQ(ops.front(), EditOp::Equal);
  EXPECT_EQ(ops.back(), EditOp::Equal);
  ASSERT_EQ(changed_runs(ops).size(), 1u);
  EXPECT_EQ(changed_runs(ops)[0], (ChangedRun{1, 41, 1, 41}));
  EXPECT_EQ(differences(edit_script(a, b)), 80u);  // unbounded: shortest is the same here
}

TEST(ChangedRuns, GroupsAdjacentDeletesAndInserts) {
  using enum EditOp;
  const std::vector<EditOp> ops{Equal, Delete, Insert, Insert, Equal, Insert, Equal, Delete};
  const auto runs = changed_runs(ops);
  ASSERT_EQ(runs.size(), 3u);
  EXPECT_EQ(runs[0], (ChangedRun{1, 2, 1, 3}));
  EXPECT_EQ(runs[1], (ChangedRun{3, 3, 4, 5}));
  EXPECT_EQ(runs[2], (ChangedRun{4, 5, 6, 6}));
  EXPECT_TRUE(changed_runs({Equal, Equal}).empty());
}

}  // namespace

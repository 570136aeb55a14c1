// Fixes: choosing and applying edits, the unified diff (against GNU diff itself), atomic
// writes, and `loclint --fix` / `--fix --diff` end to end on files with CRLF, a BOM and a
// legacy encoding.
#include "loclint/fix.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "process_util.h"

namespace fs = std::filesystem;
using namespace loclint;
using namespace loclint::testing;

namespace {

const std::string kBinary = LOCLINT_BINARY;

Fix fix_of(std::vector<TextEdit> edits, std::string title = "t") { return Fix{std::move(title), std::move(edits)}; }

TEST(ApplyFixes, AppliesEditsAndKeepsEveryOtherByte) {
  const std::string text = "\xEF\xBB\xBF" "a\\b\r\nc\\d\r\n";
  Fix f = fix_of({{{4, 5}, "/"}, {{9, 10}, "/"}});
  AppliedFixes a = apply_fixes(text, {&f});
  EXPECT_EQ(a.text, "\xEF\xBB\xBF" "a/b\r\nc/d\r\n");
  EXPECT_EQ(a.applied, 1u);
  EXPECT_EQ(a.deferred, 0u);
}

TEST(ApplyFixes, OverlappingFixesTheEarliestWinsTheOtherIsDeferred) {
  const std::string text = "0123456789";
  Fix first = fix_of({{{2, 5}, "X"}}), clash = fix_of({{{4, 6}, "Y"}}), apart = fix_of({{{7, 8}, "Z"}});
  Fix insert_same_place = fix_of({{{7, 7}, "W"}});
  AppliedFixes a = apply_fixes(text, {&clash, &apart, &first, &insert_same_place});
  EXPECT_EQ(a.text, "01X56Z89");
  EXPECT_EQ(a.applied, 2u);
  EXPECT_EQ(a.deferred, 2u);
  // The same repair reported twice is applied once.
  Fix again = first;
  EXPECT_EQ(apply_fixes(text, {&first, &again}).text, "01X56789");
  // Adjacent edits do not overlap.
  Fix left = fix_of({{{0, 2}, "L"}}), right = fix_of({{{2, 4}, "R"}});
  EXPECT_EQ(apply_fixes(text, {&left, &right}).text, "LR456789");
}

TEST(ApplyFixes, InvalidFixesAndNonAsciiInALegacyFileAreRefused) {
  const std::string text = "caf\xE9 a\\b";
  Fix backwards = fix_of({{{6, 7}, "/"}, {{2, 3}, "x"}});
  Fix outside = fix_of({{{6, 40}, "/"}});
  Fix empty = fix_of({});
  Fix accent = fix_of({{{0, 1}, "\xC3\x89"}});
  Fix slash = fix_of({{{6, 7}, "/"}});
  AppliedFixes a = apply_fixes(text, {&backwards, &outside, &empty, &accent, &slash}, /*utf8=*/false);
  EXPECT_EQ(a.text, "caf\xE9 a/b");  // the 0xE9 byte stays; no UTF-8 is mixed in
  EXPECT_EQ(a.applied, 1u);
  EXPECT_EQ(a.refused, 4u);
  EXPECT_FALSE(valid_fix(fix_of({{{1, 2}, "x"}}), 10, /*content_start=*/3));  // inside the BOM
  EXPECT_FALSE(valid_fix(fix_of({{{2, 2}, "x"}, {{2, 3}, "y"}}), 10));        // two edits at one place
}

// The diff is what GNU diff prints for the same two files (labels given, no timestamps).
void expect_same_as_gnu_diff(const std::string& before, const std::string& after) {
  ScratchDir tmp;
  write_file(tmp / "old", before);
  write_file(tmp / "new", after);
  Result gnu = run("diff -u --label a/f --label b/f old new", tmp.path());
  ASSERT_NE(gnu.exit, 2) << gnu.err;
  EXPECT_EQ(unified_diff(before, after, "a/f", "b/f"), gnu.out);
}

TEST(UnifiedDiff, SameAsGnuDiff) {
  if (!have_command("diff")) GTEST_SKIP() << "diff (diffutils) is not installed";
  std::string lines;
  for (int i = 1; i <= 40; ++i) lines += "line " + std::to_string(i) + "\n";
  std::string changed = lines;
  changed.replace(changed.find("line 3\n"), 7, "line three\n");
  changed.replace(changed.find("line 20\n"), 8, "line twenty\n");
  changed.replace(changed.find("line 25\n"), 8, "line 25\nline 25b\n");
  expect_same_as_gnu_diff(lines, changed);                               // three hunks, two merged
  expect_same_as_gnu_diff("a\r\nb\r\nc\r\n", "a\r\nB\r\nc\r\n");         // CRLF kept in the lines
  expect_same_as_gnu_diff("a\nb", "a\nc");                               // no newline at the end
  expect_same_as_gnu_diff("a\nb\n", "a\nb");                             // the newline removed
  expect_same_as_gnu_diff("", "new\n");                                  // from an empty file
  expect_same_as_gnu_diff("x\ny\n", "z\nx\ny\n");                         // insertion at the top
  EXPECT_EQ(unified_diff("same\n", "same\n", "a/f", "b/f"), "");
}

TEST(WriteFileAtomically, ReplacesContentKeepsModeAndFollowsSymlinks) {
  ScratchDir tmp;
  write_file(tmp / "real.md", "old");
  ::chmod((tmp / "real.md").c_str(), 0640);
  fs::create_symlink("real.md", tmp / "link.md");
  std::string error;
  ASSERT_TRUE(write_file_atomically((tmp / "link.md").string(), "new", error)) << error;
  EXPECT_TRUE(fs::is_symlink(tmp / "link.md"));
  EXPECT_EQ(slurp(tmp / "real.md"), "new");
  EXPECT_EQ(fs::status(tmp / "real.md").permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  size_t files = 0;
  for (auto& e : fs::directory_iterator(tmp.path())) (void)e, ++files;
  EXPECT_EQ(files, 2u) << "a temporary file was left behind";
  EXPECT_FALSE(write_file_atomically((tmp / "missing" / "x.md").string(), "x", error));
}

// ---- loclint --fix ----------------------------------------------------------------------------

class FixCli : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(tmp_ / ".git");
    write_file(tmp_ / ".loclint.yaml", kTitleOnlyConfig);
    write_file(tmp_ / "sub" / "page.md", "---\ntitle: P\n---\n\n# Page\n");
    write_file(tmp_ / "sub" / "deep" / "x.md", "---\ntitle: X\n---\n\n# X\n");
  }
  Result loclint(const std::string& args) { return run(sh_quote(kBinary) + " " + args, tmp_.path()); }
  ScratchDir tmp_;
};

TEST_F(FixCli, FixesKeepBomCrlfAndLegacyBytesAndASecondRunChangesNothing) {
  const std::string crlf = "\xEF\xBB\xBF---\r\ntitle: T\r\n---\r\n\r\nVoir [p](sub\\page.md) et [x](sub\\deep\\x.md#x).\r\n"
                           "[q](sub\\\\page.md) [gone](sub\\gone.md)\r\n";
  const std::string legacy = "---\ntitle: Caf\xE9\n---\n\nCaf\xE9 [p](sub\\page.md)\n";
  write_file(tmp_ / "crlf.md", crlf);
  write_file(tmp_ / "legacy.md", legacy);
  Result r = loclint("--fix crlf.md legacy.md");
  EXPECT_NE(r.err.find("applied 3 fixes in 2 files"), std::string::npos) << r.err;
  // What remains is reported: the escaped link and the missing target have no fix.
  EXPECT_NE(r.out.find("crlf.md:6:1: warning: link 'sub\\page.md' uses backslashes"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("sub\\gone.md"), std::string::npos) << r.out;
  EXPECT_EQ(slurp(tmp_ / "crlf.md"),
            "\xEF\xBB\xBF---\r\ntitle: T\r\n---\r\n\r\nVoir [p](sub/page.md) et [x](sub/deep/x.md#x).\r\n"
            "[q](sub\\\\page.md) [gone](sub\\gone.md)\r\n");
  EXPECT_EQ(slurp(tmp_ / "legacy.md"), "---\ntitle: Caf\xE9\n---\n\nCaf\xE9 [p](sub/page.md)\n");
  const std::string after_crlf = slurp(tmp_ / "crlf.md"), after_legacy = slurp(tmp_ / "legacy.md");
  Result again = loclint("--fix crlf.md legacy.md");
  EXPECT_NE(again.err.find("applied 0 fixes in 0 files"), std::string::npos) << again.err;
  EXPECT_EQ(slurp(tmp_ / "crlf.md"), after_crlf);
  EXPECT_EQ(slurp(tmp_ / "legacy.md"), after_legacy);
}

TEST_F(FixCli, DiffPrintsWhatFixWouldWriteAndWritesNothing) {
  const std::string before = "---\ntitle: T\n---\n\n[p](sub\\page.md)\n";
  write_file(tmp_ / "a.md", before);
  Result d = loclint("--fix --diff a.md");
  EXPECT_EQ(d.exit, 1) << d.err;  // as diff(1): there is a difference
  EXPECT_EQ(slurp(tmp_ / "a.md"), before);
  EXPECT_EQ(d.out, "--- a/a.md\n+++ b/a.md\n@@ -2,4 +2,4 @@\n title: T\n ---\n \n-[p](sub\\page.md)\n+[p](sub/page.md)\n");
  // The diff applies with patch and gives what --fix writes.
  if (have_command("patch")) {
    write_file(tmp_ / "fix.diff", d.out);
    EXPECT_EQ(run("patch -p1 -s < fix.diff", tmp_.path()).exit, 0);
    const std::string patched = slurp(tmp_ / "a.md");
    write_file(tmp_ / "a.md", before);
    loclint("--fix a.md");
    EXPECT_EQ(slurp(tmp_ / "a.md"), patched);
  }
  Result clean = loclint("--fix --diff sub/page.md");
  EXPECT_EQ(clean.exit, 0);
  EXPECT_EQ(clean.out, "");
  EXPECT_EQ(loclint("--diff a.md").exit, 2);  // --diff goes with --fix
}

}  // namespace

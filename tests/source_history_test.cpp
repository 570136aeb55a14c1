// SourceHistory: what changed in a source file since a commit, asked of a real git repository
// made here; the unified-diff parser; and the source commit a paired translation names.
#include <gtest/gtest.h>

#include "loclint/pairing.h"
#include "loclint/source_history.h"
#include "loclint/workspace.h"
#include "process_util.h"

namespace fs = std::filesystem;
using namespace loclint;
using namespace loclint::testing;

namespace {

class Repo : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!have_command("git")) GTEST_SKIP() << "git is not installed";
    write_file(dir / "en/docs/a.md", "# Title\n\nIntro.\n\n## One\n\nFirst.\n\n## Two\n\nSecond.\n");
    write_file(dir / "en/docs/b.md", "# B\n\nText.\n");
    git(dir / "en", "init -q");
    git(dir / "en", "add -A");
    git(dir / "en", "commit -q -m one");
    first = git(dir / "en", "rev-parse HEAD");
    write_file(dir / "en/docs/a.md", "# Title\n\nIntro.\n\n## One\n\nFirst.\n\n## Two\n\nSecond, changed.\n\nThird.\n");
    git(dir / "en", "commit -q -am two");
    second = git(dir / "en", "rev-parse HEAD");
  }
  ScratchDir dir;
  std::string first, second;
};

TEST_F(Repo, ChangedSinceACommit) {
  SourceHistory h(dir / "en/docs");
  ASSERT_TRUE(h.tracked());
  SourceChange c = h.change(first, dir / "en/docs/a.md");
  EXPECT_EQ(c.state, SourceChange::State::Changed);
  EXPECT_EQ(c.lines, 4u);  // one line changed (deleted and added), two added
  EXPECT_EQ(c.first_line, 11u);
  EXPECT_EQ(h.change(first, dir / "en/docs/b.md").state, SourceChange::State::Unchanged);
  EXPECT_EQ(h.change(second, dir / "en/docs/a.md").state, SourceChange::State::Unchanged);
  // Abbreviated ids are commits too.
  EXPECT_EQ(h.change(first.substr(0, 10), dir / "en/docs/a.md").state, SourceChange::State::Changed);
  // The working tree is what loclint reads: an uncommitted edit is a change.
  write_file(dir / "en/docs/b.md", "# B\n\nText, edited.\n");
  SourceHistory fresh(dir / "en");
  EXPECT_EQ(fresh.change(second, dir / "en/docs/b.md").first_line, 3u);
}

TEST_F(Repo, UnknownCommitsAndNotCommitIds) {
  SourceHistory h(dir / "en");
  // A commit of another repository, or one a shallow clone does not have.
  EXPECT_EQ(h.change("0123456789abcdef0123456789abcdef01234567", dir / "en/docs/a.md").state,
            SourceChange::State::UnknownCommit);
  // Never passed to git: not a commit id.
  EXPECT_EQ(h.change("--output=/tmp/x", dir / "en/docs/a.md").state, SourceChange::State::UnknownCommit);
  EXPECT_EQ(h.change("HEAD", dir / "en/docs/a.md").state, SourceChange::State::UnknownCommit);
}

TEST(SourceHistory, NotAGitRepository) {
  ScratchDir dir;
  write_file(dir / "a.md", "# A\n");
  SourceHistory h(dir.path());
  EXPECT_FALSE(h.tracked());
  EXPECT_EQ(h.change("0123456789abcdef0123456789abcdef01234567", dir / "a.md").state, SourceChange::State::NotTracked);
}

TEST(SourceHistory, ParsesUnifiedDiffs) {
  const std::string diff =
      "diff --git a/docs/a.md b/docs/a.md\n"
      "index 1..2 100644\n"
      "--- a/docs/a.md\n"
      "+++ b/docs/a.md\n"
      "@@ -4,2 +4 @@ heading\n"
      "--- a SQL comment deleted\n"
      "-second\n"
      "+replacement\n"
      "@@ -20,0 +21,2 @@\n"
      "+new\n"
      "+++ a line that looks like a header\n"
      "diff --git a/gone.md b/gone.md\n"
      "deleted file mode 100644\n"
      "--- a/gone.md\n"
      "+++ /dev/null\n"
      "@@ -1 +0,0 @@\n"
      "-x\n"
      "\\ No newline at end of file\n"
      "diff --git \"a/sp ace.md\" \"b/sp ace.md\"\n"
      "--- \"a/sp ace.md\"\n"
      "+++ \"b/sp ace.md\"\n"
      "@@ -3,0 +3 @@\n"
      "+y\n";
  auto files = parse_unified_diff(diff);
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files["docs/a.md"].lines, 5u);
  EXPECT_EQ(files["docs/a.md"].first_line, 4u);
  EXPECT_EQ(files["gone.md"].lines, 1u);
  EXPECT_EQ(files["gone.md"].first_line, 1u);
  EXPECT_EQ(files["sp ace.md"].lines, 1u);
  EXPECT_EQ(files["sp ace.md"].first_line, 3u);
}

TEST_F(Repo, APairedTranslationKnowsItsSourceCommit) {
  write_file(dir / "it/.openpublishing.publish.config.json", "{}");
  write_file(dir / "it/docs/a.md", "---\nms.sourcegitcommit: " + first + "\n---\n# Titolo\n");
  write_file(dir / "it/docs/b.md", "---\nl10n:\n  sourceCommit: " + first + "\n---\n# B\n");
  Workspace ws;
  Config c;
  c.source_root = dir / "en";
  auto a = Document::parse((dir / "it/docs/a.md").string(), slurp(dir / "it/docs/a.md"));
  auto pa = ws.pairing().pair_of(*a, c);
  ASSERT_TRUE(pa && pa->source_commit());
  EXPECT_EQ(pa->source_commit()->key, "ms.sourcegitcommit");
  SourceChange change = pa->source_change();
  EXPECT_EQ(change.state, SourceChange::State::Changed);
  EXPECT_EQ(change.first_line, 11u);
  // MDN's nested key is one of the defaults.
  auto b = Document::parse((dir / "it/docs/b.md").string(), slurp(dir / "it/docs/b.md"));
  auto pb = ws.pairing().pair_of(*b, c);
  ASSERT_TRUE(pb && pb->source_commit());
  EXPECT_EQ(pb->source_change().state, SourceChange::State::Unchanged);
  // Keys can be configured; then only they count.
  c.pairing.source_commit_keys = {"x-source"};
  EXPECT_FALSE(ws.pairing().pair_of(*b, c)->source_commit());
}

}  // namespace

// Baselines: matched by path, rule and the text involved, not by line; end to end with the CLI.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "loclint/baseline.h"
#include "loclint/engine.h"
#include "loclint/locate.h"
#include "loclint/read_file.h"
#include "process_util.h"

namespace fs = std::filesystem;
using namespace loclint;
using namespace loclint::testing;

namespace {

const std::string kBinary = LOCLINT_BINARY;
const std::string kFm = "---\ntitle: T\n---\n\n";

Result loclint(const std::string& args, const fs::path& cwd) { return run(sh_quote(kBinary) + " " + args, cwd); }

TEST(Baseline, EditingOtherLinesDoesNotResurrectOldFindings) {
  ScratchDir dir;
  write_file(dir / ".loclint.yaml", kTitleOnlyConfig);
  write_file(dir / "docs/a.md", kFm + "caf\xE9\n\nsans faute\n");
  Result w = loclint("--write-baseline base.json docs", dir.path());
  EXPECT_EQ(w.exit, 0) << w.err;
  EXPECT_NE(w.err.find("wrote 1 finding to base.json"), std::string::npos) << w.err;

  // Lines added above: the old finding moves to another line and stays baselined.
  write_file(dir / "docs/a.md", kFm + "# Titre\n\nUn paragraphe.\n\ncaf\xE9\n\nsans faute\n");
  Result r = loclint("--baseline base.json docs", dir.path());
  EXPECT_EQ(r.exit, 0) << r.out << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("1 finding matched the baseline base.json"), std::string::npos) << r.err;

  // A new defect is reported; so is a second copy of the old one.
  write_file(dir / "docs/a.md", kFm + "caf\xE9\n\nna\xEFve\n\ncaf\xE9\n");
  r = loclint("--baseline base.json docs", dir.path());
  EXPECT_EQ(r.exit, 1);
  EXPECT_EQ(r.out,
            "docs/a.md:7:3: error: invalid UTF-8 byte sequence (0xEF) [loclint/invalid-utf8]\n"
            "docs/a.md:9:4: error: invalid UTF-8 byte sequence (0xE9) [loclint/invalid-utf8]\n");

  // Fixed: the entry no longer matches and the summary says so.
  write_file(dir / "docs/a.md", kFm + "café\n");
  r = loclint("--baseline base.json docs", dir.path());
  EXPECT_EQ(r.exit, 0);
  EXPECT_NE(r.err.find("1 baseline entry is no longer found"), std::string::npos) << r.err;
}

TEST(Baseline, PathsAreRelativeToTheBaselineFileSoAnyWorkingFolderWorks) {
  ScratchDir dir;
  write_file(dir / ".loclint.yaml", kTitleOnlyConfig);
  write_file(dir / "repo/docs/a.md", kFm + "caf\xE9\n");
  ASSERT_EQ(loclint("--write-baseline .loclint-baseline.json docs/a.md", dir / "repo").exit, 0);
  auto doc = nlohmann::json::parse(slurp(dir / "repo/.loclint-baseline.json"));
  EXPECT_EQ(doc["findings"][0]["path"], "docs/a.md");
  EXPECT_EQ(doc["findings"][0]["rule"], "loclint/invalid-utf8");
  EXPECT_EQ(doc["findings"][0]["line"], 5);
  // From a subfolder, from the parent, with ./ and with an absolute path: all matched.
  for (auto [cwd, args] : std::vector<std::pair<fs::path, std::string>>{
           {dir / "repo/docs", "--baseline ../.loclint-baseline.json a.md"},
           {dir.path(), "--baseline repo/.loclint-baseline.json repo/docs"},
           {dir / "repo", "--baseline .loclint-baseline.json ./docs/"},
           {dir / "repo", "--baseline .loclint-baseline.json " + sh_quote((dir / "repo/docs/a.md").string())}}) {
    Result r = loclint(args, cwd);
    EXPECT_EQ(r.out, "") << args;
    EXPECT_EQ(r.exit, 0) << args << r.err;
  }
}

TEST(Baseline, OtherFormatsAndFailuresRespectTheBaseline) {
  ScratchDir dir;
  write_file(dir / ".loclint.yaml", kTitleOnlyConfig);
  write_file(dir / "a.md", kFm + "caf\xE9\n");
  ASSERT_EQ(loclint("--write-baseline b.json a.md", dir.path()).exit, 0);
  Result r = loclint("--baseline b.json --format json a.md", dir.path());
  auto json = nlohmann::json::parse(r.out);
  EXPECT_TRUE(json["diagnostics"].empty());
  EXPECT_EQ(json["summary"]["errors"], 0);
  write_file(dir / "broken.json", "{\"findings\": 3}");
  r = loclint("--baseline broken.json a.md", dir.path());
  EXPECT_EQ(r.exit, 2);
  EXPECT_NE(r.err.find("broken.json: not a loclint baseline"), std::string::npos) << r.err;
  // A folder where the file should be is an error, not an empty baseline.
  fs::create_directories(dir / "folder.json");
  r = loclint("--baseline folder.json a.md", dir.path());
  EXPECT_EQ(r.exit, 2);
  EXPECT_NE(r.err.find("folder.json: cannot read baseline file: is a directory"), std::string::npos) << r.err;
}

// Read with read_whole_file: a regular file (--update-baseline writes it back) of at most
// kMaxBaselineFileSize (128 MiB), refused with the reason, never read as an empty baseline.
TEST(Baseline, ABaselineThatIsNoRegularFileOrTooLargeIsRefusedWithTheReason) {
  ScratchDir dir;
  write_file(dir / ".loclint.yaml", kTitleOnlyConfig);
  write_file(dir / "a.md", kFm + "caf\xE9\n");
  Result r = run("mkfifo fifo.json && { sleep 5 > fifo.json & w=$!; " + sh_quote(kBinary) +
                     " --baseline fifo.json a.md; s=$?; kill $w 2>/dev/null; exit $s; }",
                 dir.path());
  EXPECT_EQ(r.exit, 2);
  EXPECT_NE(r.err.find("fifo.json: cannot read baseline file: not a regular file (a FIFO)"), std::string::npos) << r.err;
  // Sparse: nothing is written, and nothing is read (refused from its size).
  write_file(dir / "big.json", "");
  fs::resize_file(dir / "big.json", kMaxBaselineFileSize + 1);
  r = loclint("--baseline big.json a.md", dir.path());
  EXPECT_EQ(r.exit, 2);
  EXPECT_NE(r.err.find("big.json: cannot read baseline file: larger than 128 MiB (134217728 bytes)"), std::string::npos)
      << r.err;
}

// A baseline that does not exist yet (a pre-commit hook set up before the first
// --write-baseline, or a typo) is empty: it hides nothing, and the run says so.
TEST(Baseline, AMissingBaselineIsEmptyAndSaysSo) {
  ScratchDir dir;
  write_file(dir / ".loclint.yaml", kTitleOnlyConfig);
  write_file(dir / "good.md", kFm + "café\n");
  Result r = loclint("--baseline .loclint-baseline.json good.md", dir.path());
  EXPECT_EQ(r.exit, 0) << r.err;
  EXPECT_NE(r.err.find("note: baseline .loclint-baseline.json does not exist yet, so no finding is baselined "
                       "(write it with --write-baseline .loclint-baseline.json)"),
            std::string::npos) << r.err;
  // A typo cannot let a finding through: every finding is reported.
  write_file(dir / "a.md", kFm + "caf\xE9\n");
  ASSERT_EQ(loclint("--write-baseline .loclint-baseline.json a.md", dir.path()).exit, 0);
  EXPECT_EQ(loclint("--baseline .loclint-baseline.json a.md", dir.path()).exit, 0);
  r = loclint("--baseline .loclint-basline.json a.md", dir.path());
  EXPECT_EQ(r.exit, 1);
  EXPECT_EQ(r.out, "a.md:5:4: error: invalid UTF-8 byte sequence (0xE9) [loclint/invalid-utf8]\n");
  EXPECT_NE(r.err.find(".loclint-basline.json does not exist yet"), std::string::npos) << r.err;
  // A dangling symlink is a broken set-up, not a missing baseline.
  fs::create_symlink("nowhere.json", dir / "link.json");
  r = loclint("--baseline link.json a.md", dir.path());
  EXPECT_EQ(r.exit, 2) << r.err;
}

// Two folders with four legacy findings (one per line with bad bytes), baselined whole; then runs over part of the tree.
class PartialRun : public ::testing::Test {
 protected:
  void SetUp() override {
    write_file(dir_ / ".loclint.yaml", kTitleOnlyConfig);
    write_file(dir_ / "marketplace/m.md", kFm + "caf\xE9\n");
    write_file(dir_ / "other/x.md", kFm + "na\xEFve\n\ncaf\xE9\n");
    write_file(dir_ / "other/y.md", kFm + "d\xE9j\xE0\n");
    Result w = loclint("--write-baseline b.json .", dir_.path());
    ASSERT_EQ(w.exit, 0) << w.err;
    ASSERT_NE(w.err.find("wrote 4 findings to b.json\n"), std::string::npos) << w.err;
  }
  size_t entries() { return nlohmann::json::parse(slurp(dir_ / "b.json"))["findings"].size(); }
  ScratchDir dir_;
};

TEST_F(PartialRun, EntriesOfFilesNotLintedAreNeitherStaleNorDropped) {
  // A subfolder: the other folder's entries are not "no longer found".
  Result r = loclint("--baseline b.json marketplace", dir_.path());
  EXPECT_EQ(r.exit, 0) << r.err;
  EXPECT_NE(r.err.find("1 finding matched the baseline b.json\n"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("no longer found"), std::string::npos) << r.err;
  // Files named one by one (a pre-commit hook).
  r = loclint("--baseline b.json other/y.md marketplace/m.md", dir_.path());
  EXPECT_EQ(r.exit, 0) << r.err;
  EXPECT_EQ(r.err.find("no longer found"), std::string::npos) << r.err;
  // Globs and shards select files too.
  r = loclint("--baseline b.json --exclude x.md .", dir_.path());
  EXPECT_EQ(r.err.find("no longer found"), std::string::npos) << r.err;
  r = loclint("--baseline b.json --include 'other/**' .", dir_.path());
  EXPECT_EQ(r.err.find("no longer found"), std::string::npos) << r.err;
  for (const char* shard : {"1/2", "2/2"}) {
    r = loclint(std::string("--baseline b.json --shard ") + shard + " .", dir_.path());
    EXPECT_EQ(r.exit, 0) << r.err;
    EXPECT_EQ(r.err.find("no longer found"), std::string::npos) << shard << r.err;
  }

  // Writing from part of the tree keeps the other files' entries; the next full run is clean.
  Result w = loclint("--write-baseline b.json marketplace", dir_.path());
  EXPECT_EQ(w.exit, 0) << w.err;
  EXPECT_NE(w.err.find("wrote 1 finding to b.json (and kept 3 entries of files this run did not lint)"), std::string::npos)
      << w.err;
  EXPECT_EQ(entries(), 4u);
  r = loclint("--baseline b.json .", dir_.path());
  EXPECT_EQ(r.exit, 0) << r.out;
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("4 findings matched the baseline b.json\n"), std::string::npos) << r.err;
  // Per shard too.
  for (const char* shard : {"1/2", "2/2"}) ASSERT_EQ(loclint(std::string("--write-baseline b.json --shard ") + shard + " .", dir_.path()).exit, 0);
  EXPECT_EQ(entries(), 4u);
}

TEST_F(PartialRun, AFixInTheLintedPartIsStaleThere) {
  write_file(dir_ / "other/x.md", kFm + "naïve\n\ncaf\xE9\n");  // one of its two fixed
  Result r = loclint("--baseline b.json other/x.md", dir_.path());
  EXPECT_EQ(r.exit, 0) << r.err;
  EXPECT_NE(r.err.find("1 baseline entry is no longer found"), std::string::npos) << r.err;
  Result w = loclint("--write-baseline b.json other/x.md", dir_.path());
  EXPECT_NE(w.err.find("wrote 1 finding to b.json (and kept 2 entries"), std::string::npos) << w.err;
  EXPECT_EQ(entries(), 3u);
  r = loclint("--baseline b.json .", dir_.path());
  EXPECT_EQ(r.exit, 0) << r.out;
  EXPECT_EQ(r.err.find("no longer found"), std::string::npos) << r.err;
}

TEST_F(PartialRun, ADeletedFileIsStaleOnlyForARunThatWouldHaveSeenIt) {
  fs::remove(dir_ / "other/x.md");
  // Runs that would not have linted it: a file named alone, another folder, an exclusion, the
  // other shard.
  for (const char* args : {"other/y.md", "marketplace", "--exclude x.md .", "--exclude 'other/*' ."}) {
    Result r = loclint(std::string("--baseline b.json ") + args, dir_.path());
    EXPECT_EQ(r.err.find("no longer found"), std::string::npos) << args << "\n" << r.err;
  }
  const std::string other_shard = shard_of("other/x.md", 2) == 0 ? "2/2" : "1/2";
  Result r = loclint("--baseline b.json --shard " + other_shard + " .", dir_.path());
  EXPECT_EQ(r.err.find("no longer found"), std::string::npos) << r.err;
  // Runs that would have: the tree, its folder.
  for (const char* args : {".", "other"}) {
    r = loclint(std::string("--baseline b.json ") + args, dir_.path());
    EXPECT_NE(r.err.find("2 baseline entries are no longer found"), std::string::npos) << args << "\n" << r.err;
  }
  Result w = loclint("--write-baseline b.json other", dir_.path());
  EXPECT_NE(w.err.find("wrote 1 finding to b.json (and kept 1 entry of files this run did not lint)"), std::string::npos)
      << w.err;
  EXPECT_EQ(entries(), 2u);
}

// Whether a run would have seen a deleted file is decided by discovery's own test (search_finds):
// a file the first folder excludes is still found by a later one, and a hidden folder is never
// searched.
TEST_F(PartialRun, ADeletedFileIsJudgedAsDiscoveryWouldFindIt) {
  fs::remove(dir_ / "other/x.md");
  // `.` excludes `other/*`, but the search of `other` finds `x.md` (relative to it, no match).
  Result r = loclint("--baseline b.json --exclude 'other/*' . other", dir_.path());
  EXPECT_NE(r.err.find("2 baseline entries are no longer found"), std::string::npos) << r.err;

  // A file named alone in a hidden folder: the search of `.` never goes there.
  write_file(dir_ / ".drafts/d.md", kFm + "caf\xE9\n");
  ASSERT_EQ(loclint("--write-baseline b.json .drafts/d.md", dir_.path()).exit, 0);
  fs::remove(dir_ / ".drafts/d.md");
  r = loclint("--baseline b.json .", dir_.path());
  EXPECT_NE(r.err.find("2 baseline entries are no longer found"), std::string::npos) << r.err;  // x.md's, not d.md's
  Result w = loclint("--write-baseline b.json .", dir_.path());
  EXPECT_NE(w.err.find("(and kept 1 entry of files this run did not lint)"), std::string::npos) << w.err;
}

TEST_F(PartialRun, ChangedSinceLeavesUnchangedFilesAlone) {
  if (!have_command("git")) GTEST_SKIP() << "git is not installed";
  const std::string git = "export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.com GIT_COMMITTER_NAME=t "
                          "GIT_COMMITTER_EMAIL=t@example.com GIT_CONFIG_NOSYSTEM=1; git -c commit.gpgsign=false ";
  ASSERT_EQ(run(git + "init -q -b main . && " + git + "add -A && " + git + "commit -qm base", dir_.path()).exit, 0);
  write_file(dir_ / "other/y.md", kFm + "d\xE9j\xE0\n\nUn ajout.\n");
  Result r = loclint("--baseline b.json --changed-since HEAD .", dir_.path());
  EXPECT_EQ(r.exit, 0) << r.out << r.err;
  EXPECT_NE(r.err.find("in 1 file"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("no longer found"), std::string::npos) << r.err;
}

TEST(Baseline, FileNamesThatAreNotUtf8AreMatchedToo) {
  ScratchDir dir;
  write_file(dir / ".loclint.yaml", kTitleOnlyConfig);
  write_file(dir / "caf\xE9.md", kFm + "na\xEFve\n");  // a Latin-1 file name, as old tools leave them
  ASSERT_EQ(loclint("--write-baseline b.json .", dir.path()).exit, 0);
  Result r = loclint("--baseline b.json .", dir.path());
  EXPECT_EQ(r.exit, 0) << r.out << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err.find("no longer found"), std::string::npos) << r.err;
  // Written again over itself, the entry is replaced, not kept beside the new one.
  ASSERT_EQ(loclint("--write-baseline b.json .", dir.path()).exit, 0);
  EXPECT_EQ(nlohmann::json::parse(slurp(dir / "b.json"))["findings"].size(), 1u);
}

TEST(Baseline, RewritingABrokenBaselineIsRefused) {
  ScratchDir dir;
  write_file(dir / ".loclint.yaml", kTitleOnlyConfig);
  write_file(dir / "a.md", kFm + "caf\xE9\n");
  write_file(dir / "b.json", "{\"findings\": 3}");
  Result r = loclint("--write-baseline b.json a.md", dir.path());
  EXPECT_EQ(r.exit, 2);
  EXPECT_NE(r.err.find("b.json: not a loclint baseline (no \"findings\" array) (delete it to write a new one)"),
            std::string::npos) << r.err;
  EXPECT_EQ(slurp(dir / "b.json"), "{\"findings\": 3}");
}

TEST(Baseline, FingerprintDoesNotDependOnThePath) {
  static const Rule r{.id = "x/y", .severity = Severity::Error, .summary = "s"};
  auto a = Document::parse("docs/a|b.md", "some text\n");
  auto b = Document::parse("./docs/a|b.md", "some text\n");
  Finding fa = locate(*a, Diagnostic::of(r, {5, 9}, "message"));
  Finding fb = locate(*b, Diagnostic::of(r, {5, 9}, "message"));
  EXPECT_EQ(fa.fingerprint, "x/y|text|message");
  EXPECT_EQ(fa.fingerprint, fb.fingerprint);
  EXPECT_EQ(path_finding("docs/a|b.md", r, Severity::Error, "m").fingerprint, "x/y");
  EXPECT_EQ(stable_hash(""), "cbf29ce484222325");
}

// Paired trees: where the source side is ends the message but not the fingerprint, so an entry
// survives lines moving in the source; a message that merely ends like a location keeps it.
TEST(Baseline, FingerprintLeavesTheSourceLocationOut) {
  static const Rule r{.id = "x/y", .severity = Severity::Error, .summary = "s"};
  auto doc = Document::parse("a.md", "some text\n");
  Diagnostic d = Diagnostic::of(r, {5, 9}, "message");
  d.source_location = "en-us/a.md:42";
  Finding f = locate(*doc, d);
  EXPECT_EQ(f.diagnostic.message, "message (en-us/a.md:42)");
  EXPECT_EQ(f.fingerprint, "x/y|text|message");
  d.source_location = "en-us/a.md:43";
  EXPECT_EQ(locate(*doc, d).fingerprint, f.fingerprint);
  Finding quoted = locate(*doc, Diagnostic::of(r, {5, 9}, "message (a.md:42)"));
  EXPECT_EQ(quoted.fingerprint, "x/y|text|message (a.md:42)");
}

}  // namespace

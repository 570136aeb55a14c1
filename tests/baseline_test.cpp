// Baselines: matched by path, rule and the text involved, not by line; end to end with the CLI.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "loclint/baseline.h"
#include "loclint/locate.h"
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
  r = loclint("--baseline nope.json a.md", dir.path());
  EXPECT_EQ(r.exit, 2);
  EXPECT_NE(r.err.find("nope.json: cannot read baseline file"), std::string::npos) << r.err;
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

}  // namespace

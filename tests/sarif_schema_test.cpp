// SARIF output of the real binary, validated two ways:
//  - against the SARIF 2.1.0 JSON schema (ci/sarif/, kept in the repository) with a real
//    JSON-schema validator, python3-jsonschema from Debian (ci/setup --test-tools installs it).
//    Skipped with a reason only when that package is absent.
//  - always: every field SARIF requires, and what GitHub code scanning needs, asserted here.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "process_util.h"

namespace fs = std::filesystem;
using namespace loclint::testing;
using nlohmann::json;

namespace {

const fs::path kSource = LOCLINT_SOURCE_DIR;
const std::string kBinary = LOCLINT_BINARY;

// A small tree with findings: bad front matter, invalid UTF-8, a path that cannot be read.
fs::path make_tree(const ScratchDir& dir) {
  write_file(dir / "docs/bad front.md", "---\ntitle: Titre: sous-titre\n---\n\n# Titre\n");
  write_file(dir / "docs/sub/latin1.md", "---\ntitle: T\n---\n\n\xF0\x9F\x98\x80 caf\xE9\n");
  write_file(dir / "docs/good.md", "---\ntitle: T\n---\n\n# Bien\n");
  return dir.path();
}

std::string sarif_of(const fs::path& root, const std::string& extra = "") {
  Result r = run(sh_quote(kBinary) + " --format sarif " + extra + " docs missing.md", root);
  EXPECT_EQ(r.exit, 2) << r.err;  // missing.md: a tool failure, still reported in the log
  return r.out;
}

TEST(SarifSchema, RequiredFieldsAndGithubConventions) {
  ScratchDir dir;
  write_file(dir / ".loclint.yaml", kTitleOnlyConfig);
  fs::path root = make_tree(dir);
  json log = json::parse(sarif_of(root));
  EXPECT_EQ(log["version"], "2.1.0");
  ASSERT_EQ(log["runs"].size(), 1u);
  const json& run = log["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["name"], "loclint");
  EXPECT_EQ(run["columnKind"], "unicodeCodePoints");
  const json& rules = run["tool"]["driver"]["rules"];
  ASSERT_FALSE(rules.empty());
  for (const json& r : rules) {
    EXPECT_TRUE(r["id"].is_string());
    EXPECT_FALSE(r["shortDescription"]["text"].get<std::string>().empty()) << r["id"];
    EXPECT_FALSE(r["fullDescription"]["text"].get<std::string>().empty()) << r["id"];
    EXPECT_FALSE(r["help"]["text"].get<std::string>().empty()) << r["id"];
  }
  std::set<std::string> uris, rule_ids;
  ASSERT_EQ(run["results"].size(), 3u) << run["results"].dump(1);
  for (const json& res : run["results"]) {
    std::string id = res["ruleId"];
    rule_ids.insert(id);
    EXPECT_EQ(rules[res["ruleIndex"].get<size_t>()]["id"], id);
    EXPECT_TRUE(res["level"] == "error" || res["level"] == "warning" || res["level"] == "note");
    EXPECT_FALSE(res["message"]["text"].get<std::string>().empty());
    const json& loc = res["locations"][0]["physicalLocation"];
    std::string uri = loc["artifactLocation"]["uri"];
    uris.insert(uri);
    EXPECT_EQ(uri.find('\\'), std::string::npos);
    EXPECT_NE(uri[0], '/');
    if (loc.contains("region")) {
      const json& region = loc["region"];
      EXPECT_GE(region["startLine"].get<int>(), 1);
      EXPECT_GE(region["startColumn"].get<int>(), 1);
      EXPECT_GE(region["endLine"].get<int>(), region["startLine"].get<int>());
      if (region["endLine"] == region["startLine"]) {
        EXPECT_GE(region["endColumn"], region["startColumn"]);
      }
    }
    EXPECT_FALSE(res["partialFingerprints"].empty());
  }
  // Repo-relative (the tree has no .git: the working folder is the root), forward slashes, encoded.
  std::set<std::string> want_uris = {"docs/bad%20front.md", "docs/sub/latin1.md", "missing.md"};
  EXPECT_EQ(uris, want_uris);
  std::set<std::string> want_rules = {"metadata/syntax", "loclint/invalid-utf8", "loclint/unreadable-file"};
  EXPECT_EQ(rule_ids, want_rules);

  // The emoji before the bad byte: one code point, two UTF-16 units.
  json utf16 = json::parse(sarif_of(root, "--column-unit utf16"));
  EXPECT_EQ(utf16["runs"][0]["columnKind"], "utf16CodeUnits");
  for (const json& res : utf16["runs"][0]["results"])
    if (res["ruleId"] == "loclint/invalid-utf8") {
      EXPECT_EQ(res["locations"][0]["physicalLocation"]["region"]["startColumn"], 7);
    }
}

// A fixable finding after an emoji: its fix is one artifactChange of the same file.
fs::path make_fixable_tree(const ScratchDir& dir) {
  write_file(dir / ".loclint.yaml", kTitleOnlyConfig);
  write_file(dir / "docs/sub/page.md", "---\ntitle: P\n---\n\n# Page\n");
  write_file(dir / "docs/fix.md", "---\ntitle: T\n---\n\n\xF0\x9F\x98\x80 [p](sub\\page.md)\n");
  return dir.path();
}

TEST(SarifSchema, FixesAreArtifactChangesInTheRunsColumnUnit) {
  ScratchDir dir;
  fs::path root = make_fixable_tree(dir);
  for (auto [unit, column] : {std::pair<std::string, int>{"codepoint", 10}, {"utf16", 11}}) {
    Result r = run(sh_quote(kBinary) + " --format sarif --column-unit " + unit + " docs/fix.md", root);
    json log = json::parse(r.out);
    const json& results = log["runs"][0]["results"];
    ASSERT_EQ(results.size(), 1u) << r.out;
    ASSERT_EQ(results[0]["ruleId"], "link/backslash");
    const json& fixes = results[0]["fixes"];
    ASSERT_EQ(fixes.size(), 1u) << results[0].dump(1);
    EXPECT_EQ(fixes[0]["description"]["text"], "Use '/' instead of '\\' in the link");
    const json& change = fixes[0]["artifactChanges"][0];
    EXPECT_EQ(change["artifactLocation"], results[0]["locations"][0]["physicalLocation"]["artifactLocation"]);
    // "😀 [p](sub" then the backslash: code point 10, UTF-16 unit 11 (1-based).
    const json want = {{"deletedRegion", {{"startLine", 5}, {"startColumn", column}, {"endLine", 5}, {"endColumn", column + 1}}},
                       {"insertedContent", {{"text", "/"}}}};
    EXPECT_EQ(change["replacements"], json::array({want})) << unit;
  }
}

TEST(SarifSchema, UrisAreRelativeToTheGitRoot) {
  ScratchDir dir;
  write_file(dir / ".loclint.yaml", kTitleOnlyConfig);
  fs::path root = make_tree(dir);
  fs::create_directories(root / ".git");  // enough for loclint to see a repository root
  Result r = run(sh_quote(kBinary) + " --format sarif bad\\ front.md", root / "docs");
  json log = json::parse(r.out);
  EXPECT_EQ(log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "docs/bad%20front.md");
}

TEST(SarifSchema, ValidatesAgainstTheSarif210Schema) {
  fs::path tools = kSource / "ci" / "sarif";
  const std::string validate = sh_quote((tools / "validate.py").string());
  if (run(validate).exit == 2) GTEST_SKIP() << "python3-jsonschema is not installed (ci/setup --test-tools installs it)";

  ScratchDir dir;
  write_file(dir / ".loclint.yaml", kTitleOnlyConfig);
  fs::path root = make_tree(dir);
  write_file(dir / "out/codepoint.sarif", sarif_of(root));
  write_file(dir / "out/utf16.sarif", sarif_of(root, "--column-unit utf16"));
  write_file(dir / "out/empty.sarif", run(sh_quote(kBinary) + " --format sarif docs/good.md", root).out);
  write_file(dir / "out/golden.sarif", slurp(kSource / "tests/golden/output/sarif.sarif"));
  ScratchDir fixable;
  write_file(dir / "out/fixes.sarif", run(sh_quote(kBinary) + " --format sarif docs/fix.md", make_fixable_tree(fixable)).out);
  std::string files;
  for (auto name : {"codepoint", "utf16", "empty", "golden", "fixes"})
    files += " " + sh_quote((dir / "out" / (std::string(name) + ".sarif")).string());
  Result r = run(validate + files);
  EXPECT_EQ(r.exit, 0) << r.out << r.err;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 5) << r.out;
  EXPECT_NE(slurp(dir / "out/fixes.sarif").find("\"artifactChanges\""), std::string::npos);

  // The validator must be able to fail: break a required field.
  json bad = json::parse(slurp(dir / "out/codepoint.sarif"));
  bad["runs"][0]["results"][0].erase("message");
  write_file(dir / "out/bad.sarif", bad.dump());
  Result b = run(validate + " " + sh_quote((dir / "out/bad.sarif").string()));
  EXPECT_EQ(b.exit, 1) << b.out << b.err;
}

}  // namespace

// The hookups, run for real: the pre-commit hook in a scratch repository, the problem matcher's
// regex on real output (std::regex and node's RegExp), Emacs' compilation mode jumping to real
// diagnostics and skipping notes, and the example GitHub workflow's commands. (Vim's set-up and
// Emacs' are run as the README writes them by tests/readme_test.cpp.)
// Each test that needs an outside tool skips with a reason when the tool is absent
// (`ci/setup --test-tools`, which ci/test runs, installs them).
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "process_util.h"
#include "readme_snippets.h"

namespace fs = std::filesystem;
using namespace loclint::testing;

namespace {

const fs::path kSource = LOCLINT_SOURCE_DIR;
const std::string kBinary = LOCLINT_BINARY;
const std::string kGood = "---\ntitle: Titre\ndescription: Une description.\n---\n\n# Titre\n\nDu texte.\n";
// Two defects that fire today: front matter that is not YAML, and a byte that is not UTF-8.
const std::string kBroken = "---\ntitle: Titre: sous-titre\n---\n\n# Titre\n\nCaf\xE9.\n";

std::string path_with_loclint() {
  return sh_quote(fs::path(kBinary).parent_path().string()) + ":\"$PATH\"";
}

// ---- pre-commit ----------------------------------------------------------------------------

class PreCommit : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!have_command("git")) GTEST_SKIP() << "git is not installed";
    if (!have_command("pre-commit")) GTEST_SKIP() << "pre-commit is not installed (Debian package pre-commit; ci/setup --test-tools)";
  }
  // Runs a command in `dir` with loclint on PATH, a private pre-commit cache and git identity.
  Result sh(const std::string& cmd, const fs::path& dir) {
    std::string env = "export PATH=" + path_with_loclint() + " PRE_COMMIT_HOME=" + sh_quote((tmp_ / "cache").string()) +
                      " GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.com GIT_COMMITTER_NAME=t"
                      " GIT_COMMITTER_EMAIL=t@example.com GIT_CONFIG_NOSYSTEM=1 HOME=" + sh_quote(tmp_.path().string()) + "; ";
    return run(env + cmd, dir);
  }
  ScratchDir tmp_;
};

TEST_F(PreCommit, HookPassesAGoodFileAndBlocksABrokenOne) {
  // The hook repository: this checkout's .pre-commit-hooks.yaml, committed (pre-commit clones
  // a repository at a rev; a local path clones offline).
  fs::path hooks = tmp_ / "loclint-hooks";
  fs::create_directories(hooks);
  fs::copy_file(kSource / ".pre-commit-hooks.yaml", hooks / ".pre-commit-hooks.yaml");
  ASSERT_EQ(sh("git init -q && git add -A && git commit -qm hooks", hooks).exit, 0);
  std::string rev = sh("git rev-parse HEAD", hooks).out;
  rev.erase(rev.find_last_not_of("\n") + 1);

  // The docs repository that uses it.
  fs::path docs = tmp_ / "docs";
  fs::create_directories(docs);
  write_file(docs / ".pre-commit-config.yaml", "repos:\n  - repo: " + hooks.string() + "\n    rev: " + rev +
                                                   "\n    hooks:\n      - id: loclint\n");
  write_file(docs / "articles/TOC.yml", "- name: Titre\n  href: good.md\n");  // YAML, not an article
  write_file(docs / "articles/good.md", kGood);
  write_file(docs / ".loclint.yaml", kTitleOnlyConfig);  // the docs repo commits its settings
  ASSERT_EQ(sh("git init -q && git add -A && git commit -qm init --no-verify", docs).exit, 0);
  Result install = sh("pre-commit install", docs);
  ASSERT_EQ(install.exit, 0) << install.out << install.err;

  // A good change passes.
  write_file(docs / "articles/good.md", kGood + "\nUn autre paragraphe.\n");
  Result good = sh("git add -A && git commit -m 'good change'", docs);
  EXPECT_EQ(good.exit, 0) << good.out << good.err;
  EXPECT_NE((good.out + good.err).find("loclint (localization QA)"), std::string::npos) << good.out << good.err;
  EXPECT_NE((good.out + good.err).find("Passed"), std::string::npos) << good.out << good.err;

  // A broken file is blocked, with the diagnostics shown.
  write_file(docs / "articles/broken.md", kBroken);
  Result broken = sh("git add -A && git commit -m 'broken change'", docs);
  std::string shown = broken.out + broken.err;
  EXPECT_NE(broken.exit, 0) << shown;
  EXPECT_NE(shown.find("Failed"), std::string::npos) << shown;
  EXPECT_NE(shown.find("articles/broken.md:2:13: error: front matter is not valid YAML: mapping values are not allowed in this context [metadata/syntax]"),
            std::string::npos) << shown;
  EXPECT_NE(shown.find("articles/broken.md:7:4: error: invalid UTF-8 byte sequence (0xE9) [loclint/invalid-utf8]"),
            std::string::npos) << shown;
  EXPECT_EQ(sh("git rev-list --count HEAD", docs).out, "2\n") << "the broken commit was not blocked";

  // Hook args come before the file names; loclint must still lint the files.
  write_file(docs / ".pre-commit-config.yaml", "repos:\n  - repo: " + hooks.string() + "\n    rev: " + rev +
                                                   "\n    hooks:\n      - id: loclint\n        args: [--disable, loclint]\n");
  Result args = sh("git add -A && git commit -m 'with args'", docs);
  shown = args.out + args.err;
  EXPECT_NE(args.exit, 0) << shown;
  EXPECT_NE(shown.find("[metadata/syntax]"), std::string::npos) << shown;
  EXPECT_EQ(shown.find("[loclint/invalid-utf8]"), std::string::npos) << shown;
}

TEST(PreCommitHooksFile, DeclaresTheLoclintHookForMarkdown) {
  YAML::Node hooks = YAML::LoadFile((kSource / ".pre-commit-hooks.yaml").string());
  ASSERT_TRUE(hooks.IsSequence());
  ASSERT_EQ(hooks.size(), 1u);
  EXPECT_EQ(hooks[0]["id"].as<std::string>(), "loclint");
  EXPECT_EQ(hooks[0]["entry"].as<std::string>(), "loclint");
  EXPECT_EQ(hooks[0]["language"].as<std::string>(), "system");
  EXPECT_EQ(hooks[0]["types_or"][0].as<std::string>(), "markdown");
}

// ---- problem matcher -----------------------------------------------------------------------

// Real output: a path with a space and a colon, every severity, a message with brackets.
std::string real_output(const ScratchDir& dir) {
  write_file(dir / "docs/a b:c.md", kBroken);
  write_file(dir / "docs/sup.md", "---\ntitle: T\n---\n\n<!-- loclint-disable-next-line metadata -->\n[lien] text\n");
  Result r = run(sh_quote(kBinary) + " --severity loclint/unused-suppression=note --color never docs", dir.path());
  EXPECT_EQ(r.exit, 1) << r.err;
  return r.out;
}

// What the GitHub Actions runner makes of one output line with a problem matcher
// (actions/runner, IssueMatcher.cs and OutputManager.ConvertToIssue): the severity group's text,
// or the matcher's default severity when the group took no part in the match; only error,
// warning and notice become annotations, any other severity drops the line ("dropped").
std::string runner_issue(const nlohmann::json& matcher, const std::string& line) {
  const auto& p = matcher["pattern"][0];
  std::regex re(p["regexp"].get<std::string>(), std::regex::ECMAScript);
  std::smatch m;
  if (!std::regex_match(line, m, re)) return "no match";
  auto g = [&](const char* k) { return p.contains(k) ? m[p[k].get<int>()].str() : std::string(); };
  std::string severity = g("severity");
  if (severity.empty()) severity = matcher.value("severity", "");
  if (severity.empty()) severity = "error";
  if (severity != "error" && severity != "warning" && severity != "notice") return "dropped";
  return g("file") + "|" + g("line") + "|" + g("column") + "|" + severity + "|" + g("message") + "|" + g("code");
}

// The checks IssueMatcherConfig.Validate makes when `::add-matcher::` loads the file.
void expect_valid_runner_config(const nlohmann::json& config) {
  for (const auto& matcher : config["problemMatcher"]) {
    EXPECT_FALSE(matcher.value("owner", "").empty());
    std::string severity = matcher.value("severity", "");
    EXPECT_TRUE(severity.empty() || severity == "error" || severity == "warning" || severity == "notice") << severity;
    ASSERT_EQ(matcher["pattern"].size(), 1u);
    const auto& p = matcher["pattern"][0];
    std::regex re(p["regexp"].get<std::string>(), std::regex::ECMAScript);
    for (const char* k : {"file", "line", "column", "severity", "message", "code"})
      if (p.contains(k)) {
        EXPECT_LT(p[k].get<size_t>(), re.mark_count() + 1) << k;
      }
    EXPECT_TRUE(p.contains("message"));
  }
}

TEST(ProblemMatcher, EveryLineOfRealOutputBecomesAnAnnotationNotesIncluded) {
  auto config = nlohmann::json::parse(slurp(kSource / "ci/problem-matcher.json"));
  expect_valid_runner_config(config);
  ASSERT_EQ(config["problemMatcher"].size(), 1u);
  const auto& matcher = config["problemMatcher"][0];
  const auto& p = matcher["pattern"][0];
  auto tasks = nlohmann::json::parse(slurp(kSource / "ci/vscode/tasks.json"));
  EXPECT_EQ(tasks["tasks"][0]["problemMatcher"]["pattern"]["regexp"], p["regexp"]) << "the two copies differ";

  ScratchDir dir;
  write_file(dir / ".loclint.yaml", kTitleOnlyConfig);
  std::string out = real_output(dir);
  std::vector<std::string> want = {
      "docs/a b:c.md|2|13|error|front matter is not valid YAML: mapping values are not allowed in this context|metadata/syntax",
      "docs/a b:c.md|7|4|error|invalid UTF-8 byte sequence (0xE9)|loclint/invalid-utf8",
      "docs/sup.md|5|1|notice|'loclint-disable-next-line metadata' suppresses nothing|loclint/unused-suppression"};
  std::vector<std::string> lines, got;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  for (const std::string& line : lines) got.push_back(runner_issue(matcher, line));
  EXPECT_EQ(got, want);

  // The runner drops a severity it does not know: a matcher that captured "note" lost every note.
  nlohmann::json capturing_note = matcher;
  capturing_note.erase("severity");
  capturing_note["pattern"][0]["regexp"] =
      "^(.+?):(\\d+):(\\d+): (error|warning|note): (.*) \\[([a-z0-9-]+/[a-z0-9-]+)\\]$";
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(runner_issue(capturing_note, lines[2]), "dropped") << lines[2];

  // The same in JavaScript, the engine VS Code runs the regex with (and the closest to .NET's
  // RegexOptions.ECMAScript that the runner uses).
  if (!have_command("node")) GTEST_SKIP() << "node is not installed: checked with std::regex only";
  write_file(dir / "out.txt", out);
  std::string js = "const fs=require('fs');const c=JSON.parse(fs.readFileSync(process.argv[2])).problemMatcher[0];"
                   "const m=c.pattern[0];const re=new RegExp(m.regexp);"
                   "for(const l of fs.readFileSync(process.argv[3],'utf8').split('\\n')){"
                   "if(!l)continue;const x=re.exec(l);if(!x){console.log('NO MATCH '+l);continue;}"
                   "let s=x[m.severity]||c.severity||'error';if(!['error','warning','notice'].includes(s))s='dropped';"
                   "console.log([x[m.file],x[m.line],x[m.column],s,x[m.message],x[m.code]].join('|'));}";
  write_file(dir / "match.js", js);
  Result r = run("node match.js " + sh_quote((kSource / "ci/problem-matcher.json").string()) + " out.txt", dir.path());
  std::string joined;
  for (const auto& w : want) joined += w + "\n";
  EXPECT_EQ(r.out, joined) << r.err;
}

// ---- editors -------------------------------------------------------------------------------

// Emacs reads `note:` as an info message, and next-error skips those unless
// compilation-skip-threshold is 0 (its default, 1, skips anything below a warning).
TEST(Editors, EmacsSkipsNotesUnlessTheReadmeSettingIsOn) {
  if (!have_command("emacs")) GTEST_SKIP() << "emacs is not installed (ci/setup --test-tools)";
  ScratchDir dir;
  // b.md: a front matter error; c.md: an unused suppression, made a note here.
  fs::copy(kSource / "tests/readme/editors", dir.path(), fs::copy_options::recursive);
  const std::string emacs = "PATH=" + path_with_loclint() + " emacs --batch -Q ";
  const std::string jump = " -l " + sh_quote((kSource / "tests/editors/jump.el").string()) +
                           " 'loclint --severity loclint/unused-suppression=note --color never .'";
  Result r = run(emacs + jump, dir.path());
  EXPECT_EQ(r.out, "b.md:2:11: \": sous-t\"\n") << r.err;
  // The README's setting (snippet emacs-notes), as written.
  r = run(emacs + "--eval " + sh_quote(readme_snippet("emacs-notes").text) + jump, dir.path());
  EXPECT_EQ(r.out,
            "b.md:2:11: \": sous-t\"\n"
            "c.md:5:1: \"<!-- loc\"\n") << r.err;
}

// ---- the example GitHub workflow -----------------------------------------------------------

TEST(GithubWorkflow, IsValidYamlAndItsCommandsExist) {
  YAML::Node wf = YAML::LoadFile((kSource / "ci/github-workflow.yml").string());
  ASSERT_TRUE(wf["jobs"]["loclint"]["steps"].IsSequence());
  Result help = run(sh_quote(kBinary) + " --help");
  std::string scripts;
  bool uploads = false;
  for (const YAML::Node& step : wf["jobs"]["loclint"]["steps"]) {
    if (step["uses"] && step["uses"].as<std::string>().starts_with("github/codeql-action/upload-sarif")) uploads = true;
    if (!step["run"]) continue;
    std::string script = step["run"].as<std::string>();
    scripts += script;
    // Each script is valid bash.
    ScratchDir dir;
    write_file(dir / ".loclint.yaml", kTitleOnlyConfig);
    write_file(dir / "step.sh", script);
    Result syntax = run("bash -n step.sh", dir.path());
    EXPECT_EQ(syntax.exit, 0) << script << syntax.err;
  }
  EXPECT_TRUE(uploads);
  // Every loclint option the workflow uses is one loclint has.
  std::regex option(R"(\s(--[a-z][a-z0-9-]+))");
  size_t checked = 0;
  std::istringstream in(scripts);
  for (std::string line; std::getline(in, line);) {
    if (line.find("loclint ") == std::string::npos && line.find("baseline=(") == std::string::npos) continue;
    for (auto it = std::sregex_iterator(line.begin(), line.end(), option); it != std::sregex_iterator(); ++it) {
      std::string name = (*it)[1].str();
      if (name == "--global" || name == "--add" || name == "--no-example") continue;  // git's and ci/setup's
      EXPECT_NE(help.out.find(name), std::string::npos) << name << " is not a loclint option";
      ++checked;
    }
  }
  EXPECT_GE(checked, 4u);
  EXPECT_TRUE(fs::exists(kSource / "ci/setup"));
}

TEST(GithubWorkflow, GithubFormatOnRealOutputIsOneAnnotationPerFinding) {
  ScratchDir dir;
  write_file(dir / ".loclint.yaml", kTitleOnlyConfig);
  write_file(dir / "docs/a,b.md", kBroken);
  Result r = run(sh_quote(kBinary) + " --format github docs", dir.path());
  EXPECT_EQ(r.exit, 1);
  EXPECT_EQ(r.out,
            "::error file=docs/a%2Cb.md,line=2,col=13,title=metadata/syntax::front matter is not valid YAML: mapping values are not allowed in this context\n"
            "::error file=docs/a%2Cb.md,line=7,col=4,endLine=7,endColumn=4,title=loclint/invalid-utf8::invalid UTF-8 byte sequence (0xE9)\n");
}

}  // namespace

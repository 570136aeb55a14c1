// Every fenced block of the README is run by a test, exactly as written.
//
// A block is named by the line before it, `<!-- snippet: NAME -->`. kClaims below says which
// test runs each name; EveryBlockIsNamedAndRunByATest fails when a block has no name, a name is
// unclaimed, or a claimed name is gone, so a block cannot change (or appear) without a test
// agreeing. Most blocks are transcripts: `$ command` lines, each followed by exactly what it
// prints (stdout and stderr, in order). TranscriptsRunAsWritten runs them with bash in a copy of
// tests/readme/ (the example tree the README's examples name), with the built loclint first on
// PATH, and compares every command's output. A `$ cat FILE` whose FILE the tree does not have
// defines it: the file is written from the lines the README shows, so what the reader sees is
// what the command reads.
//
// To see what a changed command prints, in the README's own form:
//   LOCLINT_README_ACTUAL=/tmp/actual.txt build/readme_test; cat /tmp/actual.txt
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include "process_util.h"
#include "readme_snippets.h"

namespace fs = std::filesystem;
using namespace loclint::testing;

namespace {

const fs::path kSource = LOCLINT_SOURCE_DIR;
const fs::path kBinaryDir = fs::path(LOCLINT_BINARY).parent_path();

// Snippet name -> where it is run. Names run here by TranscriptsRunAsWritten say so; the others
// name the test or script that reads the snippet (that file must mention the name).
const std::map<std::string, std::string> kClaims = {
    {"quick-start", "tests/readme_test.cpp"},
    {"install-deb", "ci/package-test"},
    {"quick-start-output", "transcript"},
    {"inputs", "transcript"},
    {"format-compiler", "transcript"},
    {"format-json", "transcript"},
    {"format-sarif", "transcript"},
    {"format-github", "transcript"},
    {"format-xml", "transcript"},
    {"loclint-yaml", "tests/config_schema_test.cpp"},
    {"config-error", "transcript"},
    {"unused-suppression", "transcript"},
    {"baseline", "transcript"},
    {"changed-since", "transcript"},
    {"changed-since-dubious-ownership", "transcript"},
    {"pre-commit-config", "tests/readme_test.cpp"},
    {"pre-commit-demo", "transcript"},
    {"vim-config", "tests/editors/jump.vim"},
    {"vim-demo", "transcript"},
    {"emacs-config", "tests/editors/jump.el"},
    {"emacs-notes", "tests/hookups_test.cpp"},
    {"emacs-demo", "transcript"},
    {"layout", "tests/readme_test.cpp"},
    {"fix-diff", "transcript"},
    {"lsp-neovim", "tests/lsp_nvim_test.cpp"},
    {"lsp-vscode", "tests/readme_test.cpp"},
    {"lsp-eglot", "tests/readme_test.cpp"},
    {"lsp-helix", "tests/readme_test.cpp"},
};

TEST(Readme, EveryBlockIsNamedAndRunByATest) {
  std::set<std::string> names;
  for (const Snippet& s : readme_snippets()) {
    EXPECT_FALSE(s.name.empty()) << "README.md:" << s.line << ": a block without <!-- snippet: NAME --> before it";
    if (s.name.empty()) continue;
    EXPECT_TRUE(names.insert(s.name).second) << "README.md:" << s.line << ": snippet " << s.name << " twice";
    auto claim = kClaims.find(s.name);
    EXPECT_NE(claim, kClaims.end()) << "README.md:" << s.line << ": no test runs snippet " << s.name;
  }
  for (const auto& [name, where] : kClaims) {
    EXPECT_TRUE(names.count(name)) << "kClaims names snippet " << name << ", which README.md no longer has";
    if (where == "transcript") continue;
    EXPECT_NE(slurp(kSource / where).find(name), std::string::npos) << where << " does not run snippet " << name;
  }
}

// ---- transcripts -----------------------------------------------------------------------------

struct Step {
  std::string command;   // after "$ "
  std::string expected;  // the lines after it, each with '\n'
};

std::vector<Step> steps_of(const Snippet& s) {
  std::vector<Step> out;
  std::istringstream in(s.text);
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("$ ")) {
      out.push_back({line.substr(2), ""});
    } else {
      EXPECT_FALSE(out.empty()) << s.name << ": output before the first command: " << line;
      if (!out.empty()) out.back().expected += line + "\n";
    }
  }
  return out;
}

// The environment every transcript runs in: the built loclint first on PATH, no colour (not a
// terminal), a private HOME and git identity, $LOCLINT the source tree (the editor examples
// name their scripts through it).
std::string environment(const fs::path& dir) {
  return "export PATH=" + sh_quote(kBinaryDir.string()) + ":\"$PATH\" HOME=" + sh_quote(dir.string()) +
         " LOCLINT=" + sh_quote(kSource.string()) + " PRE_COMMIT_HOME=" + sh_quote((dir / ".cache/pre-commit").string()) +
         " GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.com GIT_COMMITTER_NAME=t"
         " GIT_COMMITTER_EMAIL=t@example.com LC_ALL=C.UTF-8; unset NO_COLOR CI\n";
}

// Runs the transcript `name` in `dir` and compares each command's output with the README's.
// `wrap` runs the script file some other way (a private mount namespace); %s is the script.
void expect_transcript(const std::string& name, const fs::path& dir, const std::string& wrap = "bash %s") {
  Snippet s = readme_snippet(name);
  std::vector<Step> steps = steps_of(s);
  ASSERT_FALSE(steps.empty()) << name << " has no $ command";
  static const std::regex cat_file(R"(cat ([^ |;&<>$'"]+))");
  std::string script = environment(dir) + "cd " + sh_quote(dir.string()) + " || exit 99\nexec 2>&1\n";
  for (size_t i = 0; i < steps.size(); ++i) {
    std::smatch m;
    if (std::regex_match(steps[i].command, m, cat_file) && !fs::exists(dir / m[1].str()))
      write_file(dir / m[1].str(), steps[i].expected);  // the transcript defines the file
    // The marker keeps the previous command's status for `echo $?`.
    script += "__status=$?\necho '@@@step " + std::to_string(i) + "'\n(exit $__status)\n" + steps[i].command + "\n";
  }
  script += "echo '@@@end'\n";
  ScratchDir work;  // the script lives outside the tree it runs in
  write_file(work / "transcript.sh", script);
  std::string command = wrap;
  command.replace(command.find("%s"), 2, sh_quote((work / "transcript.sh").string()));
  Result r = run(command, work.path());
  std::string out = r.out + r.err;
  for (size_t i = 0; i < steps.size(); ++i) {
    const std::string marker = "@@@step " + std::to_string(i) + "\n", next = i + 1 < steps.size() ? "@@@step " + std::to_string(i + 1) + "\n" : "@@@end\n";
    size_t b = out.find(marker), e = out.find(next);
    ASSERT_TRUE(b != std::string::npos && e != std::string::npos && e >= b) << name << ": the script did not run through\n" << out;
    const std::string actual = out.substr(b + marker.size(), e - b - marker.size());
    EXPECT_EQ(actual, steps[i].expected) << "README.md:" << s.line << " snippet " << name << ", $ " << steps[i].command;
    if (const char* log = std::getenv("LOCLINT_README_ACTUAL"); log && actual != steps[i].expected)
      std::ofstream(log, std::ios::app) << "==== " << name << "\n$ " << steps[i].command << "\n" << actual;
  }
}

// A scratch copy of tests/readme/.
struct ExampleTree {
  ExampleTree() { fs::copy(kSource / "tests/readme", dir.path(), fs::copy_options::recursive); }
  ScratchDir dir;
};

std::string sh(const std::string& cmd, const fs::path& dir) {
  Result r = run(environment(dir) + cmd, dir);
  EXPECT_EQ(r.exit, 0) << cmd << "\n" << r.out << r.err;
  return r.out;
}

TEST(Readme, OutputFormatTranscripts) {
  for (const char* name : {"inputs", "format-compiler", "format-json", "format-github", "format-xml"}) {
    ExampleTree t;
    expect_transcript(name, t.dir.path());
  }
}

TEST(Readme, SarifTranscriptValidatesWithTheRepositorysValidator) {
  if (run(sh_quote((kSource / "ci/sarif/validate.py").string())).exit == 2)
    GTEST_SKIP() << "python3-jsonschema is not installed (ci/setup --test-tools installs it)";
  ExampleTree t;
  fs::create_directory_symlink(kSource / "ci", t.dir / "ci");  // ci/sarif/validate.py as written
  expect_transcript("format-sarif", t.dir.path());
}

TEST(Readme, QuickStartOutputIsWhatTheBundledExamplePrints) {
  ScratchDir dir;
  fs::create_directories(dir / "install/bin");
  fs::create_symlink(LOCLINT_BINARY, dir / "install/bin/loclint");  // where ci/setup installs it
  fs::copy(kSource / "examples", dir / "examples", fs::copy_options::recursive);
  expect_transcript("quick-start-output", dir.path());
}

TEST(Readme, QuickStartIsWhatCiRuns) {
  // `.ci/run` runs the README's two commands on a fresh Debian 12 root; here, that the commands
  // it runs are the snippet's (comments aside), in order.
  std::string commands;
  std::istringstream in(readme_snippet("quick-start").text);
  for (std::string line; std::getline(in, line);) {
    line = line.substr(0, line.find('#'));
    while (!line.empty() && line.back() == ' ') line.pop_back();
    if (!line.empty()) commands += (commands.empty() ? "" : " ") + line;
  }
  EXPECT_EQ(commands, "ci/setup ci/test");
  EXPECT_NE(slurp(kSource / ".ci/run").find("\"$fresh\" " + commands + "\n"), std::string::npos);
}

TEST(Readme, FixDiffTranscript) {
  ScratchDir dir;
  expect_transcript("fix-diff", dir.path());
}

// VS Code, Emacs and Helix are not in this machine's reach (Debian 12 has none of Helix, VS Code
// or eglot for its Emacs 28 by default): their blocks are checked for the server they start,
// `loclint lsp` over stdio, the command the Neovim test runs for real.
TEST(Readme, EditorBlocksStartTheLanguageServer) {
  const auto vscode = nlohmann::json::parse(readme_snippet("lsp-vscode").text);
  EXPECT_EQ(vscode.at("glspc.server.command"), "loclint");
  EXPECT_EQ(vscode.at("glspc.server.commandArguments"), nlohmann::json::array({"lsp"}));
  EXPECT_NE(readme_snippet("lsp-eglot").text.find("(markdown-mode . (\"loclint\" \"lsp\"))"), std::string::npos);
  const std::string helix = readme_snippet("lsp-helix").text;
  EXPECT_NE(helix.find("command = \"loclint\"\nargs = [\"lsp\"]"), std::string::npos);
  EXPECT_NE(helix.find("language-servers = [\"marksman\", \"loclint\"]"), std::string::npos);
}

TEST(Readme, ConfigurationTranscripts) {
  for (const char* name : {"config-error", "unused-suppression", "baseline"}) {
    ExampleTree t;
    expect_transcript(name, t.dir.path());
  }
}

// The example tree as a git repository on branch main, committed.
void make_repository(const fs::path& dir) {
  sh("git init -q -b main . && git add -A && git -c commit.gpgsign=false commit -qm examples", dir);
}

TEST(Readme, ChangedSinceTranscript) {
  if (!have_command("git")) GTEST_SKIP() << "git is not installed";
  ExampleTree t;
  make_repository(t.dir.path());
  expect_transcript("changed-since", t.dir.path());
}

// git refuses a repository owned by another user. The README shows it at /srv/docs: the test
// gives a copy of the tree to uid 65534 and runs the transcript in a private mount namespace
// where that copy is mounted at /srv/docs, so the paths git prints are the README's.
TEST(Readme, ChangedSinceDubiousOwnershipTranscript) {
  if (::geteuid() != 0) GTEST_SKIP() << "needs root: chown, and a mount namespace for /srv/docs";
  if (!have_command("git") || !have_command("unshare")) GTEST_SKIP() << "git or unshare is not installed";
  if (run("unshare --mount --propagation private true").exit != 0) GTEST_SKIP() << "cannot make a mount namespace here";
  ExampleTree t;
  make_repository(t.dir.path());
  sh("chown -R 65534:65534 .", t.dir.path());
  ScratchDir outside;  // the script and HOME stay outside the repository
  const std::string mount = "mount -t tmpfs none /srv && mkdir /srv/docs && mount --bind " + sh_quote(t.dir.path().string()) + " /srv/docs";
  expect_transcript("changed-since-dubious-ownership", "/srv/docs",
                    "unshare --mount --propagation private sh -c " + sh_quote(mount + " && bash \"$0\"") + " %s");
}

// pre-commit in a docs repository whose .pre-commit-config.yaml is the README's, with loclint
// on PATH (a `repo: local`, `language: system` hook, as with the Debian package).
TEST(Readme, PreCommitTranscript) {
  if (!have_command("git")) GTEST_SKIP() << "git is not installed";
  if (!have_command("pre-commit")) GTEST_SKIP() << "pre-commit is not installed (ci/setup --test-tools)";
  ScratchDir dir;
  write_file(dir / ".pre-commit-config.yaml", readme_snippet("pre-commit-config").text);
  sh("git init -q && git add .pre-commit-config.yaml && git -c commit.gpgsign=false commit -qm config", dir.path());
  expect_transcript("pre-commit-demo", dir.path());
}

TEST(Readme, EditorTranscripts) {
  if (!have_command("vim")) GTEST_SKIP() << "vim is not installed (ci/setup --test-tools)";
  if (!have_command("emacs")) GTEST_SKIP() << "emacs is not installed (ci/setup --test-tools)";
  for (const char* name : {"vim-demo", "emacs-demo"}) {
    ScratchDir dir;
    fs::copy(kSource / "tests/readme/editors", dir.path(), fs::copy_options::recursive);
    expect_transcript(name, dir.path());
  }
}

// The tree of "How it is built": every path it lists exists (a nested line is inside the folder
// above it), and so does every .h/.cpp file its descriptions name.
TEST(Readme, LayoutNamesWhatTheRepositoryHas) {
  std::vector<fs::path> folders;  // by depth
  std::istringstream in(readme_snippet("layout").text);
  static const std::regex source_file(R"([A-Za-z0-9_./-]+\.(h|cpp))");
  size_t checked = 0;
  for (std::string line; std::getline(in, line);) {
    size_t indent = line.find_first_not_of(' ');
    ASSERT_NE(indent, std::string::npos);
    size_t depth = indent / 2;
    ASSERT_LE(depth, folders.size()) << line;
    folders.resize(depth);
    std::string name = line.substr(indent, line.find(' ', indent) - indent);
    fs::path path = (depth ? folders.back() : fs::path()) / name;
    EXPECT_TRUE(fs::exists(kSource / path)) << "README lists " << path << ", which the repository does not have";
    if (name.ends_with('/')) folders.push_back(path);
    std::string description = line.substr(std::min(line.size(), indent + name.size()));
    for (auto it = std::sregex_iterator(description.begin(), description.end(), source_file); it != std::sregex_iterator(); ++it) {
      std::string file = it->str();
      EXPECT_TRUE(fs::exists(kSource / file) || fs::exists(kSource / path / file)) << "README names " << file << " under " << path;
      ++checked;
    }
    ++checked;
  }
  EXPECT_GE(checked, 10u);
}

}  // namespace

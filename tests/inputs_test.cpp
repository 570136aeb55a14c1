// What loclint reads besides paths on the command line, end to end with the real binary: a
// document on standard input linted as if at a path (--stdin-filename), a list of paths
// (--files-from), globs the shell did not expand, --quiet, and the progress line (on a real
// pseudo-terminal made by util-linux `script`).
#include <gtest/gtest.h>

#include "process_util.h"

namespace fs = std::filesystem;
using namespace loclint::testing;

namespace {

const std::string kBinary = LOCLINT_BINARY;
const std::string kLoclint = sh_quote(kBinary);
const std::string kBad = "---\ntitle: Titre: sous-titre\n---\n";
const std::string kGood = "---\ntitle: Titre\n---\n\n# Titre\n";

class Inputs : public ::testing::Test {
 protected:
  void SetUp() override {
    write_file(dir_ / ".loclint.yaml", kTitleOnlyConfig);
    write_file(dir_ / "docs/a.md", kBad);
    write_file(dir_ / "docs/sub/b.md", kBad);
    write_file(dir_ / "docs/.hidden/c.md", kBad);
    write_file(dir_ / "docs/notes.txt", "not a document\n");
    write_file(dir_ / "other/d.md", kBad);
  }
  Result loclint(const std::string& args) { return run("unset CI; " + kLoclint + " " + args, dir_.path()); }
  ScratchDir dir_;
};

std::string bad_at(const std::string& path) {
  return path + ":2:13: error: front matter is not valid YAML: mapping values are not allowed in this context [metadata/syntax]\n";
}

// ---- --stdin-filename ------------------------------------------------------------------------

TEST_F(Inputs, StdinIsLintedAsIfAtItsPathAndTheDiskIsNotRead) {
  // docs/a.md on disk is broken; the editor's unsaved buffer is fixed, and links from docs/.
  write_file(dir_ / "buffer.md", kGood + "\n[b](sub/b.md) [e](sub/gone.md) [self](a.md#titre) [x](a.md#nulle-part)\n");
  Result r = loclint("--stdin-filename docs/a.md - < buffer.md");
  EXPECT_EQ(r.exit, 1) << r.err;
  EXPECT_EQ(r.out,
            "docs/a.md:7:19: error: link target 'sub/gone.md' does not exist [link/missing-file]\n"
            "docs/a.md:7:55: warning: no anchor '#nulle-part' in 'a.md' [link/missing-anchor]\n");
  EXPECT_EQ(r.err, "1 error, 1 warning in 1 file\n");
  // Without '-', --stdin-filename alone reads standard input too.
  EXPECT_EQ(loclint("--stdin-filename docs/a.md < buffer.md").out, r.out);
}

TEST_F(Inputs, StdinTakesTheConfigurationAndLocaleOfItsPath) {
  // A subfolder whose .loclint.yaml requires a description, in a folder named for fr-FR.
  write_file(dir_ / "site.fr-fr/.loclint.yaml", "options:\n  metadata/missing-key: {required: [title, description]}\n");
  write_file(dir_ / "buffer.md", "---\ntitle: T\nms.contentlocale: de-DE\n---\n");
  Result r = loclint("--stdin-filename site.fr-fr/new.md - < buffer.md");
  EXPECT_EQ(r.exit, 1);
  EXPECT_NE(r.out.find("site.fr-fr/new.md:1:1: error: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("[metadata/missing-key]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("[metadata/locale-mismatch]"), std::string::npos) << r.out;
  // The same text at the root: title only, no locale to compare with.
  r = loclint("--stdin-filename new.md - < buffer.md");
  EXPECT_EQ(r.exit, 0) << r.out;
  // A file that does not exist yet (a new buffer) links to itself.
  write_file(dir_ / "buffer.md", kGood + "\n[moi](nouveau.md#titre)\n");
  r = loclint("--stdin-filename docs/nouveau.md - < buffer.md");
  EXPECT_EQ(r.exit, 0) << r.out << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "docs/nouveau.md"));
}

TEST_F(Inputs, StdinWithOtherPathsAndUsageErrors) {
  write_file(dir_ / "buffer.md", kGood);
  Result r = loclint("--stdin-filename docs/a.md - other/d.md < buffer.md");
  EXPECT_EQ(r.out, bad_at("other/d.md"));
  r = loclint("- < buffer.md");
  EXPECT_EQ(r.exit, 2);
  EXPECT_EQ(r.err, "loclint: '-' reads a document from standard input: give the path it is linted as with --stdin-filename PATH\n");
  r = loclint("--stdin-filename a.md --files-from - < buffer.md");
  EXPECT_EQ(r.exit, 2);
  EXPECT_NE(r.err.find("cannot both read standard input"), std::string::npos);
}

// ---- --files-from ----------------------------------------------------------------------------

TEST_F(Inputs, FilesFromReadsLinesOrNulSeparatedPaths) {
  write_file(dir_ / "list.txt", "docs/a.md\r\n\nother/d.md\n");
  Result r = loclint("--files-from list.txt");
  EXPECT_EQ(r.exit, 1);
  EXPECT_EQ(r.out, bad_at("docs/a.md") + bad_at("other/d.md"));
  // From standard input, as git ls-files -z gives it: a name with a newline survives.
  write_file(dir_ / "docs/two\nlines.md", kBad);
  r = loclint("--files-from - < /dev/null");  // nothing to lint is a clean run
  EXPECT_EQ(r.exit, 0);
  EXPECT_EQ(r.err, "0 errors, 0 warnings in 0 files\n");
  r = run("printf 'docs/two\\nlines.md\\0docs/sub/b.md\\0' | " + kLoclint + " --files-from -", dir_.path());
  EXPECT_EQ(r.out, bad_at("docs/sub/b.md") + bad_at("docs/two\\nlines.md"));  // the newline shown escaped
  // With paths on the command line too; a folder in the list is searched.
  write_file(dir_ / "list.txt", "docs/sub\n");
  r = loclint("--files-from list.txt other/d.md");
  EXPECT_EQ(r.out, bad_at("docs/sub/b.md") + bad_at("other/d.md"));
  r = loclint("--files-from nope.txt");
  EXPECT_EQ(r.exit, 2);
  EXPECT_EQ(r.err, "loclint: --files-from: cannot read nope.txt: No such file or directory\n");
  r = loclint("--files-from docs");
  EXPECT_EQ(r.exit, 2);
  EXPECT_EQ(r.err, "loclint: --files-from: cannot read docs: is a directory\n");
}

// A FIFO is read to its writer's end, as bash's `--files-from <(git diff --name-only)` gives it.
TEST_F(Inputs, FilesFromAFifoIsReadToItsWritersEnd) {
  Result r = run("mkfifo list && { printf 'docs/sub/b.md\\n' > list & } && unset CI && " + kLoclint +
                     " --files-from list other/d.md",
                 dir_.path());
  EXPECT_EQ(r.exit, 1) << r.err;
  EXPECT_EQ(r.out, bad_at("docs/sub/b.md") + bad_at("other/d.md"));
  // A writer that opens the FIFO only after loclint has started is waited for, not read as empty
  // (CI once lost the race above on a loaded machine).
  r = run("rm list && mkfifo list && { { sleep 0.5; printf 'docs/sub/b.md\\n' > list; } & } && unset CI && " +
              kLoclint + " --files-from list other/d.md",
          dir_.path());
  EXPECT_EQ(r.exit, 1) << r.err;
  EXPECT_EQ(r.out, bad_at("docs/sub/b.md") + bad_at("other/d.md"));
}

// ---- globs -----------------------------------------------------------------------------------

TEST_F(Inputs, GlobsTheShellLeftAreExpandedWithLoclintsGlobRules) {
  Result r = loclint("'docs/**/*.md'");
  EXPECT_EQ(r.exit, 1);
  EXPECT_EQ(r.out, bad_at("docs/a.md") + bad_at("docs/sub/b.md")) << "hidden folders stay skipped";
  r = loclint("'docs/*.md'");
  EXPECT_EQ(r.out, bad_at("docs/a.md"));
  // A glob without '/' matches the file name, in every folder (as in .loclint.yaml).
  r = loclint("'d.*'");
  EXPECT_EQ(r.out, bad_at("other/d.md"));
  r = loclint("'?.md'");
  EXPECT_EQ(r.out, bad_at("docs/a.md") + bad_at("docs/sub/b.md") + bad_at("other/d.md"));
  r = loclint(sh_quote((dir_ / "docs/s*/*.md").string()));
  EXPECT_EQ(r.out, bad_at((dir_ / "docs/sub/b.md").string())) << r.err;
  // --exclude still applies.
  r = loclint("--exclude b.md 'docs/**/*.md'");
  EXPECT_EQ(r.out, bad_at("docs/a.md"));
  // Nothing matches: a warning, as for an empty folder; no folder to search: unreadable.
  r = loclint("'docs/*.txt'");
  EXPECT_EQ(r.exit, 0);
  EXPECT_EQ(r.out, "docs/*.txt:1:1: warning: no Markdown or YamlMime document matches this glob [loclint/no-documents]\n");
  r = loclint("'nope/*.md'");
  EXPECT_EQ(r.exit, 2);
  EXPECT_EQ(r.out, "nope/*.md:1:1: error: cannot read path: no folder 'nope' to search for this glob [loclint/unreadable-file]\n");
  // A file whose name holds a '*' is that file.
  write_file(dir_ / "star*.md", kBad);
  r = loclint("'star*.md'");
  EXPECT_EQ(r.out, bad_at("star*.md"));
}

// ---- --quiet ---------------------------------------------------------------------------------

TEST_F(Inputs, QuietPrintsFindingsOnlyAndToolErrors) {
  Result r = loclint("--quiet docs/a.md");
  EXPECT_EQ(r.exit, 1);
  EXPECT_EQ(r.out, bad_at("docs/a.md"));
  EXPECT_EQ(r.err, "");
  r = loclint("-q --baseline not-yet.json docs");
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(loclint("-q --write-baseline b.json docs").err, "");
  r = loclint("-q --baseline b.json docs");
  EXPECT_EQ(r.exit, 0);
  EXPECT_EQ(r.out + r.err, "");
  // Errors of loclint itself are still said.
  write_file(dir_ / "docs/.loclint.yaml", "bogus: 1\n");
  r = loclint("-q docs");
  EXPECT_EQ(r.exit, 2);
  EXPECT_NE(r.err.find("unknown key 'bogus'"), std::string::npos) << r.err;
}

// ---- the progress line -----------------------------------------------------------------------

// Runs loclint with standard error (and output) on a pseudo-terminal; `env` before it.
Result on_terminal(const std::string& env, const std::string& args, const fs::path& dir) {
  if (!have_command("script")) return {};
  return run("script -qec " + sh_quote(env + " " + kLoclint + " --color never " + args) + " /dev/null", dir);
}

TEST_F(Inputs, ProgressLineOnATerminalOnlyAndErasedAtTheEnd) {
  if (!have_command("script")) GTEST_SKIP() << "util-linux script is not installed";
  const std::string erase = "\r\x1b[K";
  // Delay 0: the line appears after the first file, counts, and is erased before the findings.
  Result r = on_terminal("unset CI; LOCLINT_PROGRESS_DELAY=0 TERM=xterm", "-j 1 docs other", dir_.path());
  EXPECT_EQ(r.out.find(erase + "loclint: 1/3 files"), 0u) << r.out;
  EXPECT_NE(r.out.find("files" + erase + bad_at("docs/a.md").substr(0, 20)), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("loclint: 4/"), std::string::npos);
  // Never in CI, never with --quiet, never before the delay (2 s by default), never piped.
  for (const auto& [env, args] : std::vector<std::pair<std::string, std::string>>{
           {"CI=true LOCLINT_PROGRESS_DELAY=0 TERM=xterm", "docs other"},
           {"unset CI; LOCLINT_PROGRESS_DELAY=0 TERM=xterm", "--quiet docs other"},
           {"unset CI; LOCLINT_PROGRESS_DELAY=0 TERM=dumb", "docs other"},
           {"unset CI; TERM=xterm", "docs other"}}) {
    r = on_terminal(env, args, dir_.path());
    EXPECT_EQ(r.out.find("loclint: "), std::string::npos) << env << " " << args << ": " << r.out;
    EXPECT_EQ(r.out.find("\x1b[K"), std::string::npos) << env << " " << args << ": " << r.out;
  }
  r = loclint("docs other 2>&1 | cat");
  EXPECT_EQ(r.out.find("\x1b[K"), std::string::npos) << r.out;
}

}  // namespace

// --changed-since REF in a scratch git repository: added, modified, renamed and untracked
// Markdown files are linted; deleted and unchanged ones are not; links still see the whole tree.
#include <gtest/gtest.h>
#include <unistd.h>

#include "loclint/changed_files.h"
#include "process_util.h"

namespace fs = std::filesystem;
using namespace loclint;
using namespace loclint::testing;

namespace {

const std::string kBinary = LOCLINT_BINARY;
const std::string kBad = "---\ntitle: Titre: sous-titre\n---\n";

class ChangedSince : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!have_command("git")) GTEST_SKIP() << "git is not installed";
    git("init -q -b main .");
    write_file(dir_ / "docs/unchanged.md", kBad);
    write_file(dir_ / "docs/modified.md", "# ok\n");
    write_file(dir_ / "docs/deleted.md", kBad);
    write_file(dir_ / "docs/old-name.md", kBad);
    write_file(dir_ / "other/elsewhere.md", "# ok\n");
    git("add -A && git commit -qm base");
    git("checkout -q -b topic");
    write_file(dir_ / "docs/modified.md", kBad);
    write_file(dir_ / "docs/added.md", kBad);
    write_file(dir_ / "docs/notes.txt", "not a document\n");
    write_file(dir_ / "other/elsewhere.md", kBad);
    fs::remove(dir_ / "docs/deleted.md");
    git("mv docs/old-name.md docs/new-name.md && git add -A && git commit -qm topic");
    write_file(dir_ / "docs/untracked.md", kBad);           // not committed yet
    write_file(dir_ / "docs/ignored.md", kBad);             // ignored by git
    write_file(dir_ / ".gitignore", "docs/ignored.md\n");
  }

  // A fresh machine has no git identity; every git of the command line gets one from the
  // environment (a `-c` would reach only the first git of "add && git commit").
  void git(const std::string& args) {
    Result r = run("export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.com GIT_COMMITTER_NAME=t"
                   " GIT_COMMITTER_EMAIL=t@example.com GIT_CONFIG_NOSYSTEM=1; git -c commit.gpgsign=false " + args,
                   dir_.path());
    ASSERT_EQ(r.exit, 0) << args << "\n" << r.err;
  }

  Result loclint(const std::string& args, const fs::path& cwd) { return run(sh_quote(kBinary) + " " + args, cwd); }

  ScratchDir dir_;
};

std::vector<std::string> paths(const std::vector<ChangedFile>& files) {
  std::vector<std::string> out;
  for (const auto& f : files) out.push_back(f.path);
  return out;
}

TEST_F(ChangedSince, ListsAddedModifiedRenamedAndUntrackedDocuments) {
  Result r = loclint("--changed-since main docs", dir_.path());
  EXPECT_EQ(r.exit, 1) << r.err;
  EXPECT_EQ(r.out,
            "docs/added.md:2:13: error: front matter is not valid YAML: mapping values are not allowed in this context [metadata/syntax]\n"
            "docs/modified.md:2:13: error: front matter is not valid YAML: mapping values are not allowed in this context [metadata/syntax]\n"
            "docs/new-name.md:2:13: error: front matter is not valid YAML: mapping values are not allowed in this context [metadata/syntax]\n"
            "docs/untracked.md:2:13: error: front matter is not valid YAML: mapping values are not allowed in this context [metadata/syntax]\n");
  EXPECT_NE(r.err.find("in 4 files"), std::string::npos) << r.err;
  // Without a path: the whole work tree from the working folder.
  r = loclint("--changed-since main", dir_.path());
  EXPECT_NE(r.out.find("other/elsewhere.md"), std::string::npos) << r.out;
  // From a subfolder, paths are shown relative to it.
  r = loclint("--changed-since main .", dir_ / "docs");
  EXPECT_NE(r.out.find("\nmodified.md:2:13"), std::string::npos) << r.out;
}

TEST_F(ChangedSince, NothingChangedIsACleanRun) {
  Result r = loclint("--changed-since HEAD docs/unchanged.md", dir_.path());
  EXPECT_EQ(r.exit, 0) << r.out << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("in 0 files"), std::string::npos) << r.err;
}

TEST_F(ChangedSince, FunctionRestrictsToRootsAndIncludeGlobsSeeRelativePaths) {
  fs::path cwd = fs::current_path();
  fs::current_path(dir_.path());
  auto files = changed_files("main", {"docs/added.md", "other"});
  fs::current_path(cwd);
  EXPECT_EQ(paths(files), std::vector<std::string>({"docs/added.md", "other/elsewhere.md"}));
  EXPECT_EQ(files[1].relative, "elsewhere.md");
  Result r = loclint("--changed-since main --include 'new-*' docs", dir_.path());
  EXPECT_EQ(r.out, "docs/new-name.md:2:13: error: front matter is not valid YAML: mapping values are not allowed in this context [metadata/syntax]\n");
}

TEST_F(ChangedSince, UnknownRefOrNoRepositoryIsExitTwo) {
  Result r = loclint("--changed-since no-such-branch docs", dir_.path());
  EXPECT_EQ(r.exit, 2);
  EXPECT_NE(r.err.find("unknown git ref 'no-such-branch'"), std::string::npos) << r.err;
  ScratchDir outside;
  write_file(outside / "a.md", kBad);
  r = loclint("--changed-since main .", outside.path());
  EXPECT_EQ(r.exit, 2);
  EXPECT_NE(r.err.find("git cannot use the repository of"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("fatal: not a git repository"), std::string::npos) << "git's own message: " << r.err;
  // No git at all.
  r = run("PATH=/nonexistent " + sh_quote(kBinary) + " --changed-since main docs", dir_.path());
  EXPECT_EQ(r.exit, 2);
  EXPECT_EQ(r.err, "loclint: --changed-since: git is not installed (no 'git' on PATH)\n");
}

// A repository owned by another user: git refuses it ("detected dubious ownership", git
// 2.35.2 and later), and loclint must say what git said rather than "not a repository".
TEST_F(ChangedSince, ShowsGitsOwnMessageForARepositoryOfAnotherUser) {
  if (::geteuid() != 0) GTEST_SKIP() << "needs root to give the repository to another user (chown)";
  // No global or system configuration: a safe.directory there would let git in.
  const std::string env = "export HOME=" + sh_quote(dir_.path().string()) + " GIT_CONFIG_NOSYSTEM=1; ";
  ASSERT_EQ(run("chown -R 65534:65534 .", dir_.path()).exit, 0);
  Result r = run(env + sh_quote(kBinary) + " --changed-since main docs", dir_.path());
  EXPECT_EQ(r.exit, 2) << r.out << r.err;
  EXPECT_NE(r.err.find("loclint: --changed-since: git cannot use the repository of " + fs::canonical(dir_.path()).string() + "/docs:\n"),
            std::string::npos) << r.err;
  EXPECT_NE(r.err.find("fatal: detected dubious ownership in repository at '" + fs::canonical(dir_.path()).string() + "'"),
            std::string::npos) << r.err;
  EXPECT_NE(r.err.find("git config --global --add safe.directory"), std::string::npos) << "git's advice is kept: " << r.err;
  // Following git's advice lets loclint in.
  r = run(env + "git config --global --add safe.directory " + sh_quote(fs::canonical(dir_.path()).string()) + " && " +
              sh_quote(kBinary) + " --changed-since main docs",
          dir_.path());
  EXPECT_EQ(r.exit, 1) << r.err;
  EXPECT_NE(r.out.find("docs/added.md:2:13"), std::string::npos) << r.out << r.err;
}

}  // namespace

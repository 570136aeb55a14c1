// loclint/git.h: run_git, the real git as a child process, its standard output and error each
// read through a pipe.
#include "loclint/git.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "process_util.h"

namespace fs = std::filesystem;
using loclint::run_git;
using namespace loclint::testing;

namespace {

TEST(RunGit, GivesStandardOutputAndExitCode) {
  ScratchDir dir;
  git(dir.path(), "init -q");
  std::string out, error;
  EXPECT_EQ(run_git(dir.path(), {"rev-parse", "--is-inside-work-tree"}, out, &error), 0);
  EXPECT_EQ(out, "true\n");
  EXPECT_EQ(error, "");
}

// git's own words, without the trailing newline, for a message that says why git failed.
TEST(RunGit, GivesStandardErrorWithoutItsTrailingNewline) {
  ScratchDir dir;
  git(dir.path(), "init -q");
  std::string out, error;
  EXPECT_EQ(run_git(dir.path(), {"rev-parse", "--verify", "--end-of-options", "no-such-ref"}, out, &error), 128);
  EXPECT_EQ(out, "");
  EXPECT_EQ(error, "fatal: Needed a single revision");
  // Without `error`, standard error is discarded.
  EXPECT_EQ(run_git(dir.path(), {"rev-parse", "--verify", "--end-of-options", "no-such-ref"}, out), 128);
  EXPECT_EQ(out, "");
}

// No git on PATH: -1 with no words of git's, which callers tell from a git that failed.
TEST(RunGit, NoGitOnPathIsMinusOneWithoutError) {
  ScratchDir dir;
  const char* old = std::getenv("PATH");
  const std::string saved = old ? old : "";
  ::setenv("PATH", dir.path().c_str(), 1);  // an empty folder: no git there
  std::string out, error;
  const int code = run_git(dir.path(), {"status"}, out, &error);
  ::setenv("PATH", saved.c_str(), 1);
  EXPECT_EQ(code, -1);
  EXPECT_EQ(error, "");
}

// 1 MiB on standard error before 1 MiB on standard output: a reader that read one pipe to its
// end first would wait forever on a child blocked writing the other.
TEST(RunGit, ReadsBothPipesAsTheyFill) {
  ScratchDir dir;
  std::string out, error;
  const int code = run_git(dir.path(),
                           {"-c", "alias.both=!head -c 1048576 /dev/zero | tr '\\0' e >&2; head -c 1048576 /dev/zero | tr '\\0' o",
                            "both"},
                           out, &error);
  EXPECT_EQ(code, 0);
  EXPECT_EQ(out.size(), 1048576u);
  EXPECT_EQ(out.find_first_not_of('o'), std::string::npos);
  EXPECT_EQ(error.size(), 1048576u);
  EXPECT_EQ(error.find_first_not_of('e'), std::string::npos);
}

TEST(RunGit, AFolderThatIsNoRepositoryIsGitsError) {
  ScratchDir dir;
  std::string out, error;
  const int code = run_git(dir.path() / "none", {"status"}, out, &error);
  EXPECT_EQ(code, 128);
  EXPECT_NE(error.find("none"), std::string::npos) << error;
}

}  // namespace

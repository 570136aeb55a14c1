// Test helper: run a shell command, capture stdout and stderr, get the exit code; scratch
// folders that clean up after themselves.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace loclint::testing {

struct Result {
  int exit = -1;
  std::string out, err;
};

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

inline void write_file(const std::filesystem::path& p, const std::string& text) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

// Single-quotes a string for sh.
inline std::string sh_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

// The sample documents of the output and hookup tests carry only a title. Their scratch trees
// narrow the required metadata to it, as a repository would in its own .loclint.yaml, so the
// tests see only the findings they are about.
inline constexpr const char* kTitleOnlyConfig = "options:\n  metadata/missing-key: {required: [title]}\n";

class ScratchDir {
 public:
  ScratchDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() / ("loclint-test-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& rel) const { return path_ / rel; }

 private:
  std::filesystem::path path_;
};

// Runs `command` with sh in `cwd` (if not empty); stdin is /dev/null.
inline Result run(const std::string& command, const std::filesystem::path& cwd = {}) {
  ScratchDir tmp;
  std::string full = (cwd.empty() ? "" : "cd " + sh_quote(cwd.string()) + " && ") + "( " + command + " ) </dev/null >" +
                     sh_quote((tmp / "out").string()) + " 2>" + sh_quote((tmp / "err").string());
  int status = std::system(full.c_str());
  Result r;
  r.exit = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(tmp / "out");
  r.err = slurp(tmp / "err");
  return r;
}

inline bool have_command(const std::string& name) { return run("command -v " + name).exit == 0; }

// Runs `git ARGS` in `dir` with an identity and settings of its own (a fresh machine has none of
// them) and expects it to succeed; returns its standard output without the final newlines.
inline std::string git(const std::filesystem::path& dir, const std::string& args) {
  Result r = run("git -c user.name=t -c user.email=t@example.com -c init.defaultBranch=main -c commit.gpgsign=false " + args, dir);
  EXPECT_EQ(r.exit, 0) << args << "\n" << r.err;
  std::string out = r.out;
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

}  // namespace loclint::testing

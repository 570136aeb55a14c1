// Running the real git as a child process: for --changed-since and for the history of a source
// tree (source_history.h).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace loclint {

// Runs `git -c core.quotepath=off -C DIR ARGS...` without a shell (arguments are passed as they
// are, so no quoting can go wrong) and returns its exit code, or -1 when it could not be started
// (git missing). `out` receives its standard output; standard error is discarded, since callers
// say what went wrong in the user's terms.
int run_git(const std::filesystem::path& dir, const std::vector<std::string>& args, std::string& out);

}  // namespace loclint

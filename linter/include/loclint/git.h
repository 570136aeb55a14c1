// Running the real git as a child process: for --changed-since and for the history of a source
// tree (source_history.h).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace loclint {

// Runs `git -c core.quotepath=off -C DIR ARGS...` without a shell (arguments are passed as they
// are, so no quoting can go wrong) and returns its exit code, or -1 when it could not be started
// (git missing: `error` is then empty, callers say so in their words), did not exit normally, or
// its output could not be read whole. `out` receives its standard output. Standard error is discarded, or, when `error` is
// given, stored there without its trailing newline: git's own words ("fatal: detected dubious
// ownership ...") for a message that says why a repository cannot be used.
int run_git(const std::filesystem::path& dir, const std::vector<std::string>& args, std::string& out,
            std::string* error = nullptr);

}  // namespace loclint

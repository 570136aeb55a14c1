// `--changed-since REF`: the documents a branch changed, for fast gates on big docs repos.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace loclint {

struct ChangedFilesError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct ChangedFile {
  std::string path;      // as loclint shows it: relative to the working folder when the root is
  std::string relative;  // relative to the root it was found under (for --include globs)
};

// Markdown and YAML files that differ between the merge base of REF and HEAD and the working
// tree (added, copied, modified or renamed; deleted files are skipped), plus untracked files
// that git does not ignore, restricted to those under `roots` (files or folders). Paths are
// sorted. Runs git in the repository that holds the first root. Throws ChangedFilesError when
// git is missing, cannot use the repository (not one, "dubious ownership", a broken index: the
// message then ends with git's own words, on the lines after loclint's), or REF is unknown.
std::vector<ChangedFile> changed_files(const std::string& ref, const std::vector<std::string>& roots);

}  // namespace loclint

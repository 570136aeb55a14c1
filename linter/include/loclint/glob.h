// The globs of --include, --exclude and `.loclint.yaml`.
#pragma once

#include <string_view>

namespace loclint {

// Matches a path (forward slashes) against a glob: `*` within a segment, `**` across segments,
// `?` one character. A glob without '/' matches the file name alone. Time O(glob x path), no
// recursion: globs come from configuration files anyone can commit.
bool glob_match(std::string_view glob, std::string_view path);

}  // namespace loclint

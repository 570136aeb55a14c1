// The one reader of the core: linted files and link targets read for their anchors alike.
#pragma once

#include <cstddef>
#include <string>

namespace loclint {

// Files larger than this (256 MiB) are not read: far beyond any real article.
inline constexpr size_t kMaxFileSize = 256u << 20;

// Reads a whole file without ever blocking on a FIFO (opened non-blocking) and refusing anything
// over kMaxFileSize (`too_large`). On failure returns false and sets `error` (strerror text).
bool read_file(const std::string& path, std::string& out, std::string& error, bool& too_large);

}  // namespace loclint

// The one reader of the core: linted files and link targets read for their anchors alike.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

namespace loclint {

// Files larger than this (256 MiB) are not read: far beyond any real article.
inline constexpr size_t kMaxFileSize = 256u << 20;

// Reads a whole file without ever blocking on a FIFO (opened non-blocking) and refusing anything
// over kMaxFileSize (`too_large`). On failure returns false and sets `error` (strerror text).
// With a `limit` (bytes), only the file's first `limit` bytes are read (at most kMaxFileSize),
// and a longer file is not `too_large`: the front-matter census reads every article this way.
// With `regular_only`, anything but a regular file (a FIFO, a socket, a device) is refused
// before a byte is read ("not a regular file"): files read on behalf of another never block.
bool read_file(const std::string& path, std::string& out, std::string& error, bool& too_large,
               std::optional<size_t> limit = std::nullopt, bool regular_only = false);

// Whether a file read on behalf of another (a link target, the publishing configuration) may be
// read: a regular file of at most kMaxFileSize bytes. Opening a FIFO blocks forever and a huge
// file would be read whole.
bool readable_document(const std::filesystem::path& p);

}  // namespace loclint

// The one reader of the core: linted files, link targets read for their anchors, and the files
// that configure a run (.loclint.yaml, a baseline) or that the user names (--dump, --files-from).
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

namespace loclint {

// Files larger than this (256 MiB) are not read: far beyond any real article.
inline constexpr size_t kMaxFileSize = 256u << 20;

// Reads a whole file, refusing anything over kMaxFileSize (`too_large`). A FIFO is opened without
// blocking, so one with no writer reads as empty; one whose writer holds it open is read until
// the writer closes it. On failure returns false and sets `error` (the system's words, or those
// below).
// With a `limit` (bytes), only the file's first `limit` bytes are read (at most kMaxFileSize),
// and a longer file is not `too_large`: the front-matter census reads every article this way.
// A directory is refused ("is a directory"). With `regular_only`, anything else but a regular
// file is refused before a byte is read ("not a regular file (a FIFO)", "... (a socket)", "...
// (a character device)"): files read on behalf of another never block.
bool read_file(const std::string& path, std::string& out, std::string& error, bool& too_large,
               std::optional<size_t> limit = std::nullopt, bool regular_only = false);

// Limits of the files that configure a run (read_whole_file), far beyond any real one and low
// enough that a wrong path (a disk image, a log) is refused before it is parsed.
// .loclint.yaml: 1 MiB; a real one is under 2 KiB.
inline constexpr size_t kMaxConfigFileSize = 1u << 20;
// A baseline: 128 MiB, about 370,000 findings at the 360 bytes each takes in the file (918
// findings of the Korean corpus tree: 328,323 bytes).
inline constexpr size_t kMaxBaselineFileSize = 128u << 20;

// Reads a file that configures a run or that the user names (.loclint.yaml, a baseline, --dump's
// document, --files-from's list) whole, or not at all: at most `max_bytes` (capped at
// kMaxFileSize), a longer file is refused rather than cut. With `regular_only`, anything but a
// regular file is refused before a byte is read; without it a FIFO waits for its writer, as
// `cat` does, and is read until the writer closes it (`--files-from <(git diff --name-only)`).
// Returns the bytes, or nullopt with `error` set to the words that follow "cannot read PATH: "
// in a message: the system's ("No such file or directory", "Permission denied"), "is a
// directory", "not a regular file (a FIFO)", or "larger than 1 MiB (1048576 bytes)".
std::optional<std::string> read_whole_file(const std::string& path, size_t max_bytes, bool regular_only,
                                           std::string& error);

// Whether a file read on behalf of another (a link target, the publishing configuration) may be
// read: a regular file of at most kMaxFileSize bytes. A FIFO's writer may never write, and a huge
// file would be read whole.
bool readable_document(const std::filesystem::path& p);

}  // namespace loclint

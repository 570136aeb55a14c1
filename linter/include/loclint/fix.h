// Fixes: choosing the fixes that can be applied together, editing the text, showing the change
// as a unified diff and writing it back safely. `loclint --fix` (fix_run.h) and the language
// server's code actions both go through apply_fixes, so an editor and the command line make the
// same edits.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "loclint/diagnostic.h"

namespace loclint {

// Whether a fix can be applied to a text of `text_size` bytes: at least one edit, every edit
// inside [content_start, text_size] (a fix never touches a UTF-8 byte order mark), edits sorted
// and not overlapping (two insertions at the same offset overlap: their order is undefined).
bool valid_fix(const Fix& fix, size_t text_size, uint32_t content_start = 0);

// Whether two fixes touch the same bytes (or insert at the same offset), so that applying one
// changes what the other was computed on.
bool fixes_overlap(const Fix& a, const Fix& b);

struct AppliedFixes {
  std::string text;     // the text with the chosen fixes applied
  size_t applied = 0;   // fixes applied
  size_t deferred = 0;  // fixes left out because they overlap an applied one (the next pass)
  size_t refused = 0;   // invalid fixes, or non-ASCII replacements in a text that is not UTF-8
};

// Applies the fixes that do not overlap one another, in order of their first edit (a fix that
// overlaps an earlier chosen one is deferred). `utf8`: the text is valid UTF-8; when false
// (a legacy code page), only fixes whose replacements are ASCII are applied, so the file's
// encoding is never mixed. Bytes outside the edits are kept as they are (BOM, CRLF, encoding).
AppliedFixes apply_fixes(std::string_view text, const std::vector<const Fix*>& fixes, bool utf8 = true);

// A unified diff of two versions of a file, as `diff -u --label OLD --label NEW` prints it:
// hunks with 3 lines of context, line endings kept as they are (a CRLF line shows its '\r'),
// "\ No newline at end of file" after a last line without one. Empty when the texts are equal.
std::string unified_diff(std::string_view old_text, std::string_view new_text, std::string_view old_label,
                         std::string_view new_label);

// Replaces the file at `path` with `bytes` atomically: a temporary file in the same folder,
// written, flushed to disk (fsync) and renamed over the original, with the original's
// permission bits. A symbolic link is followed (its target is replaced, the link stays).
// Returns false and sets `error` on failure; the original is then untouched.
bool write_file_atomically(const std::string& path, std::string_view bytes, std::string& error);

}  // namespace loclint

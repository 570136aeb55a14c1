// Rules of the tool itself: problems with the input (an unreadable path, bytes that are not a
// text document), not with the translation. The engine reports them; no check does.
#pragma once

#include <vector>

#include "loclint/diagnostic.h"

namespace loclint {

extern const Rule kUnreadableFile;  // loclint/unreadable-file
extern const Rule kBinaryFile;      // loclint/binary-file
extern const Rule kInvalidUtf8;     // loclint/invalid-utf8
extern const Rule kNulByte;         // loclint/nul-byte
extern const Rule kFileTooLarge;    // loclint/file-too-large
extern const Rule kNoDocuments;     // loclint/no-documents
extern const Rule kStalePublishConfig;  // loclint/stale-publish-config

// The rules above and loclint/unused-suppression (suppression.h).
const std::vector<const Rule*>& core_rules();

}  // namespace loclint

// The document model as JSON (`loclint --dump FILE`): what loclint sees in a file.
#pragma once
#include <string>

#include "loclint/document.h"
#include "loclint/pairing.h"

namespace loclint {
// `pair`, when the document is paired with a source document, adds `pair`: the source, and for a
// Paired document its alignment (sections and blocks, each step with its move, cost, anchors
// and whether it is confident enough to compare).
std::string dump_json(const Document& doc, const Pair* pair = nullptr);
}

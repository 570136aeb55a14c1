#pragma once
#include "loclint/document.h"

namespace loclint {
// Parses the front matter at `start` (after a BOM). `body_out` receives the Markdown after it.
FrontMatter parse_front_matter(std::string_view text, const LineIndex& lines, uint32_t start, bool yaml_mime,
                               Span* body_out);
}  // namespace loclint

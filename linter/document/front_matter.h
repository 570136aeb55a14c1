#pragma once
#include "loclint/document.h"

namespace loclint {
// Parses the front matter at `start` (after a BOM). `body_out` receives the Markdown after it.
FrontMatter parse_front_matter(std::string_view text, const LineIndex& lines, uint32_t start, bool yaml_mime,
                               Span* body_out);
// Sets fm.lost_quote and fm.inner_quote: where a quote went wrong, when YAML hid it or blamed
// another line (front_matter_recovery.cpp).
void recover_quotes(std::string_view text, const LineIndex& lines, bool yaml_mime, FrontMatter& fm);
}  // namespace loclint

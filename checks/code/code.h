// checks/code: what translation must not change. Each pair of a translated text and its source
// (pair.h) is compared directly: code spans, commands, identifiers, URLs, placeholders, HTML
// tags, Markdown syntax, numbers and no-loc terms. The grammar of what is compared (visible
// text, tokens, numbers) is in grammar/; the comparison's order and shared state in
// comparison.h; each rule's file holds its constant and its part of the comparison.
#pragma once

#include "loclint/check.h"

namespace loclint::checks::code {

// ---- the rules, each in <rule-name>.cpp ---------------------------------------------------
extern const Rule kInlineCode;   // inline_code_mismatch.cpp
extern const Rule kCommand;      // command_mismatch.cpp
extern const Rule kIdentifier;   // identifier_mismatch.cpp
extern const Rule kUrl;          // url_mismatch.cpp
extern const Rule kPlaceholder;  // placeholder_mismatch.cpp
extern const Rule kHtmlTag;      // html_tag_mismatch.cpp
extern const Rule kMarkup;       // markup_broken.cpp
extern const Rule kFullwidth;    // fullwidth_chars.cpp
extern const Rule kNumber;       // number_mismatch.cpp
extern const Rule kNoLoc;        // no_loc_term.cpp
// new-rule: declarations above this line (ci/new-rule)

// The comparison of every segment pair of a side-by-side document (segment_pairs.cpp).
void check_segment_pairs(const Document& doc, const Env& env, Reporter& out);
// The comparison of every aligned pair of prose blocks of a monolingual translation and its
// source file (aligned_pairs.cpp).
void check_aligned_pairs(const Document& doc, const Env& env, Reporter& out);

}  // namespace loclint::checks::code

// checks/code: what translation must not change. Each pair of a translated text and its source
// (pair.h) is compared directly: code spans, commands, identifiers, URLs, placeholders, HTML
// tags, Markdown syntax, numbers and no-loc terms. The grammar of what is compared (visible
// text, tokens, numbers) is in grammar/; the comparison's shared state and its steps' contract
// in comparison.h; the order of the steps in checks.cpp; each rule's file holds its constant and
// its step or steps (most named `compare_<file stem>`; see each declaration below).
#pragma once

#include "loclint/check.h"

namespace loclint::checks::code {

class PairComparison;

// ---- the rules, each in <rule-name>.cpp, with its step of the comparison ------------------
extern const Rule kMarkup;  // markup_broken.cpp
void compare_markup_broken(PairComparison& p);
extern const Rule kInlineCode;  // inline_code_mismatch.cpp
void compare_inline_code_mismatch(PairComparison& p);
extern const Rule kHtmlTag;  // html_tag_mismatch.cpp
void compare_html_tag_mismatch(PairComparison& p);
extern const Rule kUrl;  // url_mismatch.cpp
void compare_url_mismatch(PairComparison& p);
extern const Rule kNoLoc;  // no_loc_term.cpp
void compare_no_loc_term(PairComparison& p);
extern const Rule kPlaceholder;  // placeholder_mismatch.cpp: TeX formulas first, placeholders after names
void compare_placeholder_formulas(PairComparison& p);
void compare_placeholder_mismatch(PairComparison& p);
extern const Rule kCommand;  // command_mismatch.cpp: commands and names, one token of the source at a time
void compare_command_mismatch(PairComparison& p);
extern const Rule kIdentifier;  // identifier_mismatch.cpp: what the command step says of a name
extern const Rule kNumber;      // number_mismatch.cpp
void compare_number_mismatch(PairComparison& p);
extern const Rule kFullwidth;  // fullwidth_chars.cpp: reported by the steps of code spans, URLs, commands and placeholders
// new-rule: declarations above this line (ci/new-rule)

// The comparison of every segment pair of a side-by-side document (segment_pairs.cpp).
void check_segment_pairs(const Document& doc, const Env& env, Reporter& out);
// The comparison of every aligned pair of prose blocks of a monolingual translation and its
// source file (aligned_pairs.cpp).
void check_aligned_pairs(const Document& doc, const Env& env, Reporter& out);

}  // namespace loclint::checks::code

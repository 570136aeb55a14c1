// checks/pair: what pairing a monolingual translation with its source document makes possible
// (linter pairing.h, alignment.h, source_history.h): a translation with no source, a stale
// translation, sections and code blocks with no counterpart, code changed beyond its comments,
// front matter that did not carry over. Each rule is in its own file, named after it; what they
// share is below.
#pragma once

#include <string>
#include <string_view>

#include "loclint/alignment.h"
#include "loclint/check.h"

namespace loclint::checks::pair {

// ---- the rules: constant and check, each in <rule-name>.cpp -------------------------------
extern const Rule kMissingSource;
void check_missing_source(const Document& doc, const Env& env, Reporter& out);
extern const Rule kStaleTranslation;
void check_stale_translation(const Document& doc, const Env& env, Reporter& out);
extern const Rule kMissingSection;
extern const Rule kExtraSection;
void check_sections(const Document& doc, const Env& env, Reporter& out);
extern const Rule kMissingCodeBlock;
extern const Rule kExtraCodeBlock;
void check_code_blocks(const Document& doc, const Env& env, Reporter& out);
extern const Rule kCodeBlockMismatch;
void check_code_block_mismatch(const Document& doc, const Env& env, Reporter& out);
extern const Rule kFrontMatterMismatch;
void check_front_matter_mismatch(const Document& doc, const Env& env, Reporter& out);
// new-rule: declarations above this line (ci/new-rule)

// ---- what the rules share (block_places.cpp) ------------------------------------------------

// How the family quotes document text in messages (excerpt, loclint/text.h): verbatim, control
// characters escaped, since the white space of a code line or a value may be the difference.
inline constexpr ExcerptStyle kQuoted = ExcerptStyle::Verbatim;

// How much of a paired document may be compared: Pair::strictness() (pairing.h).
inline Strictness strictness(const Pair& pair) { return pair.strictness(); }

// The paired source of `doc`, or nullptr when it has none (unpaired, missing source).
inline const Pair* paired(const Env& env) {
  return env.pair && env.pair->state == PairState::Paired ? env.pair : nullptr;
}

// How a block of a document is named in a message, quoted: `'## Set up'` for a heading (its
// visible text), else the block's first line, trimmed and cut at 60 code points (for a code
// block, its first line of code: `'ls -la /tmp'`, without the fence or its language).
std::string block_label(const Document& doc, uint32_t block);

// Where something missing from the translation would be: the byte offset of the start of the
// line of the first translation block at alignment step `from` or after, else the end of `doc`.
uint32_t insertion_point(const Document& doc, const Alignment& a, size_t from);

}  // namespace loclint::checks::pair

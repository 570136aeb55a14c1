// The comparison of one pair (pair.h): what the code rules share, and the order they run in.
//
// One defect, one diagnostic: a pair is compared in a fixed order (broken Markdown first, then
// code spans, tags, URLs, no-loc terms, TeX formulas, commands and names, placeholders, numbers) and a source
// range that has been reported is not reported again by a later comparison.
#pragma once

#include <fmt/format.h>
#include <unicode/rbnf.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "code.h"
#include "grammar/numbers.h"
#include "grammar/search.h"
#include "grammar/tokens.h"
#include "grammar/visible_text.h"
#include "pair.h"

namespace loclint::checks::code {

// Document text as the family's messages quote it: loclint's excerpt(), at most 100 code points.
inline std::string q(std::string_view text) { return excerpt(text, 100); }

// Everything about the target document that every pair's comparison shares.
struct TargetContext {
  TargetContext(const Document& doc, const Env& env, Reporter& out);

  const Document& doc;  // the target document: every diagnostic is reported on it
  const Env& env;
  Reporter& out;
  std::string locale;  // the target's locale (common/document_locale.h), may be empty
  NumberFormat locale_format;
  NumberFormat source_format;  // English
  std::vector<std::string> no_loc;  // terms of the target's `no-loc:` front matter
  bool localized_locale_ok = true;  // code/url-mismatch.allow-localized-locale
  std::vector<std::string> ignore;  // code/identifier-mismatch.ignore and code/command-mismatch.ignore
  const icu::RuleBasedNumberFormat* spellout = nullptr;
  bool spellout_tried = false;
  MappedText source_buffer, target_buffer;  // lent to each pair's comparison in turn

  // Where visible_text stopped last in `d` (pairs are compared in file order).
  size_t& hint(const Document* d);
  // Words the locale spells `value` with ("douze", "premier", "première") (number_mismatch.cpp).
  std::vector<std::string> spelled(const std::string& value);

 private:
  std::pair<const Document*, size_t> hints_[2] = {};
};

// "U+2013 EN DASH": a code point and its Unicode name (ICU), as messages name characters.
std::string character_name(char32_t cp);

// What makes `translated` differ from `source` although they fold to the same text: "look-alike
// characters (U+2011 NON-BREAKING HYPHEN)", naming each character of the translation that the
// source does not have by its Unicode name (ICU), at most three.
std::string lookalikes(std::string_view translated, std::string_view source);

// Something compared item by item (a code span, a tag, a URL, a placeholder).
struct Item {
  std::string key;  // what is compared
  std::string raw;  // what is quoted
  Span span;        // in its half's document
  bool used = false;
};
// Pairs equal items of the source `s` and the target `t`; the unmatched ones stay unused.
void match_equal(std::vector<Item>& s, std::vector<Item>& t);

class PairComparison {
 public:
  PairComparison(TargetContext& ctx, const BlockPair& pair);
  ~PairComparison();
  PairComparison(const PairComparison&) = delete;
  PairComparison& operator=(const PairComparison&) = delete;

  void run();

 private:
  // A half with its visible text.
  struct Side {
    Half half;
    MappedText vis;
  };
  enum class Match { Exact, Compat, Case, Broken, None };
  struct Found {
    Match how = Match::None;
    size_t begin = 0, end = 0;  // in the target's visible text
  };

  // ---- shared (comparison.cpp) ----
  void report(const Rule& rule, Span at, std::string message, std::string_view source_text, Span source_span = {},
              std::optional<Fix> fix = std::nullopt);
  // The fix that writes the source's bytes at `source_span` (in the source half's document) over
  // the target's bytes at `target_span`, when the two differ only in spacing, letter case or
  // look-alike characters (equal once NFKC-normalized, case-folded and stripped of white space),
  // neither holds a line break and the target's text occurs once in its half: the translation
  // meant the source's text, written as it is. Nullopt otherwise (markup, an entity or an escape
  // on one side only, another word, the same altered text twice).
  // `what` names the item for the fix's title ("command", "code span", "URL", "placeholder").
  std::optional<Fix> restore(Span target_span, Span source_span, std::string_view what) const;
  Span whole_target() const { return tgt_.half.content; }
  std::string_view T() const { return tgt_.vis.text; }
  const Folded& folded(int level);
  // Where the target has `needle`: verbatim, after compatibility normalization, in another
  // letter case, or with its spacing changed.
  Found locate(std::string_view needle, bool strict);
  bool claimed(Span source_span) const;
  const std::vector<Token>& target_tokens();

  // ---- the rules' parts ----
  bool markup();                       // markup_broken.cpp
  void code_spans();                   // inline_code_mismatch.cpp
  void html_tags();                    // html_tag_mismatch.cpp
  void urls();                         // url_mismatch.cpp
  void no_loc();                       // no_loc_term.cpp
  void tokens();                       // command_mismatch.cpp
  void command_missing(const Token& tok, Span source_span);  // command_mismatch.cpp
  std::optional<std::pair<size_t, size_t>> counterpart(const Token& tok);  // identifier_mismatch.cpp
  std::optional<std::pair<size_t, size_t>> same_shape(std::string_view needle);  // identifier_mismatch.cpp
  void math();                         // placeholder_mismatch.cpp
  void placeholders();                 // placeholder_mismatch.cpp
  void numbers();                      // number_mismatch.cpp

  TargetContext& c_;
  const BlockPair& pair_;
  Side src_, tgt_;
  std::optional<Folded> folds_[3];
  std::vector<Span> claimed_;  // source ranges already reported (or compared by their own rule)
  std::vector<Token> src_tokens_;
  std::optional<std::vector<Token>> target_tokens_;
  std::set<size_t> used_targets_;
  std::vector<Item> src_tag_placeholders_, tgt_tag_placeholders_;  // `<tenant-id>` read as tags
  std::vector<std::pair<size_t, size_t>> tgt_math_;  // the target's formulas (visible text), when the source has some
  bool source_math_ = false;  // the source half has a TeX formula: a `{...}` there is a TeX group
};

}  // namespace loclint::checks::code

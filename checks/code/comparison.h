// The comparison of one pair (pair.h): what the code rules share, and how their parts run.
//
// A rule's part of the comparison is a step, a free function in the rule's own file (declared in
// code.h; most are `compare_<file stem>`). checks.cpp lists the steps in the order they run
// (pair_steps(), which says why that order) with their gates; PairComparison::run() calls each
// one whose gate lets it. The order means: one defect, one diagnostic. A source range a step has
// reported (or claimed as its own, like a code span or a formula) is skipped by every later step
// that asks claimed().
#pragma once

#include <fmt/format.h>
#include <unicode/rbnf.h>

#include <optional>
#include <set>
#include <unordered_set>
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
// The first item not used yet, or null: what an unmatched source item is compared with.
Item* first_unused(std::vector<Item>& items);

// How locate() found a text in the target.
enum class Match {
  Exact,   // verbatim
  Compat,  // after compatibility normalization (NFKC, confusables): look-alike characters
  Case,    // in another letter case
  Broken,  // with its spacing changed
  None,    // not at all
};
struct Found {
  Match how = Match::None;
  size_t begin = 0, end = 0;  // bytes of the target's visible text
};

// One half of the pair with its visible text (grammar/visible_text.h).
struct Side {
  Half half;
  MappedText vis;
};

// The comparison of one pair: the two sides, what the steps share (reporting, locating,
// claimed source ranges) and the state one step leaves for a later one. A step reads the
// pair, the sides and the context, reports through report() and may write only the state
// members below that name it as their writer.
class PairComparison {
 public:
  PairComparison(TargetContext& ctx, const BlockPair& block_pair);
  ~PairComparison();
  PairComparison(const PairComparison&) = delete;
  PairComparison& operator=(const PairComparison&) = delete;

  // Runs the steps of pair_steps() in order, each one its gate lets run.
  void run();

  // ---- what every step reads ----
  TargetContext& context;  // the target document's: where reports go, locale, options
  const BlockPair& pair;
  Side source, target;  // the pair's halves; their visible text is built once, here
  // The target's visible text (target.vis.text), which the steps search.
  std::string_view target_text() const { return target.vis.text; }
  Span whole_target() const { return target.half.content; }

  // ---- what every step may call (comparison.cpp) ----
  // Reports a finding of `rule` at `at` (in the target's document). `source_text` is the source's
  // text it is about; a non-empty `source_span` (in the source half's document) is claimed and
  // gives a monolingual pair's message its source location.
  void report(const Rule& rule, Span at, std::string message, std::string_view source_text, Span source_span = {},
              std::optional<Fix> fix = std::nullopt);
  // Reports a finding that is the source's (Origin::Inherited): a reviewer passes it upstream,
  // and `--inherited` decides whether and how it is shown.
  void report_source_slip(const Rule& rule, Span at, std::string message, std::string_view source_text, Span source_span);
  // The fix that writes the source's bytes at `source_span` (in the source half's document) over
  // the target's bytes at `target_span`, when the two differ only in spacing, letter case or
  // look-alike characters (equal once NFKC-normalized, case-folded and stripped of white space),
  // neither holds a line break and the target's text occurs once in its half: the translation
  // meant the source's text, written as it is. Nullopt otherwise (markup, an entity or an escape
  // on one side only, another word, the same altered text twice).
  // `what` names the item for the fix's title ("command", "code span", "URL", "placeholder").
  std::optional<Fix> restore(Span target_span, Span source_span, std::string_view what) const;
  // The target's visible text folded at `level` (0: NFKC; 1: and lowercased; 2: and without white
  // space), made on first use.
  const Folded& folded(int level);
  // Where the target has `needle`: verbatim, after compatibility normalization, in another
  // letter case, or with its spacing changed; at or after byte `from` of the target's visible text.
  Found locate(std::string_view needle, bool strict, size_t from = 0);
  // Whether `source_span` overlaps a source range already reported or claimed.
  bool claimed(Span source_span) const;
  // Marks a source range as compared by the calling step, so that no later step reports it.
  void claim(Span source_span) { claimed_.push_back(source_span); }
  // Whether this pair's source half repeats the next pair's source sentence (segmentation that
  // put "For example, X." in both `Enter the name. For example, X.` and the next segment): then
  // what the next translation has of it may be this pair's (pair.h).
  bool repeats_after() const;
  // Whether any source range is claimed yet (a step may skip asking claimed() byte by byte).
  bool any_claimed() const { return !claimed_.empty(); }
  // The tokens of the target's visible text (grammar/tokens.h), made on first use.
  const std::vector<Token>& target_tokens();
  // Whether target_tokens() has been made (a step that tokenizes only when it has to uses them
  // when they are there anyway).
  bool has_target_tokens() const { return target_tokens_.has_value(); }

  // ---- what one step leaves for a later one ----
  // The markup step (markup_broken.cpp) found the target's Markdown broken: steps gated on
  // PairStep::Gate::Sound do not run.
  bool broken = false;
  // Tag-shaped names that are no HTML element (`<tenant-id>`), of each side: written by the tag
  // step (html_tag_mismatch.cpp), compared as placeholders by the placeholder step.
  std::vector<Item> source_tag_placeholders, target_tag_placeholders;
  // The source half has a TeX formula, so a `{...}` there is a TeX group; and the target's
  // formulas, as byte ranges of its visible text. Written by the formula step
  // (placeholder_mismatch.cpp) when the source has one; read by the placeholder step.
  bool source_math = false;
  std::vector<std::pair<size_t, size_t>> target_math;
  // The tokens of the source's visible text: written by the command step (command_mismatch.cpp),
  // read by the placeholder and number steps (empty for an anchored_only pair).
  std::vector<Token> source_tokens;
  // Starts (bytes of the target's visible text) of target words already taken as the
  // counterpart of a source name: written by counterpart() and same_shape().
  std::set<size_t> used_targets;
  // Whether a command of the source other than `except` stands whole at byte `at` of the target's
  // visible text (`ipconfig /release` of "ipconfig /release, then ipconfig /renew"). The source's
  // commands are hashed once per pair: a segment with thousands of them stays linear.
  bool source_command_at(size_t at, std::string_view except);

 private:
  std::optional<std::unordered_set<std::string_view>> source_commands_;
  std::vector<size_t> source_command_lengths_;
  std::optional<Folded> folds_[3];
  std::vector<Span> claimed_;  // source ranges already reported (or compared by their own step)
  std::optional<std::vector<Token>> target_tokens_;
};

// One rule's part of the comparison: a step of pair_steps().
struct PairStep {
  // When the step runs.
  enum class Gate {
    Always,     // on every pair
    Sound,      // only when the markup step found the target's Markdown sound (!PairComparison::broken)
    WholePair,  // only on a whole pair, not an anchored_only one (BlockPair::anchored_only)
  };
  std::vector<const Rule*> rules;  // every rule the step may report
  Gate gate;
  void (*compare)(PairComparison& p);
};

// The code family's steps, in the order they run (checks.cpp). A step gated on Sound comes after
// the markup step; one that reads what another leaves comes after it.
const std::vector<PairStep>& pair_steps();

// A target word that looks like a name but is not in the source: the translated or
// transliterated version of the missing source name `tok` ("NomService", "БиллингПреТаксТотал"),
// as a byte range of the target's visible text (identifier_mismatch.cpp). Marks it used.
std::optional<std::pair<size_t, size_t>> counterpart(PairComparison& p, const Token& tok);
// The first unused target word whose letters and digits sit where `needle`'s do (MB-220 and
// Mo-220, yyyy-MM-dd and aaaa-MM-jj) and that the source does not have (identifier_mismatch.cpp).
// Marks it used.
std::optional<std::pair<size_t, size_t>> same_shape(PairComparison& p, std::string_view needle);

}  // namespace loclint::checks::code

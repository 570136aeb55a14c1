// The code family: its steps, in the order each pair's comparison runs them (comparison.h), and
// its one check, which compares every pair of the document: the segments of a side-by-side
// document or the aligned blocks of a monolingual one. The check's rules are the steps'.
#include "code.h"
#include "comparison.h"
#include "registry.h"

namespace loclint::checks {

namespace code {

// Markdown first: in a pair whose Markdown is broken, code spans, tags and URLs are misparsed,
// so their steps wait for a sound pair (Gate::Sound). An anchored_only pair is compared only on
// what its alignment anchors (Gate::WholePair for the rest, pair.h). Formulas come before
// commands and placeholders, which skip what a formula holds; the command step before the
// placeholder and number steps, which read the source's tokens it leaves.
const std::vector<PairStep>& pair_steps() {
  using Gate = PairStep::Gate;
  static const std::vector<PairStep> steps = {
      {{&kMarkup}, Gate::Always, compare_markup_broken},
      {{&kInlineCode, &kFullwidth}, Gate::Sound, compare_inline_code_mismatch},
      {{&kHtmlTag}, Gate::Sound, compare_html_tag_mismatch},
      {{&kUrl, &kFullwidth}, Gate::Sound, compare_url_mismatch},
      {{&kNoLoc}, Gate::WholePair, compare_no_loc_term},
      {{&kPlaceholder}, Gate::WholePair, compare_placeholder_formulas},
      {{&kCommand, &kIdentifier, &kUrl, &kFullwidth}, Gate::WholePair, compare_command_mismatch},
      {{&kPlaceholder, &kFullwidth}, Gate::WholePair, compare_placeholder_mismatch},
      {{&kNumber}, Gate::Always, compare_number_mismatch},
      // new-rule: pair steps above this line (ci/new-rule)
  };
  return steps;
}

}  // namespace code

std::vector<Check> code_checks() {
  using namespace code;
  return {
      {rules_of(pair_steps()),
       [](const Document& doc, const Env& env, Reporter& out) {
         check_segment_pairs(doc, env, out);
         check_aligned_pairs(doc, env, out);
       }},
      // new-rule: checks above this line (ci/new-rule)
  };
}

}  // namespace loclint::checks

// The code family's one check: every pair of the document compared (comparison.h), the segments
// of a side-by-side document or the aligned blocks of a monolingual one.
#include "code.h"
#include "registry.h"

namespace loclint::checks {

std::vector<Check> code_checks() {
  using namespace code;
  return {
      {{&kInlineCode, &kCommand, &kIdentifier, &kUrl, &kPlaceholder, &kHtmlTag, &kMarkup, &kFullwidth, &kNumber, &kNoLoc},
       [](const Document& doc, const Env& env, Reporter& out) {
         check_segment_pairs(doc, env, out);
         check_aligned_pairs(doc, env, out);
       }},
      // new-rule: checks above this line (ci/new-rule)
  };
}

}  // namespace loclint::checks

// The code family's one check: every pair of the document compared (comparison.h).
#include "code.h"
#include "registry.h"

namespace loclint::checks {

std::vector<Check> code_checks() {
  using namespace code;
  return {
      {{&kInlineCode, &kCommand, &kIdentifier, &kUrl, &kPlaceholder, &kHtmlTag, &kMarkup, &kFullwidth, &kNumber, &kNoLoc},
       check_segment_pairs},
      // new-rule: checks above this line (ci/new-rule)
  };
}

}  // namespace loclint::checks

// The pair family's checks, one per rule (two for rules that come in pairs), in the order they run.
#include "pair.h"
#include "registry.h"

namespace loclint::checks {

std::vector<Check> pair_checks() {
  using namespace pair;
  return {
      {{&kMissingSource}, check_missing_source},
      {{&kStaleTranslation}, check_stale_translation},
      {{&kMissingSection, &kExtraSection}, check_sections},
      {{&kMissingCodeBlock, &kExtraCodeBlock}, check_code_blocks},
      {{&kCodeBlockMismatch}, check_code_block_mismatch},
      {{&kFrontMatterMismatch}, check_front_matter_mismatch},
      // new-rule: checks above this line (ci/new-rule)
  };
}

}  // namespace loclint::checks

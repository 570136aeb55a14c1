// The pair family's checks, one per rule (two for rules that come in pairs), in the order they run.
#include "pair.h"
#include "registry.h"

namespace loclint::checks {

std::vector<Check> pair_checks() {
  using namespace pair;
  return {
      {"pair/missing-source", {&kMissingSource}, check_missing_source},
      {"pair/stale-translation", {&kStaleTranslation}, check_stale_translation},
      {"pair/sections", {&kMissingSection, &kExtraSection}, check_sections},
      {"pair/code-blocks", {&kMissingCodeBlock, &kExtraCodeBlock}, check_code_blocks},
      {"pair/code-block-mismatch", {&kCodeBlockMismatch}, check_code_block_mismatch},
      {"pair/front-matter-mismatch", {&kFrontMatterMismatch}, check_front_matter_mismatch},
  };
}

}  // namespace loclint::checks

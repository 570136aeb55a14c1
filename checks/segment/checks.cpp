// The segment family's one check: the Analysis (segment.h) reports every rule of the family.
#include "registry.h"
#include "segment.h"

namespace loclint::checks {

std::vector<Check> segment_checks() {
  using namespace segment;
  return {
      {{&kMalformedId, &kIdMismatch, &kMissingSource, &kMissingTarget, &kDuplicateId, &kMixedPrefix, &kOutOfOrder,
        &kUnclosedSpan, &kEmptyTarget, &kUntranslated},
       check_segments},
      // new-rule: checks above this line (ci/new-rule)
  };
}

}  // namespace loclint::checks

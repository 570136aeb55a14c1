// The metadata family's checks, one per rule, in the order they run.
#include "metadata.h"
#include "registry.h"

namespace loclint::checks {

std::vector<Check> metadata_checks() {
  using namespace metadata;
  return {
      {{&kSyntax}, check_syntax},
      {{&kMissingFrontMatter}, check_missing_front_matter},
      {{&kDuplicateKey}, check_duplicate_key},
      {{&kMissingKey}, check_missing_key},
      {{&kEmptyValue}, check_empty_value},
      {{&kInvalidDate}, check_invalid_date},
      {{&kInvalidHash}, check_invalid_hash},
      {{&kInvalidLocfileid}, check_invalid_locfileid},
      {{&kInvalidTranslationtype}, check_invalid_translationtype},
      {{&kLocaleMismatch}, check_locale_mismatch},
      {{&kDescriptionLength}, check_description_length},
      // new-rule: checks above this line (ci/new-rule)
  };
}

}  // namespace loclint::checks

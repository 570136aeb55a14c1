// The link family's one check: the LinkChecker (link.h) reports every rule of the family.
#include "link.h"
#include "registry.h"

namespace loclint::checks {

std::vector<Check> link_checks() {
  using namespace link;
  return {
      {{&kMissingFile, &kMissingAnchor, &kMissingInclude, &kMissingImage, &kCaseMismatch, &kBackslash, &kRedirected},
       check_links},
      // new-rule: checks above this line (ci/new-rule)
  };
}

}  // namespace loclint::checks

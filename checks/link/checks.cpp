// The link family's steps, in the order they decide about each resolved link (link.h: LinkStep),
// and its one check, the LinkChecker, which reports every rule the steps name.
#include "link.h"
#include "registry.h"

namespace loclint::checks {

namespace link {

// A step that returns true settles the link: a backslashed path that reaches nothing is said
// once; a missing target is reported by the step of its kind (the page and download steps ask
// for a redirect first; the page step checks the anchors of a page the source-language fallback
// serves). So a step placed after
// the missing-* ones sees only links whose target exists.
const std::vector<LinkStep>& link_steps() {
  static const std::vector<LinkStep> steps = {
      {{&kBackslash}, check_backslash},
      {{&kCaseMismatch}, check_case_mismatch},
      {{&kMissingImage}, check_missing_image},
      {{&kMissingFile, &kRedirected}, check_missing_download},
      {{&kMissingInclude}, check_missing_include},
      {{&kMissingFile, &kRedirected, &kMissingAnchor}, check_missing_page},
      {{&kMissingAnchor}, check_missing_anchor},
      // new-rule: link steps above this line (ci/new-rule)
  };
  return steps;
}

}  // namespace link

std::vector<Check> link_checks() {
  using namespace link;
  return {
      {rules_of(link_steps()), check_links},
      // new-rule: checks above this line (ci/new-rule)
  };
}

}  // namespace loclint::checks

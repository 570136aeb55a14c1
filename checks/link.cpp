// checks/link: see README "Rules". Rules are added by the link issue.
#include "registry.h"

namespace loclint::checks {

std::vector<Check> link_checks() { return {}; }

}  // namespace loclint::checks

// checks/code: see README "Rules". Rules are added by the code issue.
#include "registry.h"

namespace loclint::checks {

std::vector<Check> code_checks() { return {}; }

}  // namespace loclint::checks

// checks/segment: see README "Rules". Rules are added by the segment issue.
#include "registry.h"

namespace loclint::checks {

std::vector<Check> segment_checks() { return {}; }

}  // namespace loclint::checks

// The one explicit list of checks. Adding a family means adding one line here.
#pragma once

#include <vector>

#include "loclint/check.h"

namespace loclint::checks {

std::vector<Check> segment_checks();
std::vector<Check> metadata_checks();
std::vector<Check> code_checks();
std::vector<Check> link_checks();
std::vector<Check> pair_checks();

// Every check of every family, in a fixed order.
std::vector<Check> all_checks();
// Every rule: the tool's own and those of all checks, sorted by id.
std::vector<const Rule*> all_rules();
const Rule* find_rule(std::string_view id);

}  // namespace loclint::checks

// The one explicit list of checks: each family (checks/<family>/) defines NAME_checks() in its
// checks.cpp; all_checks() in registry.cpp lists the families. A new family adds a declaration
// here and its name there (fuzz/CMakeLists.txt reads the declarations below).
#pragma once

#include <algorithm>
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

// Every rule that `parts` name (each has `rules`: checks, or the steps of a family's one walk,
// code's PairStep and link's LinkStep), once, in their order.
template <typename Part>
std::vector<const Rule*> rules_of(const std::vector<Part>& parts) {
  std::vector<const Rule*> rules;
  for (const Part& part : parts)
    for (const Rule* rule : part.rules)
      if (std::find(rules.begin(), rules.end(), rule) == rules.end()) rules.push_back(rule);
  return rules;
}

}  // namespace loclint::checks

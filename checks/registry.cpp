#include "registry.h"

#include <algorithm>

#include "loclint/core_rules.h"

namespace loclint::checks {

std::vector<Check> all_checks() {
  std::vector<Check> all;
  for (auto family : {segment_checks, metadata_checks, code_checks, link_checks, pair_checks})
    for (Check& c : family()) all.push_back(std::move(c));
  return all;
}

std::vector<const Rule*> all_rules() {
  std::vector<const Rule*> rules = core_rules();
  for (const Rule* r : rules_of(all_checks())) rules.push_back(r);
  std::sort(rules.begin(), rules.end(), [](const Rule* a, const Rule* b) { return a->id < b->id; });
  return rules;
}

const Rule* find_rule(std::string_view id) {
  for (const Rule* r : all_rules())
    if (r->id == id) return r;
  return nullptr;
}

}  // namespace loclint::checks

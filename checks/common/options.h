// A rule's options, read with the type and the default its Rule constant declares (RuleOption):
// the default is written once, there, and the generated docs show the same one.
//
// A value is looked up as RULE.NAME, then FAMILY.NAME (Config::option); a value that does not
// parse as the declared type counts as absent, so the default applies. Asking for an option the
// rule does not declare is a programming error (std::logic_error).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "loclint/config.h"
#include "loclint/diagnostic.h"

namespace loclint::checks {

std::vector<std::string> list_option(const Config& config, const Rule& rule, std::string_view name);
bool bool_option(const Config& config, const Rule& rule, std::string_view name);
size_t count_option(const Config& config, const Rule& rule, std::string_view name);
std::string text_option(const Config& config, const Rule& rule, std::string_view name);

// The default of a declared option as a list (a List's items, or a one-item list).
std::vector<std::string> option_default(const Rule& rule, std::string_view name);
// A comma-separated list as its items, each trimmed; empty items dropped.
std::vector<std::string> split(std::string_view list);

}  // namespace loclint::checks

#include "loclint/config.h"

#include <algorithm>

namespace loclint {

std::optional<FailOn> parse_fail_on(std::string_view s) {
  if (s == "never") return FailOn::Never;
  if (auto severity = parse_severity(s)) return static_cast<FailOn>(*severity);
  return std::nullopt;
}

bool fails(FailOn fail_on, Severity s) {
  return fail_on != FailOn::Never && static_cast<uint8_t>(s) >= static_cast<uint8_t>(fail_on);
}

bool fails(FailOn fail_on, const Diagnostic& d) {
  if (d.inherited() && d.severity == Severity::Note) return false;
  return fails(fail_on, d.severity);
}

std::optional<InheritedLevel> parse_inherited(std::string_view s) {
  if (s == "off") return InheritedLevel::Off;
  if (s == "note") return InheritedLevel::Note;
  if (s == "warning") return InheritedLevel::Warning;
  if (s == "error") return InheritedLevel::Error;
  return std::nullopt;
}

std::optional<Severity> Config::inherited_severity_of(const Rule& rule) const {
  InheritedLevel level = inherited.value_or(InheritedLevel::Note);
  if (level == InheritedLevel::Off) return std::nullopt;
  auto s = static_cast<Severity>(static_cast<uint8_t>(level) - 1);
  return std::min(s, severity_of(rule));
}

std::vector<std::string> Config::option(std::string_view rule_id, std::string_view name,
                                        std::vector<std::string> fallback) const {
  std::string key = std::string(rule_id) + "." + std::string(name);
  if (auto it = options.find(key); it != options.end()) return it->second;
  std::string_view family = rule_id.substr(0, rule_id.find('/'));
  key = std::string(family) + "." + std::string(name);
  if (auto it = options.find(key); it != options.end()) return it->second;
  return fallback;
}

bool Config::enabled(const Rule& rule) const {
  // The most specific selector wins (rule id, then family, then "all"); among equals, the last.
  bool on = !rule.opt_in;
  int best = -1;
  for (const auto& [selector, value] : enable) {
    int rank = selector == rule.id ? 2 : selector == rule.family() ? 1 : selector == "all" ? 0 : -1;
    if (rank >= 0 && rank >= best) {
      best = rank;
      on = value;
    }
  }
  return on;
}

Severity Config::severity_of(const Rule& rule) const {
  if (auto it = severity.find(std::string(rule.id)); it != severity.end()) return it->second;
  if (auto it = severity.find(std::string(rule.family())); it != severity.end()) return it->second;
  return rule.severity;
}

}  // namespace loclint

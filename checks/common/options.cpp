#include "options.h"

#include <algorithm>
#include <stdexcept>

namespace loclint::checks {

std::vector<std::string> split(std::string_view list) {
  std::vector<std::string> out;
  for (size_t start = 0; start < list.size();) {
    size_t comma = std::min(list.find(',', start), list.size());
    std::string_view item = trim(list.substr(start, comma - start));
    if (!item.empty()) out.emplace_back(item);
    start = comma + 1;
  }
  return out;
}

namespace {

const RuleOption& declared(const Rule& rule, std::string_view name, OptionType type) {
  const RuleOption* o = rule.option(name);
  if (!o || o->type != type)
    throw std::logic_error("rule " + std::string(rule.id) + " declares no " + std::string(to_string(type)) +
                           " option '" + std::string(name) + "'");
  return *o;
}

std::optional<bool> parse_bool(std::string_view v) {
  std::string s = lower_ascii(trim(v));
  if (s == "true" || s == "yes" || s == "1" || s == "on") return true;
  if (s == "false" || s == "no" || s == "0" || s == "off") return false;
  return std::nullopt;
}

std::optional<size_t> parse_count(std::string_view v) {
  v = trim(v);
  if (v.empty() || v.size() > 9 || !std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  return static_cast<size_t>(std::stoul(std::string(v)));
}

// The one value given for the option, if any.
std::optional<std::string> given(const Config& config, const Rule& rule, std::string_view name) {
  std::vector<std::string> values = config.option(rule.id, name);
  if (values.empty()) return std::nullopt;
  return values.front();
}

}  // namespace

std::vector<std::string> option_default(const Rule& rule, std::string_view name) {
  const RuleOption* o = rule.option(name);
  if (!o) throw std::logic_error("rule " + std::string(rule.id) + " declares no option '" + std::string(name) + "'");
  return o->type == OptionType::List ? split(o->default_value)
         : o->default_value.empty()  ? std::vector<std::string>{}
                                     : std::vector<std::string>{std::string(o->default_value)};
}

std::vector<std::string> list_option(const Config& config, const Rule& rule, std::string_view name) {
  const RuleOption& o = declared(rule, name, OptionType::List);
  return config.option(rule.id, name, split(o.default_value));
}

bool bool_option(const Config& config, const Rule& rule, std::string_view name) {
  const RuleOption& o = declared(rule, name, OptionType::Bool);
  if (auto v = given(config, rule, name))
    if (auto b = parse_bool(*v)) return *b;
  return *parse_bool(o.default_value);
}

size_t count_option(const Config& config, const Rule& rule, std::string_view name) {
  const RuleOption& o = declared(rule, name, OptionType::Count);
  if (auto v = given(config, rule, name))
    if (auto n = parse_count(*v)) return *n;
  return *parse_count(o.default_value);
}

std::string text_option(const Config& config, const Rule& rule, std::string_view name) {
  const RuleOption& o = declared(rule, name, OptionType::Text);
  if (auto v = given(config, rule, name)) return *v;
  return std::string(o.default_value);
}

}  // namespace loclint::checks

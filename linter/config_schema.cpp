#include "loclint/config_schema.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

#include "loclint/config_file.h"

namespace loclint {

using nlohmann::ordered_json;

namespace {

// Every selector a key may name: "all", each family, each rule id, with what it selects.
std::map<std::string, std::string> selectors(const std::vector<const Rule*>& rules) {
  std::map<std::string, std::string> out;
  out["all"] = "every rule";
  for (const Rule* r : rules) {
    out.emplace(std::string(r->family()), "every rule of the " + std::string(r->family()) + " family");
    out[std::string(r->id)] = std::string(r->summary);
  }
  return out;
}

// The options the rules of a selector read, by name (the loader's rule: a family or "all" reads
// the options of each of its rules; rules that share an option name share its meaning).
std::map<std::string, const RuleOption*> options_of(const std::string& selector, const std::vector<const Rule*>& rules) {
  std::map<std::string, const RuleOption*> out;
  for (const Rule* r : rules)
    if (selector == "all" || r->id == selector || r->family() == selector)
      for (const RuleOption& o : r->options) out.emplace(std::string(o.name), &o);
  return out;
}

// In draft-07 a "$ref" ignores its sibling keywords, so a described reference is an allOf.
ordered_json ref(const char* definition) { return {{"$ref", std::string("#/definitions/") + definition}}; }

// An option with its own description and default (the Rule constant is the one source of both).
// Its value is any value, as the loader reads it: a value the rule cannot use (a word where it
// counts) is read as the default, as on the command line.
ordered_json option_schema(const RuleOption& o) {
  std::string what(o.description);
  if (!o.default_value.empty()) what += " (default: " + std::string(o.default_value) + ")";
  return {{"description", what}, {"allOf", {ref("value")}}};
}

}  // namespace

std::string config_schema_json(const std::vector<const Rule*>& rules) {
  const auto sel = selectors(rules);
  ordered_json names = ordered_json::array();
  for (const auto& [name, what] : sel) names.push_back(name);

  ordered_json defs;
  defs["selector"] = {{"description", "a rule id (family/name), a family, or all (loclint --list-rules)"},
                      {"enum", names}};
  defs["selectors"] = {{"description", "one rule id or family, or a list of them"},
                       {"anyOf", ordered_json::array({ref("selector"),
                                                      {{"type", "array"}, {"items", ref("selector")}},
                                                      {{"type", "null"}}})}};
  // The loader reads any scalar, a list of scalars, or nothing.
  ordered_json scalar = {{"type", ordered_json::array({"string", "number", "boolean"})}};
  defs["value"] = {{"description", "a value or a list of values"},
                   {"anyOf", ordered_json::array({scalar, {{"type", "array"}, {"items", scalar}}, {{"type", "null"}}})}};
  defs["globs"] = {{"description", "a glob or a list of globs, relative to the folder of this file (* within a path "
                                   "segment, ** across segments, ? one character; a glob without / matches the file name)"},
                   {"anyOf", ordered_json::array({{{"type", "string"}},
                                                  {{"type", "array"}, {"items", {{"type", "string"}}}},
                                                  {{"type", "null"}}})}};

  ordered_json severity_props, option_props;
  for (const auto& [name, what] : sel) {
    severity_props[name] = {{"description", what}, {"enum", {"error", "warning", "note"}}};
    ordered_json opts = ordered_json::object();
    for (const auto& [o, option] : options_of(name, rules)) opts[o] = option_schema(*option);
    option_props[name] = {{"description", what}, {"type", "object"}, {"additionalProperties", false}, {"properties", opts}};
  }

  // One entry per key the loader accepts; a key without a description here is a bug.
  const std::map<std::string, ordered_json> key_schema = {
      {"enable", {{"description", "rules or families to turn on (a rule id beats its family)"}, {"allOf", {ref("selectors")}}}},
      {"disable", {{"description", "rules or families to turn off; all means every rule"}, {"allOf", {ref("selectors")}}}},
      {"severity", {{"description", "rule or family -> error, warning or note"},
                    {"type", "object"}, {"additionalProperties", false}, {"properties", severity_props}}},
      {"options", {{"description", "rule or family -> option -> a value or a list (loclint --explain RULE lists a rule's options)"},
                   {"type", "object"}, {"additionalProperties", false}, {"properties", option_props}}},
      {"locale", {{"description", "expected locale of the documents (BCP 47, e.g. fr-FR)"}, {"type", "string"}, {"minLength", 1}}},
      {"source-root", {{"description", "the source-language tree, relative to the folder of this file"},
                       {"type", "string"}, {"minLength", 1}}},
      {"pairing",
       {{"description", "how a monolingual translation is paired with its source document (README: Paired trees)"},
        {"type", "object"},
        {"additionalProperties", false},
        {"properties",
         {{"paths",
           {{"description", "path templates tried in order: {locale} a language code, {path} the rest of the path"},
            {"type", "array"},
            {"items",
             {{"type", "object"},
              {"additionalProperties", false},
              {"required", {"translation", "source"}},
              {"properties",
               {{"translation", {{"type", "string"}, {"pattern", "\\{path\\}"}}},
                {"source", {{"type", "string"}, {"pattern", "\\{path\\}"}}}}}}}}},
          {"source-commit-key",
           {{"description", "front-matter keys that name the source commit a translation was made from"},
            {"anyOf", ordered_json::array({{{"type", "string"}, {"minLength", 1}},
                                           {{"type", "array"}, {"items", {{"type", "string"}, {"minLength", 1}}}}})}}},
          {"source-version",
           {{"description", "which version of the source tree the translations were made from"},
            {"enum", {"auto", "translated", "unknown"}}}}}}}},
      {"include", {{"description", "which files to lint"}, {"allOf", {ref("globs")}}}},
      {"exclude", {{"description", "which files to skip"}, {"allOf", {ref("globs")}}}},
      {"inherited", {{"description", "how findings the source has too are reported (README: Inherited findings)"},
                     {"enum", {"off", "note", "warning", "error"}}}},
  };
  ordered_json props;
  for (std::string_view key : config_file_keys()) {
    auto it = key_schema.find(std::string(key));
    if (it == key_schema.end()) throw std::logic_error("config_schema_json: no schema for key " + std::string(key));
    props[std::string(key)] = it->second;
  }

  ordered_json schema;
  schema["$schema"] = "http://json-schema.org/draft-07/schema#";
  schema["title"] = ".loclint.yaml";
  schema["description"] = "Settings of loclint, the localization QA linter, for the files under this folder "
                          "(the nearest .loclint.yaml wins whole). Generated by loclint --config-schema.";
  schema["type"] = ordered_json::array({"object", "null"});  // an empty file is the defaults
  schema["additionalProperties"] = false;
  schema["properties"] = props;
  schema["definitions"] = defs;
  return schema.dump(2) + "\n";
}

}  // namespace loclint

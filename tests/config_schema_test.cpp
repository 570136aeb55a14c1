// schema/loclint.schema.json: the JSON Schema of .loclint.yaml that editors use. It is generated
// from the code (loclint --config-schema); these tests fail when the committed copy is stale,
// when it disagrees with the rule registry and the loader's keys, and when a draft-07 validator
// (python3-jsonschema, on the file read as YAML 1.2 like yaml-language-server reads it;
// ci/validate-config.py) accepts what loclint's loader refuses or the other way round, on the
// README's example and a set of valid and invalid files.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "loclint/config_file.h"
#include "loclint/config_schema.h"
#include "process_util.h"
#include "readme_snippets.h"
#include "registry.h"

namespace fs = std::filesystem;
using namespace loclint;
using namespace loclint::testing;

namespace {

const fs::path kSource = LOCLINT_SOURCE_DIR;
const fs::path kSchema = kSource / "schema/loclint.schema.json";

TEST(ConfigSchema, CommittedFileIsWhatTheCodeGenerates) {
  EXPECT_EQ(slurp(kSchema), config_schema_json(checks::all_rules()))
      << "schema/loclint.schema.json is stale: build/loclint --config-schema > schema/loclint.schema.json";
  Result r = run(sh_quote(LOCLINT_BINARY) + " --config-schema");
  EXPECT_EQ(r.exit, 0);
  EXPECT_EQ(r.out, slurp(kSchema));
}

std::set<std::string> keys(const nlohmann::json& object) {
  std::set<std::string> out;
  for (const auto& [k, v] : object.items()) out.insert(k);
  return out;
}

TEST(ConfigSchema, AgreesWithTheRegistryAndTheLoader) {
  auto schema = nlohmann::ordered_json::parse(slurp(kSchema));
  // Top-level keys: the loader's, in its order.
  std::vector<std::string> top, loader;
  for (const auto& [k, v] : schema["properties"].items()) top.push_back(k);
  for (std::string_view k : config_file_keys()) loader.emplace_back(k);
  EXPECT_EQ(top, loader);
  EXPECT_EQ(schema["additionalProperties"], false);

  // Selectors: all, every family, every rule id.
  std::set<std::string> selectors = {"all"};
  std::map<std::string, std::set<std::string>> options;  // selector -> option names
  for (const Rule* r : checks::all_rules()) {
    selectors.insert(std::string(r->id));
    selectors.insert(std::string(r->family()));
    options[std::string(r->id)];
    options[std::string(r->family())];
    for (const RuleOption& o : r->options) {
      options[std::string(r->id)].insert(std::string(o.name));
      options[std::string(r->family())].insert(std::string(o.name));
      options["all"].insert(std::string(o.name));
    }
  }
  std::set<std::string> enumerated;
  for (const auto& s : schema["definitions"]["selector"]["enum"]) enumerated.insert(s.get<std::string>());
  EXPECT_EQ(enumerated, selectors);
  EXPECT_EQ(keys(schema["properties"]["severity"]["properties"]), selectors);
  for (const auto& [name, sev] : schema["properties"]["severity"]["properties"].items())
    EXPECT_EQ(sev["enum"], nlohmann::ordered_json({"error", "warning", "note"})) << name;
  const auto& opts = schema["properties"]["options"]["properties"];
  EXPECT_EQ(keys(opts), selectors);
  for (const std::string& s : selectors) EXPECT_EQ(keys(opts[s]["properties"]), options[s]) << s;
  // Some rules do have options (the test would pass vacuously otherwise).
  EXPECT_EQ(options["metadata/missing-key"], (std::set<std::string>{"convention", "required", "required-outside-docset"}));
}

// Every rule with a severity, every option of every selector: the widest valid file.
std::string everything_file() {
  std::string sev = "severity:\n", opt = "options:\n";
  std::set<std::string> seen;
  for (const Rule* r : checks::all_rules()) {
    for (std::string name : {std::string(r->id), std::string(r->family())}) {
      if (!seen.insert(name).second) continue;
      sev += "  " + name + ": note\n";
      std::set<std::string> names;
      for (const Rule* q : checks::all_rules())
        if (q->id == name || q->family() == name)
          for (const RuleOption& o : q->options) names.insert(std::string(o.name));
      if (names.empty()) continue;
      opt += "  " + name + ":\n";
      for (const std::string& o : names) opt += "    " + o + ": [a, 1]\n";
    }
  }
  return sev + opt + "enable: [all]\ndisable: []\n";
}

TEST(ConfigSchema, SchemaAndLoaderAcceptAndRefuseTheSameFiles) {
  const std::string validate = sh_quote((kSource / "ci/validate-config.py").string());
  if (run(validate).exit == 2)
    GTEST_SKIP() << "python3-jsonschema or python3-ruamel.yaml is not installed (ci/setup --test-tools installs them)";
  // name -> file content. Valid ones first; every file the README and the tests use is here.
  std::vector<std::pair<std::string, std::string>> files = {
      {"readme-example", readme_snippet("loclint-yaml").text},
      {"title-only", kTitleOnlyConfig},
      {"empty", ""},
      {"comment", "# nothing yet\n"},
      {"everything", everything_file()},
      {"scalars", "enable: segment\ndisable:\nlocale: fr-FR\nsource-root: ../en-us\ninclude: '*.md'\nexclude: [a/**, b]\n"},
      {"option-values", "options:\n  metadata/description-length: {min: 75, max: ~}\n  metadata/missing-front-matter: {all-files: true}\n"},
      {"bad-unknown-key", "bogus: 1\n"},
      {"bad-unknown-family", "enable: [metdata]\n"},
      {"bad-enable-mapping", "enable: {segment: true}\n"},
      {"bad-level", "severity:\n  metadata: fatal\n"},
      {"bad-severity-rule", "severity: {nosuch/rule: error}\n"},
      {"bad-severity-list", "severity: [metadata]\n"},
      {"bad-severity-null", "severity:\n"},
      {"bad-option-name", "options: {metadata/missing-key: {requird: [title]}}\n"},
      {"bad-option-of-other-rule", "options: {segment/duplicate-id: {required: [title]}}\n"},
      {"bad-option-value", "options: {metadata/missing-key: {required: {title: 1}}}\n"},
      {"bad-option-list", "options: {metadata/missing-key: [required]}\n"},
      {"bad-option-nested-list", "options: {metadata/missing-key: {required: [[title]]}}\n"},
      {"bad-locale-empty", "locale: ''\n"},
      {"bad-locale-list", "locale: [fr-FR]\n"},
      {"bad-source-root", "source-root: {a: b}\n"},
      {"bad-include", "include: {a: b}\n"},
      {"bad-exclude-nested", "exclude: [[a]]\n"},
      {"bad-not-mapping", "- enable\n- disable\n"},
      {"bad-yaml", "enable: [segment\n"},
  };
  ScratchDir dir;
  std::string args;
  std::map<std::string, bool> loader_accepts;
  for (const auto& [name, text] : files) {
    write_file(dir / (name + ".yaml"), text);
    args += " " + name + ".yaml";
    try {
      load_config_file(dir / (name + ".yaml"), checks::all_rules());
      loader_accepts[name] = true;
    } catch (const ConfigError&) {
      loader_accepts[name] = false;
    }
    EXPECT_EQ(loader_accepts[name], !name.starts_with("bad-")) << name << ": the loader's verdict";
  }
  Result r = run(validate + args, dir.path());
  ASSERT_NE(r.exit, 2) << r.err;
  std::map<std::string, std::string> validator;  // name -> "valid" or the errors
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);) {
    size_t colon = line.find(".yaml: ");
    ASSERT_NE(colon, std::string::npos) << line;
    validator[line.substr(0, colon)] = line.substr(colon + 7);
  }
  for (const auto& [name, text] : files) {
    ASSERT_TRUE(validator.count(name)) << name << "\n" << r.out << r.err;
    EXPECT_EQ(validator[name] == "valid", loader_accepts[name]) << name << ": the schema says " << validator[name] << "\n" << text;
  }
}

}  // namespace

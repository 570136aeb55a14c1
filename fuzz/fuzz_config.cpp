// The configuration file: arbitrary bytes as `.loclint.yaml`. Loading gives a Config or a
// ConfigError (anything else escaping is a crash), and a loaded Config is then used the way a run
// uses it: rule selection, severities, every option of every rule, include/exclude globs, merging
// with the command line, and all checks run with it on the seed article (option values reach the
// checks unvalidated beyond their names).
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "invariants.h"
#include "loclint/config_file.h"
#include "loclint/engine.h"
#include "loclint/glob.h"
#include "registry.h"

using namespace loclint;
namespace fs = std::filesystem;

namespace {

const fs::path& config_path() {
  static const fs::path path = [] {
    fs::path dir = fs::temp_directory_path() / ("loclint-fuzz-config-" + std::to_string(getpid()));
    fs::create_directories(dir);
    return dir / kConfigFileName;
  }();
  return path;
}

std::shared_ptr<const Document> seed_document() {
  static const std::shared_ptr<const Document> doc = [] {
    std::ifstream in(fs::path(LOCLINT_SOURCE_DIR) / "tests" / "data" / "seed.md", std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return Document::parse("/nonexistent/loclint-fuzz/partner-center/seed.md", bytes);
  }();
  return doc;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::vector<const Rule*> rules = checks::all_rules();
  {
    std::ofstream out(config_path(), std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  Config config;
  try {
    config = load_config_file(config_path(), rules);
  } catch (const ConfigError& e) {
    LOCLINT_FUZZ_CHECK(std::string_view(e.what()).starts_with(config_path().string()));
    return 0;
  }

  for (const Rule* r : rules) {
    (void)config.enabled(*r);
    (void)config.severity_of(*r);
    for (const RuleOption& o : r->options) (void)config.option(r->id, o.name);
  }
  for (const auto* globs : {&config.file_include, &config.file_exclude})
    for (const std::string& g : *globs)
      for (const char* path : {"partner-center/a.md", "a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/w/x/y/z.md",
                               "includes/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.md", ""})
        (void)glob_match(g, path);
  Config cli;
  cli.enable.emplace_back("all", true);
  Config merged = merge_configs(config, cli);

  Engine engine(config, checks::all_checks());
  Workspace workspace;
  for (const Finding& f : engine.lint_document(*seed_document(), workspace)) {
    LOCLINT_FUZZ_CHECK(f.diagnostic.rule != nullptr);
    LOCLINT_FUZZ_CHECK(f.start.line <= seed_document()->lines().line_count());
  }
  (void)merged;
  return 0;
}

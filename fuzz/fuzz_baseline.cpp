// The baseline file. The input is used twice:
//  - as the bytes of a baseline file: loading gives a Baseline or a BaselineError (nothing else
//    may escape), and a loaded one filters the findings of the seed article without crashing;
//  - as a document: its findings are written to a baseline, read back, and must all be absorbed
//    by it (a baseline that forgets a finding brings old defects back as new).
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "invariants.h"
#include "loclint/baseline.h"
#include "loclint/engine.h"
#include "registry.h"

using namespace loclint;
namespace fs = std::filesystem;

namespace {

const fs::path& work_dir() {
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("loclint-fuzz-baseline-" + std::to_string(getpid()));
    fs::create_directories(d / "docs");
    return d;
  }();
  return dir;
}

const Engine& engine() {
  static const Config config = [] {
    Config c;
    c.locale = "fr-fr";
    return c;
  }();
  static const Engine e(config, checks::all_checks());
  return e;
}

std::vector<Finding> lint(const std::string& path, std::string bytes) {
  auto doc = Document::parse(path, std::move(bytes));
  Workspace workspace;
  return engine().lint_document(*doc, workspace);
}

const std::vector<Finding>& seed_findings() {
  static const std::vector<Finding> findings = [] {
    std::ifstream in(fs::path(LOCLINT_SOURCE_DIR) / "tests" / "data" / "seed.md", std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return lint((work_dir() / "docs" / "seed.md").string(), bytes);
  }();
  return findings;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  const fs::path file = work_dir() / "baseline.json";

  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << bytes;
  }
  try {
    Baseline b = Baseline::load(file);
    std::vector<Finding> findings = seed_findings();
    size_t removed = b.filter(findings);
    LOCLINT_FUZZ_CHECK(removed + findings.size() == seed_findings().size());
    LOCLINT_FUZZ_CHECK(removed <= b.size());
    (void)b.unmatched();
  } catch (const BaselineError&) {
  }

  std::vector<Finding> findings = lint((work_dir() / "docs" / "article.md").string(), bytes);
  const size_t n = findings.size();
  Baseline::write(file, findings);
  Baseline round = Baseline::load(file);
  LOCLINT_FUZZ_CHECK(round.size() == n);
  LOCLINT_FUZZ_CHECK(round.filter(findings) == n);
  LOCLINT_FUZZ_CHECK(findings.empty());
  LOCLINT_FUZZ_CHECK(round.unmatched() == 0);
  return 0;
}

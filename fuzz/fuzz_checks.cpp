// Every check (or one family's, when built with LOCLINT_FUZZ_FAMILY) on an arbitrary document,
// through the engine as the CLI runs it, then every output format on the findings (a family's
// target: the compiler format only).
//
// Built once per family listed in checks/registry.h and once for all checks together, so a new
// family is fuzzed as soon as it is registered, without touching fuzz/.
#include <nlohmann/json.hpp>
#include <sstream>
#include <tinyxml2.h>

#include "invariants.h"
#include "loclint/engine.h"
#include "loclint/fix.h"
#include "loclint/output.h"
#include "registry.h"

#ifndef LOCLINT_FUZZ_FAMILY
#define LOCLINT_FUZZ_FAMILY ""  // every family
#endif

using namespace loclint;

namespace {

const std::vector<Check>& fuzzed_checks() {
  static const std::vector<Check> checks = [] {
    std::string_view family = LOCLINT_FUZZ_FAMILY;
    std::vector<Check> out;
    for (Check& c : checks::all_checks()) {
      bool keep = family.empty();
      for (const Rule* r : c.rules) keep = keep || r->family() == family;
      if (keep) out.push_back(std::move(c));
    }
    return out;
  }();
  return checks;
}

const Config& fuzz_config() {
  static const Config config = [] {
    Config c;
    c.locale = "fr-fr";  // the corpus and the fixtures are French; locale-aware rules run
    return c;
  }();
  return config;
}

bool is_json_format(std::string_view f) { return f.find("json") != std::string_view::npos || f == "sarif"; }
bool is_xml_format(std::string_view f) {
  return f.find("xml") != std::string_view::npos || f == "junit" || f == "checkstyle";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const Engine engine(fuzz_config(), fuzzed_checks());
  std::string bytes(reinterpret_cast<const char*>(data), size);
  // A path in a folder that does not exist: link checks resolve against it and find nothing,
  // and no run depends on what happens to be on the fuzzing machine's disk.
  auto doc = Document::parse("/nonexistent/loclint-fuzz/partner-center/article.md", bytes);
  Workspace workspace;
  std::vector<Finding> findings = engine.lint_document(*doc, workspace);

  const uint32_t lines = doc->lines().line_count();
  for (const Finding& f : findings) {
    LOCLINT_FUZZ_CHECK(f.diagnostic.rule != nullptr);
    LOCLINT_FUZZ_CHECK(!f.diagnostic.rule->id.empty());
    LOCLINT_FUZZ_CHECK(f.start.line >= 1 && f.start.line <= lines);
    LOCLINT_FUZZ_CHECK(f.end.line >= f.start.line && f.end.line <= lines);
    LOCLINT_FUZZ_CHECK(!f.diagnostic.message.empty());
    if (f.diagnostic.fix) {
      // The engine drops a fix that is not valid; the rest must be applicable as they are.
      LOCLINT_FUZZ_CHECK(valid_fix(*f.diagnostic.fix, doc->text().size(), doc->content_start()));
      LOCLINT_FUZZ_CHECK(f.fix_positions.size() == f.diagnostic.fix->edits.size());
      for (const TextEdit& e : f.diagnostic.fix->edits) fuzz::check_span(*doc, e.span);
    }
  }

  RunStats stats;
  stats.files = 1;
  RenderOptions options;
  options.rules = checks::all_rules();
  // Every format when fuzzing all checks together; one family's target renders only the
  // compiler format, so its time goes to the family's code (a dozen renders per input had cut
  // those targets to about 20 inputs a second).
  const bool every_format = std::string_view(LOCLINT_FUZZ_FAMILY).empty();
  for (const std::string& format : output_formats()) {
    if (!every_format && format != "compiler") continue;
    for (bool color : {false, true}) {
      options.color = color;
      std::ostringstream out;
      auto renderer = make_renderer(format, out, options);
      LOCLINT_FUZZ_CHECK(renderer != nullptr);
      renderer->render(findings, stats);
      const std::string text = out.str();
      if (format == "compiler" && !color) fuzz::check_compiler_output(text, findings.size());
      if (is_json_format(format)) LOCLINT_FUZZ_CHECK(nlohmann::json::accept(text));
      if (is_xml_format(format)) {
        tinyxml2::XMLDocument xml;
        LOCLINT_FUZZ_CHECK(xml.Parse(text.data(), text.size()) == tinyxml2::XML_SUCCESS);
      }
      // TODO(output formats): GitHub annotations (`::error file=...::msg`) need their own
      // line check once that format exists: one annotation per line, `%0A` for newlines.
    }
  }
  return 0;
}

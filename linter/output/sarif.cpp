// `sarif`: SARIF 2.1.0 as GitHub code scanning accepts it.
//
// One run; tool.driver.rules[] holds every rule (id, name, short and full description, help and
// helpUri from its generated page in docs/rules/, default level) from the rule registry; each
// result names its rule by ruleId and ruleIndex.
// artifactLocation.uri is relative to the repository root (uriBaseId %SRCROOT%), with forward
// slashes and percent-encoding; regions are 1-based with an exclusive endColumn, and
// run.columnKind says what a column counts. partialFingerprints carry loclint's own
// line-independent fingerprint so code scanning tracks a finding across unrelated edits. A
// result whose rule has a fix for it carries it in fixes[] (artifactChanges of the same file).
#include <filesystem>
#include <nlohmann/json.hpp>

#include "loclint/baseline.h"
#include "loclint/rule_docs.h"
#include "render_util.h"

namespace loclint::output {

namespace {

using nlohmann::ordered_json;

std::string_view level(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    default: return "note";
  }
}

ordered_json rule_descriptor(const Rule& r, const RenderOptions& o) {
  ordered_json d;
  d["id"] = r.id;
  // SARIF's `name` is an identifier in PascalCase-free form; the rule's kebab name fits.
  d["name"] = r.id.substr(r.id.find('/') + 1);
  d["shortDescription"] = {{"text", sentence(r.summary)}};
  d["fullDescription"] = {{"text", std::string(r.checks)}};
  d["helpUri"] = rule_doc_url(r, o.docs_url);
  d["help"] = {{"text", std::string(r.checks) + "\n\n" + std::string(r.why)}, {"markdown", rule_page(r)}};
  d["defaultConfiguration"] = {{"level", level(r.severity)}};
  if (r.opt_in) d["defaultConfiguration"]["enabled"] = false;  // SARIF 2.1.0 reportingConfiguration
  d["properties"] = {{"tags", {"localization", std::string(r.family())}}};
  return d;
}

class SarifRenderer : public Renderer {
 public:
  SarifRenderer(std::ostream& out, const RenderOptions& o) : out_(out), o_(o) {}
  void render(const std::vector<Finding>& findings, const RunStats&) override {
    // SARIF knows code points and UTF-16 units only; byte columns fall back to code points.
    ColumnUnit unit = o_.column_unit == ColumnUnit::Utf16 ? ColumnUnit::Utf16 : ColumnUnit::CodePoint;

    std::vector<const Rule*> rules = o_.rules;
    for (const Finding& f : findings)
      if (std::find(rules.begin(), rules.end(), f.diagnostic.rule) == rules.end()) rules.push_back(f.diagnostic.rule);
    ordered_json rule_list = ordered_json::array();
    for (const Rule* r : rules) rule_list.push_back(rule_descriptor(*r, o_));

    ordered_json results = ordered_json::array();
    for (const Finding& f : findings) {
      ordered_json res;
      res["ruleId"] = f.diagnostic.rule->id;
      res["ruleIndex"] = std::find(rules.begin(), rules.end(), f.diagnostic.rule) - rules.begin();
      res["level"] = level(f.diagnostic.severity);
      res["message"] = {{"text", message_text(f.diagnostic)}};
      // SARIF has no field for it: a property bag, as results may carry (§3.8).
      if (f.diagnostic.inherited()) res["properties"] = {{"origin", "inherited"}};
      bool relative = true;
      std::string uri = finding_uri(f.path, o_, &relative);
      ordered_json artifact = {{"uri", uri}};
      if (relative) artifact["uriBaseId"] = "%SRCROOT%";
      ordered_json physical = {{"artifactLocation", artifact}};
      if (!f.whole_file) {
        Position s = start_of(f, unit), e = end_of(f, unit);
        physical["region"] = {{"startLine", s.line}, {"startColumn", s.column}, {"endLine", e.line}, {"endColumn", e.column}};
      }
      res["locations"] = ordered_json::array({{{"physicalLocation", physical}}});
      if (f.diagnostic.fix && f.fix_positions.size() == f.diagnostic.fix->edits.size()) {
        // A fix is one artifactChange of the result's file: each edit a deletedRegion (empty
        // for an insertion) and its insertedContent, in the run's column unit.
        ordered_json replacements = ordered_json::array();
        for (size_t i = 0; i < f.fix_positions.size(); ++i) {
          const Finding::EditPosition& p = f.fix_positions[i];
          Position s = unit == ColumnUnit::Utf16 ? p.start_utf16 : p.start;
          Position e = unit == ColumnUnit::Utf16 ? p.end_utf16 : p.end;
          replacements.push_back(
              {{"deletedRegion", {{"startLine", s.line}, {"startColumn", s.column}, {"endLine", e.line}, {"endColumn", e.column}}},
               {"insertedContent", {{"text", f.diagnostic.fix->edits[i].replacement}}}});
        }
        ordered_json change = {{"artifactLocation", artifact}, {"replacements", std::move(replacements)}};
        res["fixes"] = ordered_json::array(
            {{{"description", {{"text", safe_text(f.diagnostic.fix->title)}}}, {"artifactChanges", ordered_json::array({change})}}});
      }
      std::string path = repo_relative_path(f.path, o_);
      res["partialFingerprints"] = {
          {"loclintFingerprint/v1", stable_hash(path + "|" + f.fingerprint)}};
      results.push_back(std::move(res));
    }

    ordered_json driver;
    driver["name"] = "loclint";
    driver["semanticVersion"] = o_.tool_version;
    driver["rules"] = std::move(rule_list);
    ordered_json run;
    run["tool"] = {{"driver", std::move(driver)}};
    if (!o_.base_dir.empty()) {
      std::string root = std::filesystem::path(o_.base_dir).lexically_normal().generic_string();
      if (!root.ends_with('/')) root += '/';
      run["originalUriBaseIds"] = {{"%SRCROOT%", {{"uri", "file://" + percent_encode(root)}}}};
    }
    run["results"] = std::move(results);
    run["columnKind"] = unit == ColumnUnit::Utf16 ? "utf16CodeUnits" : "unicodeCodePoints";

    ordered_json log;
    log["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
    log["version"] = "2.1.0";
    log["runs"] = ordered_json::array({std::move(run)});
    out_ << log.dump(2, ' ', false, ordered_json::error_handler_t::replace) << "\n";
  }

 private:
  std::ostream& out_;
  RenderOptions o_;
};

}  // namespace

std::unique_ptr<Renderer> make_sarif(std::ostream& out, const RenderOptions& o) { return std::make_unique<SarifRenderer>(out, o); }

}  // namespace loclint::output

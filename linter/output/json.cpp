// `json`: one object per diagnostic, in a document that states its column unit.
//   {"tool":"loclint","version":"<kVersion>","columnUnit":"codepoint",
//    "diagnostics":[{"path","rule","severity","message","start":{"line","column"},"end":{...},
//                    "sourceText"?,"origin"?,"fix"?:{"title","edits":[{"start","end","replacement"}]}}],
//    "summary":{"files","errors","warnings","notes","inherited"}}
// "origin" is "inherited" for a finding the source has too (the message is then the bare
// message: the compiler format's "(inherited from the source)" is this field).
// Positions are 1-based; `end` is exclusive. Paths are given as on the command line; messages
// are one line with control characters escaped like every other format.
#include <nlohmann/json.hpp>

#include "render_util.h"

namespace loclint::output {

namespace {

using nlohmann::ordered_json;

ordered_json position(Position p) { return {{"line", p.line}, {"column", p.column}}; }

class JsonRenderer : public Renderer {
 public:
  JsonRenderer(std::ostream& out, const RenderOptions& o) : out_(out), o_(o) {}
  void render(const std::vector<Finding>& findings, const RunStats& stats) override {
    ordered_json doc;
    doc["tool"] = "loclint";
    doc["version"] = o_.tool_version;
    doc["columnUnit"] = unit_name(o_.column_unit);
    ordered_json list = ordered_json::array();
    for (const Finding& f : findings) {
      ordered_json d;
      d["path"] = f.path;
      d["rule"] = f.diagnostic.rule->id;
      d["severity"] = to_string(f.diagnostic.severity);
      d["message"] = safe_text(f.diagnostic.message);
      if (!f.whole_file) {
        d["start"] = position(start_of(f, o_.column_unit));
        d["end"] = position(end_of(f, o_.column_unit));
      }
      if (!f.diagnostic.source_text.empty()) d["sourceText"] = safe_text(f.diagnostic.source_text);
      if (f.diagnostic.inherited()) d["origin"] = "inherited";
      if (f.diagnostic.fix && f.fix_positions.size() == f.diagnostic.fix->edits.size()) {
        ordered_json edits = ordered_json::array();
        for (size_t i = 0; i < f.fix_positions.size(); ++i) {
          const Finding::EditPosition& p = f.fix_positions[i];
          const ColumnUnit u = o_.column_unit;
          Position s = u == ColumnUnit::Utf16 ? p.start_utf16 : u == ColumnUnit::Byte ? p.start_byte : p.start;
          Position e = u == ColumnUnit::Utf16 ? p.end_utf16 : u == ColumnUnit::Byte ? p.end_byte : p.end;
          edits.push_back({{"start", position(s)}, {"end", position(e)}, {"replacement", f.diagnostic.fix->edits[i].replacement}});
        }
        d["fix"] = {{"title", f.diagnostic.fix->title}, {"edits", std::move(edits)}};
      }
      list.push_back(std::move(d));
    }
    doc["diagnostics"] = std::move(list);
    doc["summary"] = {{"files", stats.files}, {"errors", stats.errors}, {"warnings", stats.warnings}, {"notes", stats.notes},
                      {"inherited", stats.inherited}};
    // Invalid UTF-8 in a path or a fix becomes U+FFFD instead of aborting the whole report.
    out_ << doc.dump(2, ' ', false, ordered_json::error_handler_t::replace) << "\n";
  }

 private:
  std::ostream& out_;
  RenderOptions o_;
};

}  // namespace

std::unique_ptr<Renderer> make_json(std::ostream& out, const RenderOptions& o) { return std::make_unique<JsonRenderer>(out, o); }

}  // namespace loclint::output

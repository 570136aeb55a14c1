// textDocument/hover and textDocument/codeAction, answered from the findings of the version the
// request was made on.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "server_internal.h"
#include "suppression_edit.h"

namespace loclint::lsp {

namespace {

bool touches(const LspRange& r, LspPosition p) { return r.start <= p && p <= r.end; }
bool intersects(const LspRange& a, const LspRange& b) { return a.start <= b.end && b.start <= a.end; }

}  // namespace

void Server::hover(const std::string&, const json& params, const Reply& reply, const Results& results) {
  const LspPosition at = position_of(params.at("position"));
  std::string text;
  std::set<const Rule*> seen;
  std::optional<LspRange> range;
  for (size_t i = 0; i < results.findings.size(); ++i) {
    if (!touches(results.ranges[i], at)) continue;
    const Rule* rule = results.findings[i].diagnostic.rule;
    if (!range) range = results.ranges[i];
    if (!seen.insert(rule).second) continue;
    if (!text.empty()) text += markdown_hover_ ? "\n---\n\n" : "\n";
    text += hover_text(*rule, markdown_hover_);
  }
  if (text.empty()) {
    reply.result(nullptr);
    return;
  }
  json result = {{"contents", {{"kind", markdown_hover_ ? "markdown" : "plaintext"}, {"value", text}}}};
  if (range) result["range"] = to_json(*range);
  reply.result(std::move(result));
}

json Server::workspace_edit(const std::string& uri, int64_t version, const Document& doc, const std::vector<TextEdit>& edits) const {
  const LineMap map(doc.text());
  json list = json::array();
  for (const TextEdit& e : edits)
    list.push_back({{"range", to_json(LspRange{map.position(e.span.begin, encoding_), map.position(e.span.end, encoding_)})},
                    {"newText", e.replacement}});
  if (document_changes_)
    return {{"documentChanges", {{{"textDocument", {{"uri", uri}, {"version", version}}}, {"edits", list}}}}};
  return {{"changes", {{uri, list}}}};
}

void Server::code_action(const std::string& uri, const json& params, const Reply& reply, const Results& results) {
  const LspRange wanted = range_of(params.at("range"));
  // context.only: the kinds the client asks for (a kind matches its sub-kinds).
  auto wants = [&](std::string_view kind) {
    json only = params.value("/context/only"_json_pointer, json());
    if (!only.is_array()) return true;
    for (const json& k : only)
      if (k.is_string()) {
        std::string_view prefix = k.get_ref<const std::string&>();
        if (kind == prefix || (kind.starts_with(prefix) && kind[prefix.size()] == '.')) return true;
      }
    return false;
  };
  json actions = json::array();
  std::set<std::pair<std::string_view, uint32_t>> disabled;  // (rule, line) offered already
  for (size_t i = 0; i < results.findings.size() && wants("quickfix"); ++i) {
    if (!intersects(results.ranges[i], wanted)) continue;
    const Finding& f = results.findings[i];
    const json& diagnostic = results.diagnostics[i];
    if (f.diagnostic.fix)
      actions.push_back({{"title", f.diagnostic.fix->title},
                         {"kind", "quickfix"},
                         {"diagnostics", {diagnostic}},
                         {"isPreferred", true},
                         {"edit", workspace_edit(uri, results.version, *results.doc, f.diagnostic.fix->edits)}});
    if (f.whole_file || !disabled.emplace(f.diagnostic.rule->id, results.ranges[i].start.line).second) continue;
    if (auto edit = disable_rule_edit(*results.doc, f.diagnostic.span.begin, f.diagnostic.rule->id))
      actions.push_back(
          {{"title", fmt::format("Disable {} for this {}", f.diagnostic.rule->id, edit->whole_file ? "file" : "line")},
           {"kind", "quickfix"},
           {"diagnostics", {diagnostic}},
           {"edit", workspace_edit(uri, results.version, *results.doc, {edit->edit})}});
  }
  if (wants("source.fixAll.loclint")) {
    // Every fix of the document that does not overlap an earlier one (as `loclint --fix`'s first pass).
    std::vector<TextEdit> edits;
    std::vector<const Fix*> chosen;
    for (const Finding& f : results.findings) {
      if (!f.diagnostic.fix) continue;
      const Fix& fix = *f.diagnostic.fix;
      if (std::any_of(chosen.begin(), chosen.end(), [&](const Fix* c) { return fixes_overlap(*c, fix); })) continue;
      chosen.push_back(&fix);
      edits.insert(edits.end(), fix.edits.begin(), fix.edits.end());
    }
    std::sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) { return a.span.begin < b.span.begin; });
    if (!edits.empty())
      actions.push_back({{"title", "Apply every loclint fix in this document"},
                         {"kind", "source.fixAll.loclint"},
                         {"edit", workspace_edit(uri, results.version, *results.doc, edits)}});
  }
  reply.result(std::move(actions));
}

}  // namespace loclint::lsp

#include "loclint/dump.h"

#include <nlohmann/json.hpp>

namespace loclint {

namespace {
nlohmann::json loc(const Document& d, Span s) {
  Position p = d.position(s.begin);
  // Invalid UTF-8 must not break the JSON: dump() replaces it.
  return {{"line", p.line}, {"column", p.column}, {"begin", s.begin}, {"end", s.end}, {"text", std::string(d.slice(s))}};
}
nlohmann::json half(const Document& d, const SegmentHalf& h) {
  if (!h.present) return nullptr;
  return {{"id", h.id}, {"has_id", h.has_id}, {"closed", h.closed}, {"open", loc(d, h.open)},
          {"content", loc(d, h.content)}, {"close", loc(d, h.close)}};
}
const char* kind_name(LinkKind k) {
  switch (k) {
    case LinkKind::Inline: return "inline";
    case LinkKind::Autolink: return "autolink";
    case LinkKind::Image: return "image";
    case LinkKind::HtmlAnchor: return "html-a";
    case LinkKind::HtmlImage: return "html-img";
    case LinkKind::Include: return "include";
    case LinkKind::ImageDirective: return "image-directive";
  }
  return "?";
}
}  // namespace

std::string dump_json(const Document& d) {
  nlohmann::json j;
  j["path"] = d.path();
  j["kind"] = d.kind() == DocumentKind::YamlMime ? "yamlmime" : "markdown";
  j["bom"] = d.has_bom();
  j["valid_utf8"] = d.valid_utf8();
  const FrontMatter& fm = d.front_matter();
  nlohmann::json f{{"present", fm.present}, {"terminated", fm.terminated}, {"mapping", fm.is_mapping}};
  if (fm.error) f["error"] = {{"message", fm.error->message}, {"at", loc(d, {fm.error->offset, fm.error->offset})}};
  for (const auto& e : fm.entries)
    f["entries"].push_back({{"key", e.key}, {"value", e.value}, {"null", e.is_null}, {"scalar", e.is_scalar},
                            {"items", e.items}, {"key_at", loc(d, e.key_span)}, {"value_at", loc(d, e.value_span)}});
  j["front_matter"] = f;
  for (const auto& s : d.segments())
    j["segments"].push_back({{"id", s.id()}, {"at", loc(d, s.span)}, {"target", half(d, s.target)},
                             {"source", half(d, s.source)}, {"source_missing_inner", s.source_missing_inner}});
  for (const auto& l : d.links()) {
    j["links"].push_back({{"kind", kind_name(l.kind)}, {"destination", l.destination}, {"at", loc(d, l.span)},
                          {"text", loc(d, l.text)}});
    if (!l.definition.empty()) j["links"].back()["definition"] = loc(d, l.definition);
  }
  for (const auto& h : d.headings()) {
    nlohmann::json anchors = nlohmann::json::array();
    for (const auto& a : h.anchors) anchors.push_back(a.name);
    j["headings"].push_back({{"level", h.level}, {"text", h.text}, {"slug", h.slug}, {"anchors", anchors}, {"at", loc(d, h.span)}});
  }
  for (const auto& c : d.code_spans()) j["code_spans"].push_back(loc(d, c.span));
  for (const auto& c : d.code_blocks()) j["code_blocks"].push_back({{"info", c.info}, {"at", loc(d, c.span)}});
  for (const auto& a : d.alerts()) j["alerts"].push_back({{"kind", a.kind}, {"at", loc(d, a.span)}});
  for (const auto& x : d.directives()) j["directives"].push_back({{"name", x.name}, {"at", loc(d, x.span)}});
  for (const auto& e : d.emphasis()) j["emphasis"].push_back({{"strong", e.strong}, {"at", loc(d, e.span)}});
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace loclint

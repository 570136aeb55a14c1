#include "loclint/dump.h"

#include <nlohmann/json.hpp>

#include "loclint/alignment.h"

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
// A block as --dump shows it in an alignment: where it starts and how it begins.
nlohmann::json block_ref(const Document& d, uint32_t block) {
  const Span s = block_extent(d, block);
  std::string_view text = d.slice(s);
  size_t cut = std::min<size_t>(text.size(), 80);
  while (cut < text.size() && cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return {{"block", block}, {"line", d.position(s.begin).line}, {"begin", s.begin}, {"end", s.end},
          {"text", std::string(text.substr(0, cut))}};
}

nlohmann::json pair_json(const Pair& p) {
  nlohmann::json j{{"state", p.state == PairState::Paired ? "paired" : "missing-source"}, {"source", p.source_name}};
  if (!p.source_moved_to.empty()) j["source_moved_to"] = p.source_moved_to;
  if (p.state != PairState::Paired) return j;
  const Document& t = *p.translation;
  const Document& s = *p.source;
  const Alignment& a = p.alignment();
  nlohmann::json al{{"length_ratio", a.length_ratio}, {"steps", a.blocks.size()}, {"one_to_one", a.one_to_one()},
                    {"confident", a.confident()}};
  auto heading = [](const Document& d, const AlignedSection& sec) -> nlohmann::json {
    if (sec.heading == AlignedSection::kNone) return "(before the first heading)";
    return block_ref(d, sec.heading);
  };
  for (const AlignedSections& sec : a.sections) {
    nlohmann::json e{{"move", to_string(sec.move)}, {"cost", sec.cost}};
    for (uint32_t k = sec.target_first; k < sec.target_last; ++k) e["translation"].push_back(heading(t, a.target_sections[k]));
    for (uint32_t k = sec.source_first; k < sec.source_last; ++k) e["source"].push_back(heading(s, a.source_sections[k]));
    al["sections"].push_back(std::move(e));
  }
  for (const AlignedBlocks& b : a.blocks) {
    nlohmann::json e{{"move", to_string(b.move)}, {"cost", b.cost}, {"shared", b.shared}, {"unshared", b.unshared},
                     {"confident", b.confident}, {"altered_only", b.altered_only}};
    for (uint8_t k = 0; k < b.target_count; ++k) e["translation"].push_back(block_ref(t, b.target[k]));
    for (uint8_t k = 0; k < b.source_count; ++k) e["source"].push_back(block_ref(s, b.source[k]));
    al["blocks"].push_back(std::move(e));
  }
  j["alignment"] = std::move(al);
  return j;
}

}  // namespace

std::string dump_json(const Document& d, const Pair* pair) {
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
  if (pair) j["pair"] = pair_json(*pair);
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace loclint

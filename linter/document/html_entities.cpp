#include "loclint/html_entities.h"

#include <gumbo.h>

#include <memory>
#include <unordered_map>

namespace loclint {

namespace {

// Only md4c-shaped references go to the parser: '&', then letters, digits and '#', then ';'.
// Anything else could open a tag in the text it is parsed from.
bool shaped_like_reference(std::string_view r) {
  if (r.size() < 3 || r.size() > 64 || r.front() != '&' || r.back() != ';') return false;
  for (char c : r.substr(1, r.size() - 2))
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '#')) return false;
  return true;
}

struct OutputDeleter {
  void operator()(GumboOutput* o) const { gumbo_destroy_output(&kGumboDefaultOptions, o); }
};
using Output = std::unique_ptr<GumboOutput, OutputDeleter>;

// The <body> of a parsed document (gumbo always builds html, head and body).
const GumboNode* body_of(const GumboOutput& out) {
  const GumboVector& children = out.root->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* n = static_cast<const GumboNode*>(children.data[i]);
    if (n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == GUMBO_TAG_BODY) return n;
  }
  return nullptr;
}

}  // namespace

std::string decode_character_reference(std::string_view reference) {
  if (!shaped_like_reference(reference)) return std::string(reference);
  // Documents use a handful of references over and over (&nbsp;, &amp;); parsing costs a few
  // microseconds, a lookup far less. The table is bounded by the distinct references seen.
  thread_local std::unordered_map<std::string, std::string> cache;
  std::string key(reference);
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  std::string decoded(reference);
  // As text of a <p>: the character reference state of the data state.
  std::string html = "<p>" + key;
  Output out(gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()));
  if (const GumboNode* body = out ? body_of(*out) : nullptr; body && body->v.element.children.length == 1) {
    const auto* p = static_cast<const GumboNode*>(body->v.element.children.data[0]);
    if (p->type == GUMBO_NODE_ELEMENT && p->v.element.children.length == 1) {
      const auto* text = static_cast<const GumboNode*>(p->v.element.children.data[0]);
      if (text->type == GUMBO_NODE_TEXT || text->type == GUMBO_NODE_WHITESPACE) decoded = text->v.text.text;
    }
  }
  // The HTML tokenizer also reads a legacy name that only begins the reference (`&eacutee;` as
  // `&eacute` + "e;"); CommonMark and md4c take a reference whole or not at all, so a reference
  // whose ';' is left over as text names nothing. (`&semi;` alone decodes to the one ';'.)
  if (decoded != reference && decoded.size() > 1 && decoded.back() == ';') decoded = key;
  if (cache.size() >= 4096) cache.clear();
  cache.emplace(std::move(key), decoded);
  return decoded;
}

std::string decode_attribute_value(std::string_view value) {
  if (value.find('&') == std::string_view::npos) return std::string(value);
  // The value was delimited by one kind of quote, so it cannot hold both; wrap it in the other.
  const char quote = value.find('"') == std::string_view::npos ? '"' : '\'';
  if (quote == '\'' && value.find('\'') != std::string_view::npos) return std::string(value);
  std::string html = "<a v=";
  html += quote;
  html += value;
  html += quote;
  html += '>';
  Output out(gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()));
  const GumboNode* body = out ? body_of(*out) : nullptr;
  if (!body || body->v.element.children.length == 0) return std::string(value);
  const auto* a = static_cast<const GumboNode*>(body->v.element.children.data[0]);
  if (a->type != GUMBO_NODE_ELEMENT) return std::string(value);
  const GumboAttribute* attr = gumbo_get_attribute(&a->v.element.attributes, "v");
  return attr ? std::string(attr->value) : std::string(value);
}

}  // namespace loclint

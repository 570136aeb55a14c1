// A small, forgiving HTML tag scanner. It recognises the same tag shapes CommonMark calls raw
// HTML (open tags with attributes, closing tags, comments, declarations, processing
// instructions) and reports attribute values with their byte spans.
#include <unicode/uchar.h>

#include "loclint/document.h"

namespace loclint {

namespace {
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
}  // namespace

const HtmlAttribute* HtmlTag::attribute(std::string_view n) const {
  for (const auto& a : attributes)
    if (a.name == n) return &a;
  return nullptr;
}

const HtmlAttribute* Directive::attribute(std::string_view n) const {
  for (const auto& a : attributes)
    if (a.name == n) return &a;
  return nullptr;
}

size_t parse_html_tag(std::string_view t, uint32_t base, HtmlTag& out) {
  out = HtmlTag{};
  const size_t n = t.size();
  if (n < 3 || t[0] != '<') return 0;
  size_t i = 1;
  if (t.substr(0, 4) == "<!--") {
    size_t end = t.find("-->", 4);
    if (end == std::string_view::npos) return 0;
    out.comment = true;
    out.span = {base, static_cast<uint32_t>(base + end + 3)};
    return end + 3;
  }
  if (t[1] == '!' || t[1] == '?') {
    size_t end = t.find('>', 2);
    if (end == std::string_view::npos) return 0;
    out.span = {base, static_cast<uint32_t>(base + end + 1)};
    return end + 1;
  }
  if (t[1] == '/') {
    out.closing = true;
    i = 2;
  }
  if (i >= n || !is_alpha(t[i])) return 0;
  size_t name_begin = i;
  while (i < n && (is_alpha(t[i]) || is_digit(t[i]) || t[i] == '-')) ++i;
  for (size_t k = name_begin; k < i; ++k) out.name += lower(t[k]);
  if (out.closing) {
    while (i < n && is_space(t[i])) ++i;
    if (i < n && t[i] == '>') {
      out.span = {base, static_cast<uint32_t>(base + i + 1)};
      return i + 1;
    }
    return 0;
  }
  while (true) {
    size_t ws = i;
    while (i < n && is_space(t[i])) ++i;
    if (i >= n) return 0;
    if (t[i] == '>') {
      out.span = {base, static_cast<uint32_t>(base + i + 1)};
      return i + 1;
    }
    if (t[i] == '/' && i + 1 < n && t[i + 1] == '>') {
      out.self_closing = true;
      out.span = {base, static_cast<uint32_t>(base + i + 2)};
      return i + 2;
    }
    if (i == ws) return 0;  // attributes must be separated by white space
    if (!(is_alpha(t[i]) || t[i] == '_' || t[i] == ':')) return 0;
    HtmlAttribute attr;
    size_t an = i;
    while (i < n && (is_alpha(t[i]) || is_digit(t[i]) || t[i] == '_' || t[i] == '.' || t[i] == ':' || t[i] == '-')) ++i;
    for (size_t k = an; k < i; ++k) attr.name += lower(t[k]);
    size_t save = i;
    while (i < n && is_space(t[i])) ++i;
    if (i < n && t[i] == '=') {
      ++i;
      while (i < n && is_space(t[i])) ++i;
      if (i >= n) return 0;
      if (t[i] == '"' || t[i] == '\'') {
        char q = t[i];
        size_t vb = i + 1;
        size_t ve = t.find(q, vb);
        if (ve == std::string_view::npos) return 0;
        attr.value = std::string(t.substr(vb, ve - vb));
        attr.value_span = {static_cast<uint32_t>(base + vb), static_cast<uint32_t>(base + ve)};
        i = ve + 1;
      } else {
        size_t vb = i;
        while (i < n && !is_space(t[i]) && t[i] != '"' && t[i] != '\'' && t[i] != '=' && t[i] != '<' &&
               t[i] != '>' && t[i] != '`')
          ++i;
        if (i == vb) return 0;
        attr.value = std::string(t.substr(vb, i - vb));
        attr.value_span = {static_cast<uint32_t>(base + vb), static_cast<uint32_t>(base + i)};
      }
    } else {
      i = save;
      attr.value_span = {static_cast<uint32_t>(base + i), static_cast<uint32_t>(base + i)};
    }
    out.attributes.push_back(std::move(attr));
  }
}

std::string heading_slug(std::string_view text) {
  // Markdig's GitHub-style auto identifiers (AutoIdentifierOptions.GitHub), which docfx uses:
  // letters and digits of any script lowercased, '-' and '_' kept, each space becomes '-', and
  // everything else (punctuation, tabs, line breaks, no-break spaces) is dropped. Repeated and
  // leading/trailing hyphens are kept: "This - is a &@! heading" -> "this---is-a--heading".
  // Markdig tests UTF-16 units, so letters outside the BMP (surrogate pairs) are dropped too.
  std::string lowered = to_lower(trim(text));
  std::string out;
  out.reserve(lowered.size());
  for (size_t i = 0; i < lowered.size();) {
    size_t start = i;
    char32_t cp = utf8::next(lowered, i);
    if (cp == ' ') {
      out += '-';
    } else if (cp == '-' || cp == '_' || (cp <= 0xFFFF && u_isalnum(static_cast<UChar32>(cp)))) {
      out.append(lowered, start, i - start);
    }
  }
  return out;
}

}  // namespace loclint

// A small, forgiving HTML tag scanner. It recognises the same tag shapes CommonMark calls raw
// HTML (open tags with attributes, closing tags, comments, declarations, processing
// instructions) and reports attribute values with their byte spans.
#include <unicode/uchar.h>

#include <algorithm>
#include <array>

#include "document_builder.h"
#include "loclint/document.h"

namespace loclint {

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

namespace {
// Byte classes of the tag grammar, one table lookup per byte.
enum : uint8_t { kAlpha = 1, kDigit = 2, kSpace = 4, kNameExtra = 8 /* _ . : - */, kUnquotedStop = 16 };
constexpr std::array<uint8_t, 256> make_classes() {
  std::array<uint8_t, 256> c{};
  for (int x = 'a'; x <= 'z'; ++x) c[x] |= kAlpha;
  for (int x = 'A'; x <= 'Z'; ++x) c[x] |= kAlpha;
  for (int x = '0'; x <= '9'; ++x) c[x] |= kDigit;
  for (char x : {' ', '\t', '\n', '\r', '\f'}) c[static_cast<uint8_t>(x)] |= kSpace | kUnquotedStop;
  for (char x : {'_', '.', ':', '-'}) c[static_cast<uint8_t>(x)] |= kNameExtra;
  for (char x : {'"', '\'', '=', '<', '>', '`'}) c[static_cast<uint8_t>(x)] |= kUnquotedStop;
  return c;
}
constexpr std::array<uint8_t, 256> kClass = make_classes();
inline uint8_t cls(char c) { return kClass[static_cast<uint8_t>(c)]; }

// Copies t[b, e) into `out` lowercased (ASCII; tag and attribute names are ASCII by grammar).
void assign_lower(std::string& out, std::string_view t, size_t b, size_t e) {
  out.assign(t.data() + b, e - b);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
}
}  // namespace

size_t parse_html_tag(std::string_view t, uint32_t base, HtmlTag& out) {
  // Reset in place: the caller's strings and vector keep their storage.
  out.span = {};
  out.name.clear();
  out.closing = out.self_closing = out.comment = false;
  out.attributes.clear();
  const size_t n = t.size();
  if (n < 3 || t[0] != '<') return 0;
  size_t i = 1;
  if (t[1] == '!' && t.substr(0, 4) == "<!--") {
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
  if (i >= n || !(cls(t[i]) & kAlpha)) return 0;
  size_t name_begin = i;
  while (i < n && ((cls(t[i]) & (kAlpha | kDigit)) || t[i] == '-')) ++i;
  assign_lower(out.name, t, name_begin, i);
  if (out.closing) {
    while (i < n && (cls(t[i]) & kSpace)) ++i;
    if (i < n && t[i] == '>') {
      out.span = {base, static_cast<uint32_t>(base + i + 1)};
      return i + 1;
    }
    return 0;
  }
  while (true) {
    size_t ws = i;
    while (i < n && (cls(t[i]) & kSpace)) ++i;
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
    if (!((cls(t[i]) & kAlpha) || t[i] == '_' || t[i] == ':')) return 0;
    size_t an = i;
    while (i < n && (cls(t[i]) & (kAlpha | kDigit | kNameExtra))) ++i;
    HtmlAttribute& attr = out.attributes.emplace_back();
    // A tag that fails inside an attribute leaves only the attributes before it, as it always did.
    auto fail = [&out] {
      out.attributes.pop_back();
      return size_t{0};
    };
    assign_lower(attr.name, t, an, i);
    size_t save = i;
    while (i < n && (cls(t[i]) & kSpace)) ++i;
    if (i < n && t[i] == '=') {
      ++i;
      while (i < n && (cls(t[i]) & kSpace)) ++i;
      if (i >= n) return fail();
      if (t[i] == '"' || t[i] == '\'') {
        char q = t[i];
        size_t vb = i + 1;
        size_t ve = t.find(q, vb);
        if (ve == std::string_view::npos) return fail();
        attr.value.assign(t.data() + vb, ve - vb);
        attr.value_span = {static_cast<uint32_t>(base + vb), static_cast<uint32_t>(base + ve)};
        i = ve + 1;
      } else {
        size_t vb = i;
        while (i < n && !(cls(t[i]) & kUnquotedStop)) ++i;
        if (i == vb) return fail();
        attr.value.assign(t.data() + vb, i - vb);
        attr.value_span = {static_cast<uint32_t>(base + vb), static_cast<uint32_t>(base + i)};
      }
    } else {
      i = save;
      attr.value_span = {static_cast<uint32_t>(base + i), static_cast<uint32_t>(base + i)};
    }
  }
}

std::string heading_slug(std::string_view text) {
  // Markdig's GitHub-style auto identifiers (AutoIdentifierOptions.GitHub), which docfx uses:
  // letters and digits of any script lowercased, '-' and '_' kept, each space becomes '-', and
  // everything else (punctuation, tabs, line breaks, no-break spaces) is dropped. Repeated and
  // leading/trailing hyphens are kept: "This - is a &@! heading" -> "this---is-a--heading".
  // Markdig tests UTF-16 units, so letters outside the BMP (surrogate pairs) are dropped too.
  // Nothing is trimmed first: a space at either end is a '-' (`### <a name="x"> </a>Filter`: the
  // text is " Filter", the id "-filter"); CommonMark already strips the heading line's own ends.
  std::string_view trimmed = text;
  // ICU's lowercasing only when there is a non-ASCII byte; ASCII bytes are handled inline below
  // (lowercased the same way, and u_isalnum of ASCII is [A-Za-z0-9]).
  const bool ascii = std::all_of(trimmed.begin(), trimmed.end(), [](char c) { return static_cast<uint8_t>(c) < 0x80; });
  std::string lowered_storage;
  if (!ascii) lowered_storage = to_lower(trimmed);
  std::string_view lowered = ascii ? trimmed : std::string_view(lowered_storage);
  std::string out;
  out.reserve(lowered.size());
  for (size_t i = 0; i < lowered.size();) {
    const char c = lowered[i];
    if (static_cast<uint8_t>(c) < 0x80) {
      if (c == ' ') out += '-';
      else if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
      else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') out += c;
      ++i;
      continue;
    }
    size_t start = i;
    char32_t cp = utf8::next(lowered, i);
    if (cp == ' ') {
      out += '-';
    } else if (cp == '-' || cp == '_' || (cp <= 0xFFFF && u_isalnum(static_cast<UChar32>(cp)))) {
      out.append(lowered.substr(start, i - start));
    }
  }
  return out;
}

// The inline tokens of a chunk of raw HTML (an HTML block, or inline HTML md4c reported): a
// token per tag that parse_html_tag() accepts, text between them.
void Document::Builder::tokenize_html(Span chunk, const std::function<void(InlineKind, Span)>& emit) {
  std::string_view text(doc.text_);
  uint32_t i = chunk.begin;
  uint32_t text_begin = i;
  auto flush = [&](uint32_t upto) {
    if (upto > text_begin) emit(InlineKind::Text, {text_begin, upto});
  };
  // A tag ends at a '>' and a comment at a "-->"; past the last of them nothing can parse. Without
  // these bounds every '<' of an unterminated `<!--<!--...` or `<!<!...` run scanned to the end of
  // the chunk: quadratic, minutes for a 1 MB line.
  const size_t gt = text.substr(chunk.begin, chunk.size()).rfind('>');
  const uint32_t tag_end = gt == std::string_view::npos ? chunk.begin : chunk.begin + static_cast<uint32_t>(gt) + 1;
  const size_t cc = text.substr(chunk.begin, chunk.size()).rfind("-->");
  const uint32_t last_comment_close = cc == std::string_view::npos ? 0 : chunk.begin + static_cast<uint32_t>(cc);
  while (i < tag_end) {
    if (text[i] == '<') {
      if (text.substr(i, 4) == "<!--" && (cc == std::string_view::npos || last_comment_close < i + 4)) {
        ++i;
        continue;
      }
      HtmlTag tag;
      size_t len = parse_html_tag(text.substr(i, tag_end - i), i, tag);
      if (len > 0) {
        flush(i);
        emit(InlineKind::Html, {i, static_cast<uint32_t>(i + len)});
        doc.inlines_.back().tag = static_cast<uint32_t>(doc.html_tags_.size());
        doc.html_tags_.push_back(std::move(tag));
        i += static_cast<uint32_t>(len);
        text_begin = i;
        continue;
      }
    }
    ++i;
  }
  flush(chunk.end);
}

}  // namespace loclint

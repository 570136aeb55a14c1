#include <algorithm>

#include "comparison.h"

namespace loclint::checks::code {

const Rule kHtmlTag{
    .id = "code/html-tag-mismatch",
    .severity = Severity::Error,
    .summary = "an inline HTML tag of the source is missing, added or altered in the translation",
    .checks = "The translation keeps the inline HTML tags of the source (`<br>`, `<a name=\"...\">`, `<kbd>`, "
              "`<sup>`) with the same attributes; only the text between them is translated. Link targets are "
              "compared as URLs, and `alt` and `title` are prose. A tag-shaped name that is no HTML element "
              "(`<tenant-id>`) is a placeholder.",
    .why = "Tags structure the page and carry anchors that other pages link to: a lost `<br>` joins two lines, a "
           "lost `<a name>` breaks every link to it.",
    .fires = {.text = "<span data-ttu-id=\"f4053-101\">Ligne un</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-101\">Line one<br>line two</span></span>\n"},
    .passes = {.text = "<span data-ttu-id=\"f4053-101\">Ligne un<br>ligne deux</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-101\">Line one<br>line two</span></span>\n"},
};

namespace {

const std::initializer_list<std::string_view> kHtmlElements = {
    "a", "abbr", "b", "bdi", "bdo", "big", "blockquote", "br", "caption", "center", "cite", "code", "col",
    "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "font",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "iframe", "img", "ins", "kbd", "li", "mark", "nobr",
    "ol", "p", "pre", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "summary", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "tt", "u", "ul", "var", "video", "wbr"};
const std::initializer_list<std::string_view> kVoidElements = {"br", "hr", "img", "wbr", "col"};

bool known_element(std::string_view name) {
  return std::find(kHtmlElements.begin(), kHtmlElements.end(), name) != kHtmlElements.end();
}

std::string tag_key(const HtmlTag& tag) {
  std::string key = tag.closing ? "</" + tag.name : "<" + tag.name;
  std::vector<std::string> attrs;
  for (const HtmlAttribute& a : tag.attributes) {
    // Link targets are compared as URLs, and alt and title text are prose.
    if (a.name == "href" || a.name == "src" || a.name == "alt" || a.name == "title") continue;
    attrs.push_back(a.name + "=" + nfc(a.value));
  }
  std::sort(attrs.begin(), attrs.end());
  for (const std::string& a : attrs) key += " " + a;
  bool is_void = std::find(kVoidElements.begin(), kVoidElements.end(), tag.name) != kVoidElements.end();
  if (tag.self_closing && !is_void) key += "/";
  return key + ">";
}

// The id of an anchor tag (`<a name="x">`, `<a id="x">`, no href) of a source item, or "".
std::string anchor_id(const Document& doc, const Item& item) {
  auto [b, e] = Document::within(doc.html_tags(), item.span);
  if (b == e || b->name != "a" || b->closing || b->attribute("href")) return {};
  if (const HtmlAttribute* n = b->attribute("name")) return n->value;
  if (const HtmlAttribute* i = b->attribute("id")) return i->value;
  return {};
}

// Whether the translated `doc` still has the id `id`: a heading's generated id (from the
// translated text), or an explicit anchor when the source is another file (in a side-by-side
// file the source halves hold the English anchors).
bool has_id(const Document& doc, const Document& source, std::string_view id) {
  if (&doc != &source)
    for (const Anchor& a : doc.anchors())
      if (a.name == id) return true;
  for (const Heading& h : doc.headings())
    if (h.slug == id) return true;
  return false;
}

}  // namespace

void compare_html_tag_mismatch(PairComparison& p) {
  std::vector<Item> s, t;
  // The target's empty anchors (`<a name="x"></a>`, no href), as indices into t of both tags: a
  // localized docfx page puts one before a translated heading to keep the English heading's id,
  // so one the source lacks is added on purpose.
  std::vector<std::pair<size_t, size_t>> added_anchors;
  for (auto [half, items] : {std::pair{p.source.half, &s}, std::pair{p.target.half, &t}}) {
    // Every tag starts with '<' (parse_html_tag): a half without one has none to look up.
    if (half.text().find('<') == std::string_view::npos) continue;
    const Document& doc = *half.doc;
    auto [b, e] = Document::within(doc.html_tags(), half.content);
    for (auto it = b; it != e; ++it) {
      if (!half.content.contains(it->span) || it->comment || it->name.empty()) continue;
      std::string raw(doc.slice(it->span));
      if (!known_element(it->name)) {
        // `<tenant-id>` is a placeholder that Markdown happens to read as a tag.
        (items == &s ? p.source_tag_placeholders : p.target_tag_placeholders).push_back({raw, raw, it->span});
        continue;
      }
      if (items == &t && it->closing && it->name == "a" && !t.empty() && t.back().key.starts_with("<a ") &&
          it != b && (it - 1)->name == "a" && !(it - 1)->closing && !(it - 1)->attribute("href") &&
          ((it - 1)->attribute("name") || (it - 1)->attribute("id")) &&
          is_blank(doc.slice({(it - 1)->span.end, it->span.begin})))
        added_anchors.emplace_back(t.size() - 1, t.size());
      items->push_back({tag_key(*it), std::move(raw), it->span});
    }
  }
  match_equal(s, t);
  for (Item& a : s) {
    if (a.used) continue;
    // A dropped anchor whose id the translated page still has (its heading's generated id is
    // the same, or the anchor moved out of the block) breaks no link: only the tag is gone.
    if (a.key.starts_with("<a ")) {
      const std::string id = anchor_id(*p.source.half.doc, a);
      if (!id.empty() && has_id(*p.target.half.doc, *p.source.half.doc, id)) {
        a.used = true;
        for (Item* x = &a + 1; x < s.data() + s.size(); ++x)
          if (!x->used && x->key == "</a>") {
            x->used = true;
            break;
          }
        continue;
      }
    }
    Item* b = nullptr;
    for (Item& x : t)
      if (!x.used && x.key.substr(0, x.key.find_first_of(" >/", 1)) == a.key.substr(0, a.key.find_first_of(" >/", 1))) {
        b = &x;
        break;
      }
    if (b) {
      b->used = true;
      p.report(kHtmlTag, b->span, fmt::format("HTML tag differs from source: '{}' in translation, '{}' in source", q(b->raw), q(a.raw)), a.raw, a.span);
    } else {
      // An element dropped whole (<strong>...</strong>) is one defect: its end tag, missing
      // too, is reported with it.
      const std::string name = a.key.substr(1, a.key.find_first_of(" >/", 1) - 1);
      Item* close = nullptr;
      if (a.key[1] != '/')
        for (Item* x = &a + 1; x < s.data() + s.size() && !close; ++x)
          if (!x->used && x->key == "</" + name + ">") close = x;
      const bool close_kept = close && std::any_of(t.begin(), t.end(), [&](const Item& y) { return !y.used && y.key == close->key; });
      if (close && !close_kept) {
        close->used = true;
        p.claim(close->span);
        p.report(kHtmlTag, p.whole_target(), fmt::format("HTML element '{}...{}' of the source is missing from the translation", q(a.raw), q(close->raw)), a.raw, a.span);
      } else {
        p.report(kHtmlTag, p.whole_target(), fmt::format("HTML tag '{}' of the source is missing from the translation", q(a.raw)), a.raw, a.span);
      }
    }
  }
  // What is left of the target is not in the source; an empty anchor that the translation added
  // whole is kept on purpose (a renamed one was paired with the source's above).
  for (auto [open, close] : added_anchors)
    if (!t[open].used && !t[close].used) t[open].used = t[close].used = true;
  for (Item& b : t)
    if (!b.used) p.report(kHtmlTag, b.span, fmt::format("HTML tag '{}' is not in the source", q(b.raw)), {});
}

}  // namespace loclint::checks::code

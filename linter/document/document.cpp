// Builds the document model: bytes, encoding facts, front matter, Markdown, segments.
#include <algorithm>
#include <cstring>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "document_builder.h"
#include "front_matter.h"
#include "loclint/html_entities.h"

namespace loclint {

namespace {

bool starts_with_icase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char a = s[i], b = prefix[i];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
    if (b >= 'A' && b <= 'Z') b = static_cast<char>(b - 'A' + 'a');
    if (a != b) return false;
  }
  return true;
}

bool ends_with_icase(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && starts_with_icase(s.substr(s.size() - suffix.size()), suffix);
}

// Elements are almost always produced in file order; checking is far cheaper than a stable sort,
// which moves every element (strings, vectors) through a temporary buffer.
template <typename T>
void sort_by_begin(std::vector<T>& v) {
  if (std::is_sorted(v.begin(), v.end(), [](const T& a, const T& b) { return a.span.begin < b.span.begin; })) return;
  std::stable_sort(v.begin(), v.end(), [](const T& a, const T& b) { return a.span.begin < b.span.begin; });
}

}  // namespace

std::shared_ptr<const Document> Document::parse(std::string path, std::string bytes) {
  std::shared_ptr<Document> d(new Document());
  Document& doc = *d;
  doc.path_ = std::move(path);
  doc.text_ = std::move(bytes);
  std::string_view text = doc.text_;
  doc.bom_ = text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF";
  doc.lines_ = LineIndex(text);

  // Encoding facts: every invalid UTF-8 sequence (at most one per line, 100 in all) and the first
  // NUL byte. Parsing goes on: md4c and our scanners are byte-safe.
  size_t pos = 0;
  uint32_t last_line = 0;
  while (pos < text.size() && doc.input_problems_.size() < 100) {
    size_t bad = utf8::first_invalid(text.substr(pos));
    if (bad == std::string_view::npos) break;
    uint32_t at = static_cast<uint32_t>(pos + bad);
    doc.valid_utf8_ = false;
    uint32_t line = doc.lines_.line_of(at);
    if (line != last_line) doc.input_problems_.push_back({InputProblem::InvalidUtf8, at});
    last_line = line;
    pos = at + 1;
  }
  if (const void* nul = std::memchr(text.data(), 0, text.size()))
    doc.input_problems_.push_back(
        {InputProblem::NulByte, static_cast<uint32_t>(static_cast<const char*>(nul) - text.data())});

  const uint32_t start = doc.content_start();
  const bool yaml_file = ends_with_icase(doc.path_, ".yml") || ends_with_icase(doc.path_, ".yaml");
  if (yaml_file && is_yaml_mime(text)) doc.kind_ = DocumentKind::YamlMime;

  doc.front_matter_ = parse_front_matter(text, doc.lines_, start, doc.kind_ == DocumentKind::YamlMime, &doc.body_);
  recover_quotes(text, doc.lines_, doc.kind_ == DocumentKind::YamlMime, doc.front_matter_);
  if (doc.kind_ == DocumentKind::YamlMime) doc.body_ = {static_cast<uint32_t>(text.size()), static_cast<uint32_t>(text.size())};

  Builder b{doc};
  b.parse_markdown();
  // Html tokens refer to tags by index; re-point them when sorting moved any tag.
  if (!std::is_sorted(doc.html_tags_.begin(), doc.html_tags_.end(),
                      [](const HtmlTag& a, const HtmlTag& b) { return a.span.begin < b.span.begin; })) {
    sort_by_begin(doc.html_tags_);
    // Tags were appended in token order, which is file order except for HTML blocks inside
    // containers; rebuild the mapping by span.
    for (auto& t : doc.inlines_) {
      if (t.kind != InlineKind::Html || t.tag == InlineToken::kNoTag) continue;
      auto it = std::lower_bound(doc.html_tags_.begin(), doc.html_tags_.end(), t.span.begin,
                                 [](const HtmlTag& tag, uint32_t off) { return tag.span.begin < off; });
      t.tag = it != doc.html_tags_.end() && it->span.begin == t.span.begin
                  ? static_cast<uint32_t>(it - doc.html_tags_.begin())
                  : InlineToken::kNoTag;
    }
  }
  b.extract_segments();
  b.collect_bare_urls();
  b.collect_html_links_and_anchors();
  b.collect_docfx_extensions();
  sort_by_begin(doc.code_spans_);
  sort_by_begin(doc.code_blocks_);
  sort_by_begin(doc.links_);
  sort_by_begin(doc.emphasis_);
  sort_by_begin(doc.anchors_);
  b.finish_headings();
  return d;
}

bool Document::is_yaml_mime(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  return starts_with_icase(bytes, "### YamlMime:");
}

const CodeBlock* Document::code_block(uint32_t block) const {
  if (block >= blocks_.size() || blocks_[block].kind != BlockKind::CodeBlock) return nullptr;
  const uint32_t begin = blocks_[block].span.begin;
  auto it = std::lower_bound(code_blocks_.begin(), code_blocks_.end(), begin,
                             [](const CodeBlock& c, uint32_t off) { return c.span.begin < off; });
  return it != code_blocks_.end() && it->span.begin == begin ? &*it : nullptr;
}

bool Document::in_code(uint32_t offset) const {
  auto hit = [offset](const auto& v) {
    auto it = std::upper_bound(v.begin(), v.end(), offset,
                               [](uint32_t off, const auto& item) { return off < item.span.begin; });
    return it != v.begin() && std::prev(it)->span.contains(offset);
  };
  return hit(code_spans_) || hit(code_blocks_);
}

void Document::Builder::collect_html_links_and_anchors() {
  // A link whose destination is the value of `attribute`, its text empty (at the tag's end).
  auto add_link = [&](LinkKind kind, const HtmlTag& tag, const HtmlAttribute& attribute) {
    Link l;
    l.kind = kind;
    l.span = tag.span;
    l.text = {tag.span.end, tag.span.end};
    l.destination = decode_attribute_value(attribute.value);
    l.destination_span = attribute.value_span;
    doc.links_.push_back(std::move(l));
  };
  for (const HtmlTag& tag : doc.html_tags_) {
    if (tag.closing || tag.comment || tag.name.empty()) continue;
    if (tag.name == "a") {
      if (const HtmlAttribute* n = tag.attribute("name")) doc.anchors_.push_back({n->value, tag.span});
      if (const HtmlAttribute* h = tag.attribute("href")) add_link(LinkKind::HtmlAnchor, tag, *h);
    }
    if (tag.name == "img")
      if (const HtmlAttribute* s = tag.attribute("src")) add_link(LinkKind::HtmlImage, tag, *s);
    if (const HtmlAttribute* id = tag.attribute("id"))
      if (!(tag.name == "a" && tag.attribute("name") && tag.attribute("name")->value == id->value))
        doc.anchors_.push_back({id->value, tag.span});
  }
}

void Document::Builder::collect_docfx_extensions() {
  std::string_view text = doc.text_;
  // [!INCLUDE [title](path)]: md4c sees a link inside brackets that start with "!INCLUDE".
  for (Link& l : doc.links_) {
    if (l.kind != LinkKind::Inline) continue;
    uint32_t b = l.span.begin;
    uint32_t p = b;
    while (p > doc.body_.begin && (text[p - 1] == ' ' || text[p - 1] == '\t')) --p;
    if (p >= doc.body_.begin + 9 && starts_with_icase(text.substr(p - 9, 9), "[!INCLUDE")) {
      uint32_t e = l.span.end;
      while (e < text.size() && (text[e] == ' ' || text[e] == '\t')) ++e;
      if (e < text.size() && text[e] == ']') {
        l.kind = LinkKind::Include;
        l.span = {p - 9, e + 1};
      }
    }
  }
  for (uint32_t bi = 0; bi < doc.blocks_.size(); ++bi) {
    const Block& blk = doc.blocks_[bi];
    if (blk.kind != BlockKind::Paragraph && blk.kind != BlockKind::TableCell && blk.kind != BlockKind::Heading) continue;
    std::string_view s = text.substr(blk.span.begin, blk.span.size());
    // > [!NOTE] alerts: the first thing in a paragraph of a blockquote.
    if ((blk.context & InQuote) && s.size() > 3 && s[0] == '[' && s[1] == '!') {
      size_t close = s.find(']');
      if (close != std::string_view::npos && close > 2 && close < 20) {
        std::string kind(s.substr(2, close - 2));
        bool word = std::all_of(kind.begin(), kind.end(), [](char c) {
          return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        });
        if (word && !starts_with_icase(kind, "include")) {
          for (char& c : kind)
            if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
          doc.alerts_.push_back({{blk.span.begin, blk.span.begin + static_cast<uint32_t>(close + 1)}, kind});
        }
      }
    }
    // :::name attr="value" ...::: directives.
    size_t pos = 0;
    while ((pos = s.find(":::", pos)) != std::string_view::npos) {
      size_t i = pos + 3;
      size_t nb = i;
      while (i < s.size() && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || s[i] == '-')) ++i;
      if (i == nb) {
        pos += 3;
        continue;
      }
      Directive d;
      d.name = to_lower(s.substr(nb, i - nb));
      size_t end = s.find(":::", i);
      size_t stop = end == std::string_view::npos ? s.size() : end;
      // Attributes: name="value" pairs, reusing the HTML attribute grammar.
      std::string fake = "<x" + std::string(s.substr(i, stop - i)) + ">";
      HtmlTag tag;
      uint32_t base = blk.span.begin + static_cast<uint32_t>(i) - 2;
      if (parse_html_tag(fake, base, tag) == fake.size()) d.attributes = std::move(tag.attributes);
      uint32_t dbegin = blk.span.begin + static_cast<uint32_t>(pos);
      uint32_t dend = blk.span.begin + static_cast<uint32_t>(end == std::string_view::npos ? s.size() : end + 3);
      d.span = {dbegin, dend};
      if (d.name == "image")
        if (const HtmlAttribute* src = d.attribute("source")) {
          Link l;
          l.kind = LinkKind::ImageDirective;
          l.span = d.span;
          l.text = {d.span.end, d.span.end};
          l.destination = decode_attribute_value(src->value);
          l.destination_span = src->value_span;
          doc.links_.push_back(std::move(l));
        }
      doc.directives_.push_back(std::move(d));
      pos = end == std::string_view::npos ? s.size() : end + 3;
    }
  }
  sort_by_begin(doc.directives_);
  sort_by_begin(doc.alerts_);
}

void Document::Builder::finish_headings() {
  std::string_view text = doc.text_;
  // Source halves of segments are hidden on the page; their text is not part of the heading.
  // Collected per heading block in one pass (segments are sorted by offset), so that a file of
  // many headings and many segments stays linear.
  std::unordered_map<uint32_t, std::vector<Span>> hidden_by_block;
  for (const Segment& s : doc.segments_)
    if (s.source.present && s.block < doc.blocks_.size() && doc.blocks_[s.block].kind == BlockKind::Heading)
      hidden_by_block[s.block].push_back({s.source.open.begin, std::max(s.source.close.end, s.source.content.end)});
  static const std::vector<Span> kNone;
  for (uint32_t bi = 0; bi < doc.blocks_.size(); ++bi) {
    const Block& blk = doc.blocks_[bi];
    if (blk.kind != BlockKind::Heading) continue;
    Heading h;
    h.span = blk.span;
    h.level = blk.level;
    h.block = bi;
    auto found = hidden_by_block.find(bi);
    const std::vector<Span>& hidden = found == hidden_by_block.end() ? kNone : found->second;
    size_t next_hidden = 0;  // tokens and hidden spans are both in file order
    auto [first, last] = doc.block_inlines_[bi];
    for (uint32_t i = first; i < last; ++i) {
      const InlineToken& t = doc.inlines_[i];
      while (next_hidden < hidden.size() && hidden[next_hidden].end <= t.span.begin) ++next_hidden;
      if (next_hidden < hidden.size() && hidden[next_hidden].contains(t.span.begin)) continue;
      if (t.kind == InlineKind::Text || t.kind == InlineKind::Code) h.text.append(text.substr(t.span.begin, t.span.size()));
      if (t.kind == InlineKind::Entity) h.text += decode_character_reference(text.substr(t.span.begin, t.span.size()));
      if (t.kind == InlineKind::SoftBreak || t.kind == InlineKind::HardBreak) h.text += ' ';
      if (t.kind == InlineKind::Html && t.tag != InlineToken::kNoTag) {
        const HtmlTag& tag = doc.html_tags_[t.tag];
        if (tag.name == "a" && tag.attribute("name")) h.anchors.push_back({tag.attribute("name")->value, tag.span});
        else if (const HtmlAttribute* id = tag.attribute("id")) h.anchors.push_back({id->value, tag.span});
      }
    }
    h.slug = heading_slug(h.text);
    std::string trimmed(trim(h.text));
    h.text = std::move(trimmed);
    doc.headings_.push_back(std::move(h));
  }
}

AnchorSet anchor_set(const Document& doc) {
  AnchorSet out;
  std::string_view text = doc.text();
  // Markdig numbers repeated ids per document: the second "Next steps" is next-steps-1.
  // The ids only ever grow, so the search for a free "-n" resumes where it last stopped for the
  // same base id (the same result as starting from 1, without 100 000 equal headings costing
  // 5 billion lookups).
  struct Seen {
    std::unordered_set<std::string> ids;
    std::unordered_map<std::string, int> next;  // base id -> first n not yet known to be taken
  };
  auto numbered = [](Seen& seen, std::string id) {
    if (id.empty()) id = "section";
    if (seen.ids.insert(id).second) return id;
    int& n = seen.next.try_emplace(id, 1).first->second;
    std::string unique;
    do unique = id + "-" + std::to_string(n++);
    while (!seen.ids.insert(unique).second);
    return unique;
  };
  Seen seen_visible, seen_whole;
  size_t next_anchor = 0;
  const auto& anchors = doc.anchors();
  auto take_anchors_before = [&](uint32_t offset) {
    for (; next_anchor < anchors.size() && anchors[next_anchor].span.begin < offset; ++next_anchor)
      out.suggestions.push_back(anchors[next_anchor].name);
  };
  for (const Heading& h : doc.headings()) {
    const size_t first_new = next_anchor;
    take_anchors_before(h.span.end);
    std::string visible = numbered(seen_visible, h.slug);
    for (size_t a = first_new; a < next_anchor; ++a)
      if (anchors[a].span.begin >= h.span.begin) out.heading_anchors.emplace_back(anchors[a].name, visible);
    // What Markdig sees: every text of the heading, the hidden source half included.
    std::string whole;
    auto [first, last] = doc.block_inlines(h.block);
    for (uint32_t i = first; i < last; ++i) {
      const InlineToken& t = doc.inlines()[i];
      std::string_view s = text.substr(t.span.begin, t.span.size());
      if (t.kind == InlineKind::Text || t.kind == InlineKind::Code) whole.append(s);
      else if (t.kind == InlineKind::Entity) whole += decode_character_reference(s);
      else if (t.kind == InlineKind::SoftBreak || t.kind == InlineKind::HardBreak) whole += '\n';
    }
    std::string whole_id = numbered(seen_whole, heading_slug(whole));
    out.suggestions.push_back(visible);
    out.ids.push_back(std::move(visible));
    out.ids.push_back(std::move(whole_id));
  }
  take_anchors_before(UINT32_MAX);
  for (const Anchor& a : anchors) out.ids.push_back(a.name);
  if (!doc.segments().empty()) {
    Seen seen_source;
    const auto& segs = doc.segments();
    for (const Heading& h : doc.headings()) {
      std::string english;
      auto it = std::lower_bound(segs.begin(), segs.end(), h.block, [](const Segment& s, uint32_t b) { return s.block < b; });
      const Segment* prev = nullptr;
      for (; it != segs.end() && it->block == h.block; ++it) {
        if (!it->source.present) continue;
        // What stands between two segments is the English heading's own (a space).
        if (prev && prev->span.end <= it->span.begin) english.append(text.substr(prev->span.end, it->span.begin - prev->span.end));
        english.append(text.substr(it->source.content.begin, it->source.content.size()));
        prev = &*it;
      }
      if (!english.empty()) out.source_ids.push_back(numbered(seen_source, heading_slug(english)));
    }
    std::sort(out.source_ids.begin(), out.source_ids.end());
  }
  for (const Link& l : doc.links()) {
    if (doc.in_code(l.span.begin)) continue;
    if (l.kind == LinkKind::Include) out.includes.push_back(l.destination);
    out.destinations.push_back(l.destination);
  }
  std::sort(out.destinations.begin(), out.destinations.end());
  out.destinations.erase(std::unique(out.destinations.begin(), out.destinations.end()), out.destinations.end());
  std::sort(out.ids.begin(), out.ids.end());
  out.ids.erase(std::unique(out.ids.begin(), out.ids.end()), out.ids.end());
  return out;
}

}  // namespace loclint

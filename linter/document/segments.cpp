// Side-by-side segments, found in each leaf block's inline token stream. A target span is
// `<span data-ttu-id>`; its source twin follows immediately as
// `<span class="sxs-lookup"><span data-stu-id>`. Broken structures are kept, not dropped.
#include <algorithm>

#include "document_builder.h"

namespace loclint {

namespace {

bool is_void_element(std::string_view n) {
  static constexpr std::string_view kVoid[] = {"area", "base", "br",   "col",   "embed", "hr",  "img",
                                               "input", "link", "meta", "param", "source", "track", "wbr"};
  return std::find(std::begin(kVoid), std::end(kVoid), n) != std::end(kVoid);
}

bool has_class(const HtmlTag& t, std::string_view cls) {
  const HtmlAttribute* a = t.attribute("class");
  if (!a) return false;
  std::string_view v = a->value;
  size_t pos = 0;
  while (pos < v.size()) {
    while (pos < v.size() && v[pos] == ' ') ++pos;
    size_t end = v.find(' ', pos);
    if (end == std::string_view::npos) end = v.size();
    if (v.substr(pos, end - pos) == cls) return true;
    pos = end;
  }
  return false;
}

// End tags that close a container: met inside a span, they end it (misnested), where a stray
// phrasing end tag (`</a>`, `</sub>`) is dropped by browsers and leaves the span open.
bool closes_container(std::string_view n) {
  static constexpr std::string_view kContainers[] = {
      "td", "th", "tr", "table", "thead", "tbody", "tfoot", "caption", "p", "li", "ul", "ol", "dl", "dt", "dd", "div",
      "blockquote", "section", "article", "aside", "header", "footer", "nav", "main", "details", "summary", "body",
      "html", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "figure", "form"};
  return std::find(std::begin(kContainers), std::end(kContainers), n) != std::end(kContainers);
}

struct Walker {
  const Document& doc;
  const std::vector<InlineToken>& toks;
  const std::vector<HtmlTag>& tags;
  uint32_t first, last;  // token range of the block
  uint32_t block_end;
  std::vector<uint32_t> bare_open_spans = {};  // tokens of `<span>`s left open in the block (ignored), sorted

  // A block with more `<span>` than `</span>` whose surplus bare `<span>`s (no attributes) can
  // account for it: those, the last ones first, are text to the balance (SegmentHalf::stray_tags).
  void find_bare_open_spans() {
    int surplus = 0;
    std::vector<uint32_t> bare;
    for (uint32_t j = first; j < last; ++j) {
      const HtmlTag* t = tag(j);
      if (!t || t->comment || t->name != "span" || t->self_closing) continue;
      if (t->closing) {
        --surplus;
      } else {
        ++surplus;
        if (t->attributes.empty()) bare.push_back(j);
      }
    }
    size_t n = std::min<size_t>(static_cast<size_t>(std::max(surplus, 0)), bare.size());
    bare_open_spans.assign(bare.end() - static_cast<std::ptrdiff_t>(n), bare.end());
  }
  bool is_bare_open_span(uint32_t j) const {
    return std::binary_search(bare_open_spans.begin(), bare_open_spans.end(), j);
  }

  const HtmlTag* tag(uint32_t i) const {
    if (i >= last || toks[i].kind != InlineKind::Html || toks[i].tag == InlineToken::kNoTag) return nullptr;
    return &tags[toks[i].tag];
  }
  bool is_open_span(const HtmlTag* t) const { return t && t->name == "span" && !t->closing && !t->comment; }
  bool is_target_open(uint32_t i) const {
    const HtmlTag* t = tag(i);
    return is_open_span(t) && t->attribute("data-ttu-id");
  }
  bool is_source_open(uint32_t i) const {
    const HtmlTag* t = tag(i);
    return is_open_span(t) && (has_class(*t, "sxs-lookup") || t->attribute("data-stu-id"));
  }
  bool starts_segment(uint32_t i) const { return is_target_open(i) || is_source_open(i); }

  // Finds the `</span>` matching the span opened at token `open`. Returns its token index, or
  // `last` when the span is unclosed; `stop` receives where scanning stopped (the token that
  // begins the next segment, a misnested closing tag, or the block end).
  // Tags the balance ignored go to `stray` (SegmentHalf::stray_tags).
  uint32_t find_close(uint32_t open, uint32_t* stop, std::vector<Span>* stray = nullptr) const {
    int depth = 1;
    std::vector<std::string_view> inner;  // non-span elements opened inside
    auto ignore = [&](uint32_t j) {
      if (stray) stray->push_back(toks[j].span);
    };
    for (uint32_t j = open + 1; j < last; ++j) {
      const HtmlTag* t = tag(j);
      if (!t || t->comment || t->name.empty()) continue;
      if (starts_segment(j)) {
        *stop = j;
        return last;
      }
      if (t->name == "br" || (t->name == "span" && !t->closing && is_bare_open_span(j))) {
        if (t->closing || t->name == "span") ignore(j);  // `</br>` reads as `<br>`
        continue;
      }
      if (t->name == "span") {
        if (t->closing) {
          if (--depth == 0) {
            *stop = j + 1;
            return j;
          }
        } else if (!t->self_closing) {
          ++depth;
        }
        continue;
      }
      if (t->closing) {
        if (!inner.empty() && inner.back() == t->name) {
          inner.pop_back();
          continue;
        }
        if (std::find(inner.begin(), inner.end(), t->name) == inner.end() && !closes_container(t->name)) {
          ignore(j);  // closes nothing opened in the span: a browser drops it
          continue;
        }
        *stop = j;  // `</td>` or `</p>` while the span is open: misnested
        return last;
      }
      if (!t->self_closing && !is_void_element(t->name)) inner.push_back(t->name);
    }
    *stop = last;
    return last;
  }

  uint32_t content_end(uint32_t stop) const {
    if (stop < last) return toks[stop].span.begin;
    return stop > first ? toks[stop - 1].span.end : block_end;
  }

  // Reads into `h` a half whose one `<span>` opens at token i: its content runs to the matching
  // `</span>` or, unclosed, to where scanning stopped. Returns the closing tag's token (`last`
  // when unclosed); `stop` receives where scanning stopped (find_close).
  uint32_t read_half(uint32_t i, SegmentHalf& h, uint32_t* stop) const {
    h.open = toks[i].span;
    const uint32_t c = find_close(i, stop, &h.stray_tags);
    h.closed = c < last;
    h.content = {h.open.end, h.closed ? toks[c].span.begin : content_end(*stop)};
    if (h.closed) h.close = toks[c].span;
    return c;
  }

  // Parses a source twin at token i. Returns the token after it.
  uint32_t parse_source(uint32_t i, Segment& seg) const {
    const HtmlTag* outer = tag(i);
    SegmentHalf& h = seg.source;
    h.present = true;
    if (!has_class(*outer, "sxs-lookup")) {
      // A bare `<span data-stu-id>` without its sxs-lookup wrapper.
      seg.source_missing_inner = false;
      const HtmlAttribute* id = outer->attribute("data-stu-id");
      h.has_id = id != nullptr;
      if (id) h.id = id->value, h.id_span = id->value_span;
      uint32_t stop;
      read_half(i, h, &stop);
      return stop;
    }
    uint32_t inner_i = i + 1;
    const HtmlTag* inner = tag(inner_i);
    if (is_open_span(inner) && inner->attribute("data-stu-id") && toks[inner_i].span.begin == toks[i].span.end) {
      const HtmlAttribute* id = inner->attribute("data-stu-id");
      h.has_id = true;
      h.id = id->value;
      h.id_span = id->value_span;
      h.open = {toks[i].span.begin, toks[inner_i].span.end};
      uint32_t stop;
      uint32_t c = find_close(inner_i, &stop, &h.stray_tags);
      if (c < last) {
        h.content = {h.open.end, toks[c].span.begin};
        // The outer `</span>` must follow.
        const HtmlTag* t = tag(c + 1);
        if (t && t->name == "span" && t->closing) {
          h.closed = true;
          h.close = {toks[c].span.begin, toks[c + 1].span.end};
          return c + 2;
        }
        h.closed = false;
        h.close = {};
        return c + 1;
      }
      h.content = {h.open.end, content_end(stop)};
      h.closed = false;
      return stop;
    }
    seg.source_missing_inner = true;
    uint32_t stop;
    read_half(i, h, &stop);
    return stop;
  }
};

}  // namespace

void Document::Builder::extract_segments() {
  const auto& toks = doc.inlines_;
  for (uint32_t b = 0; b < doc.blocks_.size(); ++b) {
    if (doc.blocks_[b].kind == BlockKind::CodeBlock) continue;
    auto [first, last] = doc.block_inlines_[b];
    Walker w{doc, toks, doc.html_tags_, first, last, doc.blocks_[b].span.end};
    w.find_bare_open_spans();
    uint32_t i = first;
    while (i < last) {
      if (w.is_target_open(i)) {
        Segment seg;
        seg.block = b;
        SegmentHalf& t = seg.target;
        const HtmlTag* tag = w.tag(i);
        const HtmlAttribute* id = tag->attribute("data-ttu-id");
        t.present = true;
        t.has_id = true;
        t.id = id->value;
        t.id_span = id->value_span;
        uint32_t stop;
        const uint32_t c = w.read_half(i, t, &stop);
        uint32_t next = stop;
        if (t.closed && w.is_source_open(c + 1) && toks[c + 1].span.begin == t.close.end) next = w.parse_source(c + 1, seg);
        seg.span = {t.open.begin, seg.source.present ? std::max(seg.source.close.end, seg.source.content.end)
                                                     : std::max(t.close.end, t.content.end)};
        doc.segments_.push_back(std::move(seg));
        i = std::max(next, i + 1);
        continue;
      }
      if (w.is_source_open(i)) {
        Segment seg;
        seg.block = b;
        uint32_t next = w.parse_source(i, seg);
        seg.span = {seg.source.open.begin, std::max(seg.source.close.end, seg.source.content.end)};
        doc.segments_.push_back(std::move(seg));
        i = std::max(next, i + 1);
        continue;
      }
      ++i;
    }
  }
  auto by_begin = [](const Segment& a, const Segment& b) { return a.span.begin < b.span.begin; };
  if (!std::is_sorted(doc.segments_.begin(), doc.segments_.end(), by_begin))
    std::stable_sort(doc.segments_.begin(), doc.segments_.end(), by_begin);
}

}  // namespace loclint

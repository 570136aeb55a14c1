#include <algorithm>
#include <cstring>

#include "segment.h"

namespace loclint::checks::segment {

constexpr std::string_view kIdShape = "prefix-dash-number like 'f4053-120'";

const Rule kMalformedId{
    .id = "segment/malformed-id",
    .severity = Severity::Error,
    .summary = "a segment id that is empty or not prefix-dash-number, or a broken segment tag",
    .checks = "Every segment id is five lowercase hex digits (the file's prefix), a dash and the sentence "
              "number, like `f4053-120` (or a `p` and the paragraph number, `055b8-p102`, for a segment that holds "
              "a whole paragraph), in both the translation's `data-ttu-id` and the source's `data-stu-id`. The rule also reports a segment tag so damaged that it is no longer HTML (a lost "
              "quote: `<span data-ttu-id=\"f4053-1>`), and an `sxs-lookup` span without its inner "
              "`data-stu-id` span.",
    .why = "The localization pipeline writes the ids and re-imports translations by them: an empty, truncated "
           "or retyped id matches nothing and the sentence is lost. A broken tag shows as raw text to readers "
           "and the pipeline cannot read it. Copy the id from the other half of the segment.",
    .fires = {.text = "<span data-ttu-id=\"f4053-12O\">Texte</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-12O\">Text</span></span>\n"},
    .passes = {.text = "<span data-ttu-id=\"f4053-120\">Texte</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-120\">Text</span></span>\n"},
};

namespace {

// Tag spans recognised as HTML (comments included), sorted, to tell remnants from real tags.
// The model keeps html_tags() in file order, so their spans are usually taken as they are; a
// sorted copy is made only if starts are ever out of order or repeated.
class TagSpans {
 public:
  explicit TagSpans(const Document& doc) : tags_(doc.html_tags()) {
    for (size_t i = 1; i < tags_.size() && !copied_; ++i)
      if (tags_[i - 1].span.begin >= tags_[i].span.begin) copied_ = true;
    if (!copied_) return;
    sorted_.reserve(tags_.size());
    for (const HtmlTag& t : tags_) sorted_.push_back(t.span);
    std::sort(sorted_.begin(), sorted_.end(), [](Span a, Span b) { return a.begin < b.begin; });
  }

  size_t size() const { return tags_.size(); }
  uint32_t begin_of(size_t i) const { return copied_ ? sorted_[i].begin : tags_[i].span.begin; }

  bool inside_any(uint32_t offset) const {
    return copied_ ? inside(sorted_, offset, [](Span s) { return s; })
                   : inside(tags_, offset, [](const HtmlTag& t) { return t.span; });
  }

 private:
  template <typename T, typename SpanOf>
  static bool inside(const std::vector<T>& sorted, uint32_t offset, SpanOf span_of) {
    auto it = std::upper_bound(sorted.begin(), sorted.end(), offset,
                               [&](uint32_t o, const T& s) { return o < span_of(s).begin; });
    // Tags never overlap one another except a comment containing tag-like text; look back a few.
    for (int k = 0; k < 4 && it != sorted.begin(); ++k) {
      --it;
      if (span_of(*it).contains(offset)) return true;
    }
    return false;
  }

  const std::vector<HtmlTag>& tags_;
  bool copied_ = false;
  std::vector<Span> sorted_;
};

}  // namespace

// Segment attributes outside any recognised tag, outside code and front matter, in a `<span`
// that md4c did not take as HTML. Prose that merely mentions `data-ttu-id` is not a remnant.
//
// An attribute belongs to the last '<' before it, and only if no '>' or line break comes in
// between. When that '<' opens a recognised tag, the attribute is inside the tag (a tag's
// span runs to its '>'): never a remnant. So only the text after a '<' that opens no tag is
// searched, up to the next '<', '>' or line break (no attribute name contains one); that is
// a few bytes per file instead of all of them twice.
std::vector<Remnant> find_remnants(const Document& doc) {
  std::string_view text = doc.text();
  Span body = doc.body();
  const TagSpans tags(doc);
  constexpr std::string_view kAttrs[2] = {"data-ttu-id", "data-stu-id"};
  // Per attribute in text order, data-ttu-id first: the order the sort below has always had.
  std::vector<Remnant> found[2];
  size_t tag = 0;  // the first tag that starts at or after lt
  for (const char* p = static_cast<const char*>(std::memchr(text.data() + body.begin, '<', body.end - body.begin)); p;
       p = static_cast<const char*>(std::memchr(p + 1, '<', text.data() + body.end - (p + 1)))) {
    const size_t lt = static_cast<size_t>(p - text.data());
    while (tag < tags.size() && tags.begin_of(tag) < lt) ++tag;
    if (tag < tags.size() && tags.begin_of(tag) == lt) continue;
    size_t stop = text.find_first_of("<>\n", lt + 1);
    if (stop == std::string_view::npos) stop = text.size();
    const std::string_view region = text.substr(0, stop);  // an attribute found in it ends before stop
    for (int which = 0; which < 2; ++which) {
      const std::string_view attr = kAttrs[which];
      for (size_t pos = region.find(attr, lt + 1); pos != std::string_view::npos && pos < body.end;
           pos = region.find(attr, pos + attr.size())) {
        uint32_t at = static_cast<uint32_t>(pos);
        if (doc.in_code(at)) continue;
        if (tags.inside_any(at)) continue;
        std::string_view between = text.substr(lt, pos - lt);  // no '<', '>' or line break
        if (between.size() < 6 || to_lower(between.substr(0, 5)) != "<span") continue;
        size_t end = text.find_first_of(">\r\n", pos);
        if (end == std::string_view::npos || end > body.end) end = body.end;
        else if (text[end] == '>') ++end;
        found[which].push_back({{static_cast<uint32_t>(lt), static_cast<uint32_t>(end)}, which == 0});
      }
    }
  }
  std::vector<Remnant> out = std::move(found[0]);
  out.insert(out.end(), found[1].begin(), found[1].end());
  std::sort(out.begin(), out.end(), [](const Remnant& a, const Remnant& b) { return a.span.begin < b.span.begin; });
  return out;
}

namespace {

// `<span a="v" b="w">`: a complete tag with quoted attribute values. Such a "remnant" is not
// broken: md4c did not read it as HTML because it is not in the rendered document at all (a
// table cell beyond the header's columns, which GFM drops, or inside an HTML comment the
// source opened), so it hides its text exactly as the English page does.
bool well_formed_tag(std::string_view t) {
  if (t.size() < 6 || t.back() != '>') return false;
  size_t i = 5;  // after `<span`
  while (true) {
    size_t ws = i;
    while (i < t.size() && (t[i] == ' ' || t[i] == '\t')) ++i;
    if (i < t.size() && t[i] == '>') return i + 1 == t.size();
    if (i == ws) return false;  // attributes are separated by white space
    size_t name = i;
    while (i < t.size() && ((t[i] >= 'a' && t[i] <= 'z') || (t[i] >= 'A' && t[i] <= 'Z') || t[i] == '-')) ++i;
    if (i == name || i + 1 >= t.size() || t[i] != '=' || t[i + 1] != '"') return false;
    size_t close = t.find('"', i + 2);
    if (close == std::string_view::npos || t.substr(i + 2, close - i - 2).find_first_of("<>&") != std::string_view::npos)
      return false;
    i = close + 1;
  }
}

}  // namespace

void Analysis::report_remnants() {
  for (Remnant& r : remnants_)
    if (!(r.well_formed = well_formed_tag(doc_.slice(r.span))))
      out_.report(kMalformedId, r.span,
                fmt::format("broken segment tag '{}' is not HTML: it shows as text and its segment is lost",
                            excerpt(doc_.slice(r.span))));
}

bool Analysis::missing_inner(const Unit& u) {
  const Segment* src = u.source();
  if (!src->source_missing_inner) return false;
  // A broken inner tag (`<span data-stu-id="f4053-1>`) is already reported as a remnant.
  if (!remnant_between(src->source.open.end, std::max(src->source.content.end, src->source.close.end), false))
    out_.report(kMalformedId, src->source.open,
                fmt::format("source twin of '{}' has no '<span data-stu-id>' directly inside its sxs-lookup span",
                            excerpt(u.id(), 24)));
  return true;
}

void Analysis::report_malformed(const SegmentHalf& h, bool target) {
  std::string_view side = target ? "translation" : "source";
  if (h.id.empty())
    out_.report(kMalformedId, h.id_span, fmt::format("empty segment id in {} (expected {})", side, kIdShape));
  else if (h.id.starts_with("&quot;"))
    // `data-ttu-id=&quot;0e9cf-115&quot;`: the attribute's quotes written as the entity, as a whole
    // run of a file's tags is by some pipelines; browsers take `"0e9cf-115"`, quotes and all, and a
    // `class=&quot;sxs-lookup&quot;` wrapper no longer hides the English text.
  {
    // Whether the pair's sxs-lookup wrapper is quoted so too: the source half's opening tags hold
    // it; it follows the translation half's end.
    constexpr std::string_view kQuotedClass = "class=&quot;sxs-lookup&quot;";
    const std::string_view text = doc_.text();
    const size_t after = h.close.end > h.close.begin ? h.close.end : h.content.end;
    const bool class_quoted =
        target ? text.substr(after, kQuotedClass.size() + 16).find(kQuotedClass) != std::string_view::npos
               : doc_.slice(h.open).find(kQuotedClass) != std::string_view::npos;
    out_.report(kMalformedId, h.id_span,
                fmt::format("segment id '{}' in {} is quoted with '&quot;' instead of '\"'{}", excerpt(h.id, 30), side,
                            class_quoted ? ": an sxs-lookup class quoted so no longer hides the English text"
                                         : ": browsers read the quotes as part of the id"));
  }
  else
    out_.report(kMalformedId, h.id_span,
                fmt::format("malformed segment id '{}' in {} (expected {})", excerpt(h.id, 24), side, kIdShape));
}

}  // namespace loclint::checks::segment

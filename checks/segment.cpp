// checks/segment: the side-by-side segment structure the localization pipeline re-imports by id.
//
// `<span data-ttu-id="f4053-120">traduction</span><span class="sxs-lookup"><span data-stu-id="f4053-120">source</span></span>`
//
// One defect gives one diagnostic. The analysis first pairs what the model extracted into
// logical segments (an unclosed target and the source twin it ran into are one segment, so is a
// target and a twin separated by white space), then reports structure, then ids, then content,
// each only for the segments the previous stages left intact.
#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <optional>

#include "registry.h"
#include "segment_text.h"

namespace loclint::checks {

namespace {

using segment_text::parse_id;
using segment_text::quote;
using segment_text::SegmentId;

constexpr std::string_view kIdShape = "prefix-dash-number like 'f4053-120'";

const Rule kMalformedId{
    "segment/malformed-id", Severity::Error, "a segment id that is empty or not prefix-dash-number, or a broken segment tag",
    "Every segment id is written by the localization pipeline as five lowercase hex digits (the "
    "file's prefix), a dash and the sentence number, like `f4053-120`, in both the translation's "
    "`data-ttu-id` and the source's `data-stu-id`. The pipeline re-imports translations by this "
    "id: an empty, truncated or retyped id matches nothing and the sentence is lost. The rule also "
    "reports a segment tag so damaged that it is no longer HTML (a lost quote: "
    "`<span data-ttu-id=\"f4053-1>`), which readers see as raw text and the pipeline cannot read, "
    "and an `sxs-lookup` span without its inner `data-stu-id` span. Copy the id from the other half "
    "of the segment.",
    "<span data-ttu-id=\"f4053-12O\">Texte</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-12O\">Text</span></span>"};

const Rule kIdMismatch{
    "segment/id-mismatch", Severity::Error, "the translation's data-ttu-id differs from its source twin's data-stu-id",
    "A translation span and the source span right after it are one segment and must carry the same "
    "id. When they differ, the pipeline pairs the translation with the wrong English sentence (or "
    "with none) on re-import, and readers hovering the sentence see the wrong source. This usually "
    "comes from editing or reordering one half of a segment. Make both ids the one the source "
    "half had.",
    "<span data-ttu-id=\"f4053-120\">Texte</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-121\">Text</span></span>"};

const Rule kMissingSource{
    "segment/missing-source", Severity::Error, "a translation span without its sxs-lookup source twin right after it",
    "Each translation span `<span data-ttu-id>` must be followed immediately, with nothing in "
    "between (not even a space), by its English twin "
    "`<span class=\"sxs-lookup\"><span data-stu-id>`. Without it the pipeline cannot tell which "
    "source sentence the translation belongs to, and the sentence is dropped or left stale on the "
    "next update. Restore the source twin from the English article, or remove the white space or "
    "text that separates the two halves.",
    "<span data-ttu-id=\"f4053-120\">Texte</span> <span class=\"sxs-lookup\"><span data-stu-id=\"f4053-120\">Text</span></span>"};

const Rule kMissingTarget{
    "segment/missing-target", Severity::Error, "an sxs-lookup source span with no translation span before it",
    "A source span `<span class=\"sxs-lookup\"><span data-stu-id>` is the English twin of the "
    "translation span written right before it. When the translation span is missing (deleted, or "
    "its tag lost), readers see no translation for the sentence and the pipeline has nothing to "
    "re-import for this id. Restore `<span data-ttu-id=\"ID\">translation</span>` right before the "
    "source span.",
    "Texte<span class=\"sxs-lookup\"><span data-stu-id=\"f4053-120\">Text</span></span>"};

const Rule kDuplicateId{
    "segment/duplicate-id", Severity::Error, "the same segment id used by two segments of one file",
    "Segment ids are unique within a file: the pipeline keeps one translation per id, so when two "
    "segments share an id one of the two translations is overwritten or lost on re-import. This "
    "usually comes from a copied paragraph. The diagnostic points at the second use and names the "
    "line of the first; give the copy the id its source sentence has in the English export.",
    "<span data-ttu-id=\"f4053-120\">Un</span>...\n<span data-ttu-id=\"f4053-120\">Deux</span>..."};

const Rule kMixedPrefix{
    "segment/mixed-prefix", Severity::Warning, "a segment whose id prefix differs from the file's prevailing prefix",
    "All segments of one exported file share one prefix (the `f4053` of `f4053-120`). A segment "
    "with another prefix was copied from another article (or another export of this one): the "
    "pipeline will not find it in this file's source and its translation is not updated. It is a "
    "warning because the text itself is still shown; consecutive segments with the same foreign "
    "prefix are reported once.",
    "<span data-ttu-id=\"f4053-120\">...</span>...\n<span data-ttu-id=\"a1b2c-7\">...</span>..."};

const Rule kOutOfOrder{
    "segment/out-of-order", Severity::Warning, "a segment whose number breaks the increasing order of the file",
    "Segment numbers increase in file order (gaps are normal: not every sentence is exported side "
    "by side). A segment whose number does not fit was moved or pasted from elsewhere in the file, "
    "which often means a sentence now stands next to the wrong context or was duplicated. loclint "
    "reports the fewest segments that break the order (those outside the longest increasing run), "
    "a run of consecutive misplaced segments once, and names the in-order neighbours. It is a "
    "warning because re-import by id still works.",
    "<span data-ttu-id=\"f4053-121\">...</span>...\n<span data-ttu-id=\"f4053-120\">...</span>..."};

const Rule kUnclosedSpan{
    "segment/unclosed-span", Severity::Error, "a translation or source span whose closing </span> is missing or misnested",
    "Each half of a segment is closed by `</span>` (the source half by `</span></span>`). When a "
    "closing tag is missing, or a tag like `</td>` closes first, the span swallows the rest of the "
    "paragraph: the following text is hidden with the English source or shown inside the wrong "
    "segment, and the pipeline re-imports a truncated sentence. Add the missing `</span>` where "
    "the half ends.",
    "<span data-ttu-id=\"f4053-120\">Texte<span class=\"sxs-lookup\"><span data-stu-id=\"f4053-120\">Text</span></span>"};

const Rule kEmptyTarget{
    "segment/empty-target", Severity::Error, "a translation span that is empty while its source has text",
    "The translation span holds nothing (or only white space or emphasis marks) while the English "
    "twin has a sentence: readers see nothing where the sentence should be. The translation was "
    "lost in an edit or never written. Translate the source sentence into the span.",
    "<span data-ttu-id=\"f4053-120\"></span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-120\">Here is a sentence.</span></span>"};

const Rule kUntranslated{
    "segment/untranslated", Severity::Warning, "a translation identical to its English source although the source is prose",
    "The translation is the English source, unchanged, although the source is an English sentence "
    "or phrase (it has English function words such as `the`, `is`, `you`, or ends like a sentence "
    "with several lower-case words). Identical segments are fine and never reported when the "
    "source is only product or proper names (`Microsoft Partner Center`), identifiers and column "
    "names (`MPNId`), code, commands, numbers, dates, URLs or punctuation, nor in English-locale "
    "files. It is a warning because a few English phrases are deliberately kept; translate the "
    "sentence or suppress the finding. Option `min-words` (default 3): the fewest plain words a "
    "source needs to be considered.",
    "<span data-ttu-id=\"f4053-110\">Here are some suggestions.</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-110\">Here are some suggestions.</span></span>",
    {"min-words"}};

// A broken segment tag left as text: `<span data-ttu-id="f4053-1>` that no HTML parser takes.
struct Remnant {
  Span span;
  bool target = false;  // data-ttu-id (else data-stu-id)
};

// A segment as the pipeline would see it, after pairing pieces the model had to keep apart.
struct Unit {
  const Segment* seg = nullptr;
  const Segment* twin = nullptr;   // a source-only segment that is this target's source
  const Segment* inner = nullptr;  // a bare data-stu-id span inside this source's sxs-lookup
  bool twin_separated = false;     // twin found, but not adjacent to the target
  bool structure_reported = false; // a structural diagnostic was given: skip pairing rules
  const Remnant* remnant = nullptr;  // a broken tag standing in for the missing half

  // The segment holding this unit's source half, or nullptr.
  const Segment* source() const { return twin ? twin : (seg->source.present ? seg : nullptr); }
  uint32_t end() const { return (inner ? inner : twin ? twin : seg)->span.end; }
};

bool is_white(std::string_view s) {
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
  return true;
}

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

std::string_view id_text(const Unit& u) { return u.seg->id(); }

// A number that is equal for two parsed ids exactly when their texts are: the five hex digits
// of the prefix, the text's length (which fixes the leading zeros) and the number.
uint64_t id_key(const SegmentId& id, size_t length) {
  uint64_t prefix = 0;
  for (char c : id.prefix) prefix = prefix << 4 | static_cast<uint64_t>(c <= '9' ? c - '0' : c - 'a' + 10);
  return prefix << 34 | static_cast<uint64_t>(length) << 30 | id.number;
}

// The half whose id names the unit: the translation's, or the source's when it stands alone.
const SegmentHalf& primary_half(const Unit& u) { return u.seg->target.present ? u.seg->target : u.seg->source; }

class Analysis {
 public:
  Analysis(const Document& doc, const Env& env, Reporter& out) : doc_(doc), env_(env), out_(out) {}

  void run() {
    if (doc_.segments().empty() && doc_.text().find("data-") == std::string_view::npos) return;
    remnants_ = find_remnants(doc_);
    pair_units();
    report_remnants();
    report_structure();
    report_ids();
    report_content();
  }

 private:
  const Document& doc_;
  const Env& env_;
  Reporter& out_;
  std::vector<Remnant> remnants_;
  std::vector<Unit> units_;

  Span whole(const SegmentHalf& h) const { return {h.open.begin, std::max(h.close.end, h.content.end)}; }

  // The first remnant of the given kind starting in [from, to), if any.
  const Remnant* remnant_between(uint32_t from, uint32_t to, bool target) const {
    for (const Remnant& r : remnants_)
      if (r.span.begin >= from && r.span.begin < to && r.target == target) return &r;
    return nullptr;
  }

  // A source span without the sxs-lookup wrapper: its English text shows on the page.
  bool is_bare_source(const Segment& s) const {
    return s.source.present && doc_.slice(s.source.open).find("sxs-lookup") == std::string_view::npos;
  }

  void pair_units() {
    const auto& segs = doc_.segments();
    for (size_t i = 0; i < segs.size(); ++i) {
      Unit u;
      u.seg = &segs[i];
      const Segment& s = segs[i];
      const Block& block = doc_.blocks()[s.block];
      if (s.target.present && !s.source.present && i + 1 < segs.size() && !segs[i + 1].target.present) {
        const Segment& next = segs[i + 1];
        uint32_t gap_end = std::max(next.span.begin, whole(s.target).end);
        std::string_view between = doc_.slice({whole(s.target).end, gap_end});
        // The target ran into its twin (unclosed), or only white space separates them, or the
        // twin carries the target's id (even in the next table cell): one segment either way.
        if ((next.block == s.block && (!s.target.closed || is_white(between))) || next.id() == s.id()) {
          u.twin = &next;
          u.twin_separated = s.target.closed;
          ++i;
        }
      }
      const Segment* src = u.source();
      if (src && src->source_missing_inner && !src->source.closed && i + 1 < segs.size()) {
        // `<span class="sxs-lookup"> <span data-stu-id>`: the model stops the outer span at the
        // inner one, which it sees as a segment of its own.
        const Segment& next = segs[i + 1];
        if (!next.target.present && next.block == src->block && is_bare_source(next) &&
            next.span.begin >= src->source.content.begin &&
            is_white(doc_.slice({src->source.content.begin, next.span.begin}))) {
          u.inner = &next;
          ++i;
        }
      }
      if (s.target.present && !src) {
        uint32_t to = i + 1 < segs.size() && segs[i + 1].block == s.block ? segs[i + 1].span.begin : block.span.end;
        u.remnant = remnant_between(whole(s.target).end, to, false);
      }
      if (!s.target.present) {
        uint32_t from = block.span.begin;
        if (!units_.empty() && units_.back().seg->block == s.block) from = units_.back().end();
        u.remnant = remnant_between(from, s.span.begin, true);
      }
      units_.push_back(u);
    }
  }

  void report_remnants() {
    for (const Remnant& r : remnants_) {
      out_.report(kMalformedId, r.span,
                  fmt::format("broken segment tag '{}' is not HTML: it shows as text and its segment is lost",
                              quote(doc_.slice(r.span))));
    }
  }

  // Where an unclosed half stopped, in words.
  std::string stop_reason(const SegmentHalf& h) const {
    uint32_t end = h.content.end;
    for (const Segment& s : doc_.segments())
      if (s.span.begin == end) return "before the next segment";
    std::string_view rest = doc_.text().substr(end, 16);
    if (rest.substr(0, 2) == "</") {
      size_t gt = rest.find('>');
      if (gt != std::string_view::npos) return fmt::format("before '{}'", rest.substr(0, gt + 1));
    }
    const Block* block = nullptr;
    for (const Segment& s : doc_.segments())
      if (&s.target == &h || &s.source == &h) block = &doc_.blocks()[s.block];
    if (block && block->kind == BlockKind::TableCell) return "before the end of the table cell";
    if (block && block->kind == BlockKind::Heading) return "before the end of the heading";
    return "before the end of the paragraph";
  }

  // At most one structural diagnostic per unit, the one that explains the others.
  void report_structure() {
    for (Unit& u : units_) {
      const Segment& s = *u.seg;
      const Segment* src = u.source();
      // Quoted only when a diagnostic is given (most units are sound).
      auto id = [&s] { return quote(s.id(), 24); };
      u.structure_reported = true;
      if (!s.target.present) {
        if (!u.remnant)
          out_.report(kMissingTarget, s.source.open,
                      fmt::format("source '{}' has no translation span '<span data-ttu-id>' before it", id()));
        continue;
      }
      if (!s.target.closed) {
        out_.report(kUnclosedSpan, s.target.open,
                    fmt::format("translation span '{}' is not closed {}", id(),
                                u.twin ? std::string("before its source twin") : stop_reason(s.target)));
        continue;
      }
      if (!src) {
        if (!u.remnant)
          out_.report(kMissingSource, whole(s.target),
                      fmt::format("translation '{}' has no source twin '<span class=\"sxs-lookup\">' right after it", id()));
        continue;
      }
      if (u.twin_separated) {
        Span gap{whole(s.target).end, std::max(whole(s.target).end, u.twin->source.open.begin)};
        std::string_view between = doc_.slice(gap);
        std::string what = is_white(between) ? "white space" : fmt::format("'{}'", quote(trim(between), 30));
        out_.report(kMissingSource, gap,
                    fmt::format("source twin of '{}' is separated from its translation by {}", id(), what));
        continue;
      }
      if (src->source_missing_inner) {
        // A broken inner tag (`<span data-stu-id="f4053-1>`) is already reported as a remnant.
        if (remnant_between(src->source.open.end, std::max(src->source.content.end, src->source.close.end), false))
          continue;
        out_.report(kMalformedId, src->source.open,
                    fmt::format("source twin of '{}' has no '<span data-stu-id>' directly inside its sxs-lookup span", id()));
        continue;
      }
      if (!src->source.closed) {
        std::string_view rest = doc_.text().substr(src->source.content.end, 7);
        std::string msg = rest == "</span>"
                              ? fmt::format("source span '{}' lacks the second '</span>' that closes its sxs-lookup span", id())
                              : fmt::format("source span '{}' is not closed {}", id(), stop_reason(src->source));
        out_.report(kUnclosedSpan, src->source.open, msg);
        continue;
      }
      if (is_bare_source(*src)) {
        out_.report(kMissingSource, src->source.open,
                    fmt::format("source twin of '{}' lacks its '<span class=\"sxs-lookup\">' wrapper: the English text shows on the page", id()));
        continue;
      }
      u.structure_reported = false;
    }
  }

  // Malformed and mismatched ids per unit, then duplicates, prefixes and order over the file.
  void report_ids() {
    std::vector<std::optional<SegmentId>> ids(units_.size());
    for (size_t i = 0; i < units_.size(); ++i) {
      const Unit& u = units_[i];
      const Segment& s = *u.seg;
      const Segment* src = u.source();
      const SegmentHalf& first = primary_half(u);
      auto first_id = parse_id(first.id);
      bool bad = false;
      if (!first_id) {
        report_malformed(first, s.target.present);
        bad = true;
      }
      if (src && s.target.present && !src->source_missing_inner && !u.inner) {
        const SegmentHalf& so = src->source;
        if (so.id != s.target.id) {
          if (!parse_id(so.id)) {
            report_malformed(so, false);
            bad = true;
          } else if (!bad && !u.structure_reported) {
            out_.report(kIdMismatch, so.id_span,
                        fmt::format("segment id '{}' in translation, '{}' in source", quote(s.target.id, 24),
                                    quote(so.id, 24)));
          }
        }
      }
      if (!bad) ids[i] = first_id;
    }

    // Duplicates: the second and later uses. Ids are sorted by a number that stands for the
    // id text (a std::map of strings allocated a node per segment); a run of equal keys is one
    // id, its first unit the first use.
    std::vector<std::pair<uint64_t, size_t>> keyed;
    keyed.reserve(units_.size());
    for (size_t i = 0; i < units_.size(); ++i)
      if (ids[i]) keyed.emplace_back(id_key(*ids[i], id_text(units_[i]).size()), i);
    std::sort(keyed.begin(), keyed.end());
    std::vector<size_t> first_use(units_.size(), SIZE_MAX);  // for a duplicate: the first use
    for (size_t k = 1; k < keyed.size(); ++k)
      if (keyed[k].first == keyed[k - 1].first)
        first_use[keyed[k].second] = first_use[keyed[k - 1].second] == SIZE_MAX ? keyed[k - 1].second : first_use[keyed[k - 1].second];
    for (size_t i = 0; i < units_.size(); ++i) {
      if (!ids[i] || first_use[i] == SIZE_MAX) continue;
      const SegmentHalf& h = primary_half(units_[i]);
      uint32_t line = doc_.lines().line_of(primary_half(units_[first_use[i]]).id_span.begin);
      out_.report(kDuplicateId, h.id_span,
                  fmt::format("segment id '{}' is already used on line {}", id_text(units_[i]), line));
      ids[i].reset();
    }

    // The prevailing prefix: the most frequent, the earliest on a tie. A file has one or a few.
    std::vector<std::pair<std::string_view, size_t>> count;
    auto count_of = [&count](std::string_view prefix) -> size_t& {
      for (auto& [p, n] : count)
        if (p == prefix) return n;
      return count.emplace_back(prefix, 0).second;
    };
    std::string_view prevailing;
    size_t best = 0;
    for (const auto& id : ids)
      if (id) ++count_of(id->prefix);
    for (const auto& id : ids)
      if (id && count_of(id->prefix) > best) best = count_of(id->prefix), prevailing = id->prefix;
    for (size_t i = 0; i < units_.size();) {
      if (!ids[i] || ids[i]->prefix == prevailing) {
        ++i;
        continue;
      }
      std::string_view prefix = ids[i]->prefix;
      size_t j = i;
      while (j < units_.size() && (!ids[j] || ids[j]->prefix == prefix)) ++j;
      size_t n = 0;
      for (size_t k = i; k < j; ++k)
        if (ids[k]) ++n;
      std::string msg =
          n == 1 ? fmt::format("segment '{}' uses prefix '{}', not the file's prefix '{}'", id_text(units_[i]), prefix, prevailing)
                 : fmt::format("{} segments from '{}' on use prefix '{}', not the file's prefix '{}'", n,
                               id_text(units_[i]), prefix, prevailing);
      out_.report(kMixedPrefix, primary_half(units_[i]).id_span, msg);
      for (size_t k = i; k < j; ++k) ids[k].reset();
      i = j;
    }

    report_order(ids);
  }

  void report_malformed(const SegmentHalf& h, bool target) {
    std::string_view side = target ? "translation" : "source";
    if (h.id.empty())
      out_.report(kMalformedId, h.id_span, fmt::format("empty segment id in {} (expected {})", side, kIdShape));
    else
      out_.report(kMalformedId, h.id_span,
                  fmt::format("malformed segment id '{}' in {} (expected {})", quote(h.id, 24), side, kIdShape));
  }

  // The longest strictly increasing subsequence of numbers is "in order"; every other segment is
  // out of order. Consecutive out-of-order segments are one break, reported once.
  void report_order(const std::vector<std::optional<SegmentId>>& ids) {
    std::vector<size_t> seq;  // unit indexes with a usable id, in file order
    for (size_t i = 0; i < ids.size(); ++i)
      if (ids[i]) seq.push_back(i);
    if (seq.size() < 2) return;
    // longest[p]: the longest increasing run of numbers that starts at p (patience sorting
    // from the right). Walking from the left and keeping the earliest segment that can still
    // complete a longest run blames the later segment of a swapped pair, as a reader would.
    std::vector<int64_t> tails;  // negated numbers, increasing
    std::vector<size_t> longest(seq.size());
    for (size_t p = seq.size(); p-- > 0;) {
      int64_t w = -static_cast<int64_t>(ids[seq[p]]->number);
      auto it = std::lower_bound(tails.begin(), tails.end(), w);
      longest[p] = static_cast<size_t>(it - tails.begin()) + 1;
      if (it == tails.end()) tails.push_back(w);
      else *it = w;
    }
    std::vector<bool> in_order(seq.size(), false);
    size_t need = tails.size();
    uint64_t last = 0;
    bool any = false;
    for (size_t p = 0; p < seq.size() && need > 0; ++p) {
      uint64_t v = ids[seq[p]]->number;
      if (longest[p] == need && (!any || v > last)) {
        in_order[p] = true;
        last = v, any = true;
        --need;
      }
    }
    for (size_t p = 0; p < seq.size();) {
      if (in_order[p]) {
        ++p;
        continue;
      }
      size_t q = p;
      while (q < seq.size() && !in_order[q]) ++q;
      std::string_view first = id_text(units_[seq[p]]);
      std::string where;
      std::string_view before = p > 0 ? id_text(units_[seq[p - 1]]) : std::string_view();
      std::string_view after = q < seq.size() ? id_text(units_[seq[q]]) : std::string_view();
      if (!before.empty() && !after.empty()) where = fmt::format("between '{}' and '{}'", before, after);
      else if (!after.empty()) where = fmt::format("before '{}'", after);
      else where = fmt::format("after '{}'", before);
      std::string msg = q - p == 1
                            ? fmt::format("segment '{}' is out of order {}", first, where)
                            : fmt::format("{} segments from '{}' to '{}' are out of order {}", q - p, first,
                                          id_text(units_[seq[q - 1]]), where);
      out_.report(kOutOfOrder, primary_half(units_[seq[p]]).id_span, msg);
      p = q;
    }
  }

  void report_content() {
    bool english = false;
    auto is_en = [](std::string_view l) { return l.size() >= 2 && (l[0] == 'e' || l[0] == 'E') && (l[1] == 'n' || l[1] == 'N') && (l.size() == 2 || l[2] == '-' || l[2] == '_'); };
    if (env_.config.locale) english = is_en(*env_.config.locale);
    else if (const FrontMatterEntry* e = doc_.front_matter().find("ms.contentlocale")) english = is_en(e->value);
    int min_words = 3;
    for (const std::string& v : env_.config.option(kUntranslated.id, "min-words"))
      if (!v.empty() && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; }) && v.size() < 4)
        min_words = std::stoi(v);

    for (const Unit& u : units_) {
      const Segment& s = *u.seg;
      if (u.structure_reported || u.twin || !s.target.present || !s.source.present) continue;
      std::string_view target = doc_.slice(s.target.content);
      std::string_view source = doc_.slice(s.source.content);
      if (visibly_empty(target)) {
        if (!visibly_empty(source))
          out_.report(kEmptyTarget, whole(s.target),
                      fmt::format("translation '{}' is empty, source: '{}'", s.id(), quote(trim(source))),
                      std::string(source));
        continue;
      }
      if (english || !same_text(target, source)) continue;
      if (!segment_text::has_prose(source, min_words)) continue;
      out_.report(kUntranslated, s.target.content,
                  fmt::format("translation '{}' is its English source unchanged: '{}'", s.id(), quote(trim(source))),
                  std::string(source));
    }
  }

  // trim(a) == trim(b). Unicode trimming costs a property look-up per end; a half that starts
  // and ends with printable ASCII has nothing to trim, and most halves do.
  static bool same_text(std::string_view a, std::string_view b) {
    auto solid = [](std::string_view s) {
      return !s.empty() && s.front() > ' ' && s.front() < 0x7F && s.back() > ' ' && s.back() < 0x7F;
    };
    if (solid(a) && solid(b)) return a == b;
    return trim(a) == trim(b);
  }

  // Blank, or only HTML tags and emphasis marks: nothing a reader would see.
  static bool visibly_empty(std::string_view s) {
    for (size_t i = 0; i < s.size(); ++i) {
      char c = s[i];
      if (c == '<') {
        size_t gt = s.find('>', i);
        if (gt != std::string_view::npos) {
          i = gt;
          continue;
        }
      }
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '*' || c == '_') continue;
      if (s.substr(i, 6) == "&nbsp;") {
        i += 5;
        continue;
      }
      return false;
    }
    return true;
  }
};

void check_segments(const Document& doc, const Env& env, Reporter& out) { Analysis(doc, env, out).run(); }

}  // namespace

std::vector<Check> segment_checks() {
  return {
      {{&kMalformedId, &kIdMismatch, &kMissingSource, &kMissingTarget, &kDuplicateId, &kMixedPrefix, &kOutOfOrder,
        &kUnclosedSpan, &kEmptyTarget, &kUntranslated},
       check_segments},
  };
}

}  // namespace loclint::checks

#include <algorithm>

#include "segment.h"

namespace loclint::checks::segment {

const Rule kUnclosedSpan{
    .id = "segment/unclosed-span",
    .severity = Severity::Error,
    .summary = "a translation or source span whose closing </span> is missing or misnested",
    .checks = "Each half of a segment is closed by `</span>` (the source half by `</span></span>`), before "
              "anything else closes (a `</td>`, the end of the paragraph). A source span whose English text "
              "opens an HTML comment (`<!--` of a table row the English article comments out) that hides its "
              "`</span>` is the source's markup, copied as is: reported as inherited.",
    .why = "When a closing tag is missing, the span swallows the rest of the paragraph: the following text is "
           "hidden with the English source or shown inside the wrong segment, and the pipeline re-imports a "
           "truncated sentence. Add the missing `</span>` where the half ends.",
    .fires = {.text = "<span data-ttu-id=\"f4053-120\">Texte<span class=\"sxs-lookup\"><span data-stu-id=\"f4053-120\">Text</span></span>\n"},
    .passes = {.text = "<span data-ttu-id=\"f4053-120\">Texte</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-120\">Text</span></span>\n"},
    .fix = "Inserts the missing `</span>` where the structure fixes its place: before the `<span "
           "class=\"sxs-lookup\">` of the translation's own source twin (same id, right where the translation "
           "stops), or right after a source span's first `</span>` when the second is missing.",
};

// Where an unclosed half stopped, in words.
std::string Analysis::stop_reason(const SegmentHalf& h) const {
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

namespace {

Fix insert_end_tag(uint32_t at, std::string_view title) {
  Fix fix;
  fix.title = std::string(title);
  fix.edits.push_back({{at, at}, "</span>"});
  return fix;
}

}  // namespace

bool Analysis::unclosed_target(const Unit& u) {
  const Segment& s = *u.seg;
  if (s.target.closed) return false;
  Diagnostic d = Diagnostic::of(kUnclosedSpan, s.target.open,
                                fmt::format("translation span '{}' is not closed {}", excerpt(s.id(), 24),
                                            u.twin ? std::string("before its source twin") : stop_reason(s.target)));
  // The translation runs straight into its own source twin (same id, the sxs-lookup span right
  // where the translation stops): its end is where the twin begins. Not when the translation
  // holds an end tag of its own that did not close it (`\\</span>`, escaped by Markdown, or a
  // misnested one): the writer closed it somewhere, and removing the escape may be what was meant.
  const Segment* twin = u.twin;
  const std::string content = lower_ascii(doc_.slice(s.target.content));
  if (twin && !u.twin_separated && content.find("</span") == std::string::npos && !content.ends_with('\\') &&
      twin->id() == s.id() && twin->block == s.block &&
      twin->source.open.begin == twin->span.begin && s.target.content.end == twin->span.begin &&
      doc_.slice(twin->source.open).find("sxs-lookup") != std::string_view::npos)
    d.fix = insert_end_tag(twin->span.begin, "Close the translation span before its source twin");
  out_.report(std::move(d));
  return true;
}

bool Analysis::unclosed_source(const Unit& u) {
  const Segment* src = u.source();
  if (src->source.closed) return false;
  std::string_view rest = doc_.text().substr(src->source.content.end, 7);
  std::string id = excerpt(u.id(), 24);
  if (rest != "</span>") {
    std::string message = fmt::format("source span '{}' is not closed {}", id, stop_reason(src->source));
    // The English text is the opening of an HTML comment (`<!--|...|-->`, a table row commented
    // out, which the pipeline cut into segments) and the comment, still open at the `</span>`,
    // hides it: the source's markup, copied as is.
    const std::string_view content = trim(doc_.slice(src->source.content));
    const size_t end_tag = content.starts_with("<!--") ? content.find("</span", 4) : std::string_view::npos;
    if (end_tag != std::string_view::npos && content.substr(4, end_tag - 4).find("-->") == std::string_view::npos) {
      out_.report_inherited(kUnclosedSpan, src->source.open,
                            message + ": its English text opens an HTML comment that hides the '</span>'", "<!--");
      return true;
    }
    out_.report(kUnclosedSpan, src->source.open, std::move(message));
    return true;
  }
  // `<span class="sxs-lookup"><span data-stu-id="..">Text</span>`: the structure is fixed, the
  // outer span closes right after the inner one.
  Diagnostic d = Diagnostic::of(kUnclosedSpan, src->source.open,
                                fmt::format("source span '{}' lacks the second '</span>' that closes its sxs-lookup span", id));
  if (doc_.slice(src->source.open).find("sxs-lookup") != std::string_view::npos)
    d.fix = insert_end_tag(src->source.content.end + 7, "Close the sxs-lookup span after the source span");
  out_.report(std::move(d));
  return true;
}

namespace {

// How a stray tag is compared between the halves: its name, lowercase, and whether it closes.
std::string tag_key(std::string_view tag) {
  std::string key;
  for (char c : tag)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '/' && c != '<' && c != '>')
      key += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return (tag.substr(0, 2) == "</" ? "/" : "") + key;
}

}  // namespace

// Tags the halves' balance ignored (SegmentHalf::stray_tags) that the translation shares with
// its source were copied from it: a copied bare `<span>` is the author's deliberate
// `contoso.<span>com` and says nothing; a copied end tag that closes nothing (`</a>`, `</br>`)
// is the source's slip, one inherited note per segment. Those the translation has beyond its
// source are its own defect, which code/html-tag-mismatch reports (one defect, one diagnostic).
void Analysis::report_stray_tags() {
  for (const Unit& u : units_) {
    const Segment& s = *u.seg;
    const Segment* src = u.source();
    if (u.structure_reported || !s.target.present || !src || s.target.stray_tags.empty()) continue;
    std::vector<std::string> unmatched;  // keys of the source's stray tags not yet matched
    for (const Span& t : src->source.stray_tags) unmatched.push_back(tag_key(doc_.slice(t)));
    for (const Span& t : s.target.stray_tags) {
      std::string key = tag_key(doc_.slice(t));
      auto it = std::find(unmatched.begin(), unmatched.end(), key);
      if (it == unmatched.end() || key == "span") continue;
      out_.report_inherited(kUnclosedSpan, t,
                            fmt::format("end tag '{}' in translation span '{}' closes nothing; it was copied from "
                                        "the source",
                                        excerpt(doc_.slice(t), 24), excerpt(s.id(), 24)),
                            std::string(doc_.slice(src->source.stray_tags[it - unmatched.begin()])));
      break;
    }
  }
}

}  // namespace loclint::checks::segment

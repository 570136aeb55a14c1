#include "segment.h"

namespace loclint::checks::segment {

const Rule kUnclosedSpan{
    .id = "segment/unclosed-span",
    .severity = Severity::Error,
    .summary = "a translation or source span whose closing </span> is missing or misnested",
    .checks = "Each half of a segment is closed by `</span>` (the source half by `</span></span>`), before "
              "anything else closes (a `</td>`, the end of the paragraph).",
    .why = "When a closing tag is missing, the span swallows the rest of the paragraph: the following text is "
           "hidden with the English source or shown inside the wrong segment, and the pipeline re-imports a "
           "truncated sentence. Add the missing `</span>` where the half ends.",
    .fires = {.text = "<span data-ttu-id=\"f4053-120\">Texte<span class=\"sxs-lookup\"><span data-stu-id=\"f4053-120\">Text</span></span>\n"},
    .passes = {.text = "<span data-ttu-id=\"f4053-120\">Texte</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-120\">Text</span></span>\n"},
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

bool Analysis::unclosed_target(const Unit& u) {
  const Segment& s = *u.seg;
  if (s.target.closed) return false;
  out_.report(kUnclosedSpan, s.target.open,
              fmt::format("translation span '{}' is not closed {}", excerpt(s.id(), 24),
                          u.twin ? std::string("before its source twin") : stop_reason(s.target)));
  return true;
}

bool Analysis::unclosed_source(const Unit& u) {
  const Segment* src = u.source();
  if (src->source.closed) return false;
  std::string_view rest = doc_.text().substr(src->source.content.end, 7);
  std::string id = excerpt(u.id(), 24);
  out_.report(kUnclosedSpan, src->source.open,
              rest == "</span>"
                  ? fmt::format("source span '{}' lacks the second '</span>' that closes its sxs-lookup span", id)
                  : fmt::format("source span '{}' is not closed {}", id, stop_reason(src->source)));
  return true;
}

}  // namespace loclint::checks::segment

#include "segment.h"

#include "loclint/html_entities.h"

namespace loclint::checks::segment {

const Rule kEmptyTarget{
    .id = "segment/empty-target",
    .severity = Severity::Error,
    .summary = "a translation span that is empty while its source has text",
    .checks = "The translation span holds nothing (or only white space, HTML tags or emphasis marks) while the "
              "English twin has a sentence. Not reported: the tail of a sentence the segmenter split after an "
              "abbreviation (`... in the **No.**` + `field.`), a source of a few words that starts in lower case "
              "right after a translated segment of the same paragraph; the translator put the whole sentence in "
              "the first segment, as the target language's word order requires.",
    .why = "Readers see nothing where the sentence should be: the translation was lost in an edit or never "
           "written. Translate the source sentence into the span.",
    .fires = {.text = "<span data-ttu-id=\"f4053-120\"></span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-120\">Here is a sentence.</span></span>\n"},
    .passes = {.text = "<span data-ttu-id=\"f4053-120\">Voici une phrase.</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-120\">Here is a sentence.</span></span>\n"},
};

namespace {

// Blank, or only HTML tags and emphasis marks: nothing a reader would see.
bool visibly_empty(std::string_view s) {
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
    if (c == '&') {  // a character reference for white space: &nbsp;, &#160;, &emsp;...
      size_t semi = s.substr(i, 64).find(';');
      if (semi != std::string_view::npos) {
        std::string_view ref = s.substr(i, semi + 1);
        std::string decoded = decode_character_reference(ref);
        if (decoded != ref && trim(decoded).empty()) {
          i += semi;
          continue;
        }
      }
    }
    return false;
  }
  return true;
}

// The tail of a sentence split in two: a source of at most four words that starts with a
// lower-case letter (a sentence starts with a capital), after emphasis marks.
bool sentence_tail(std::string_view source) {
  std::string_view t = trim(source);
  while (!t.empty() && (t.front() == '*' || t.front() == '_')) t.remove_prefix(1);
  if (t.empty() || !(t.front() >= 'a' && t.front() <= 'z')) return false;
  int words = 1;
  for (size_t i = 1; i < t.size(); ++i)
    if (t[i] == ' ' && t[i - 1] != ' ') ++words;
  return words <= 4;
}

}  // namespace

// A translator merged a wrongly split sentence into the segment before: that segment is
// translated and directly precedes this one in the same block.
bool Analysis::merged_into_previous(const Unit& u) const {
  size_t i = static_cast<size_t>(&u - units_.data());
  if (i == 0 || !sentence_tail(doc_.slice(u.seg->source.content))) return false;
  const Unit& prev = units_[i - 1];
  if (prev.seg->block != u.seg->block || !prev.seg->target.present || prev.end() > u.seg->span.begin) return false;
  return is_white(doc_.slice({prev.end(), u.seg->span.begin})) &&
         !visibly_empty(doc_.slice(prev.seg->target.content));
}

bool Analysis::empty_target(const Unit& u) {
  const Segment& s = *u.seg;
  if (!visibly_empty(doc_.slice(s.target.content))) return false;
  std::string_view source = doc_.slice(s.source.content);
  if (!visibly_empty(source) && !merged_into_previous(u))
    out_.report(kEmptyTarget, whole(s.target),
                fmt::format("translation '{}' is empty, source: '{}'", s.id(), excerpt(trim(source))),
                std::string(source));
  return true;
}

}  // namespace loclint::checks::segment

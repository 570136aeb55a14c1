#include "segment.h"

#include "loclint/html_entities.h"

namespace loclint::checks::segment {

const Rule kEmptyTarget{
    .id = "segment/empty-target",
    .severity = Severity::Error,
    .summary = "a translation span that is empty while its source has text",
    .checks = "The translation span holds nothing (or only white space, HTML tags or emphasis marks) while the "
              "English twin has a sentence.",
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

}  // namespace

bool Analysis::empty_target(const Unit& u) {
  const Segment& s = *u.seg;
  if (!visibly_empty(doc_.slice(s.target.content))) return false;
  std::string_view source = doc_.slice(s.source.content);
  if (!visibly_empty(source))
    out_.report(kEmptyTarget, whole(s.target),
                fmt::format("translation '{}' is empty, source: '{}'", s.id(), excerpt(trim(source))),
                std::string(source));
  return true;
}

}  // namespace loclint::checks::segment

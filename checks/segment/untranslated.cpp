#include "common/document_locale.h"
#include "common/language.h"
#include "common/options.h"
#include "segment.h"

namespace loclint::checks::segment {

const Rule kUntranslated{
    .id = "segment/untranslated",
    .severity = Severity::Warning,
    .summary = "a translation identical to its English source although the source is prose",
    .checks = "The translation is the English source, unchanged, although the source is an English sentence or "
              "phrase: it has at least `min-words` plain words and English function words such as `the`, `is`, "
              "`you`, or ends like a sentence with several lower-case words. Identical segments are never "
              "reported when the source is only product or proper names (`Microsoft Partner Center`), "
              "identifiers and column names (`MPNId`), code, commands, numbers, dates, URLs or punctuation, nor "
              "when the source half is itself in another language (the English repository keeps some articles "
              "in French: CLD2 must find the language reliably), nor in files whose locale "
              "(checks/common/document_locale.h) is English.",
    .why = "Readers get English where they expect their language. It is a warning because a few English phrases "
           "are deliberately kept; translate the sentence or suppress the finding.",
    .fires = {.text = "<span data-ttu-id=\"f4053-110\">Here are some suggestions.</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-110\">Here are some suggestions.</span></span>\n"},
    .passes = {.text = "<span data-ttu-id=\"f4053-110\">Microsoft Partner Center</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-110\">Microsoft Partner Center</span></span>\n"},
    .options = {{"min-words", OptionType::Count, "3", "the fewest plain words a source needs to be considered"}},
};

namespace {

// trim(a) == trim(b). Unicode trimming costs a property look-up per end; a half that starts
// and ends with printable ASCII has nothing to trim, and most halves do.
bool same_text(std::string_view a, std::string_view b) {
  auto solid = [](std::string_view s) {
    return !s.empty() && s.front() > ' ' && s.front() < 0x7F && s.back() > ' ' && s.back() < 0x7F;
  };
  if (solid(a) && solid(b)) return a == b;
  return trim(a) == trim(b);
}

}  // namespace

void Analysis::report_content() {
  const std::string locale = document_locale(doc_, env_).locale;
  const bool english = locale == "en" || locale.starts_with("en-");
  const int min_words = static_cast<int>(count_option(env_.config, kUntranslated, "min-words"));
  for (const Unit& u : units_) {
    const Segment& s = *u.seg;
    if (u.structure_reported || u.twin || !s.target.present || !s.source.present) continue;
    if (empty_target(u)) continue;
    std::string_view target = doc_.slice(s.target.content);
    std::string_view source = doc_.slice(s.source.content);
    if (english || !same_text(target, source)) continue;
    if (!has_prose(source, min_words)) continue;
    // Not English to begin with: kept as the source has it, not left untranslated.
    if (std::string language = reliable_language(source); !language.empty() && language != "en") continue;
    out_.report(kUntranslated, s.target.content,
                fmt::format("translation '{}' is its English source unchanged: '{}'", s.id(), excerpt(trim(source))),
                std::string(source));
  }
}

}  // namespace loclint::checks::segment

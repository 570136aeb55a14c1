// code/fullwidth-chars is reported by the steps of code spans, URLs, commands and names, and
// placeholders (their rules' files) when only compatibility forms differ.
#include "comparison.h"

namespace loclint::checks::code {

const Rule kFullwidth{
    .id = "code/fullwidth-chars",
    .severity = Severity::Error,
    .summary = "code, a command, a URL or a placeholder contains look-alike characters (fullwidth, no-break, confusable)",
    .checks = "The translation has the right code span, command, URL, name or placeholder, but written with "
              "look-alike characters: a fullwidth hyphen `－` or dollar `＄`, an ideographic space, a no-break "
              "space or a non-breaking hyphen (U+2011) inside a command. Characters fold to the source's under "
              "Unicode compatibility normalization (NFKC) or, for punctuation, Unicode's confusables data (UTS #39 "
              "skeletons, ICU's spoof checker); numeric character references left as text (`&#8209;`, also "
              "spaced out as `& #8209;`) count as their character. The message names each character.",
    .why = "They look the same but a shell, a browser or the software does not accept them. Replace them with "
           "the ASCII characters of the source.",
    .fires = {.text = "<span data-ttu-id=\"f4053-101\">`Get－Module` を実行します。</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-101\">Run `Get-Module`.</span></span>\n"},
    .passes = {.text = "<span data-ttu-id=\"f4053-101\">`Get-Module` を実行します。</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-101\">Run `Get-Module`.</span></span>\n"},
    .fix = "Writes the source's characters over the look-alikes, when the item differs in nothing else (markup, "
           "entities and escapes alike), neither side holds a line break, and the altered text occurs once in the "
           "translation half.",
};

}  // namespace loclint::checks::code

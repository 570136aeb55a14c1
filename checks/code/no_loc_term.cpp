#include "comparison.h"
#include "grammar/chars.h"

namespace loclint::checks::code {

const Rule kNoLoc{
    .id = "code/no-loc-term",
    .severity = Severity::Error,
    .summary = "a term marked not to be localized (no-loc) is missing or changed in the translation",
    .checks = "A term the article lists in its `no-loc:` metadata, or marks with `:::no-loc text=\"...\":::` in "
              "the source, is used by the source half and must be used, letter for letter, by the translation.",
    .why = "A no-loc term is a name that must stay in English in every language; a translated or re-cased one "
           "is a different name to readers and to search. Use the term exactly as written.",
    .fires = {.text = "no-loc: [Partner Center]\n"
                      "---\n"
                      "<span data-ttu-id=\"f4053-101\">Ouvrez l’Espace partenaires.</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-101\">Open Partner Center.</span></span>\n",
              .form = ExampleForm::FrontMatter},
    .passes = {.text = "no-loc: [Partner Center]\n"
                       "---\n"
                       "<span data-ttu-id=\"f4053-101\">Ouvrez Partner Center.</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-101\">Open Partner Center.</span></span>\n",
               .form = ExampleForm::FrontMatter},
};

void compare_no_loc_term(PairComparison& p) {
  const std::string_view T = p.target_text();
  std::string_view S = p.source.vis.text;
  // Front-matter terms hold for the whole article; a :::no-loc::: directive for its own place.
  std::vector<std::string> terms = p.context.no_loc;
  auto [db, de] = Document::within(p.source.half.doc->directives(), p.source.half.content);
  for (auto it = db; it != de; ++it)
    if (it->name == "no-loc" && p.source.half.content.contains(it->span))
      if (const HtmlAttribute* a = it->attribute("text"); a && !a->value.empty()) terms.push_back(a->value);
  for (const std::string& term : terms) {
    size_t at = find_token(S, term);
    if (at == std::string::npos) continue;
    Span source_span = p.source.vis.span(at, at + term.size());
    if (p.claimed(source_span)) continue;
    Found f = p.locate(term, false);
    if (f.how == Match::Exact) continue;
    // White space that renders the same (`Configuration  Manager`: HTML collapses a run of spaces)
    // is the term as written.
    auto collapsed = [](std::string_view text) {
      std::string out;
      for (size_t k = 0; k < text.size();) {
        if (const size_t n = space_length(text, k)) {
          if (out.empty() || out.back() != ' ') out += ' ';
          k += n;
        } else {
          out += text[k++];
        }
      }
      return out;
    };
    if (f.how == Match::Broken && collapsed(T.substr(f.begin, f.end - f.begin)) == collapsed(term)) continue;
    if (f.how == Match::None) {
      p.report(kNoLoc, p.whole_target(), fmt::format("no-loc term '{}' of the source is missing from the translation", q(term)), term, source_span);
    } else {
      std::string_view raw = T.substr(f.begin, f.end - f.begin);
      p.report(kNoLoc, p.target.vis.span(f.begin, f.end), fmt::format("no-loc term changed: '{}' in translation, '{}' in source", q(raw), q(term)), term, source_span);
    }
  }
}

}  // namespace loclint::checks::code

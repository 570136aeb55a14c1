#include "comparison.h"

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

void PairComparison::no_loc() {
  std::string_view S = src_.vis.text;
  // Front-matter terms hold for the whole article; a :::no-loc::: directive for its own place.
  std::vector<std::string> terms = c_.no_loc;
  auto [db, de] = Document::within(src_.half.doc->directives(), src_.half.content);
  for (auto it = db; it != de; ++it)
    if (it->name == "no-loc" && src_.half.content.contains(it->span))
      if (const HtmlAttribute* a = it->attribute("text"); a && !a->value.empty()) terms.push_back(a->value);
  for (const std::string& term : terms) {
    size_t p = find_token(S, term);
    if (p == std::string::npos) continue;
    Span source_span = src_.vis.span(p, p + term.size());
    if (claimed(source_span)) continue;
    Found f = locate(term, false);
    if (f.how == Match::Exact) continue;
    if (f.how == Match::None) {
      report(kNoLoc, whole_target(), fmt::format("no-loc term '{}' of the source is missing from the translation", q(term)), term, source_span);
    } else {
      std::string_view raw = T().substr(f.begin, f.end - f.begin);
      report(kNoLoc, tgt_.vis.span(f.begin, f.end), fmt::format("no-loc term changed: '{}' in translation, '{}' in source", q(raw), q(term)), term, source_span);
    }
  }
}

}  // namespace loclint::checks::code

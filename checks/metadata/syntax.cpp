#include "metadata.h"

namespace loclint::checks::metadata {

const Rule kSyntax{
    .id = "metadata/syntax",
    .severity = Severity::Error,
    .summary = "front matter that is not valid YAML, not a mapping, or never closed",
    .checks = "The block between the two `---` lines at the top of the article must be a YAML mapping of keys "
              "to values, closed by a second `---` line. A quoted value whose closing quote was lost swallows "
              "the keys below it even when the YAML still parses, so it is reported too. A file outside every "
              "docset of the publishing configuration is not published and not checked.",
    .why = "When the YAML does not parse (a stray quote, a tab, a colon inside an unquoted value), or the "
           "closing `---` is missing, the publishing pipeline drops every key: the page loses its title, "
           "description and localization metadata. Fix the YAML at the line shown.",
    .fires = {.text = "title: \"Résoudre les problèmes", .form = ExampleForm::FrontMatter},
    .passes = {.text = "title: \"Résoudre les problèmes\"", .form = ExampleForm::FrontMatter},
};

void check_syntax(const Document& doc, const Env& env, Reporter& out) {
  const FrontMatter& fm = doc.front_matter();
  if (!fm.present) return;
  // Outside every docset of the publishing configuration (an archive folder, a README) nothing
  // is published: no pipeline reads the block.
  auto place = env.workspace.place_of(doc.path());
  if (!place->docset && !place->repo->docsets.empty()) return;
  if (!fm.is_mapping) {
    uint32_t at = fm.error ? fm.error->offset : fm.span.begin;
    out.report(kSyntax, {at, at}, "front matter is not a mapping of keys to values");
    return;
  }
  if (const auto& s = fm.lost_quote) {
    const char* which = doc.text()[s->quote] == '"' ? "double" : "single";
    std::string msg =
        s->next_line != 0
            ? fmt::format(
                  "the {} quote opening the value of '{}' is not closed on its line: the value swallows "
                  "'{}:' on line {}; close the quote",
                  which, s->key, s->next_key, s->next_line)
            : fmt::format(
                  "the {} quote opening the value of '{}' is never closed: the value runs to the end of the "
                  "front matter; close the quote",
                  which, s->key);
    // A value never closed stops the parser at the end of the block: nothing more to say.
    if (fm.error && s->next_line != 0)
      msg += fmt::format(" (the YAML parser stops on line {}: {})", doc.lines().line_of(fm.error->offset),
                         fm.error->message);
    out.report(kSyntax, {s->quote, s->quote + 1}, msg);
    return;
  }
  if (fm.error) {
    uint32_t at = fm.error->offset;
    std::string msg =
        fm.terminated ? fmt::format("front matter is not valid YAML: {}", fm.error->message) : fm.error->message;
    // Say how to write the quote that ended a quoted value early (a French apostrophe in a title).
    if (fm.inner_quote == '\'')
      msg += "; an apostrophe inside a single-quoted value must be doubled ('') or the value double-quoted";
    else if (fm.inner_quote == '"')
      msg += "; a double quote inside a double-quoted value must be written \\\" or the value single-quoted";
    out.report(kSyntax, {at, at}, msg);
  }
}

}  // namespace loclint::checks::metadata

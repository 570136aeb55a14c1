#include "link.h"

namespace loclint::checks::link {

const Rule kMissingFile{
    .id = "link/missing-file",
    .severity = Severity::Error,
    .summary = "a relative link whose target file does not exist",
    .checks = "The link points at a file that is not in this tree, after decoding %20-style escapes and dropping "
              "the query string. A page may be linked without its extension. When only the `.yml` (or `.md`) "
              "twin exists, the message offers it.",
    .why = "Readers who follow the link land on a 404 page. The file was renamed or removed, or the path was "
           "damaged in translation: compare it with the source half of the segment and restore the path, which "
           "is never translated.",
    .fires = {.text = "[Étapes suivantes](etapes-suivantes.md)\n"},
    .passes = {.text = "[Étapes suivantes](next-steps.md)\n", .files = {{"next-steps.md", "# Étapes suivantes\n"}}},
};

void LinkChecker::missing_page(Span at, const Target& t, const std::string& shown) {
  if (redirected(at, t, shown)) return;
  // A FAQ converted from Markdown to YAML keeps its name: say so when that is what happened.
  std::string hint;
  std::string ext = lower_ascii(t.path.extension().string());
  if (ext == ".md" || ext == ".yml") {
    fs::path other = t.path;
    other.replace_extension(ext == ".md" ? ".yml" : ".md");
    Resolution o = resolve(env_, other, false);
    if (o.state != Workspace::PathState::Missing) {
      fs::path from = here_.parent_path();
      hint = fmt::format("; did you mean '{}'", t.site_absolute ? display_path(o.actual, *repo_)
                                                                : o.actual.lexically_relative(from).generic_string());
    }
  }
  out_.report(kMissingFile, at, fmt::format("link target '{}' does not exist{}", shown, hint));
}

}  // namespace loclint::checks::link

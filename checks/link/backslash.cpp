#include <cctype>

#include "link.h"

namespace loclint::checks::link {

const Rule kBackslash{
    .id = "link/backslash",
    .severity = Severity::Warning,
    .summary = "a relative link written with backslashes",
    .checks = "A relative link separates folders with `\\` instead of `/`. The message says which file the link "
              "reaches with forward slashes, and whether it exists."
              " In a monolingual translation whose source article cannot be read (no `--source-root`, or that tree "
              "lacks the article) such links are counted in one note, not reported: a translation copies its links "
              "from its source as written (README: Inherited findings).",
    .why = "Links are URLs and separate folders with `/`. Browsers turn `\\` into `/` (the WHATWG URL Standard "
           "does for http and https URLs); GitHub's file view, Linux file systems and many tools do not, so "
           "`..\\page.md` works in some places and not in others. Write forward slashes.",
    .fires = {.text = "[Exigences](docs\\exigences.md)\n", .files = {{"docs/exigences.md", "# Exigences\n"}}},
    .passes = {.text = "[Exigences](docs/exigences.md)\n", .files = {{"docs/exigences.md", "# Exigences\n"}}},
    .fix = "Writes `/` for every `\\` in the link's path (not in its `#fragment` or `?query`), when the file "
           "the link then reaches exists and the destination is written without Markdown escapes or entities.",
};

const SummaryNote kUnattributedBackslash{&kBackslash, "link written with backslashes not reported",
                                         "links written with backslashes not reported", kUnattributedAdvice};

std::optional<Span> written_destination(const Document& doc, const Link& link, Span at) {
  const bool markdown = link.kind == LinkKind::Inline || link.kind == LinkKind::Image || link.kind == LinkKind::Include;
  Span written = at;
  if (at == link.span) {
    // The model locates a destination only where md4c points into the file; with a backslash
    // md4c hands over a copy. An inline `[text](dest)` has it right after "](".
    if (!markdown || link.text.end + 2 > doc.text().size()) return std::nullopt;
    uint32_t p = link.text.end;
    if (doc.text().substr(p, 2) != "](") return std::nullopt;
    p += 2;
    while (p < doc.text().size() && (doc.text()[p] == ' ' || doc.text()[p] == '\t')) ++p;
    if (p < doc.text().size() && doc.text()[p] == '<') ++p;
    written = {p, p + static_cast<uint32_t>(link.destination.size())};
    if (written.end > doc.text().size()) return std::nullopt;
  }
  if (doc.slice(written) != link.destination) return std::nullopt;
  return written;
}

namespace {

// The fix: every '\\' in the path part of the destination as written becomes '/'. Only when the
// written destination is found and equals the decoded one byte for byte: an escape
// (`..\\.\\page.md`, where Markdown reads `\\.` as `.`) or an entity makes them differ, and then
// what the writer meant is not certain.
std::optional<Fix> forward_slashes(const Document& doc, const Link& link, Span at) {
  const std::optional<Span> written = written_destination(doc, link, at);
  if (!written) return std::nullopt;
  const bool markdown = link.kind == LinkKind::Inline || link.kind == LinkKind::Image || link.kind == LinkKind::Include;
  const std::string_view text = doc.slice(*written);
  size_t path_end = std::min(text.find('#'), text.find('?'));
  if (path_end == std::string_view::npos) path_end = text.size();
  Fix fix;
  fix.title = "Use '/' instead of '\\' in the link";
  for (size_t i = 0; i < path_end; ++i) {
    if (text[i] != '\\') continue;
    const char next = i + 1 < text.size() ? text[i + 1] : ' ';
    if (markdown && std::ispunct(static_cast<unsigned char>(next))) return std::nullopt;
    const uint32_t b = written->begin + static_cast<uint32_t>(i);
    fix.edits.push_back({{b, b + 1}, "/"});
  }
  if (fix.edits.empty()) return std::nullopt;
  return fix;
}

}  // namespace

// A missing target is said here, once: the link is settled.
bool check_backslash(LinkChecker& checker, const ResolvedLink& link) {
  const Target& t = link.target;
  const Resolution& r = link.resolution;
  if (!t.backslash) return false;
  const bool missing = r.state == Workspace::PathState::Missing;
  Diagnostic d = Diagnostic::of(
      kBackslash, link.at,
      fmt::format("link '{}' uses backslashes; with forward slashes it reaches '{}'{}", link.shown,
                  display_path(missing ? t.path : r.actual, checker.repo()), missing ? ", which does not exist" : ""));
  if (r.state == Workspace::PathState::Exists) d.fix = forward_slashes(checker.document(), link.link, link.at);
  checker.report_as_written(link, std::move(d), kUnattributedBackslash);
  // Counted rather than reported, the backslashes say nothing of the missing target: the steps
  // of its kind decide about that (the fallback, link/missing-file).
  return missing && link.origin != LinkOrigin::Unattributed;
}

}  // namespace loclint::checks::link

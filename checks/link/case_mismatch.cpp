#include "link.h"

namespace loclint::checks::link {

const Rule kCaseMismatch{
    .id = "link/case-mismatch",
    .severity = Severity::Warning,
    .summary = "a link target that exists only with a different letter case",
    .checks = "The target exists, but its name on disk differs in letter case from the link (`Page.md` for "
              "`page.md`). Site-absolute links (`/docset/page`) are URLs, which the site matches without case."
              " In a monolingual translation whose source article cannot be read (no `--source-root`, or that tree "
              "lacks the article) such links are counted in one note, not reported: a translation copies its links "
              "from its source as written (README: Inherited findings). With `--source-root`, a link of a paired "
              "translation whose destination its source article has nowhere (in any letter case), when that "
              "article is not known to be the version translated, is counted in a note too (it may be that "
              "version's link).",
    .why = "It works where file names ignore case (Windows, macOS, a build that resolves paths on them) and "
           "breaks where they do not: a Linux checkout, GitHub's file view, a case-sensitive build or web server "
           "(Microsoft's docs build resolved such links while GitHub broke them: MicrosoftDocs/windowsserverdocs#2271; "
           "docfx v3 resolved them case-sensitively at first: dotnet/docfx#2966). Write the name exactly as on disk.",
    .fires = {.text = "[Facturation](Billing.md)\n", .files = {{"billing.md", "# Facturation\n"}}},
    .passes = {.text = "[Facturation](billing.md)\n", .files = {{"billing.md", "# Facturation\n"}}},
    .fix = "Writes each folder and file name of the link's path in the letter case it has on disk, when the "
           "destination is written without escapes, entities or percent-encoding and names the file with its "
           "extension.",
};

const SummaryNote kUnattributedCase{&kCaseMismatch, "link in another letter case than its target not reported",
                                    "links in another letter case than their targets not reported",
                                    kUnattributedAdvice};

const SummaryNote kOtherVersionCase{
    &kCaseMismatch, "link in another letter case than its target, to a destination its source article does not have, not reported",
    "links in another letter case than their targets, to destinations their source articles do not have, not reported",
    "the source tree is not known to be the version that was translated (no source commit named that git can "
    "check, or the source changed since), so these may be that version's links; a destination the source article "
    "has, written in another letter case, is still reported; set `pairing.source-version: translated` to report "
    "them all"};

namespace {

// The fix: the written path's names, from the last one back to the first `.` or `..`, are the last
// names of the file on disk; each that differs from its name on disk only in ASCII letter case
// is rewritten. Only when the path as written resolves to that file once case is ignored (not a
// page link that omits `.md`, not a folder's index page): then each name has one counterpart.
std::optional<Fix> disk_case(const Document& doc, const Link& link, Span at, const Target& t, const fs::path& actual) {
  if (lower_ascii(t.path.generic_string()) != lower_ascii(actual.generic_string())) return std::nullopt;
  const std::optional<Span> written = written_destination(doc, link, at);
  if (!written) return std::nullopt;
  const std::string_view text = doc.slice(*written);
  size_t path_end = std::min(text.find('#'), text.find('?'));
  if (path_end == std::string_view::npos) path_end = text.size();
  if (text.substr(0, path_end).find_first_of("%\\") != std::string_view::npos) return std::nullopt;
  std::vector<std::string> on_disk;
  for (const fs::path& part : actual) on_disk.push_back(part.string());
  Fix fix;
  fix.title = fmt::format("Write '{}' as on disk", excerpt(text.substr(0, path_end), 80));
  size_t end = path_end;
  auto disk = on_disk.rbegin();
  while (end > 0 && disk != on_disk.rend()) {
    size_t begin = text.rfind('/', end - 1);
    begin = begin == std::string_view::npos ? 0 : begin + 1;
    const std::string_view name = text.substr(begin, end - begin);
    if (name == "." || name == "..") break;
    if (!name.empty()) {
      if (lower_ascii(name) != lower_ascii(*disk)) return std::nullopt;
      if (name != *disk) {
        const uint32_t b = written->begin + static_cast<uint32_t>(begin);
        fix.edits.insert(fix.edits.begin(), TextEdit{{b, b + static_cast<uint32_t>(name.size())}, *disk});
      }
      ++disk;
    }
    if (begin == 0) break;
    end = begin - 1;
  }
  if (fix.edits.empty()) return std::nullopt;
  return fix;
}

}  // namespace

bool check_case_mismatch(LinkChecker& checker, const ResolvedLink& link) {
  const Resolution& r = link.resolution;
  if (r.state != Workspace::PathState::CaseMismatch || link.target.site_absolute) return false;
  // With the source tree, a link of a paired translation whose destination the source article
  // there has nowhere, in any letter case, when that article is not known to be the version
  // translated, may be another version's: counted, not reported (a TOC entry the older source TOC
  // lacks). One the source article has, written otherwise, is the translation's.
  const Env& env = checker.env();
  auto source_has_destination = [&] {
    const std::string mine = lower_ascii(link.link.destination);
    return std::any_of(env.pair->source->links().begin(), env.pair->source->links().end(),
                       [&](const Link& l) { return lower_ascii(l.destination) == mine; });
  };
  if (env.config.source_root && !checker.article_is_source() && link.origin == LinkOrigin::Translation && env.pair &&
      env.pair->state == PairState::Paired && env.pair->source && env.pair->strictness() != Strictness::Full &&
      !source_has_destination()) {
    checker.count(kOtherVersionCase);
    return false;
  }
  Diagnostic d = Diagnostic::of(kCaseMismatch, link.at,
                                fmt::format("'{}' exists only as '{}' (letter case differs): it breaks where "
                                            "file names are case-sensitive",
                                            link.shown, display_path(r.actual, checker.repo())));
  d.fix = disk_case(checker.document(), link.link, link.at, link.target, r.actual);
  checker.report_as_written(link, std::move(d), kUnattributedCase);
  return false;
}

}  // namespace loclint::checks::link

// checks/link: relative links, anchors, images and includes checked against the tree on disk.
//
// Every lookup goes through env.workspace (cached directory listings, one parse and one anchor
// set per target file), so resolution is the same whichever files were named on the command
// line. links.cpp walks the links and resolves each one (targets.cpp) into a ResolvedLink; the
// family's steps (checks.cpp, in order) then decide about it. Each rule's file holds its
// constant and its step, a free function that reports through the LinkChecker's public API.
#pragma once

#include <fmt/format.h>

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "loclint/check.h"

namespace loclint::checks::link {

class LinkChecker;
struct ResolvedLink;

// ---- the rules, each in <rule-name>.cpp: its constant and its step (see LinkStep) ----------
extern const Rule kMissingFile;
bool check_missing_page(LinkChecker& checker, const ResolvedLink& link);      // missing_file.cpp
bool check_missing_download(LinkChecker& checker, const ResolvedLink& link);  // missing_file.cpp
extern const Rule kMissingAnchor;
bool check_missing_anchor(LinkChecker& checker, const ResolvedLink& link);
extern const Rule kMissingInclude;
bool check_missing_include(LinkChecker& checker, const ResolvedLink& link);
extern const Rule kMissingImage;
bool check_missing_image(LinkChecker& checker, const ResolvedLink& link);
extern const Rule kCaseMismatch;
bool check_case_mismatch(LinkChecker& checker, const ResolvedLink& link);
extern const Rule kBackslash;
bool check_backslash(LinkChecker& checker, const ResolvedLink& link);
extern const Rule kRedirected;  // no step: missing_file.cpp's steps ask report_redirect first
// new-rule: declarations above this line (ci/new-rule)

// What the rules share. Reports kRedirected and returns true when the missing target of `link`
// is listed in `.openpublishing.redirection.json` (redirected.cpp).
bool report_redirect(LinkChecker& checker, const ResolvedLink& link);
// Reports kMissingAnchor when `link`'s fragment names no anchor of `file` (the document itself
// when null), nor of a file it includes (missing_anchor.cpp).
void check_anchor(LinkChecker& checker, const ResolvedLink& link, const fs::path* file);
// Whether check_anchor looks `fragment` up: not empty, `#top` (any case) or a docfx tab (`#tab/`).
bool fragment_names_anchor(std::string_view fragment);

// Run-level notes of links that could not be verified (links.cpp).
extern const SummaryNote kOutsideTree;
extern const SummaryNote kArticleNotInSource;
extern const SummaryNote kOtherSourceVersion;

// The one check of the family: a LinkChecker over the document's links.
void check_links(const Document& doc, const Env& env, Reporter& out);

// ---- link targets (targets.cpp) -----------------------------------------------------------

enum class Kind { Page, Image, Include, Download };

struct Target {
  bool check = false;     // false: external, empty or outside this repo
  bool same_document = false;
  bool site_absolute = false;  // `/prefix/...` mapped to a docset: URLs ignore case and extension
  bool backslash = false;
  fs::path path;          // absolute, lexically normal
  std::string fragment;   // decoded, without '#'
  bool has_fragment = false;
};

// Where a link destination points. `here`: the document's own path, absolute and normal.
Target parse_target(const fs::path& here, std::string_view raw, const Env& env, const RepoInfo& repo);
// What `link` to `t` reaches: an include, an image (an image link, or a media file by its
// extension), else a page (a page whose file is a download is told apart later, on disk).
Kind kind_of(const Link& link, const Target& t);

struct Resolution {
  Workspace::PathState state = Workspace::PathState::Missing;
  fs::path actual;  // the file on disk (with its real letter case)
};

// A page link may omit the extension (`page`, a site URL) or name a folder with an index page.
Resolution resolve(const Env& env, const fs::path& p, bool page);

// Where the destination of `link` (reported at `at`) is written in `doc`, when its bytes there
// are the destination as parsed (no Markdown escape, entity or line break in it): the span a fix
// may edit. Nullopt when the file does not hold it verbatim (backslash.cpp).
std::optional<Span> written_destination(const Document& doc, const Link& link, Span at);

bool is_media(std::string_view path);
// A linked file that is neither a page nor an image (`.pdf`, `.zip`, `.pptx`): localized trees do
// not carry downloads, like media.
bool is_download(const fs::path& p);
bool has_extension(const fs::path& p);
// A path for messages: relative to the repository root when inside it, with '/'.
std::string display_path(const fs::path& p, const RepoInfo& repo);

// Why a finding of report_as_written() was counted rather than reported (the advice of its note).
inline constexpr std::string_view kUnattributedAdvice =
    "they are in translations whose source article cannot be read, and a translation copies its links "
    "from there as written; pass --source-root DIR (the source-language tree, with these articles) to tell "
    "the translation's from the source's";

// ---- what the steps see and do (links.cpp) ------------------------------------------------

// Where a link's destination comes from. A finding about a destination the source-language
// article has too is not the translation's doing: the checker reports it as inherited.
enum class LinkOrigin {
  Translation,    // the translation's own
  SourceHalf,     // a segment's source half, or a target half whose source half has the same destination
  Skeleton,       // outside the halves on a line that holds a segment: copied from the English file
  SourceArticle,  // with --source-root: the English article at the same place has the same destination
  // A monolingual translation (no segments) whose source article cannot be read: no --source-root,
  // or that tree lacks the article. Its destinations are usually the source's, copied as written.
  Unattributed,
};

// One link the steps decide about: a relative link into this tree (not external, not into a tree
// that is not on disk), each reference definition once. A link within the document (`#frag`,
// target.same_document) is not looked up: its resolution is the document itself, Exists.
struct ResolvedLink {
  const Link& link;
  Span at;             // where findings are reported: the destination, else the definition, else the link
  Target target;
  Kind kind;           // Download: a Page link to a file that is neither a page nor an image
  Resolution resolution;
  std::string shown;   // the destination as messages quote it (trimmed, at most 80 code points)
  LinkOrigin origin;
};

// One step of the family: what some rules decide about a resolved link. The steps run in the
// order of link_steps() (checks.cpp); `decide` reports through the checker and returns true when
// the link is settled, and then the later steps do not see it. Every step runs whichever rules
// are enabled: the engine drops the findings of disabled rules.
struct LinkStep {
  std::vector<const Rule*> rules;  // every rule `decide` may report
  bool (*decide)(LinkChecker& checker, const ResolvedLink& link);
};
const std::vector<LinkStep>& link_steps();

// Walks one document's links and hands each resolved one to the steps; the steps' API.
class LinkChecker {
 public:
  LinkChecker(const Document& doc, const Env& env, Reporter& out, fs::path here, std::shared_ptr<const RepoInfo> repo);
  void run();

  const Document& document() const { return doc_; }
  const Env& env() const { return env_; }
  const RepoInfo& repo() const { return *repo_; }
  const fs::path& here() const { return here_; }  // the document's path, absolute and lexically normal

  // Every finding of the family goes through here: one whose destination does not come from
  // the translation (LinkOrigin) is reported as inherited from the source (--inherited decides
  // how), and a fix that would edit a segment's source half is dropped.
  void report(const ResolvedLink& link, const Rule& rule, std::string message);
  void report(const ResolvedLink& link, Diagnostic d);
  void report(LinkOrigin origin, Diagnostic d);
  // For a finding about the destination as written (its letter case, its backslashes, a moved
  // page), which a translation copies from its source: reported as report() does, but when the
  // origin is Unattributed, only counted in `unattributed` (whether the source has it too is not
  // known, and guessing would blame the translation for the source's defects: issue 14).
  void report_as_written(const ResolvedLink& link, Diagnostic d, const SummaryNote& unattributed);
  // Counts one occurrence of a run-level note (Reporter::count).
  void count(const SummaryNote& note);

  // A file missing from this tree that the publishing build serves from the source-language
  // repository (declared in the publish config, or given as --source-root): where it is there.
  // Nullopt when there is no fallback, when this article is a source, or when the file is missing
  // there too; then `unverifiable` is set if that tree cannot be looked at: not given, or with no
  // place for `p` (the caller counts its note when --source-root is not given), or lacking this
  // article (counted here, in kArticleNotInSource).
  std::optional<fs::path> in_fallback(const fs::path& p, bool page, bool& unverifiable);
  // Media and downloads are carried by the source-language tree only: true when `t` is missing
  // there too; false when it is there, or cannot be judged (counted in `unchecked`, or in
  // kArticleNotInSource).
  bool missing_from_source_tree(const Target& t, const SummaryNote& unchecked);
  // With --source-root, for a link of a paired translation whose target is in neither tree: true
  // when the link may be another version's than the source article's, then counted in
  // kOtherSourceVersion and not reported. That is when the source article is not known to be the
  // version that was translated (Pair::strictness() below Full: no source commit named, the
  // source tree not in git, or the source changed since) and either it is dated before the
  // translation (an older version: common/source_version.h) or the link has no counterpart in it
  // (counterpart_in_source) whose destination differs only by what a translation alters (its
  // block pair is AlignedBlocks::altered_only: letter case, white space, fullwidth forms): a link
  // the translation altered is its own, a destination replaced may be the source's edit since. A destination the source article has is inherited (LinkOrigin::SourceArticle) and never
  // comes here. When false and the link has a counterpart with another destination, `altered`
  // (if given) receives "; the source article has 'DEST' there (file:line)" for the message.
  bool from_other_source_version(const ResolvedLink& link, std::string* altered = nullptr);
  // The link of the source article that `link` translates: in the source block aligned 1-1 with
  // the translation's block that holds `link` (alignment.h), the link of the same kind at the same
  // index, when both blocks hold as many; null otherwise. Paired documents only. `altered_only`
  // (if given) receives the step's AlignedBlocks::altered_only.
  const Link* counterpart_in_source(const Link& link, bool* altered_only = nullptr) const;
  // Where `p` (in this tree) sits in the --source-root tree, by the layout that pairs documents
  // (source_layout.h), placed by this document's repository. Nullopt for a source article, and
  // where source_place() places nothing (no --source-root, or no template matches).
  std::optional<fs::path> in_source_tree(const fs::path& p) const;
  // Whether this document is placed on itself, so is a source (Hugo's `content/en/` when the
  // whole repository is linted): it has no source tree and no fallback.
  bool article_is_source() const;
  // The anchors of this document, computed on first use.
  const AnchorSet& own_anchors();

 private:
  // Whether the --source-root tree has this article: one of another date may lack it, and then
  // it is not this article's source.
  bool source_has_article() const;
  // Whether this document is a monolingual translation whose source article cannot be read
  // (LinkOrigin::Unattributed): no segments, not a source itself, in a tree that is translated
  // (the source-language fallback of its publish config, or a locale, from --locale or the tree,
  // that is not English), and no source article under --source-root.
  bool translation_without_source() const;
  struct Half {
    Span span;
    uint32_t segment;
    bool source;
  };
  LinkOrigin origin_of(const Link& link) const;
  bool wraps_same_image(const Link& link) const;
  const Half* half_of(Span s) const;
  void check(const Link& link);
  void prefetch_target_anchors();
  bool outside_this_tree(const Target& t) const;

  const Document& doc_;
  const Env& env_;
  Reporter& out_;
  const fs::path here_;
  std::shared_ptr<const RepoInfo> repo_;
  std::vector<Half> halves_;
  std::set<std::pair<uint32_t, std::string>> seen_in_target_;
  std::shared_ptr<const AnchorSet> own_;
  std::set<uint32_t> definitions_seen_;
  mutable std::optional<bool> source_article_;     // source_has_article(), computed once
  mutable std::optional<bool> article_is_source_;  // article_is_source(), computed once
  mutable std::optional<bool> without_source_;     // translation_without_source(), computed once
};

}  // namespace loclint::checks::link

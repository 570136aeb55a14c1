// checks/link: relative links, anchors, images and includes checked against the tree on disk.
//
// Every lookup goes through env.workspace (cached directory listings, one parse and one anchor
// set per target file), so resolution is the same whichever files were named on the command
// line. links.cpp walks the links and resolves them (targets.cpp); each rule's file holds its
// constant and what it decides about a resolved link.
#pragma once

#include <fmt/format.h>

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "loclint/check.h"

namespace loclint::checks::link {

// ---- the rules, each in <rule-name>.cpp ---------------------------------------------------
extern const Rule kMissingFile;
extern const Rule kMissingAnchor;
extern const Rule kMissingInclude;
extern const Rule kMissingImage;
extern const Rule kCaseMismatch;
extern const Rule kBackslash;
extern const Rule kRedirected;
// new-rule: declarations above this line (ci/new-rule)

// Run-level notes of links that could not be verified (links.cpp, missing_file.cpp).
extern const SummaryNote kOutsideTree;
extern const SummaryNote kArticleNotInSource;

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

// ---- the checker (links.cpp, and the rules' files) ----------------------------------------

class LinkChecker {
 public:
  LinkChecker(const Document& doc, const Env& env, Reporter& out, fs::path here, std::shared_ptr<const RepoInfo> repo);
  void run();

 private:
  struct Half {
    Span span;
    uint32_t segment;
    bool source;
  };
  enum class Origin { Translation, SourceHalf, Skeleton, SourceArticle };
  Origin origin_of(const Link& link) const;
  void emit(Diagnostic d);
  void emit(const Rule& rule, Span at, std::string message);
  bool wraps_same_image(const Link& link) const;
  const Half* half_of(Span s) const;
  void check(const Link& link);

  // What the rules decide about a resolved link; `shown` is the destination as quoted.
  bool backslash(const Link& link, Span at, const Target& t, const Resolution& r, const std::string& shown);  // backslash.cpp
  void case_mismatch(const Link& link, Span at, const Target& t, const Resolution& r, const std::string& shown);  // case_mismatch.cpp
  void missing_page(Span at, const Target& t, const std::string& shown);                        // missing_file.cpp
  bool redirected(Span at, const Target& t, const std::string& shown);                          // redirected.cpp
  void missing_image(Span at, const Target& t, const std::string& shown);                       // missing_image.cpp
  void missing_include(Span at, const Target& t, const std::string& shown);                     // missing_include.cpp
  void missing_download(Span at, const Target& t, const std::string& shown);                    // missing_file.cpp
  bool outside_this_tree(const Target& t) const;
  std::optional<fs::path> in_fallback(const fs::path& p, bool page, bool& unverifiable);
  bool source_has_article() const;
  bool missing_from_source_tree(const Target& t, const SummaryNote& unchecked);  // missing_image.cpp
  void check_anchor(Span at, const std::string& fragment, const fs::path* file, const std::string& shown);  // missing_anchor.cpp
  bool defined_by_include(const AnchorSet& set, const fs::path& owner, const std::string& fragment, int depth) const;
  // Where `p` (in this tree) sits in the --source-root tree, by the layout that pairs documents
  // (source_layout.h), placed by this document's repository.
  std::optional<fs::path> in_source_tree(const fs::path& p) const;
  bool article_is_source() const;
  mutable std::optional<bool> article_is_source_;  // article_is_source(), computed once

  const Document& doc_;
  const Env& env_;
  Reporter& out_;
  const fs::path here_;  // the document's path, absolute and lexically normal
  std::shared_ptr<const RepoInfo> repo_;
  std::vector<Half> halves_;
  std::set<std::pair<uint32_t, std::string>> seen_in_target_;
  std::shared_ptr<const AnchorSet> own_;
  std::set<uint32_t> definitions_seen_;
  Origin origin_ = Origin::Translation;  // of the link being checked
  mutable std::optional<bool> source_article_;  // source_has_article(), computed once
};

}  // namespace loclint::checks::link

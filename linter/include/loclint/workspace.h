// Everything outside the file being linted: the tree on disk, the publishing configuration,
// redirections, and other documents (for anchors). Shared by all threads of a run; every
// method is thread-safe and caches what it reads, so a target file is parsed at most once.
//
// Resolution never depends on which files were passed on the command line: a pre-commit hook
// lints only changed files, and their links still resolve against the whole tree on disk.
#pragma once

#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace loclint {

class Document;
struct AnchorSet;
namespace fs = std::filesystem;

// One docset of `.openpublishing.publish.config.json`.
// A docset without a publish config is a folder with a `docfx.json` (site prefix: its `dest`).
struct Docset {
  std::string name;
  fs::path folder;      // absolute, lexically normal
  std::string locale;   // lowercase, e.g. "fr-fr"; empty when unknown
  // Site path prefix ("/partner-center") that maps site-absolute links to `folder`.
  std::string site_prefix;
};

struct Redirection {
  std::string source_path;  // as written, relative to the repo root
  std::string redirect_url;
};

// What the publishing repository around a file looks like.
struct RepoInfo {
  fs::path root;  // folder of `.openpublishing.publish.config.json`, else of `.git`, else empty
  std::vector<Docset> docsets;
  std::map<std::string, Redirection> redirections;  // key: lowercase absolute normal path
};

// Where a document of the run sits: computed once per file, asked for by several checks.
struct Place {
  fs::path file;                         // absolute, lexically normal
  std::shared_ptr<const RepoInfo> repo;  // never null
  const Docset* docset = nullptr;        // the docset whose folder holds the file, if any
};

// Parses a file whose bytes the workspace read for its anchors (see Workspace::set_anchor_parser).
// Called from any thread, at most once per file.
class AnchorParser {
 public:
  virtual ~AnchorParser() = default;
  // `file`: absolute and lexically normal.
  virtual std::shared_ptr<const AnchorSet> parse_anchors(const std::string& file, std::string bytes) = 0;
};

class Workspace {
 public:
  Workspace() = default;
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

  // The repository that contains `file` (cached per folder). Never null.
  std::shared_ptr<const RepoInfo> repo_of(const fs::path& file);
  // The docset whose folder contains `file`, if any.
  const Docset* docset_of(const RepoInfo& repo, const fs::path& file) const;
  // The three above for a document's path as the engine names it, cached per path.
  std::shared_ptr<const Place> place_of(const std::string& path);

  // The locale the tree says `file` is in: the docset's locale, else the locale a `docfx.json`
  // on the way up to the repository root names (`locale`, `build.locale`, or
  // `build.globalMetadata` `ms.contentlocale` / `locale`), else a folder name on the path that
  // ends in a locale (`partner-center-pr.fr-fr`). Lowercase; empty when unknown. `source`, when
  // given, receives where it was learnt, for messages.
  std::string tree_locale(const fs::path& file, std::string* source = nullptr);

  enum class PathState { Missing, Exists, CaseMismatch };
  // Whether a path exists exactly; or exists only with another letter case (then `actual`
  // receives the name on disk). Directory listings are cached.
  PathState stat(const fs::path& path, fs::path* actual = nullptr);
  // A document the run lints from memory (standard input) exists at `file` for links, whatever
  // the disk says. Call before the run's first stat().
  void assume_exists(const fs::path& file);


  // Number of documents parsed on behalf of other files' links (for tests and --stats).
  size_t documents_loaded() const;

  // Who parses a link target the workspace read for its anchors; null (the default): parsed
  // under its absolute path and only the anchor set kept. Not owned; set before the run starts.
  void set_anchor_parser(AnchorParser* parser) { anchor_parser_ = parser; }
  // The engine parsed `doc` itself: keep its anchor set, so a later link to it needs no parse.
  void add_anchors(const Document& doc);

  // The fragments a link may target in the document at `path`, computed once per run; null when
  // the file cannot be read.
  std::shared_ptr<const AnchorSet> anchors(const fs::path& path);

  // The redirection `.openpublishing.redirection.json` lists for `path`, or nullptr.
  const Redirection* redirection(const RepoInfo& repo, const fs::path& path) const;

  // The docset that publishes a site-absolute path (`/partner-center/page`) and, in `rest`, the
  // path below its prefix (`page`); nullptr when no docset of the repo publishes that prefix.
  const Docset* docset_for_site_path(const RepoInfo& repo, std::string_view site_path, std::string* rest) const;

 private:
  struct DirListing {
    bool exists = false;
    std::vector<std::string> names;  // sorted
    std::vector<std::pair<std::string, uint32_t>> folded;  // (ASCII-lowercased name, index in names), sorted
  };
  std::shared_ptr<const DirListing> listing(const fs::path& dir);
  PathState stat_uncached(const fs::path& path, fs::path* actual, bool* has_actual);
  struct StatResult {
    PathState state = PathState::Missing;
    bool has_actual = false;  // `actual` is set (not for a missing path or the root)
    fs::path actual;
  };
  std::string docfx_locale(const fs::path& dir);

  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const RepoInfo>> repo_by_dir_;
  std::unordered_map<std::string, std::shared_ptr<const Place>> places_;
  std::unordered_map<std::string, std::shared_ptr<const DirListing>> listings_;
  std::unordered_map<std::string, std::string> docfx_locales_;  // folder -> locale of its docfx.json
  std::unordered_map<std::string, std::shared_ptr<const AnchorSet>> anchors_;
  std::unordered_map<std::string, std::shared_ptr<std::once_flag>> anchor_once_;
  std::atomic<size_t> anchor_documents_{0};  // documents parsed for their anchors
  std::unordered_map<std::string, StatResult> stats_;  // stat() by the path as written
  AnchorParser* anchor_parser_ = nullptr;
};

// Lexically normal absolute path (no filesystem access).
fs::path absolute_normal(const fs::path& p);

}  // namespace loclint

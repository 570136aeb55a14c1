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
class Pairing;
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

class Workspace {
 public:
  Workspace();
  ~Workspace();
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

  // Translated documents and their source documents (pairing.h).
  Pairing& pairing() { return *pairing_; }

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


  // Number of documents parsed on behalf of other files' links (for tests and --stats).
  size_t documents_loaded() const;
  // Of those, the ones handed over to the engine (parsed once, not twice).
  size_t documents_handed_over() const { return handed_over_.load(std::memory_order_relaxed); }

  // The files this run lints, as the engine names them (index = position). A link target that is
  // one of them and not yet linted is parsed whole for its anchors and kept (within a memory
  // budget) until the engine takes it, so each file of the run is parsed once.
  void plan(const std::vector<std::string>& files);
  // The engine claims file `index`. Returns false when it was already linted from the documents
  // handed over (skip it); otherwise `doc` receives the parsed document when one is waiting.
  bool claim(size_t index, std::shared_ptr<const Document>& doc);
  // A parsed document waiting for the engine, to lint it early and free it; false when none.
  bool take_waiting(size_t& index, std::shared_ptr<const Document>& doc);
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

  // Image links a check could not verify (localized trees carry no media and no --source-root
  // was given); main prints one note per run instead of one finding per image.
  void add_unchecked_image() { unchecked_images_.fetch_add(1, std::memory_order_relaxed); }
  size_t unchecked_images() const { return unchecked_images_.load(std::memory_order_relaxed); }

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
  std::atomic<size_t> handed_over_{0};       // of which the engine linted without parsing again
  struct Planned {
    std::string display;  // the path as the engine names it (findings carry it)
    bool claimed = false;
    std::shared_ptr<const Document> parsed;  // parsed for its anchors, waiting for the engine
  };
  std::vector<Planned> plan_;
  std::unordered_map<std::string, size_t> plan_index_;  // absolute normal path -> index
  std::vector<size_t> waiting_;                          // indexes whose `parsed` is set
  size_t waiting_bytes_ = 0;
  std::unordered_map<std::string, StatResult> stats_;  // stat() by the path as written
  std::atomic<size_t> unchecked_images_{0};
  std::unique_ptr<Pairing> pairing_;
};

// Lexically normal absolute path (no filesystem access).
fs::path absolute_normal(const fs::path& p);

}  // namespace loclint

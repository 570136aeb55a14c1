// Everything outside the file being linted: the tree on disk, the publishing configuration,
// redirections, and other documents (for anchors). Shared by all threads of a run; every
// method is thread-safe and caches what it reads, so a target file is parsed at most once.
//
// Resolution never depends on which files were passed on the command line: a pre-commit hook
// lints only changed files, and their links still resolve against the whole tree on disk.
#pragma once

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "loclint/census_cache.h"
#include "loclint/sharded_map.h"

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

// A repository the publish config's `dependent_repositories` checks out inside this one at build
// time (`path_to_root`): its files are not in this tree.
struct DependentRepository {
  fs::path folder;  // absolute, lexically normal
  std::string url;
};

// What the publishing repository around a file looks like.
struct RepoInfo {
  fs::path root;  // folder of `.openpublishing.publish.config.json`, else of `.git`, else empty
  fs::path publish_config;  // that file, when it exists and is valid JSON
  std::vector<Docset> docsets;  // only those whose folder exists
  // `build_source_folder`s the publish config names that are not in the tree (a stale config),
  // as written; their docsets are left out of `docsets`.
  std::vector<std::string> missing_docset_folders;
  // The `locale` every docset of the publish config names, stale ones included, when they all
  // name the same one (lowercase); empty when they disagree or none names one. A repository
  // publishes in one language, so this is the locale of files outside every docset folder (an
  // include, a stale config's articles).
  std::string publish_locale;
  std::vector<DependentRepository> dependents;
  // A dependent repository named `_repo.<locale>` is the source-language repository: pages,
  // includes and media missing from this (localized) tree are served from it (the fallback).
  bool source_fallback = false;
  std::map<std::string, Redirection> redirections;  // key: lowercase absolute normal path
};

// Where a document of the run sits: computed once per file, asked for by several checks.
struct Place {
  fs::path file;                         // absolute, lexically normal
  std::shared_ptr<const RepoInfo> repo;  // never null
  const Docset* docset = nullptr;        // the docset whose folder holds the file, if any
};

// Documents that exist in an editor's memory (the language server's open buffers, saved or not).
// For link resolution they stand in front of the disk: a buffer's anchors answer for links to
// it, and a path that is only a buffer exists (and so do the folders above it). Keys are
// absolute, lexically normal paths. Immutable once handed to Workspace::set_overlay.
struct Overlay {
  std::unordered_map<std::string, std::shared_ptr<const AnchorSet>> documents;
  std::unordered_set<std::string> folders;

  // Adds a document and the folders above it.
  void add(const fs::path& file, std::shared_ptr<const AnchorSet> anchors);
};

// The front matter of a file on disk, as far as the metadata rules need it from other files
// (metadata_census.cpp): its keys and their values, in file order; duplicates keep the first.
struct FrontMatterKeys {
  bool parsed = false;  // the file has a front matter block that parsed as a YAML mapping
  std::string yaml_mime;  // a YamlMime file's type ("Hub", from `### YamlMime:Hub`); "" for Markdown
  std::vector<std::pair<std::string, std::string>> entries;  // (key, trimmed scalar value; "" for
                                                             // empty, null, a list or a mapping)
  std::vector<std::string> filled;  // keys whose value is not empty (lists and mappings count)

  const std::string* value(std::string_view key) const;
  bool has(std::string_view key) const;         // present, even empty
  bool has_value(std::string_view key) const;   // present with a value
};

// The metadata keys of a docfx.json (`build.globalMetadata`, and `build.fileMetadata` whose glob
// matches the file): what docfx adds to every page's front matter.
struct DocfxMetadata {
  fs::path folder;  // folder of the docfx.json; empty when none was found
  std::vector<std::string> global_keys;
  std::vector<std::pair<std::string, std::vector<std::string>>> file_keys;  // key -> globs
  std::string global_topic;  // globalMetadata ms.topic, "" when none

  // The keys docfx supplies for `file` (absolute, normal).
  std::vector<std::string> keys_for(const fs::path& file) const;
};

// What the articles around a file carry in their front matter: learnt once per run and census
// folder (the docset's folder, else the file's folder and the folders below it) by reading the
// front matter of every article under it (metadata_census.cpp). An article here: a `.md` file
// with a front matter block, or a YamlMime `.yml` file with a `metadata:` mapping; not a TOC.md,
// not under an `includes` folder, and not a generated reference page (see
// Workspace::generated_page).
struct KeyTally {
  size_t files = 0;
  // Files whose front matter (`metadata:` mapping), or whose docfx.json, gives the key a value.
  std::map<std::string, size_t, std::less<>> carried;

  // Share of the files that carry `key`, 0 to 1 (0 when there are none).
  double share(std::string_view key) const;
};

struct KeyCensus {
  fs::path folder;
  KeyTally articles;  // Markdown articles
  // YamlMime files by type ("Hub", "Landing", "FAQ"): the pipeline stamps some types and not
  // others, and a docset's hub pages are no Markdown articles' siblings.
  std::map<std::string, KeyTally, std::less<>> yaml_mime;

  // The tally a file of this YamlMime type ("" for Markdown) belongs to; an empty tally for a type
  // the census did not see.
  const KeyTally& of(std::string_view yaml_mime_type) const;
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
  Workspace();
  ~Workspace();
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

  // Translated documents and their source documents (pairing.h).
  Pairing& pairing() { return *pairing_; }

  // The repository that contains `file` (cached per folder). Never null.
  std::shared_ptr<const RepoInfo> repo_of(const fs::path& file);
  // Every repository seen so far (one per root), for run-level reports about their configuration.
  std::vector<std::shared_ptr<const RepoInfo>> repositories() const;
  // The dependent repository whose folder contains `path` (absolute, normal), if any.
  static const DependentRepository* dependent_of(const RepoInfo& repo, const fs::path& path);
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


  // Puts `overlay` in front of the disk for stat() and anchors() (null: the disk alone). Cached
  // answers about the disk stay; the overlay is asked first, so replacing it takes effect at once.
  void set_overlay(std::shared_ptr<const Overlay> overlay);
  // The front matter keys of the file at `path` (absolute, normal), read once per run; null when
  // the file cannot be read. Only the file's first kFrontMatterProbe bytes are read.
  std::shared_ptr<const FrontMatterKeys> front_matter_keys(const fs::path& path);
  // The docfx.json nearest above `file`, up to the repository root (cached per folder).
  std::shared_ptr<const DocfxMetadata> docfx_metadata(const fs::path& file);
  // The census of the articles around `file` (see KeyCensus); computed on first use, once per
  // census folder, by set_jobs() threads, while other threads asking for it wait. With a cache
  // folder (set_census_cache_dir), the keys of an article unchanged since an earlier run come
  // from its census cache (census_cache.h) instead of the article.
  std::shared_ptr<const KeyCensus> key_census(const fs::path& file);
  // Where census caches are read and written (census_cache_dir() gives the user's); empty (the
  // default): none. A file modified less than `racy_window_ns` before a census started is not
  // stored (CensusCache::kRacyWindowNs; tests shorten it). Set before the first key_census().
  void set_census_cache_dir(fs::path dir, int64_t racy_window_ns = CensusCache::kRacyWindowNs) {
    census_cache_dir_ = std::move(dir);
    census_racy_window_ns_ = racy_window_ns;
  }
  // Number of articles whose front matter the censuses read from disk (not from a cache), for
  // tests and --stats.
  size_t census_files_read() const { return census_files_read_.load(std::memory_order_relaxed); }
  // Number of articles whose keys the censuses took from their caches.
  size_t census_files_cached() const { return census_files_cached_.load(std::memory_order_relaxed); }
  // A page written by a reference generator (docfx managed reference, Q# API pages): a `uid`
  // key and no author keys, which no generator writes.
  static bool generated_page(const FrontMatterKeys& keys);
  static constexpr size_t kFrontMatterProbe = 64 * 1024;

  // How many threads the run has: work that every thread must wait for (a census) uses as many.
  void set_jobs(unsigned jobs) { jobs_ = std::max(1u, jobs); }
  // Jobs asked for that lint no file (one file linted with -j 2: an editor, a pre-commit hook).
  void set_spare_jobs(unsigned spare) { spare_jobs_ = spare; }
  unsigned spare_jobs() const { return spare_jobs_; }
  // Computes the anchor sets of `files` (absolute, normal) as anchors() does, on the calling
  // thread and on as many of the spare jobs as no other prefetch holds (threads that cannot be
  // started are done without), so that a document whose links name fragments of many others
  // does not parse them one after another. Without spare jobs, nothing (anchors() then parses
  // each on first use).
  void prefetch_anchors(const std::vector<fs::path>& files);

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
  std::string tree_locale_uncached(const fs::path& file, std::string* source);
  // The publishing configuration of the repository at `root` ("" for none), read once per root.
  std::shared_ptr<const RepoInfo> read_repo_info(const fs::path& root);
  // A docfx.json, parsed once per run (three readers ask for it, from every folder below it),
  // comments allowed; null when it is missing, not a regular file of at most kMaxFileSize bytes,
  // or not JSON. The publish and redirection configs are read once per repository root instead
  // (read_repo_info) and not kept: a redirection file runs to megabytes.
  std::shared_ptr<const nlohmann::json> json_file(const fs::path& path);

  unsigned jobs_ = 1;
  unsigned spare_jobs_ = 0;
  std::atomic<unsigned> spare_jobs_taken_{0};  // helpers prefetch_anchors() runs now
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const RepoInfo>> repo_by_dir_;
  std::unordered_map<std::string, std::shared_ptr<const RepoInfo>> repo_by_root_;  // "" for no repository
  // The caches every link and every file reads, each sharded apart from mutex_ (sharded_map.h).
  ShardedMap<std::shared_ptr<const Place>> places_;
  ShardedMap<std::shared_ptr<const DirListing>> listings_;
  std::unordered_map<std::string, std::string> docfx_locales_;  // folder -> locale of its docfx.json
  std::unordered_map<std::string, std::pair<std::string, std::string>> tree_locales_;  // folder -> (locale, source)
  std::unordered_map<std::string, std::shared_ptr<const KeyCensus>> census_by_dir_;    // a file's folder -> its census
  std::unordered_map<std::string, std::shared_ptr<const nlohmann::json>> json_files_;  // path -> docfx.json, null when unreadable
  ShardedMap<std::shared_ptr<const AnchorSet>> anchors_;
  ShardedMap<std::shared_ptr<std::once_flag>> anchor_once_;
  std::atomic<size_t> anchor_documents_{0};  // documents parsed for their anchors
  ShardedMap<StatResult> stats_;  // stat() by the path as written
  std::unique_ptr<Pairing> pairing_;
  AnchorParser* anchor_parser_ = nullptr;
  std::atomic<std::shared_ptr<const Overlay>> overlay_;
  std::unordered_map<std::string, std::shared_ptr<const FrontMatterKeys>> front_matter_keys_;
  std::unordered_map<std::string, std::shared_ptr<const DocfxMetadata>> docfx_metadata_;  // by folder
  std::unordered_map<std::string, std::shared_ptr<const KeyCensus>> censuses_;
  std::unordered_map<std::string, std::shared_ptr<std::once_flag>> census_once_;
  // The identity a census saw before it read the front_matter_keys_ entry of a path (a cache hit
  // records none): only such an entry may go into another census folder's cache.
  std::unordered_map<std::string, FileIdentity> census_identities_;
  fs::path census_cache_dir_;
  int64_t census_racy_window_ns_ = CensusCache::kRacyWindowNs;
  std::atomic<size_t> census_files_read_{0}, census_files_cached_{0};
  // The keys of a census's article `path`: this run's, else read from the file (counted by
  // census_files_read); `storable`: whether they are the file's at `identity` (read after the
  // stat() that gave it), so that a census cache may keep what they say.
  std::shared_ptr<const FrontMatterKeys> census_front_matter(const fs::path& path, const std::optional<FileIdentity>& identity,
                                                             bool& storable);
};

// Lexically normal absolute path (no filesystem access but getcwd for a relative path).
fs::path absolute_normal(const fs::path& p);
// The same as a string (p's native bytes): without building a path object (its component list)
// when `p` is absolute or relative with no `.`, `..` or doubled '/' in it.
std::string absolute_normal_string(const std::string& p);
// fs::path(p).lexically_normal() for a POSIX path that starts with one '/' (not two: libstdc++
// keeps a lone `//`), bytes in, bytes out, without building paths: the hot part of
// absolute_normal.
std::string normal_absolute(std::string_view p);

// Whether `path` lies in an includes folder: docfx's convention keeps the files that articles pull in with `[!INCLUDE]` in folders
// named `includes`, in any letter case; they are fragments, never pages of their own. Only the
// components of `path` relative to `root` count (a checkout under some `.../includes/` is not in
// one), the last one included, so a folder met while walking a tree is tested like a file; with
// an empty `root`, every component of `path` as given. No filesystem access.
bool in_includes_folder(const fs::path& path, const fs::path& root);

}  // namespace loclint

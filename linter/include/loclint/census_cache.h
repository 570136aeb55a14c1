// The census cache: the front-matter keys the metadata census read from the articles of a census
// folder, kept on disk between runs, so that a run re-reads only the articles that changed since
// (README "Performance"). Used by Workspace::key_census (metadata_census.cpp).
//
// One file per census folder in the cache folder (census_cache_dir()), named
// `census-<16 hex digits>.cbor` after a hash (FNV-1a, 64 bits) of the folder's absolute path.
// It is CBOR (RFC 8949, written and validated by nlohmann_json) holding one map:
//   format   kFormatVersion
//   loclint  [size in bytes, mtime in ns] of the running executable (/proc/self/exe): every
//            build of loclint starts new caches, so a changed parser never serves old keys
//   folder   the census folder's absolute path (a hash collision is a miss)
//   keys     the key names the files below use, each once
//   files    [[path relative to the folder, device, inode, size in bytes, mtime ns, ctime ns,
//              counted, YamlMime type, filled keys], ...]; the filled keys are a byte string of
//              their indexes in `keys`, two bytes each, big-endian (one CBOR item per file, not
//              one per key: the cache loads three times faster)
// What is kept of a file is what the census counts of it (CensusFile), not its front matter:
// values and keys without a value are never needed again, and the cache loads in a fraction of
// the time the articles' front matter takes to parse (issue 20).
// A file is trusted only while its identity (device, inode, size, mtime, ctime) is unchanged;
// ctime moves on every write even when a tool restores the mtime. Reading a cache never fails:
// a missing, unreadable, corrupt, truncated, foreign (another version, another executable,
// another folder, another owner) file is an empty cache. Writing never fails loudly either: a
// read-only or missing HOME leaves the run as it would be without a cache.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace loclint {

// What the census counts of one file (Workspace::key_census).
struct CensusFile {
  bool counted = false;   // an article of the census: front matter that parsed as a mapping, not a
                          // generated page, not a TOC.yml
  std::string yaml_mime;  // its YamlMime type; "" for Markdown
  std::vector<std::string> filled;  // the keys its front matter gives a value, in file order

  bool operator==(const CensusFile&) const = default;
};

// What says that a file's bytes are those read before: stat(2) of the path (symbolic links
// followed). Times in nanoseconds since the Unix epoch.
struct FileIdentity {
  uint64_t device = 0;
  uint64_t inode = 0;
  uint64_t size = 0;  // bytes
  int64_t mtime_ns = 0;
  int64_t ctime_ns = 0;

  bool operator==(const FileIdentity&) const = default;
};

// The identity of the regular file at `path`; nothing when it cannot be stat'ed or is no regular
// file (the census never reads those from a cache: read_file says why it cannot read them).
std::optional<FileIdentity> file_identity(const std::string& path);

// Where census caches live: `$LOCLINT_CACHE_DIR` when set (set and empty: no cache), else
// `$XDG_CACHE_HOME/loclint` (an absolute XDG_CACHE_HOME only, as the XDG Base Directory
// specification says), else `$HOME/.cache/loclint`; empty (no cache) without any of them.
std::filesystem::path census_cache_dir();

class CensusCache {
 public:
  static constexpr int kFormatVersion = 1;
  // The cache files a folder keeps: writing one deletes the least recently used beyond this.
  static constexpr size_t kMaxCacheFiles = 512;
  // A file modified less than this before the census started is not stored: a later write in
  // the same timestamp tick (2 s on FAT) could leave its identity unchanged (git's "racily
  // clean" entries).
  static constexpr int64_t kRacyWindowNs = 2'000'000'000;
  // A larger cache file is not read (a docset of 100,000 articles takes about 20 MiB).
  static constexpr size_t kMaxCacheFileSize = 64u << 20;

  struct Entry {
    FileIdentity identity;
    CensusFile file;
  };

  CensusCache() = default;
  // The cache of census folder `folder` (absolute, lexically normal) in `cache_dir`; empty when
  // `cache_dir` is empty or on any failure. A cache that loads is marked used (its mtime), so
  // that eviction drops the caches no run has read for the longest time.
  static CensusCache load(const std::filesystem::path& cache_dir, const std::filesystem::path& folder);

  // What is stored for `path` (absolute, below the folder) when its identity is still
  // `identity`; null otherwise. Thread-safe (the cache is not changed after load).
  const CensusFile* find(const std::string& path, const FileIdentity& identity) const;
  size_t size() const { return entries_.size(); }

  // Replaces the cache of `folder` with `entries` (path -> entry, paths absolute below the
  // folder), leaving out those whose mtime or ctime is not before `racy_from_ns` (the census's
  // start less kRacyWindowNs: a file written since may have changed without a new identity).
  // Written to a temporary file and renamed, so a concurrent run reads the old
  // cache or the new one, never a part; then the oldest cache files beyond kMaxCacheFiles are
  // deleted. Returns whether the file was written; failures are otherwise silent.
  static bool store(const std::filesystem::path& cache_dir, const std::filesystem::path& folder,
                    const std::vector<std::pair<std::string, Entry>>& entries, int64_t racy_from_ns);

  // The cache file of `folder` in `cache_dir`.
  static std::filesystem::path file_of(const std::filesystem::path& cache_dir, const std::filesystem::path& folder);

 private:
  std::string folder_;  // with a final '/'
  std::unordered_map<std::string, Entry> entries_;  // by path relative to the folder
};

}  // namespace loclint

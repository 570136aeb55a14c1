#include "loclint/census_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <fmt/format.h>

#include "loclint/read_file.h"

namespace loclint {

namespace fs = std::filesystem;

namespace {

using nlohmann::json;

int64_t nanoseconds(const struct timespec& t) { return static_cast<int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec; }

// Size and mtime of the running executable, read once; nothing where /proc/self/exe is not
// (then no cache is read or written: stale keys from an older parser are worse than none).
const std::optional<std::pair<uint64_t, int64_t>>& executable_identity() {
  static const std::optional<std::pair<uint64_t, int64_t>> identity = []() -> std::optional<std::pair<uint64_t, int64_t>> {
    struct stat st;
    if (::stat("/proc/self/exe", &st) != 0) return std::nullopt;
    return std::pair<uint64_t, int64_t>(static_cast<uint64_t>(st.st_size), nanoseconds(st.st_mtim));
  }();
  return identity;
}

// The prefix every path of the folder's census starts with.
std::string folder_prefix(const fs::path& folder) {
  std::string prefix = folder.string();
  if (prefix.empty() || prefix.back() != '/') prefix += '/';
  return prefix;
}

uint64_t fnv1a(std::string_view s) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

constexpr std::string_view kFilePrefix = "census-";

// Deletes the least recently modified cache files of `cache_dir` beyond kMaxCacheFiles.
void evict(const fs::path& cache_dir) {
  std::vector<std::pair<int64_t, fs::path>> files;
  std::error_code ec;
  for (fs::directory_iterator it(cache_dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    struct stat st;
    if (!name.starts_with(kFilePrefix) || ::lstat(it->path().c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
    files.emplace_back(nanoseconds(st.st_mtim), it->path());
  }
  if (files.size() <= CensusCache::kMaxCacheFiles) return;
  std::sort(files.begin(), files.end());
  for (size_t i = 0; i < files.size() - CensusCache::kMaxCacheFiles; ++i) fs::remove(files[i].second, ec);
}

}  // namespace

std::optional<FileIdentity> file_identity(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return FileIdentity{static_cast<uint64_t>(st.st_dev), static_cast<uint64_t>(st.st_ino), static_cast<uint64_t>(st.st_size),
                      nanoseconds(st.st_mtim), nanoseconds(st.st_ctim)};
}

fs::path census_cache_dir() {
  if (const char* dir = std::getenv("LOCLINT_CACHE_DIR")) return dir;  // set and empty: no cache
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && xdg[0] == '/') return fs::path(xdg) / "loclint";
  if (const char* home = std::getenv("HOME"); home && home[0]) return fs::path(home) / ".cache" / "loclint";
  return {};
}

fs::path CensusCache::file_of(const fs::path& cache_dir, const fs::path& folder) {
  return cache_dir / fmt::format("{}{:016x}.cbor", kFilePrefix, fnv1a(folder.string()));
}

CensusCache CensusCache::load(const fs::path& cache_dir, const fs::path& folder) {
  CensusCache cache;
  const auto& exe = executable_identity();
  if (cache_dir.empty() || !exe) return cache;
  const fs::path file = file_of(cache_dir, folder);
  // Only a cache this user wrote: a shared LOCLINT_CACHE_DIR must not let another user choose
  // which keys a docset's articles carry.
  struct stat st;
  if (::stat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != ::geteuid()) return cache;
  std::string error;
  std::optional<std::string> bytes = read_whole_file(file.string(), kMaxCacheFileSize, /*regular_only=*/true, error);
  if (!bytes) return cache;
  try {
    // Inside the try: nlohmann_json 3.11 throws out_of_range 408 for an array or map header
    // claiming more elements than memory could hold, even with allow_exceptions false.
    const json doc = json::from_cbor(*bytes, /*strict=*/true, /*allow_exceptions=*/false);
    if (doc.is_discarded() || !doc.is_object()) return cache;
    const json& version = doc.at("format");
    const json& loclint = doc.at("loclint");
    if (!version.is_number_integer() || version.get<int64_t>() != kFormatVersion) return cache;
    if (!loclint.is_array() || loclint.size() != 2 || loclint.at(0).get<uint64_t>() != exe->first ||
        loclint.at(1).get<int64_t>() != exe->second)
      return cache;
    if (doc.at("folder").get<std::string>() != folder.string()) return cache;
    const json& keys = doc.at("keys");
    if (!keys.is_array()) return cache;
    for (const json& k : keys) k.get_ref<const std::string&>();  // strings only (else type_error)
    for (const json& f : doc.at("files")) {
      if (!f.is_array() || f.size() != 9) return CensusCache{};
      Entry e;
      e.identity = FileIdentity{f.at(1).get<uint64_t>(), f.at(2).get<uint64_t>(), f.at(3).get<uint64_t>(),
                                f.at(4).get<int64_t>(), f.at(5).get<int64_t>()};
      e.file.counted = f.at(6).get<bool>();
      e.file.yaml_mime = f.at(7).get<std::string>();
      const json::binary_t& filled = f.at(8).get_binary();
      if (filled.size() % 2) return CensusCache{};
      e.file.filled.reserve(filled.size() / 2);
      for (size_t i = 0; i < filled.size(); i += 2) e.file.filled.push_back(keys.at(filled[i] << 8 | filled[i + 1]).get<std::string>());
      cache.entries_.insert_or_assign(f.at(0).get<std::string>(), std::move(e));
    }
  } catch (const std::exception&) {  // a value of another type (type_error), an index out of range, a size no memory holds
    return CensusCache{};
  }
  cache.folder_ = folder_prefix(folder);
  ::utimensat(AT_FDCWD, file.c_str(), nullptr, 0);  // used now (for eviction); may fail, harmlessly
  return cache;
}

const CensusFile* CensusCache::find(const std::string& path, const FileIdentity& identity) const {
  if (entries_.empty() || !path.starts_with(folder_)) return nullptr;
  auto it = entries_.find(path.substr(folder_.size()));
  return it != entries_.end() && it->second.identity == identity ? &it->second.file : nullptr;
}

bool CensusCache::store(const fs::path& cache_dir, const fs::path& folder,
                        const std::vector<std::pair<std::string, Entry>>& entries, int64_t racy_from_ns) {
  const auto& exe = executable_identity();
  if (cache_dir.empty() || !exe) return false;
  const std::string prefix = folder_prefix(folder);
  json files = json::array();
  std::unordered_map<std::string, size_t> key_index;  // key name -> its index in `keys`
  json keys = json::array();
  for (const auto& [path, e] : entries) {
    const FileIdentity& id = e.identity;
    if (!path.starts_with(prefix) || id.mtime_ns >= racy_from_ns || id.ctime_ns >= racy_from_ns) continue;
    std::vector<uint8_t> filled;
    for (const std::string& k : e.file.filled) {
      auto [it, added] = key_index.emplace(k, keys.size());
      if (added) keys.push_back(k);
      if (it->second > 0xFFFF) return false;  // more key names than two bytes count: no cache
      filled.push_back(static_cast<uint8_t>(it->second >> 8));
      filled.push_back(static_cast<uint8_t>(it->second));
    }
    files.push_back(json::array({path.substr(prefix.size()), id.device, id.inode, id.size, id.mtime_ns, id.ctime_ns,
                                 e.file.counted, e.file.yaml_mime, json::binary(std::move(filled))}));
  }
  json doc = {{"format", kFormatVersion},
              {"loclint", json::array({exe->first, exe->second})},
              {"folder", folder.string()},
              {"keys", std::move(keys)},
              {"files", std::move(files)}};
  const std::vector<uint8_t> bytes = json::to_cbor(doc);
  if (bytes.size() > kMaxCacheFileSize) return false;  // load() would refuse it: not worth writing

  std::error_code ec;
  fs::create_directories(cache_dir, ec);
  const fs::path file = file_of(cache_dir, folder);
  std::string temp = file.string() + ".XXXXXX";
  const int fd = ::mkstemp(temp.data());  // mode 0600
  if (fd < 0) return false;
  bool ok = true;
  for (size_t done = 0; ok && done < bytes.size();) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) done += static_cast<size_t>(n);
  }
  ok = ::close(fd) == 0 && ok;
  if (!ok || ::rename(temp.c_str(), file.c_str()) != 0) {
    ::unlink(temp.c_str());
    return false;
  }
  evict(cache_dir);
  return true;
}

}  // namespace loclint

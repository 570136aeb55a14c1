// What the metadata rules learn from the files around the one they check: the front matter of
// another file (the English source article), the keys a docfx.json supplies, and the census of
// the keys the articles of a docset carry.
//
// The census is the pre-pass that lets loclint learn a repository's conventions instead of
// assuming one: it runs the first time a file of a census folder asks for it, reads only the
// front matter of each article (the first kFrontMatterProbe bytes, parsed by the same YAML
// reader as the linted documents), and is shared by every file and thread of the run.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>

#include "front_matter.h"
#include "loclint/folder_walk.h"
#include "loclint/glob.h"
#include "loclint/read_file.h"
#include "loclint/text.h"
#include "loclint/workspace.h"

namespace loclint {

const std::string* FrontMatterKeys::value(std::string_view key) const {
  for (const auto& [k, v] : entries)
    if (k == key) return &v;
  return nullptr;
}

bool FrontMatterKeys::has(std::string_view key) const { return value(key) != nullptr; }

bool FrontMatterKeys::has_value(std::string_view key) const {
  return std::find(filled.begin(), filled.end(), key) != filled.end();
}

double KeyTally::share(std::string_view key) const {
  if (files == 0) return 0;
  auto it = carried.find(key);
  return it == carried.end() ? 0 : static_cast<double>(it->second) / static_cast<double>(files);
}

const KeyTally& KeyCensus::of(std::string_view yaml_mime_type) const {
  static const KeyTally kNone;
  if (yaml_mime_type.empty()) return articles;
  auto it = yaml_mime.find(yaml_mime_type);
  return it == yaml_mime.end() ? kNone : it->second;
}

std::vector<std::string> DocfxMetadata::keys_for(const fs::path& file) const {
  std::vector<std::string> keys = global_keys;
  if (folder.empty() || file_keys.empty()) return keys;
  std::string rel = file.lexically_relative(folder).generic_string();
  if (rel.empty() || rel.starts_with("..")) return keys;
  for (const auto& [key, globs] : file_keys)
    for (const std::string& g : globs)
      // A glob without '/' matches a file name anywhere for --include; docfx anchors it at
      // the docfx.json folder: only the files directly in it.
      if (g.find('/') == std::string::npos ? rel.find('/') == std::string::npos && glob_match(g, rel)
                                           : glob_match(g, rel)) {
        keys.push_back(key);
        break;
      }
  return keys;
}

bool Workspace::generated_page(const FrontMatterKeys& keys) {
  return keys.has("uid") && !keys.has("author") && !keys.has("ms.author");
}

namespace {

FrontMatterKeys keys_of(std::string_view text) {
  FrontMatterKeys out;
  uint32_t start = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  constexpr std::string_view kMime = "### YamlMime:";
  const bool yaml_mime = text.substr(start).starts_with(kMime);
  if (yaml_mime) {
    std::string_view first = text.substr(start + kMime.size());
    out.yaml_mime = std::string(trim(first.substr(0, first.find('\n'))));
  } else if (text.substr(start, 3) != "---") {
    return out;
  }
  LineIndex lines(text);
  Span body;
  FrontMatter fm = parse_front_matter(text, lines, start, yaml_mime, &body);
  // A block cut off by the probe is "not terminated": nothing is known about it.
  if (!fm.present || !fm.terminated || fm.error || !fm.is_mapping || fm.lost_quote) return out;
  out.parsed = true;
  for (const FrontMatterEntry& e : fm.entries) {
    if (out.has(e.key)) continue;
    std::string value = e.is_scalar ? std::string(trim(e.value)) : std::string();
    bool filled = !e.is_null && (!e.is_scalar || !value.empty());
    // `key: ""` and `key: ''` are empty too.
    if (e.is_scalar && (value == "\"\"" || value == "''")) filled = false, value.clear();
    out.entries.emplace_back(e.key, value);
    if (filled) out.filled.push_back(e.key);
  }
  return out;
}

// Hidden folders (`.git`) and includes folders hold no articles.

// The keys of the file at `path`; null when it cannot be read.
std::shared_ptr<const FrontMatterKeys> read_keys(const std::string& path) {
  std::string bytes, error;
  bool too_large = false;
  // The census reads articles it was not asked to lint: a FIFO named `*.md` is never opened for
  // reading (README "Inputs").
  if (!read_file(path, bytes, error, too_large, Workspace::kFrontMatterProbe, /*regular_only=*/true)) return nullptr;
  return std::make_shared<FrontMatterKeys>(keys_of(bytes));
}

// What the census counts of the file at `path` whose keys are `keys` (null: unreadable).
CensusFile census_file(const fs::path& path, const FrontMatterKeys* keys) {
  CensusFile file;
  if (!keys || !keys->parsed || Workspace::generated_page(*keys)) return file;
  if (lower_ascii(path.extension().string()) == ".yml" && keys->yaml_mime.empty()) return file;  // TOC.yml
  file.counted = true;
  file.yaml_mime = keys->yaml_mime;
  file.filled = keys->filled;
  return file;
}

int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace

std::shared_ptr<const FrontMatterKeys> Workspace::front_matter_keys(const fs::path& path) {
  const std::string key = path.string();
  {
    std::shared_lock lock(mutex_);
    if (auto it = front_matter_keys_.find(key); it != front_matter_keys_.end()) return it->second;
  }
  std::shared_ptr<const FrontMatterKeys> result = read_keys(key);
  std::unique_lock lock(mutex_);
  return front_matter_keys_.emplace(key, result).first->second;
}

std::shared_ptr<const FrontMatterKeys> Workspace::census_front_matter(const fs::path& path,
                                                                      const std::optional<FileIdentity>& identity,
                                                                      bool& storable) {
  const std::string key = path.string();
  storable = false;
  {
    std::shared_lock lock(mutex_);
    if (auto it = front_matter_keys_.find(key); it != front_matter_keys_.end()) {
      // What this run saw first stays what every lookup of the run sees.
      auto id = census_identities_.find(key);
      storable = it->second && identity && id != census_identities_.end() && id->second == *identity;
      return it->second;
    }
  }
  // Read only now: a write after the stat() that gave `identity` changes it, so what a cache
  // keeps with an identity is never older than the file.
  std::shared_ptr<const FrontMatterKeys> keys = read_keys(key);
  census_files_read_.fetch_add(1, std::memory_order_relaxed);
  std::unique_lock lock(mutex_);
  auto [it, added] = front_matter_keys_.emplace(key, std::move(keys));
  // A file that could not be read is not stored: the reason may pass (too many open files).
  if (added && identity) {
    census_identities_.emplace(key, *identity);
    storable = it->second != nullptr;
  }
  return it->second;
}

std::shared_ptr<const DocfxMetadata> Workspace::docfx_metadata(const fs::path& file) {
  auto repo = repo_of(file);
  const fs::path dir = absolute_normal(file).parent_path();
  {
    std::shared_lock lock(mutex_);
    if (auto it = docfx_metadata_.find(dir.string()); it != docfx_metadata_.end()) return it->second;
  }
  auto meta = std::make_shared<DocfxMetadata>();
  for (fs::path d = dir; !d.empty(); d = d.parent_path()) {
    if (auto cfg = json_file(d / "docfx.json"); cfg && cfg->is_object()) {
      meta->folder = d;
      const nlohmann::json* build = cfg->contains("build") && (*cfg)["build"].is_object() ? &(*cfg)["build"] : nullptr;
      if (build && build->contains("globalMetadata") && (*build)["globalMetadata"].is_object())
        for (const auto& [k, v] : (*build)["globalMetadata"].items()) {
          meta->global_keys.push_back(k);
          if (k == "ms.topic" && v.is_string()) meta->global_topic = v.get<std::string>();
        }
      if (build && build->contains("fileMetadata") && (*build)["fileMetadata"].is_object())
        for (const auto& [k, v] : (*build)["fileMetadata"].items()) {
          if (!v.is_object()) continue;
          std::vector<std::string> globs;
          for (const auto& [glob, value] : v.items()) globs.push_back(glob);
          meta->file_keys.emplace_back(k, std::move(globs));
        }
      break;
    }
    if (d == repo->root || d == d.root_path() || d.parent_path() == d) break;
  }
  std::unique_lock lock(mutex_);
  return docfx_metadata_.emplace(dir.string(), meta).first->second;
}

std::shared_ptr<const KeyCensus> Workspace::key_census(const fs::path& file) {
  // The census folder depends on the file's folder only.
  const std::string dir_key = file.parent_path().string();
  {
    std::shared_lock lock(mutex_);
    if (auto it = census_by_dir_.find(dir_key); it != census_by_dir_.end()) return it->second;
  }
  const fs::path abs = absolute_normal(file);
  auto repo = repo_of(abs);
  fs::path folder = abs.parent_path();
  if (const Docset* d = docset_of(*repo, abs)) folder = d->folder;
  const std::string key = folder.string();
  std::shared_ptr<std::once_flag> once;
  {
    std::unique_lock lock(mutex_);
    auto& slot = census_once_[key];
    if (!slot) slot = std::make_shared<std::once_flag>();
    once = slot;
  }
  std::call_once(*once, [&] {
    auto census = std::make_shared<KeyCensus>();
    census->folder = folder;
    const int64_t start_ns = now_ns();
    const CensusCache cache = CensusCache::load(census_cache_dir_, folder);
    // The articles and YamlMime files of the folder, in the order the walk finds them. Not
    // hidden folders nor includes folders (fragments, not articles); a folder that cannot be
    // read is left out (the run reports only the files it lints).
    std::vector<fs::path> files;
    walk_folder(
        folder.string(), [](std::string_view name) { return !name.empty() && name[0] != '.' && lower_ascii(name) != "includes"; },
        [](const std::string&, int) {},
        [&](const std::string& path, std::string_view, std::string_view name, EntryType) {
          const std::string lower = lower_ascii(name);
          if (!(lower.ends_with(".md") || lower.ends_with(".yml")) || lower == "toc.md") return;
          files.push_back(folder.is_absolute() ? fs::path(path) : absolute_normal(path));
        });
    // Their keys, read by as many threads as the run has (the run's other threads wait here).
    struct Counted {
      std::string yaml_mime;
      std::vector<std::string> carried;  // filled keys and the docfx.json keys, each once
    };
    std::vector<std::optional<Counted>> counted(files.size());
    std::vector<std::optional<CensusCache::Entry>> stored(files.size());  // what the cache keeps of each file
    std::atomic<size_t> hits{0}, new_entries{0};
    std::atomic<size_t> next{0};
    std::exception_ptr failure;  // the first exception of a thread, rethrown after every join
    std::mutex failure_mutex;
    auto work = [&]() noexcept {
      try {
        for (size_t i; (i = next.fetch_add(1)) < files.size();) {
          const fs::path& p = files[i];
          // The identity before the bytes (census_front_matter); a file that is not regular has
          // none, and is neither looked up nor stored.
          std::optional<FileIdentity> identity;
          if (!census_cache_dir_.empty()) identity = file_identity(p.string());
          CensusFile file;
          if (const CensusFile* hit = identity ? cache.find(p.string(), *identity) : nullptr) {
            file = *hit;
            stored[i] = CensusCache::Entry{*identity, file};
            hits.fetch_add(1, std::memory_order_relaxed);
            census_files_cached_.fetch_add(1, std::memory_order_relaxed);
          } else {
            bool storable = false;
            file = census_file(p, census_front_matter(p, identity, storable).get());
            if (storable) {
              stored[i] = CensusCache::Entry{*identity, file};
              new_entries.fetch_add(1, std::memory_order_relaxed);
            }
          }
          if (!file.counted) continue;
          // The filled keys are unique (keys_of keeps a key's first entry); of docfx's, those not
          // there yet (a key can be global and per file too).
          std::vector<std::string> carried = std::move(file.filled);
          for (std::string& k : docfx_metadata(p)->keys_for(p))
            if (std::find(carried.begin(), carried.end(), k) == carried.end()) carried.push_back(std::move(k));
          counted[i] = Counted{std::move(file.yaml_mime), std::move(carried)};
        }
      } catch (...) {
        next = files.size();  // the other threads stop too
        std::lock_guard lock(failure_mutex);
        if (!failure) failure = std::current_exception();
      }
    };
    const unsigned helpers = static_cast<unsigned>(std::min<size_t>(jobs_, files.size() / 64 + 1)) - 1;
    {
      std::vector<std::jthread> pool;  // joined when the block ends, whatever happens
      for (unsigned t = 0; t < helpers; ++t) {
        try {
          pool.emplace_back(work);
        } catch (const std::system_error&) {
          break;  // no thread to be had: the threads there are do the work
        }
      }
      work();
    }
    if (failure) std::rethrow_exception(failure);
    // Written when it would change: a file read and kept, or a cache entry the walk did not meet
    // again unchanged (deleted, changed, racy).
    if (!census_cache_dir_.empty() && (new_entries > 0 || hits < cache.size())) {
      std::vector<std::pair<std::string, CensusCache::Entry>> entries;
      entries.reserve(files.size());
      for (size_t i = 0; i < files.size(); ++i)
        if (stored[i]) entries.emplace_back(files[i].string(), std::move(*stored[i]));
      CensusCache::store(census_cache_dir_, folder, entries, start_ns - census_racy_window_ns_);
    }
    for (const std::optional<Counted>& c : counted) {
      if (!c) continue;
      KeyTally& tally = c->yaml_mime.empty() ? census->articles : census->yaml_mime[c->yaml_mime];
      ++tally.files;
      for (const std::string& k : c->carried) ++tally.carried[k];
    }
    std::unique_lock lock(mutex_);
    censuses_[key] = census;
  });
  std::unique_lock lock(mutex_);
  auto census = censuses_.at(key);
  census_by_dir_.emplace(dir_key, census);
  return census;
}

}  // namespace loclint

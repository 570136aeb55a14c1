#include "loclint/baseline.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "loclint/engine.h"  // search_finds, shard_of
#include "loclint/read_file.h"
#include "loclint/workspace.h"

namespace loclint {

namespace fs = std::filesystem;
using nlohmann::ordered_json;

std::string stable_hash(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return fmt::format("{:016x}", h);
}

std::string Baseline::key_path(const std::string& path, const fs::path& dir) {
  std::string raw = absolute_normal(path).lexically_relative(dir).generic_string();
  if (raw.empty()) raw = absolute_normal(path).generic_string();
  // JSON holds only UTF-8: a file name with other bytes (caf\xE9.md) is keyed by its UTF-8 form
  // with U+FFFD per invalid byte, so that what is written is what is matched on the next run.
  std::string out;
  out.reserve(raw.size());
  for (size_t i = 0; i < raw.size();) utf8::append(out, utf8::next(raw, i));
  return out;
}

Baseline::Key Baseline::key_of(const Finding& f, const fs::path& dir) {
  return {key_path(f.path, dir), std::string(f.diagnostic.rule->id), stable_hash(f.fingerprint)};
}

class Baseline::ScopeTest {
 public:
  ScopeTest(const BaselineScope& scope, const fs::path& dir) : scope_(scope), dir_(dir) {
    for (const std::string& f : scope.linted) linted_.insert(key_path(f, dir));
    for (const std::string& f : scope.folders) folders_.push_back(absolute_normal(f));
  }
  bool covers(const std::string& entry_path) const {
    if (linted_.count(entry_path)) return true;
    // A file that is gone, in a folder this run searched: would the search have found it?
    fs::path abs = (dir_ / entry_path).lexically_normal();
    std::error_code ec;
    if (fs::exists(abs, ec) || ec) return false;
    // As in discovery: the first folder whose search finds the file keys its shard.
    for (const fs::path& folder : folders_) {
      if (!search_finds(folder, abs, scope_.include, scope_.exclude)) continue;
      return scope_.shard_count <= 1 ||
             shard_of(abs.lexically_relative(folder).generic_string(), scope_.shard_count) == scope_.shard_index - 1;
    }
    return false;
  }

 private:
  const BaselineScope& scope_;
  fs::path dir_;
  std::set<std::string> linted_;
  std::vector<fs::path> folders_;
};

Baseline Baseline::load(const fs::path& file) {
  // A regular file only: --update-baseline writes it back, and its paths are relative to its folder.
  std::string error;
  std::optional<std::string> text = read_whole_file(file.string(), kMaxBaselineFileSize, /*regular_only=*/true, error);
  if (!text) throw BaselineError(fmt::format("{}: cannot read baseline file: {}", file.string(), error));
  ordered_json doc;
  try {
    doc = ordered_json::parse(*text);
  } catch (const std::exception& e) {
    throw BaselineError(fmt::format("{}: not a loclint baseline (invalid JSON: {})", file.string(), e.what()));
  }
  Baseline b;
  b.dir_ = absolute_normal(file).parent_path();
  if (!doc.is_object() || !doc.contains("findings") || !doc["findings"].is_array())
    throw BaselineError(fmt::format("{}: not a loclint baseline (no \"findings\" array)", file.string()));
  for (const auto& e : doc["findings"]) {
    if (!e.is_object() || !e.contains("path") || !e.contains("rule") || !e.contains("hash") || !e["path"].is_string() ||
        !e["rule"].is_string() || !e["hash"].is_string())
      throw BaselineError(fmt::format("{}: a finding lacks \"path\", \"rule\" or \"hash\"", file.string()));
    Entry entry{{e["path"].get<std::string>(), e["rule"].get<std::string>(), e["hash"].get<std::string>()}, {}, {}};
    if (e.contains("line") && e["line"].is_number_integer()) entry.line = e["line"].get<int64_t>();
    if (e.contains("message") && e["message"].is_string()) entry.message = e["message"].get<std::string>();
    ++b.entries_[entry.key];
    b.list_.push_back(std::move(entry));
  }
  return b;
}

Baseline Baseline::load_or_empty(const fs::path& file) {
  std::error_code ec;
  // Only "no such file": a file that cannot be read, a folder or a dangling symlink is an error,
  // never an empty baseline.
  if (fs::symlink_status(file, ec).type() == fs::file_type::not_found) {
    Baseline b;
    b.dir_ = absolute_normal(file).parent_path();
    b.exists_ = false;
    return b;
  }
  return load(file);
}

size_t Baseline::write(const fs::path& file, const std::vector<Finding>& findings, const Baseline* previous,
                       const BaselineScope* scope) {
  fs::path dir = absolute_normal(file).parent_path();
  std::vector<std::pair<std::string, ordered_json>> entries;  // (path, entry)
  for (const Finding& f : findings) {
    auto [path, rule, hash] = key_of(f, dir);
    ordered_json e;
    e["path"] = path;
    e["rule"] = rule;
    e["hash"] = hash;
    // For people reading the file; never used for matching.
    if (!f.whole_file) e["line"] = f.start.line;
    e["message"] = escape_controls(f.diagnostic.message);
    entries.emplace_back(path, std::move(e));
  }
  size_t kept = 0;
  if (previous && scope) {
    ScopeTest test(*scope, dir);
    for (const Entry& old : previous->list_) {
      const auto& [path, rule, hash] = old.key;
      if (test.covers(path)) continue;
      ordered_json e;
      e["path"] = path;
      e["rule"] = rule;
      e["hash"] = hash;
      if (old.line) e["line"] = *old.line;
      e["message"] = old.message;
      entries.emplace_back(path, std::move(e));
      ++kept;
    }
    // One path's entries are all new or all kept, so sorting by path alone keeps each file's order.
    std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  }
  ordered_json list = ordered_json::array();
  for (auto& [path, e] : entries) list.push_back(std::move(e));
  ordered_json doc;
  doc["tool"] = "loclint";
  doc["version"] = 1;
  doc["findings"] = std::move(list);
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  if (!out) throw BaselineError(fmt::format("{}: cannot write baseline file", file.string()));
  out << doc.dump(2, ' ', false, ordered_json::error_handler_t::replace) << "\n";
  if (!out.flush()) throw BaselineError(fmt::format("{}: cannot write baseline file", file.string()));
  return kept;
}

size_t Baseline::filter(std::vector<Finding>& findings) {
  used_.clear();
  size_t removed = 0;
  std::vector<Finding> kept;
  kept.reserve(findings.size());
  for (Finding& f : findings) {
    Key k = key_of(f, dir_);
    auto it = entries_.find(k);
    if (it != entries_.end() && used_[k] < it->second) {
      ++used_[k];
      ++removed;
    } else {
      kept.push_back(std::move(f));
    }
  }
  findings = std::move(kept);
  return removed;
}

size_t Baseline::unmatched(const BaselineScope* scope) const {
  std::optional<ScopeTest> test;
  if (scope) test.emplace(*scope, dir_);
  size_t n = 0;
  for (const auto& [k, count] : entries_) {
    if (test && !test->covers(std::get<0>(k))) continue;
    auto it = used_.find(k);
    n += count - (it == used_.end() ? 0 : it->second);
  }
  return n;
}

size_t Baseline::size() const {
  size_t n = 0;
  for (const auto& [k, count] : entries_) n += count;
  return n;
}

}  // namespace loclint

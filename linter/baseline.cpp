#include "loclint/baseline.h"

#include <fmt/format.h>

#include <fstream>
#include <nlohmann/json.hpp>

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

Baseline::Key Baseline::key_of(const Finding& f, const fs::path& dir) {
  std::string raw = absolute_normal(f.path).lexically_relative(dir).generic_string();
  if (raw.empty()) raw = absolute_normal(f.path).generic_string();
  // JSON holds only UTF-8: a file name with other bytes (caf\xE9.md) is keyed by its UTF-8 form
  // with U+FFFD per invalid byte, so that what is written is what is matched on the next run.
  std::string path;
  path.reserve(raw.size());
  for (size_t i = 0; i < raw.size();) utf8::append(path, utf8::next(raw, i));
  return {path, std::string(f.diagnostic.rule->id), stable_hash(f.fingerprint)};
}

Baseline Baseline::load(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw BaselineError(fmt::format("{}: cannot read baseline file", file.string()));
  ordered_json doc;
  try {
    doc = ordered_json::parse(in);
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
    ++b.entries_[{e["path"].get<std::string>(), e["rule"].get<std::string>(), e["hash"].get<std::string>()}];
  }
  return b;
}

void Baseline::write(const fs::path& file, const std::vector<Finding>& findings) {
  fs::path dir = absolute_normal(file).parent_path();
  ordered_json list = ordered_json::array();
  for (const Finding& f : findings) {
    auto [path, rule, hash] = key_of(f, dir);
    ordered_json e;
    e["path"] = path;
    e["rule"] = rule;
    e["hash"] = hash;
    // For people reading the file; never used for matching.
    if (!f.whole_file) e["line"] = f.start.line;
    e["message"] = escape_controls(f.diagnostic.message);
    list.push_back(std::move(e));
  }
  ordered_json doc;
  doc["tool"] = "loclint";
  doc["version"] = 1;
  doc["findings"] = std::move(list);
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  if (!out) throw BaselineError(fmt::format("{}: cannot write baseline file", file.string()));
  out << doc.dump(2, ' ', false, ordered_json::error_handler_t::replace) << "\n";
  if (!out.flush()) throw BaselineError(fmt::format("{}: cannot write baseline file", file.string()));
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

size_t Baseline::unmatched() const {
  size_t n = 0;
  for (const auto& [k, count] : entries_) {
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

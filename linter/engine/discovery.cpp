// Discovery: which files a run lints, from the paths given, the globs and the shard.
#include <algorithm>
#include <filesystem>
#include <unordered_map>

#include "loclint/core_rules.h"
#include "loclint/engine.h"
#include "loclint/glob.h"
#include "loclint/locate.h"
#include "loclint/workspace.h"
#include "paths.h"

namespace loclint {

namespace fs = std::filesystem;

unsigned shard_of(std::string_view relative_path, unsigned count) {
  if (count <= 1) return 0;
  uint64_t h = 14695981039346656037ull;
  for (char c : relative_path) {
    h ^= static_cast<uint8_t>(c);
    h *= 1099511628211ull;
  }
  return static_cast<unsigned>(h % count);
}

Engine::Discovery Engine::discover(const std::vector<std::string>& inputs) const {
  Discovery out;
  std::vector<std::string> include = config_.include;
  if (include.empty()) include = {"*.md", "*.yml"};
  auto excluded = [&](std::string_view rel) {
    return std::any_of(config_.exclude.begin(), config_.exclude.end(), [&](const std::string& g) { return glob_match(g, rel); });
  };
  auto included = [&](std::string_view rel) {
    return std::any_of(include.begin(), include.end(), [&](const std::string& g) { return glob_match(g, rel); });
  };
  // The include/exclude of the .loclint.yaml that applies to a file, relative to its folder.
  auto config_selects = [&](const std::string& path) {
    std::shared_ptr<const Config> c = config_for(path);
    if (c->file_include.empty() && c->file_exclude.empty()) return true;
    std::string rel = absolute_normal(path).lexically_relative(absolute_normal(c->file).parent_path()).generic_string();
    auto any = [&](const std::vector<std::string>& globs) {
      return std::any_of(globs.begin(), globs.end(), [&](const std::string& g) { return glob_match(g, rel); });
    };
    return (c->file_include.empty() || any(c->file_include)) && !any(c->file_exclude);
  };
  std::unordered_map<std::string, std::string> shard_key;  // display path -> path relative to its input
  for (const std::string& input : inputs) {
    std::error_code ec;
    fs::file_status st = fs::status(input, ec);
    if (ec || !fs::exists(st)) {
      out.tool_failure = true;
      out.findings.push_back(path_finding(input, kUnreadableFile, config_.severity_of(kUnreadableFile),
                                          "cannot read path: " + (ec ? ec.message() : std::string("No such file or directory"))));
      continue;
    }
    if (!fs::is_directory(st)) {
      std::string rel = to_forward(input);
      if (!excluded(rel) && config_selects(input)) {
        out.files.push_back(input);
        shard_key.emplace(input, rel);
      }
      continue;
    }
    size_t before = out.files.size();
    fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      out.tool_failure = true;
      out.findings.push_back(path_finding(input, kUnreadableFile, config_.severity_of(kUnreadableFile), "cannot read folder: " + ec.message()));
      continue;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) {
        out.tool_failure = true;
        out.findings.push_back(path_finding(input, kUnreadableFile, config_.severity_of(kUnreadableFile), "cannot read folder: " + ec.message()));
        break;
      }
      const fs::path& p = it->path();
      std::string name = p.filename().string();
      std::error_code sec;
      bool dir = it->is_directory(sec);
      if (dir) {
        // Hidden folders (.git) and dependency folders are never documentation.
        if ((name.size() > 1 && name[0] == '.') || name == "node_modules") it.disable_recursion_pending();
        continue;
      }
      if (!is_markdown(name) && !is_yaml(name)) continue;
      std::string rel = to_forward(p.lexically_relative(input).string());
      if (!included(rel) || excluded(rel) || !config_selects(p.string())) continue;
      // A FIFO, socket or device named like a document (left by a broken tool) is not a document;
      // reading it could block or never end. Dangling symlinks go on to be reported by lint_file.
      fs::file_status fst = it->status(sec);
      if (!sec && fs::exists(fst) && !fs::is_regular_file(fst)) {
        out.tool_failure = true;
        out.findings.push_back(path_finding(p.string(), kUnreadableFile, config_.severity_of(kUnreadableFile),
                                            "not a regular file (a FIFO, socket or device); it was not read"));
        continue;
      }
      out.files.push_back(p.string());
      shard_key.emplace(out.files.back(), std::move(rel));
    }
    if (out.files.size() == before)
      out.findings.push_back(path_finding(input, kNoDocuments, config_.severity_of(kNoDocuments),
                                          "no Markdown or YamlMime document found in this folder"));
  }
  std::sort(out.files.begin(), out.files.end());
  out.files.erase(std::unique(out.files.begin(), out.files.end()), out.files.end());
  if (config_.shard_count > 1) {
    // After de-duplication, so a file reached through two inputs is still in exactly one shard
    // (keyed by the first input that found it).
    std::erase_if(out.files, [&](const std::string& f) {
      return shard_of(shard_key.at(f), config_.shard_count) != config_.shard_index - 1;
    });
  }
  return out;
}

}  // namespace loclint

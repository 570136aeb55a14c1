// Discovery: which files a run lints, from the paths given (files, folders, quoted globs such
// as 'docs/**/*.md', a document read from standard input), the include/exclude globs and the shard.
#include <algorithm>
#include <filesystem>
#include <system_error>
#include <unordered_map>

#include "loclint/core_rules.h"
#include "loclint/engine.h"
#include "loclint/folder_walk.h"
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

namespace {

bool any_match(const std::vector<std::string>& globs, std::string_view rel) {
  return std::any_of(globs.begin(), globs.end(), [&](const std::string& g) { return glob_match(g, rel); });
}

// Hidden folders (.git) and dependency folders are never documentation.
bool never_searched(std::string_view folder_name) {
  return (folder_name.size() > 1 && folder_name[0] == '.') || folder_name == "node_modules";
}

// A document name that the include/exclude globs select; `rel`: below the folder searched.
bool selected(std::string_view name, std::string_view rel, const std::vector<std::string>& include,
              const std::vector<std::string>& exclude) {
  if (!is_markdown(name) && !is_yaml(name)) return false;
  static const std::vector<std::string> kDefaultInclude = {"*.md", "*.yml"};
  return any_match(include.empty() ? kDefaultInclude : include, rel) && !any_match(exclude, rel);
}

}  // namespace

bool search_finds(const fs::path& folder, const fs::path& file, const std::vector<std::string>& include,
                  const std::vector<std::string>& exclude) {
  const fs::path rel = absolute_normal(file).lexically_relative(absolute_normal(folder));
  if (rel.empty() || *rel.begin() == "..") return false;
  for (const fs::path& part : rel.parent_path())
    if (never_searched(part.string())) return false;
  return selected(rel.filename().string(), rel.generic_string(), include, exclude);
}

Engine::Discovery Engine::discover(const std::vector<std::string>& inputs) const {
  Discovery out;
  auto excluded = [&](std::string_view rel) { return any_match(config_.exclude, rel); };
  // The include/exclude of the .loclint.yaml that applies to a file, relative to its folder.
  auto config_selects = [&](const std::string& path) {
    std::shared_ptr<const Config> c = config_for(path);
    if (c->file_include.empty() && c->file_exclude.empty()) return true;
    std::string rel = absolute_normal(path).lexically_relative(absolute_normal(c->file).parent_path()).generic_string();
    return (c->file_include.empty() || any_match(c->file_include, rel)) && !any_match(c->file_exclude, rel);
  };
  std::unordered_map<std::string, std::string> shard_key;  // display path -> path relative to its input
  // Searches the folder `root` (as given) for documents; with `glob`, keeps only the paths
  // (root joined with the path below it, as shown) that match it.
  auto walk = [&](const std::string& root, const std::string* glob) {
    size_t before = out.files.size();
    const std::string& named = glob ? *glob : root;  // what the findings name
    bool root_unreadable = false;
    auto unreadable = [&](const std::string& folder, int error) {
      root_unreadable = root_unreadable || folder == root;
      out.tool_failure = true;
      out.findings.push_back(path_finding(folder == root ? named : folder, kUnreadableFile, config_.severity_of(kUnreadableFile),
                                          "cannot read folder: " + std::generic_category().message(error)));
    };
    walk_folder(root, [](std::string_view folder_name) { return !never_searched(folder_name); }, unreadable, [&](const std::string& path, std::string_view rel_view, std::string_view name, EntryType type) {
      if (!is_markdown(name) && !is_yaml(name)) return;
      std::string rel = to_forward(std::string(rel_view));
      std::string shown = glob && root == "." ? rel : path;
      if (glob) {
        // An absolute glob matches absolute paths: glob_match anchors a leading '/' at the root.
        std::string forward = to_forward(shown);
        std::string_view g = *glob, pv = forward;
        if (g.starts_with('/') && pv.starts_with('/')) g.remove_prefix(1), pv.remove_prefix(1);
        if (!glob_match(g, pv)) return;
      }
      if (!selected(name, rel, config_.include, config_.exclude) || !config_selects(path)) return;
      // A FIFO, socket or device named like a document (left by a broken tool) is not a document;
      // reading it could block or never end. Dangling symlinks go on to be reported by lint_file.
      if (type == EntryType::Special) {
        out.tool_failure = true;
        out.findings.push_back(path_finding(shown, kUnreadableFile, config_.severity_of(kUnreadableFile),
                                            "not a regular file (a FIFO, socket or device); it was not read"));
        return;
      }
      out.files.push_back(shown);
      shard_key.emplace(out.files.back(), std::move(rel));
    });
    if (out.files.size() == before && !root_unreadable)  // an unreadable folder is said once, as that
      out.findings.push_back(path_finding(named, kNoDocuments, config_.severity_of(kNoDocuments),
                                          glob ? "no Markdown or YamlMime document matches this glob"
                                               : "no Markdown or YamlMime document found in this folder"));
  };
  // A file named on the command line (or read from standard input) is linted whatever its name.
  auto add_file = [&](const std::string& input) {
    std::string rel = to_forward(input);
    if (!excluded(rel) && config_selects(input)) {
      out.files.push_back(input);
      shard_key.emplace(input, rel);
    }
  };
  for (const std::string& input : inputs) {
    if (document_text_ && document_text_->first == input) {  // from standard input: no file needed
      add_file(input);
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(input, ec);
    if ((ec || !fs::exists(st)) && input.find_first_of("*?") != std::string::npos) {
      // A glob the shell did not expand ('docs/**/*.md'): search the folder before its first
      // wildcard. The glob is matched as written, against the paths as they are shown.
      std::string glob = to_forward(input);
      while (glob.starts_with("./")) glob.erase(0, 2);
      size_t wild = glob.find_first_of("*?");
      size_t slash = glob.rfind('/', wild);
      std::string root = slash == std::string::npos ? "." : slash == 0 ? "/" : glob.substr(0, slash);
      if (!fs::is_directory(root, ec)) {
        out.tool_failure = true;
        out.findings.push_back(path_finding(input, kUnreadableFile, config_.severity_of(kUnreadableFile),
                                            "cannot read path: no folder '" + root + "' to search for this glob"));
        continue;
      }
      walk(root, &glob);
      continue;
    }
    if (ec || !fs::exists(st)) {
      out.tool_failure = true;
      out.findings.push_back(path_finding(input, kUnreadableFile, config_.severity_of(kUnreadableFile),
                                          "cannot read path: " + (ec ? ec.message() : std::string("No such file or directory"))));
      continue;
    }
    if (fs::is_directory(st)) walk(input, nullptr);
    else add_file(input);
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

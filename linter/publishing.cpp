// The publishing model of a repository, as the Workspace reads it (workspace.h): the root and
// its `.openpublishing.publish.config.json` (docsets, dependent repositories, fallback), each
// docset's `docfx.json`, the redirection file, and the locale of a tree. Read once per
// repository root per run and shared by every thread.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

#include "loclint/document.h"
#include "loclint/locale_tag.h"
#include "loclint/read_file.h"
#include "loclint/workspace.h"

namespace loclint {

namespace {

// A JSON file of the publishing configuration, comments allowed; nullopt when it is missing, not
// a regular file of at most kMaxFileSize bytes, or not JSON.
// `text` without the commas that end an object or an array (`"a": 1, }`), which Json.NET, the
// parser docfx and the publishing pipeline read their configs with, accepts and nlohmann::json
// 3.11 (Debian 12) rejects (3.12 has `ignore_trailing_commas`). Strings and comments are kept
// as they are.
std::string without_trailing_commas(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {  // a string, to its unescaped closing quote
      size_t e = i + 1;
      while (e < text.size() && text[e] != '"') e += text[e] == '\\' ? 2 : 1;
      out.append(text.substr(i, e + 1 - i));
      i = e;
      continue;
    }
    if (c == '/' && i + 1 < text.size() && (text[i + 1] == '/' || text[i + 1] == '*')) {  // a comment
      const size_t e = text[i + 1] == '/' ? text.find('\n', i) : text.find("*/", i + 2);
      const size_t end = e == std::string_view::npos ? text.size() : (text[i + 1] == '/' ? e : e + 2);
      out.append(text.substr(i, end - i));
      i = end - 1;
      continue;
    }
    if (c == ',') {
      size_t k = i + 1;
      while (k < text.size()) {
        if (text[k] == ' ' || text[k] == '\t' || text[k] == '\r' || text[k] == '\n') {
          ++k;
        } else if (text[k] == '/' && k + 1 < text.size() && text[k + 1] == '/') {
          k = text.find('\n', k);
          if (k == std::string_view::npos) k = text.size();
        } else if (text[k] == '/' && k + 1 < text.size() && text[k + 1] == '*') {
          k = text.find("*/", k + 2);
          k = k == std::string_view::npos ? text.size() : k + 2;
        } else {
          break;
        }
      }
      if (k < text.size() && (text[k] == '}' || text[k] == ']')) continue;
    }
    out += c;
  }
  return out;
}

std::optional<nlohmann::json> read_json(const fs::path& p) {
  std::string error;
  const std::optional<std::string> text = read_whole_file(p.string(), kMaxFileSize, /*regular_only=*/true, error);
  if (!text) return std::nullopt;
  auto parsed = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false, /*ignore_comments=*/true);
  if (parsed.is_discarded()) parsed = nlohmann::json::parse(without_trailing_commas(*text), nullptr, false, true);
  if (parsed.is_discarded()) return std::nullopt;
  return parsed;
}

// A locale in a folder name: "partner-center-pr.fr-fr", "docs.ja-jp", "fr-fr", or a checkout
// named after its branch ("dynamics365smb-docs-pr.it-it.live"). Only a name that is a locale, or
// one of whose '.'-separated parts is, counts (locale_tag.h); the last such part wins.
std::string locale_suffix(const std::string& name) {
  std::string_view rest = name;
  while (!rest.empty()) {
    const size_t dot = rest.rfind('.');
    const std::string_view part = dot == std::string_view::npos ? rest : rest.substr(dot + 1);
    if (is_locale_tag(part)) return lower_ascii(part);
    if (dot == std::string_view::npos) break;
    rest = rest.substr(0, dot);
  }
  return {};
}

}  // namespace

std::shared_ptr<const nlohmann::json> Workspace::json_file(const fs::path& p) {
  const std::string key = p.string();
  {
    std::shared_lock lock(mutex_);
    if (auto it = json_files_.find(key); it != json_files_.end()) return it->second;
  }
  std::shared_ptr<const nlohmann::json> parsed;
  if (auto json = read_json(p)) parsed = std::make_shared<const nlohmann::json>(std::move(*json));
  std::unique_lock lock(mutex_);
  return json_files_.emplace(key, std::move(parsed)).first->second;
}

std::shared_ptr<const RepoInfo> Workspace::repo_of(const fs::path& file) {
  fs::path dir = absolute_normal(file).parent_path();
  {
    std::shared_lock lock(mutex_);
    if (auto it = repo_by_dir_.find(dir.string()); it != repo_by_dir_.end()) return it->second;
  }
  fs::path root;
  std::error_code ec;
  for (fs::path d = dir;; d = d.parent_path()) {
    if (fs::exists(d / ".openpublishing.publish.config.json", ec) || fs::exists(d / ".git", ec)) {
      root = d;
      break;
    }
    if (d == d.root_path() || d.parent_path() == d) break;
  }
  // The publishing config of a repository is read once, whatever folder of it asks first.
  std::shared_ptr<const RepoInfo> result;
  {
    std::shared_lock lock(mutex_);
    if (auto it = repo_by_root_.find(root.string()); it != repo_by_root_.end()) result = it->second;
  }
  if (!result) result = read_repo_info(root);
  std::unique_lock lock(mutex_);
  result = repo_by_root_.emplace(root.string(), result).first->second;
  repo_by_dir_.emplace(dir.string(), result);
  return result;
}

std::shared_ptr<const RepoInfo> Workspace::read_repo_info(const fs::path& root) {
  auto info = std::make_shared<RepoInfo>();
  info->root = root;
  std::error_code ec;
  if (!info->root.empty()) {
    if (auto cfg = read_json(info->root / ".openpublishing.publish.config.json"); cfg && cfg->is_object()) {
      info->publish_config = info->root / ".openpublishing.publish.config.json";
      if (cfg->contains("docsets_to_publish") && (*cfg)["docsets_to_publish"].is_array()) {
        std::set<std::string> locales;
        bool unnamed = false;
        for (const auto& ds : (*cfg)["docsets_to_publish"]) {
          if (!ds.is_object()) continue;
          const std::string named = ds.contains("locale") && ds["locale"].is_string()
                                        ? lower_ascii(trim(ds["locale"].get<std::string>()))
                                        : std::string();
          if (named.empty()) unnamed = true;
          else locales.insert(named);
        }
        if (locales.size() == 1 && !unnamed) info->publish_locale = *locales.begin();
        // A field of another type than the format's (`"locale": null`) counts as absent.
        auto text = [](const nlohmann::json& o, const char* key, std::string fallback) {
          return o.contains(key) && o[key].is_string() ? o[key].get<std::string>() : fallback;
        };
        for (const auto& ds : (*cfg)["docsets_to_publish"]) {
          if (!ds.is_object()) continue;
          Docset d;
          d.name = text(ds, "docset_name", "");
          std::string folder = text(ds, "build_source_folder", "");
          d.folder = absolute_normal(info->root / folder);
          // "." (a docset at the repo root) normalizes to "root/": drop the trailing separator.
          if (!d.folder.has_filename()) d.folder = d.folder.parent_path();
          // build_source_folder is case-insensitive on the publishing side ("china" vs "China").
          if (!fs::is_directory(d.folder, ec)) {
            for (const auto& e : fs::directory_iterator(info->root, ec))
              if (lower_ascii(e.path().filename().string()) == lower_ascii(folder)) d.folder = e.path();
          }
          // A docset whose folder is gone publishes nothing here: the config is stale (reported
          // once by the engine), and the articles it would have held are judged without it.
          if (!fs::is_directory(d.folder, ec)) {
            info->missing_docset_folders.push_back(folder);
            continue;
          }
          d.locale = lower_ascii(trim(text(ds, "locale", "")));
          std::string out = text(ds, "build_output_subfolder", d.name);
          d.site_prefix = "/" + out;
          info->docsets.push_back(std::move(d));
        }
      }
      if (cfg->contains("dependent_repositories") && (*cfg)["dependent_repositories"].is_array()) {
        for (const auto& dep : (*cfg)["dependent_repositories"]) {
          if (!dep.is_object() || !dep.contains("path_to_root") || !dep["path_to_root"].is_string()) continue;
          std::string where = dep["path_to_root"].get<std::string>();
          if (where.empty() || where == ".") continue;
          DependentRepository r;
          r.folder = absolute_normal(info->root / where);
          if (!r.folder.has_filename()) r.folder = r.folder.parent_path();
          if (dep.contains("url") && dep["url"].is_string()) r.url = dep["url"].get<std::string>();
          // Open Publishing checks the source-language repository out as `_repo.en-us` and
          // serves from it whatever the localized tree lacks.
          if (lower_ascii(where).starts_with("_repo.")) info->source_fallback = true;
          info->dependents.push_back(std::move(r));
        }
      }
      // A docset folder that a dependent repository is checked out into, or below (quantum-docs:
      // docset `articles`, dependent repository at `articles/quantum`), is made when the build
      // checks it out: not on disk here, and not stale either.
      std::erase_if(info->missing_docset_folders, [&](const std::string& folder) {
        const fs::path f = absolute_normal(info->root / folder);
        return std::any_of(info->dependents.begin(), info->dependents.end(), [&](const DependentRepository& d) {
          const fs::path rel = d.folder.lexically_relative(f);
          return !rel.empty() && *rel.begin() != "..";
        });
      });
    }
    if (auto red = read_json(info->root / ".openpublishing.redirection.json")) {
      if (red->contains("redirections") && (*red)["redirections"].is_array())
        for (const auto& r : (*red)["redirections"]) {
          if (!r.is_object()) continue;
          Redirection rd{r.value("source_path", ""), r.value("redirect_url", "")};
          if (rd.source_path.empty()) continue;
          std::string key = lower_ascii(absolute_normal(info->root / rd.source_path).string());
          info->redirections.emplace(key, std::move(rd));
        }
    }
    // Without a publish config, each `docfx.json` at the root or one level below is a docset
    // (looked for in two folder listings, never in the whole tree).
    if (info->docsets.empty()) {
      std::vector<fs::path> candidates = {info->root};
      for (const auto& e : fs::directory_iterator(info->root, ec))
        if (e.is_directory(ec) && e.path().filename().string()[0] != '.') candidates.push_back(e.path());
      for (const fs::path& folder : candidates) {
        auto docfx = json_file(folder / "docfx.json");
        if (!docfx || !docfx->is_object()) continue;
        Docset d;
        d.folder = absolute_normal(folder);
        d.name = folder.filename().string();
        std::string dest;
        if (docfx->contains("build") && (*docfx)["build"].is_object()) dest = (*docfx)["build"].value("dest", "");
        if (dest.empty()) dest = d.name;
        d.site_prefix = "/" + dest;
        info->docsets.push_back(std::move(d));
      }
    }
    // Longest folder first, so nested docsets win.
    std::sort(info->docsets.begin(), info->docsets.end(),
              [](const Docset& a, const Docset& b) { return a.folder.string().size() > b.folder.string().size(); });
  }
  return info;
}

std::vector<std::shared_ptr<const RepoInfo>> Workspace::repositories() const {
  std::vector<std::shared_ptr<const RepoInfo>> out;
  std::set<std::string> roots;
  std::shared_lock lock(mutex_);
  for (const auto& [dir, repo] : repo_by_dir_)
    if (!repo->root.empty() && roots.insert(repo->root.string()).second) out.push_back(repo);
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a->root < b->root; });
  return out;
}

const DependentRepository* Workspace::dependent_of(const RepoInfo& repo, const fs::path& path) {
  std::string p = path.string();
  for (const DependentRepository& d : repo.dependents) {
    std::string f = d.folder.string();
    if (p.size() > f.size() && p.compare(0, f.size(), f) == 0 && p[f.size()] == '/') return &d;
  }
  return nullptr;
}

const Docset* Workspace::docset_of(const RepoInfo& repo, const fs::path& file) const {
  std::string f = lower_ascii(absolute_normal(file).string());
  for (const Docset& d : repo.docsets) {
    std::string folder = lower_ascii(d.folder.string());
    if (f.size() > folder.size() && f.compare(0, folder.size(), folder) == 0 && f[folder.size()] == '/') return &d;
  }
  return nullptr;
}

std::string Workspace::docfx_locale(const fs::path& dir) {
  std::string key = dir.string();
  {
    std::shared_lock lock(mutex_);
    if (auto it = docfx_locales_.find(key); it != docfx_locales_.end()) return it->second;
  }
  std::string locale;
  std::error_code ec;
  if (fs::exists(dir / "docfx.json", ec))
    if (auto cfg = json_file(dir / "docfx.json"); cfg && cfg->is_object()) {
      auto text = [](const nlohmann::json& j, const char* name) -> std::string {
        if (j.is_object() && j.contains(name) && j[name].is_string()) return j[name].get<std::string>();
        return {};
      };
      locale = text(*cfg, "locale");
      if (locale.empty() && cfg->contains("build")) {
        const auto& build = (*cfg)["build"];
        locale = text(build, "locale");
        if (locale.empty() && build.is_object() && build.contains("globalMetadata")) {
          locale = text(build["globalMetadata"], "ms.contentlocale");
          if (locale.empty()) locale = text(build["globalMetadata"], "locale");
        }
      }
      locale = lower_ascii(locale);
    }
  std::unique_lock lock(mutex_);
  docfx_locales_.emplace(key, locale);
  return locale;
}

std::string Workspace::tree_locale(const fs::path& file, std::string* source) {
  // Every answer depends on the folder only: kept per folder, with where it was learnt.
  const std::string dir_key = file.parent_path().string();
  {
    std::shared_lock lock(mutex_);
    if (auto it = tree_locales_.find(dir_key); it != tree_locales_.end()) {
      if (source) *source = it->second.second;
      return it->second.first;
    }
  }
  std::string learnt;
  std::string locale = tree_locale_uncached(file, &learnt);
  if (source) *source = learnt;
  std::unique_lock lock(mutex_);
  tree_locales_.emplace(dir_key, std::make_pair(locale, std::move(learnt)));
  return locale;
}

std::string Workspace::tree_locale_uncached(const fs::path& file, std::string* source) {
  auto repo = repo_of(file);
  if (const Docset* d = docset_of(*repo, file); d && !d->locale.empty()) {
    if (source) *source = "docset '" + d->name + "' of .openpublishing.publish.config.json";
    return d->locale;
  }
  const fs::path dir = absolute_normal(file).parent_path();
  for (fs::path d = dir; !d.empty(); d = d.parent_path()) {
    std::string loc = docfx_locale(d);
    if (!loc.empty()) {
      if (source) *source = "the docfx.json in '" + d.filename().string() + "'";
      return loc;
    }
    if (d == repo->root || d == d.root_path() || d.parent_path() == d) break;
  }
  if (!repo->publish_locale.empty()) {
    if (source) *source = "the locale of every docset of .openpublishing.publish.config.json";
    return repo->publish_locale;
  }
  for (fs::path p = dir; !p.empty() && p != p.root_path(); p = p.parent_path()) {
    std::string loc = locale_suffix(p.filename().string());
    if (!loc.empty()) {
      if (source) *source = "folder name '" + p.filename().string() + "'";
      return loc;
    }
  }
  return {};
}

const Redirection* Workspace::redirection(const RepoInfo& repo, const fs::path& path) const {
  auto it = repo.redirections.find(lower_ascii(absolute_normal(path).string()));
  return it == repo.redirections.end() ? nullptr : &it->second;
}

const Docset* Workspace::docset_for_site_path(const RepoInfo& repo, std::string_view site_path,
                                               std::string* rest) const {
  std::string p = lower_ascii(std::string(site_path));
  const Docset* best = nullptr;
  for (const Docset& d : repo.docsets) {
    std::string prefix = lower_ascii(d.site_prefix);
    while (prefix.size() > 1 && prefix.back() == '/') prefix.pop_back();
    if (prefix.size() <= 1 || p.compare(0, prefix.size(), prefix) != 0) continue;
    if (p.size() > prefix.size() && p[prefix.size()] != '/') continue;
    if (best && best->site_prefix.size() >= d.site_prefix.size()) continue;
    best = &d;
    if (rest) {
      size_t from = std::min(prefix.size() + 1, site_path.size());
      *rest = std::string(site_path.substr(from));
    }
  }
  return best;
}

}  // namespace loclint

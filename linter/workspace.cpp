#include "loclint/workspace.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <set>

#include "loclint/document.h"
#include "loclint/locale_tag.h"
#include "loclint/pairing.h"
#include "loclint/read_file.h"

namespace loclint {

namespace {
// An absolute POSIX path that lexically_normal() would return unchanged: no `.` or `..`
// component and no doubled separator (a trailing one is kept by lexically_normal too).
bool already_normal_absolute(const std::string& s) {
  if constexpr (fs::path::preferred_separator != '/') return false;
  if (s.empty() || s[0] != '/' || (s.size() > 1 && s[1] == '/')) return false;
  for (size_t i = 1; i < s.size();) {
    size_t j = s.find('/', i);
    if (j == std::string::npos) j = s.size();
    std::string_view c(s.data() + i, j - i);
    if (c == "." || c == ".." || (c.empty() && j < s.size())) return false;
    i = j + 1;
  }
  return true;
}
}  // namespace

bool in_includes_folder(const fs::path& path, const fs::path& root) {
  const fs::path inside = root.empty() ? path : path.lexically_relative(root);
  for (const fs::path& part : inside)
    if (lower_ascii(part.string()) == "includes") return true;
  return false;
}

fs::path absolute_normal(const fs::path& p) {
  // Called for every link of every document: the common case skips fs::absolute (a getcwd
  // system call) and lexically_normal (a component list).
  if (already_normal_absolute(p.native())) return p;
  std::error_code ec;
  fs::path a = p.is_absolute() ? p : fs::absolute(p, ec);
  return a.lexically_normal();
}

namespace {

// Files read on behalf of another file (link targets, publishing config) must be regular files
// of a sane size: opening a FIFO blocks forever and a huge file would be read whole.
bool readable_document(const fs::path& p) {
  std::error_code ec;
  if (!fs::is_regular_file(p, ec)) return false;
  auto size = fs::file_size(p, ec);
  return !ec && size <= kMaxFileSize;
}

// A JSON file of the publishing configuration, comments allowed; nullopt when it is missing, not
// a regular file of at most kMaxFileSize bytes, or not JSON.
std::optional<nlohmann::json> read_json(const fs::path& p) {
  if (!readable_document(p)) return std::nullopt;
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  try {
    return nlohmann::json::parse(in, nullptr, true, /*ignore_comments=*/true);
  } catch (const std::exception&) {
    return std::nullopt;
  }
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

Workspace::Workspace() : pairing_(std::make_unique<Pairing>(*this)) {}
Workspace::~Workspace() = default;

std::shared_ptr<const Place> Workspace::place_of(const std::string& path) {
  {
    std::shared_lock lock(mutex_);
    if (auto it = places_.find(path); it != places_.end()) return it->second;
  }
  auto place = std::make_shared<Place>();
  place->file = absolute_normal(path);
  place->repo = repo_of(place->file);
  place->docset = docset_of(*place->repo, place->file);
  std::unique_lock lock(mutex_);
  return places_.emplace(path, std::move(place)).first->second;
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

std::shared_ptr<const Workspace::DirListing> Workspace::listing(const fs::path& dir) {
  std::string key = dir.string();
  {
    std::shared_lock lock(mutex_);
    if (auto it = listings_.find(key); it != listings_.end()) return it->second;
  }
  auto l = std::make_shared<DirListing>();
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (!ec) {
    l->exists = true;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) break;
      l->names.push_back(it->path().filename().string());
    }
    std::sort(l->names.begin(), l->names.end());
    l->folded.reserve(l->names.size());
    for (uint32_t i = 0; i < l->names.size(); ++i) l->folded.emplace_back(lower_ascii(l->names[i]), i);
    std::sort(l->folded.begin(), l->folded.end());
  }
  std::shared_ptr<const DirListing> result = l;
  std::unique_lock lock(mutex_);
  listings_.emplace(key, result);
  return result;
}

void Overlay::add(const fs::path& file, std::shared_ptr<const AnchorSet> anchors) {
  fs::path normal = absolute_normal(file);
  for (fs::path dir = normal.parent_path(); !dir.empty(); dir = dir.parent_path()) {
    if (!folders.insert(dir.string()).second) break;  // its parents are in already
    if (dir == dir.root_path()) break;
  }
  documents[normal.string()] = std::move(anchors);
}

void Workspace::set_overlay(std::shared_ptr<const Overlay> overlay) {
  std::unique_lock lock(mutex_);
  overlay_ = std::move(overlay);
}

Workspace::PathState Workspace::stat(const fs::path& path, fs::path* actual) {
  std::shared_ptr<const Overlay> overlay;
  {
    std::shared_lock lock(mutex_);
    overlay = overlay_;
  }
  if (overlay) {
    fs::path normal = absolute_normal(path);
    if (overlay->documents.count(normal.string()) || overlay->folders.count(normal.string())) {
      if (actual) *actual = normal;
      return PathState::Exists;
    }
  }
  // Many links name the same target; the answer for a path as written is computed once (the
  // working folder does not change during a run, so the written path is a sound key).
  {
    std::shared_lock lock(mutex_);
    if (auto it = stats_.find(path.native()); it != stats_.end()) {
      if (actual && it->second.has_actual) *actual = it->second.actual;
      return it->second.state;
    }
  }
  // The same target written differently (`../a/b.md` from one folder, `b.md` from another) is
  // walked once: the normalized path is a key too.
  fs::path normal = absolute_normal(path);
  StatResult r;
  bool known = false;
  {
    std::shared_lock lock(mutex_);
    if (auto it = stats_.find(normal.native()); it != stats_.end()) {
      r = it->second;
      known = true;
    }
  }
  if (!known) r.state = stat_uncached(normal, &r.actual, &r.has_actual);
  if (actual && r.has_actual) *actual = r.actual;
  const PathState state = r.state;
  std::unique_lock lock(mutex_);
  if (!known) stats_.emplace(normal.native(), r);
  stats_.emplace(path.native(), std::move(r));
  return state;
}

void Workspace::assume_exists(const fs::path& file) {
  StatResult r;
  r.state = PathState::Exists;
  r.has_actual = true;  // its name is the one given: no letter case to correct
  r.actual = absolute_normal(file);
  std::unique_lock lock(mutex_);
  stats_[r.actual.native()] = r;
}

Workspace::PathState Workspace::stat_uncached(const fs::path& path, fs::path* actual, bool* has_actual) {
  *has_actual = false;
  fs::path p = absolute_normal(path);
  if (p == p.root_path()) return PathState::Exists;
  // Walk component by component through cached listings, so that one listing serves every link
  // into a folder and a letter-case difference anywhere on the path is noticed.
  fs::path cur = p.root_path();
  bool case_differs = false;
  for (const auto& part : p.relative_path()) {
    std::string name = part.string();
    if (name.empty()) continue;
    auto l = listing(cur);
    if (!l->exists) return PathState::Missing;
    if (std::binary_search(l->names.begin(), l->names.end(), name)) {
      cur /= name;
      continue;
    }
    // The first name (in sorted order) that matches ignoring ASCII case.
    std::string want = lower_ascii(name);
    auto hit = std::lower_bound(l->folded.begin(), l->folded.end(), want,
                                [](const std::pair<std::string, uint32_t>& f, const std::string& w) { return f.first < w; });
    if (hit == l->folded.end() || hit->first != want) return PathState::Missing;
    case_differs = true;
    cur /= l->names[hit->second];
  }
  *actual = cur;
  *has_actual = true;
  return case_differs ? PathState::CaseMismatch : PathState::Exists;
}

std::shared_ptr<const AnchorSet> Workspace::anchors(const fs::path& path) {
  std::string key = absolute_normal(path).string();
  std::shared_ptr<std::once_flag> once;
  {
    std::shared_lock lock(mutex_);
    if (overlay_)
      if (auto it = overlay_->documents.find(key); it != overlay_->documents.end()) return it->second;
    if (auto it = anchors_.find(key); it != anchors_.end()) return it->second;
  }
  {
    std::unique_lock lock(mutex_);
    if (auto it = anchors_.find(key); it != anchors_.end()) return it->second;
    auto& slot = anchor_once_[key];
    if (!slot) slot = std::make_shared<std::once_flag>();
    once = slot;
  }
  // Parsed once (other threads asking for the same target wait).
  std::call_once(*once, [&] {
    std::shared_ptr<const AnchorSet> set;
    std::string bytes, error;
    bool too_large = false;
    // Only regular files: a FIFO named like a link target must never block the run.
    if (readable_document(key) && read_file(key, bytes, error, too_large)) {
      anchor_documents_.fetch_add(1, std::memory_order_relaxed);
      set = anchor_parser_ ? anchor_parser_->parse_anchors(key, std::move(bytes))
                           : std::make_shared<const AnchorSet>(anchor_set(*Document::parse(key, std::move(bytes))));
    }
    std::unique_lock lock(mutex_);
    anchors_.emplace(key, std::move(set));
  });
  std::shared_lock lock(mutex_);
  return anchors_.at(key);
}

void Workspace::add_anchors(const Document& doc) {
  std::string key = place_of(doc.path())->file.string();  // the checks ask for its place too
  {
    std::shared_lock lock(mutex_);
    if (anchors_.count(key)) return;
  }
  auto set = std::make_shared<const AnchorSet>(anchor_set(doc));
  std::unique_lock lock(mutex_);
  anchors_.emplace(key, std::move(set));
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

size_t Workspace::documents_loaded() const {
  std::shared_lock lock(mutex_);
  return anchor_documents_.load(std::memory_order_relaxed);
}

}  // namespace loclint

#include "loclint/workspace.h"

#include <nlohmann/json.hpp>

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <system_error>
#include <thread>
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

std::string normal_absolute(std::string_view p) {
  // std::filesystem's lexical normalization ([fs.path.generic]) for a path with a root
  // directory: `.` removed, a name followed by `..` removed with it, `..` at the root removed,
  // runs of '/' made one; a trailing '/' kept, and left where a trailing `.` or `..` was removed
  // (`/a/b/..` is `/a/`). The names kept are views into `p`.
  std::vector<std::string_view> names;
  bool trailing = false;
  for (size_t i = 0; i <= p.size();) {
    size_t j = p.find('/', i);
    if (j == std::string_view::npos) j = p.size();
    const std::string_view name = p.substr(i, j - i);
    i = j + 1;
    if (name.empty()) {  // the root, a doubled '/', or a '/' that ends the path
      if (j == p.size()) trailing = true;
      continue;
    }
    if (name == ".") {
      trailing = true;
    } else if (name == "..") {
      if (!names.empty()) names.pop_back();
      trailing = true;
    } else {
      names.push_back(name);
      trailing = false;
    }
  }
  std::string out = "/";
  for (size_t k = 0; k < names.size(); ++k) {
    if (k > 0) out += '/';
    out += names[k];
  }
  if (trailing && !names.empty()) out += '/';
  return out;
}

namespace {
// `p`, which is not already normal and absolute, made absolute (joined to the working folder when
// relative) and normal, as a string. Empty when the working folder cannot be had.
std::string make_absolute_normal(const std::string& p) {
  if (p.empty() || p.starts_with("//")) return {};  // as the standard library has them: "" stays, `//` too
  if (p[0] == '/') return normal_absolute(p);
  char cwd[4096];
  if (!::getcwd(cwd, sizeof cwd)) return {};
  std::string joined = cwd;
  if (!joined.ends_with('/')) joined += '/';
  joined += p;
  if (joined.starts_with("//")) return {};
  return already_normal_absolute(joined) ? joined : normal_absolute(joined);
}

// `p` made absolute and normal, as a string; empty when the working folder cannot be had.
std::string absolute_normal_native(const std::string& p) { return already_normal_absolute(p) ? p : make_absolute_normal(p); }
}  // namespace

fs::path absolute_normal(const fs::path& p) {
  // Called for every link of every document: strings, not fs::absolute (a path) and
  // lexically_normal (a component list per step).
  if constexpr (fs::path::preferred_separator == '/') {
    // Most paths are already normal: returned without a copy of their string.
    if (already_normal_absolute(p.native())) return p;
    if (std::string normal = make_absolute_normal(p.native()); !normal.empty()) return fs::path(std::move(normal));
  }
  std::error_code ec;
  fs::path a = p.is_absolute() ? p : fs::absolute(p, ec);
  return a.lexically_normal();
}

std::string absolute_normal_string(const std::string& p) {
  if constexpr (fs::path::preferred_separator == '/') {
    if (std::string normal = absolute_normal_native(p); !normal.empty()) return normal;
  }
  return absolute_normal(fs::path(p)).native();
}

Workspace::Workspace() : pairing_(std::make_unique<Pairing>(*this)) {}
Workspace::~Workspace() = default;

std::shared_ptr<const Place> Workspace::place_of(const std::string& path) {
  if (auto known = places_.find(path)) return *std::move(known);
  auto place = std::make_shared<Place>();
  place->file = absolute_normal(path);
  place->repo = repo_of(place->file);
  place->docset = docset_of(*place->repo, place->file);
  return places_.emplace(path, std::move(place));
}

std::shared_ptr<const Workspace::DirListing> Workspace::listing(const fs::path& dir) {
  std::string key = dir.string();
  if (auto known = listings_.find(key)) return *std::move(known);
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
  return listings_.emplace(key, std::move(l));
}

void Overlay::add(const fs::path& file, std::shared_ptr<const AnchorSet> anchors) {
  fs::path normal = absolute_normal(file);
  for (fs::path dir = normal.parent_path(); !dir.empty(); dir = dir.parent_path()) {
    if (!folders.insert(dir.string()).second) break;  // its parents are in already
    if (dir == dir.root_path()) break;
  }
  documents[normal.string()] = std::move(anchors);
}

void Workspace::set_overlay(std::shared_ptr<const Overlay> overlay) { overlay_.store(std::move(overlay)); }

Workspace::PathState Workspace::stat(const fs::path& path, fs::path* actual) {
  if (std::shared_ptr<const Overlay> overlay = overlay_.load()) {
    fs::path normal = absolute_normal(path);
    if (overlay->documents.count(normal.string()) || overlay->folders.count(normal.string())) {
      if (actual) *actual = normal;
      return PathState::Exists;
    }
  }
  // Many links name the same target; the answer for a path as written is computed once (the
  // working folder does not change during a run, so the written path is a sound key).
  if (auto known = stats_.find(path.native())) {
    if (actual && known->has_actual) *actual = std::move(known->actual);
    return known->state;
  }
  // The same target written differently (`../a/b.md` from one folder, `b.md` from another) is
  // walked once: the normalized path is a key too.
  fs::path normal = absolute_normal(path);
  StatResult r;
  if (auto known = stats_.find(normal.native())) {
    r = *std::move(known);
  } else {
    r.state = stat_uncached(normal, &r.actual, &r.has_actual);
    r = stats_.emplace(normal.native(), std::move(r));
  }
  if (actual && r.has_actual) *actual = r.actual;
  const PathState state = r.state;
  if (path.native() != normal.native()) stats_.emplace(path.native(), std::move(r));
  return state;
}

void Workspace::assume_exists(const fs::path& file) {
  StatResult r;
  r.state = PathState::Exists;
  r.has_actual = true;  // its name is the one given: no letter case to correct
  r.actual = absolute_normal(file);
  std::string key = r.actual.native();
  stats_.assign(key, std::move(r));
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
  if (std::shared_ptr<const Overlay> overlay = overlay_.load())
    if (auto it = overlay->documents.find(key); it != overlay->documents.end()) return it->second;
  if (auto known = anchors_.find(key)) return *std::move(known);
  std::shared_ptr<std::once_flag> once = anchor_once_.get_or_make(key, [] { return std::make_shared<std::once_flag>(); });
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
    anchors_.emplace(key, std::move(set));
  });
  return *anchors_.find(key);
}

void Workspace::prefetch_anchors(const std::vector<fs::path>& files) {
  if (spare_jobs_ == 0 || files.size() < 2) return;
  // Helpers come from one budget of spare_jobs_ for the whole run, whichever worker asks.
  const unsigned want = static_cast<unsigned>(std::min<size_t>(spare_jobs_, files.size() - 1));
  unsigned got = 0;
  for (unsigned taken = spare_jobs_taken_.load(); got == 0 && taken < spare_jobs_;) {
    const unsigned n = std::min(want, spare_jobs_ - taken);
    if (spare_jobs_taken_.compare_exchange_weak(taken, taken + n)) got = n;
  }
  std::atomic<size_t> next{0};
  auto take = [&] {
    for (size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < files.size();) anchors(files[i]);
  };
  std::vector<std::thread> helpers;
  try {
    for (unsigned t = 0; t < got; ++t) helpers.emplace_back(take);
  } catch (const std::system_error&) {
    // No thread to be had (a process limit): the calling thread does the rest.
  }
  take();
  for (auto& h : helpers) h.join();
  spare_jobs_taken_.fetch_sub(got);
}

void Workspace::add_anchors(const Document& doc) {
  std::string key = place_of(doc.path())->file.string();  // the checks ask for its place too
  if (anchors_.contains(key)) return;
  anchors_.emplace(key, std::make_shared<const AnchorSet>(anchor_set(doc)));
}

size_t Workspace::documents_loaded() const { return anchor_documents_.load(std::memory_order_relaxed); }

}  // namespace loclint

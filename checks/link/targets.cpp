// Where a link destination points: decoding, docfx's `~/` and site-absolute paths, and
// resolution against the tree on disk.
#include <algorithm>

#include "link.h"
#include "loclint/text.h"

namespace loclint::checks::link {

namespace {

bool has_scheme(std::string_view d) {
  size_t colon = d.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  for (size_t i = 0; i < colon; ++i) {
    char c = d[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
    if (!ok) return false;
  }
  return true;
}

}  // namespace

bool is_media(std::string_view path) {
  size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || path.find('/', dot) != std::string_view::npos) return false;
  static const std::set<std::string> kMedia = {"png", "jpg", "jpeg", "gif", "svg", "bmp", "webp", "ico",
                                               "tif", "tiff", "mp4", "webm", "mov", "wmv"};
  return kMedia.count(lower_ascii(std::string(path.substr(dot + 1)))) > 0;
}

bool is_download(const fs::path& p) {
  if (!has_extension(p)) return false;
  static const std::set<std::string> kPages = {".md", ".yml", ".yaml", ".markdown"};
  return kPages.count(lower_ascii(p.extension().string())) == 0;
}

bool has_extension(const fs::path& p) {
  std::string name = p.filename().string();
  size_t dot = name.rfind('.');
  return dot != std::string::npos && dot > 0;
}

std::string display_path(const fs::path& p, const RepoInfo& repo) {
  fs::path shown = p;
  if (!repo.root.empty()) {
    fs::path rel = p.lexically_relative(repo.root);
    if (!rel.empty() && rel.begin()->string() != "..") shown = rel;
  }
  return shown.generic_string();
}

Target parse_target(const fs::path& here, std::string_view raw, const Env& env, const RepoInfo& repo) {
  Target t;
  std::string d(trim(raw));  // character references are decoded in the model
  // The URL parser (WHATWG URL, "remove all ASCII tab or newline") drops them anywhere: an
  // attribute value broken over two lines still links to the one path.
  std::erase_if(d, [](char c) { return c == '\t' || c == '\n' || c == '\r'; });
  if (d.empty() || has_scheme(d) || d.starts_with("//")) return t;
  size_t hash = d.find('#');
  if (hash != std::string::npos) {
    t.has_fragment = true;
    t.fragment = percent_decode(std::string_view(d).substr(hash + 1));
    d.resize(hash);
  }
  if (size_t q = d.find('?'); q != std::string::npos) d.resize(q);
  if (d.find('\\') != std::string::npos) {
    t.backslash = true;
    std::replace(d.begin(), d.end(), '\\', '/');
  }
  std::string path = percent_decode(d);
  if (path.empty()) {
    t.same_document = true;
    t.check = t.has_fragment;
    t.path = here;
    return t;
  }
  if (path.starts_with("~/")) {
    // docfx: the docset's root (the folder of its docfx.json).
    const Docset* ds = env.workspace.docset_of(repo, here);
    fs::path base = ds ? ds->folder : repo.root;
    if (base.empty()) return t;
    t.path = absolute_normal(base / path.substr(2));
  } else if (path[0] == '/') {
    std::string rest;
    const Docset* ds = env.workspace.docset_for_site_path(repo, path, &rest);
    if (!ds) return t;  // another docset of the site: not in this repo
    t.site_absolute = true;
    t.path = absolute_normal(ds->folder / rest);
    // The site path may belong to another repository publishing under the same prefix
    // (/partner-center/develop/...): only a folder this docset has is ours to check.
    fs::path folder = rest.empty() || rest.back() == '/' ? t.path : t.path.parent_path();
    if (env.workspace.stat(folder) == Workspace::PathState::Missing) return t;
  } else {
    t.path = absolute_normal(here.parent_path() / path);
  }
  t.check = true;
  return t;
}

Resolution resolve(const Env& env, const fs::path& p, bool page) {
  Resolution r;
  r.state = env.workspace.stat(p, &r.actual);
  if (r.state != Workspace::PathState::Missing || !page) return r;
  std::vector<fs::path> alternatives;
  if (!has_extension(p)) {
    alternatives.push_back(fs::path(p.string() + ".md"));
    alternatives.push_back(fs::path(p.string() + ".yml"));
  }
  for (const fs::path& alt : alternatives) {
    Resolution a;
    a.state = env.workspace.stat(alt, &a.actual);
    if (a.state != Workspace::PathState::Missing) return a;
  }
  return r;
}

}  // namespace loclint::checks::link

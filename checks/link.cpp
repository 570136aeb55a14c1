// checks/link: relative links, anchors, images and includes checked against the tree on disk.
//
// Every lookup goes through env.workspace (cached directory listings, one parse and one anchor
// set per target file), so resolution is the same whichever files were named on the command line.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

#include "registry.h"

namespace loclint::checks {

namespace {

const Rule kMissingFile{
    "link/missing-file", Severity::Error, "a relative link whose target file does not exist",
    "The link points at a file that is not in this tree (after decoding %20-style escapes and "
    "dropping the query string), so readers who follow it land on a 404 page. The file was "
    "renamed or removed, or the path was damaged in translation: compare it with the source "
    "half of the segment and restore the path, which is never translated.",
    "[Étapes suivantes](etapes-suivantes.md)"};

const Rule kMissingAnchor{
    "link/missing-anchor", Severity::Warning, "a link fragment that matches no heading or anchor of its target",
    "The part after `#` must name an anchor of the target article: an explicit `<a name=\"...\">` or "
    "`id=\"...\"`, or the id the publishing site generates from a heading (lowercase, spaces to "
    "hyphens, punctuation dropped, letters of every script kept). Anchors are case-sensitive. "
    "When nothing matches, the page opens at the top instead of the section. Heading ids must "
    "not be translated unless the heading they come from is; the message offers the closest "
    "existing anchor.",
    "[Voir les conditions](#conditions-requises)   <!-- the heading is `## Prérequis` -->"};

const Rule kMissingInclude{
    "link/missing-include", Severity::Error, "a docfx include whose file does not exist",
    "`[!INCLUDE [title](path)]` pulls another Markdown file into the article. Include files are "
    "translated content and live in the localized tree: when the file is missing the build "
    "fails or the page loses a whole section. With --source-root, an include that exists only "
    "in the source-language tree is reported as a warning: the page shows it untranslated.",
    "[!INCLUDE [prérequis](includes/prerequis.md)]"};

const Rule kMissingImage{
    "link/missing-image", Severity::Error, "an image that exists neither in this tree nor in the source tree",
    "Localized repositories carry no media: images are published from the source-language tree. "
    "So an image (`![alt](path)`, `<img src>`, `:::image source=\"path\":::`) is looked up in this "
    "tree, then at the same place in the tree given by --source-root. Without --source-root, "
    "missing images are not reported one by one; loclint prints one note with their number.",
    ":::image type=\"content\" source=\"images/tableau-de-bord.png\" alt-text=\"Tableau de bord\":::"};

const Rule kCaseMismatch{
    "link/case-mismatch", Severity::Warning, "a link target that exists only with a different letter case",
    "The target exists, but its name on disk differs in letter case from the link (`Page.md` "
    "for `page.md`). It works on Windows and macOS, where file names ignore case, and breaks on "
    "the publishing server, where they do not. Write the name exactly as on disk.",
    "[Facturation](Billing.md)   <!-- the file is billing.md -->"};

const Rule kBackslash{
    "link/backslash", Severity::Warning, "a relative link written with backslashes",
    "Links are URLs and separate folders with `/`. Browsers turn `\\` into `/` but the publishing "
    "server does not, so `..\\page.md` works in some places and not in others. The message says "
    "which file the link reaches with forward slashes; when that file exists, `loclint --fix` "
    "writes the forward slashes.",
    "[Exigences](..\\partner-security-requirements.md)", {}, /*fixable=*/true};

const Rule kRedirected{
    "link/redirected", Severity::Note, "a link to a page that was moved and is redirected",
    "The target is listed in `.openpublishing.redirection.json`: readers are sent on to its new "
    "address, at the cost of a redirect (and of the fragment, which redirects lose). Point the "
    "link at the new address.",
    "[Ajouter un client](add-a-new-customer.md)   <!-- moved elsewhere -->"};


int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// %20-style escapes; a malformed escape is kept as written.
std::string percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// md4c leaves entity references in destinations as written.
std::string decode_entities(std::string s) {
  static const std::pair<std::string_view, std::string_view> kEntities[] = {
      {"&amp;", "&"}, {"&#32;", " "}, {"&#x20;", " "}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}};
  for (auto [from, to] : kEntities)
    for (size_t p; (p = s.find(from)) != std::string::npos;) s.replace(p, from.size(), to);
  return s;
}

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

bool is_media(std::string_view path) {
  size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || path.find('/', dot) != std::string_view::npos) return false;
  static const std::set<std::string> kMedia = {"png", "jpg", "jpeg", "gif", "svg", "bmp", "webp", "ico",
                                               "tif", "tiff", "mp4", "webm", "mov", "wmv"};
  return kMedia.count(lower_ascii(std::string(path.substr(dot + 1)))) > 0;
}

bool has_extension(const fs::path& p) {
  std::string name = p.filename().string();
  size_t dot = name.rfind('.');
  return dot != std::string::npos && dot > 0;
}

// Levenshtein distance over code points, for "did you mean".
size_t edit_distance(std::string_view a, std::string_view b) {
  std::u32string x, y;
  for (size_t i = 0; i < a.size();) x += utf8::next(a, i);
  for (size_t i = 0; i < b.size();) y += utf8::next(b, i);
  std::vector<size_t> row(y.size() + 1);
  for (size_t j = 0; j <= y.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= x.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= y.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (x[i - 1] == y[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[y.size()];
}

std::string closest(const std::vector<std::string>& candidates, const std::string& want) {
  std::string best;
  size_t best_d = SIZE_MAX;
  std::string want_lower = to_lower(want);
  for (const std::string& c : candidates) {
    if (c.empty()) continue;
    // A difference of letter case only is the likeliest mistake: anchors are case-sensitive.
    size_t d = to_lower(c) == want_lower ? 0 : edit_distance(c, want) + 1;
    if (d < best_d) best_d = d, best = c;
  }
  // Otherwise only a near miss is worth offering: '1' is no hint for '10'.
  size_t len = utf8::length(want);
  if (best_d == 0) return best;
  return len >= 4 && best_d - 1 <= len / 3 ? best : std::string();
}

std::string shorten(std::string_view s, size_t max = 80) {
  if (utf8::length(s) <= max) return std::string(s);
  std::string out;
  size_t i = 0;
  for (size_t n = 0; n < max - 1 && i < s.size(); ++n) utf8::next(s, i);
  out.assign(s.substr(0, i));
  return out + "…";
}

// A path for messages: relative to the repository root when inside it, with '/'.
std::string display_path(const fs::path& p, const RepoInfo& repo) {
  fs::path shown = p;
  if (!repo.root.empty()) {
    fs::path rel = p.lexically_relative(repo.root);
    if (!rel.empty() && rel.begin()->string() != "..") shown = rel;
  }
  return shown.generic_string();
}

// The fix of link/backslash: every '\\' in the path part of the destination as written becomes
// '/'. Only when the written destination is found and equals the decoded one byte for byte: an
// escape (`..\\.\\page.md`, where Markdown reads `\\.` as `.`) or an entity makes them
// differ, and then what the writer meant is not certain.
std::optional<Fix> forward_slashes(const Document& doc, const Link& link, Span at) {
  const bool markdown = link.kind == LinkKind::Inline || link.kind == LinkKind::Image || link.kind == LinkKind::Include;
  Span written = at;
  if (at == link.span) {
    // The model locates a destination only where md4c points into the file; with a backslash
    // md4c hands over a copy. An inline `[text](dest)` has it right after "](".
    if (!markdown || link.text.end + 2 > doc.text().size()) return std::nullopt;
    uint32_t p = link.text.end;
    if (doc.text().substr(p, 2) != "](") return std::nullopt;
    p += 2;
    while (p < doc.text().size() && (doc.text()[p] == ' ' || doc.text()[p] == '\t')) ++p;
    if (p < doc.text().size() && doc.text()[p] == '<') ++p;
    written = {p, p + static_cast<uint32_t>(link.destination.size())};
    if (written.end > doc.text().size()) return std::nullopt;
  }
  const std::string_view text = doc.slice(written);
  if (text != link.destination) return std::nullopt;
  size_t path_end = std::min(text.find('#'), text.find('?'));
  if (path_end == std::string_view::npos) path_end = text.size();
  Fix fix;
  fix.title = "Use '/' instead of '\\' in the link";
  for (size_t i = 0; i < path_end; ++i) {
    if (text[i] != '\\') continue;
    const char next = i + 1 < text.size() ? text[i + 1] : ' ';
    if (markdown && std::ispunct(static_cast<unsigned char>(next))) return std::nullopt;
    const uint32_t b = written.begin + static_cast<uint32_t>(i);
    fix.edits.push_back({{b, b + 1}, "/"});
  }
  if (fix.edits.empty()) return std::nullopt;
  return fix;
}

enum class Kind { Page, Image, Include };

struct Target {
  bool check = false;     // false: external, empty or outside this repo
  bool same_document = false;
  bool site_absolute = false;  // `/prefix/...` mapped to a docset: URLs ignore case and extension
  bool backslash = false;
  fs::path path;          // absolute, lexically normal
  std::string fragment;   // decoded, without '#'
  bool has_fragment = false;
};

// `here`: the document's own path, absolute and lexically normal.
Target parse_target(const fs::path& here, std::string_view raw, const Env& env, const RepoInfo& repo) {
  Target t;
  std::string d = decode_entities(std::string(trim(raw)));
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

struct Resolution {
  Workspace::PathState state = Workspace::PathState::Missing;
  fs::path actual;  // the file on disk (with its real letter case)
};

// A page link may omit the extension (`page`, a site URL) or name a folder with an index page.
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

class LinkChecker {
 public:
  LinkChecker(const Document& doc, const Env& env, Reporter& out, fs::path here, std::shared_ptr<const RepoInfo> repo)
      : doc_(doc), env_(env), out_(out), here_(std::move(here)), repo_(std::move(repo)) {
    for (uint32_t i = 0; i < doc.segments().size(); ++i) {
      const Segment& s = doc.segments()[i];
      if (s.target.present) halves_.push_back({s.target.content, i, false});
      if (s.source.present) halves_.push_back({s.source.content, i, true});
    }
    std::sort(halves_.begin(), halves_.end(), [](const Half& a, const Half& b) { return a.span.begin < b.span.begin; });
    count_images_ = env.config.enabled(kMissingImage);
  }

  void run() {
    for (const Link& link : doc_.links()) {
      if (link.kind == LinkKind::Autolink) continue;
      if (doc_.in_code(link.span.begin)) continue;  // the model keeps none; be safe for HTML ones
      // A segment's source half usually repeats its target half's link: one report is enough.
      if (const Half* h = half_of(link.span)) {
        auto key = std::make_pair(h->segment, link.destination);
        if (h->source && seen_in_target_.count(key)) continue;
        if (!h->source) seen_in_target_.insert(key);
      }
      if (wraps_same_image(link)) continue;
      check(link);
    }
  }

 private:
  struct Half {
    Span span;
    uint32_t segment;
    bool source;
  };

  // `[![alt](media/a.png)](media/a.png#lightbox)`: the enlarged view of the image it wraps is
  // the same file; one report is enough.
  bool wraps_same_image(const Link& link) const {
    if (link.kind != LinkKind::Inline) return false;
    auto strip = [](std::string_view d) { return trim(d.substr(0, d.find_first_of("#?"))); };
    // The model locates the outer link from its children, so its span may start inside the
    // image's `![`: look at every image overlapping it.
    Span around{link.span.begin >= 2 ? link.span.begin - 2 : 0, link.span.end};
    auto [first, last] = Document::within(doc_.links(), around);
    for (auto it = first; it != last; ++it)
      if (it->kind == LinkKind::Image && &*it != &link && strip(it->destination) == strip(link.destination)) return true;
    return false;
  }

  const Half* half_of(Span s) const {
    auto it = std::upper_bound(halves_.begin(), halves_.end(), s.begin,
                               [](uint32_t off, const Half& h) { return off < h.span.begin; });
    if (it == halves_.begin()) return nullptr;
    --it;
    return it->span.contains(s.begin) ? &*it : nullptr;
  }

  void check(const Link& link) {
    // A reference-style link is fixed in its definition line: report there, once.
    if (!link.definition.empty() && !definitions_seen_.insert(link.definition.begin).second) return;
    const Span at = !link.destination_span.empty() ? link.destination_span
                    : !link.definition.empty()     ? link.definition
                                                   : link.span;
    Target t = parse_target(here_, link.destination, env_, *repo_);
    if (!t.check) return;
    const std::string shown = shorten(trim(link.destination));
    Kind kind = link.kind == LinkKind::Include ? Kind::Include
                : (link.kind == LinkKind::Image || link.kind == LinkKind::HtmlImage ||
                   link.kind == LinkKind::ImageDirective || is_media(t.path.string()))
                    ? Kind::Image
                    : Kind::Page;
    if (t.same_document) {
      check_anchor(at, t.fragment, nullptr, shown);
      return;
    }
    Resolution r = resolve(env_, t.path, kind == Kind::Page);
    if (t.backslash) {
      fs::path reached = r.state == Workspace::PathState::Missing ? t.path : r.actual;
      Diagnostic d = Diagnostic::of(
          kBackslash, at,
          fmt::format("link '{}' uses backslashes; with forward slashes it reaches '{}'{}", shown,
                      display_path(reached, *repo_), r.state == Workspace::PathState::Missing ? ", which does not exist" : ""));
      if (r.state == Workspace::PathState::Exists) d.fix = forward_slashes(doc_, link, at);
      out_.report(std::move(d));
      if (r.state == Workspace::PathState::Missing) return;  // said once, in the message above
    }
    if (r.state == Workspace::PathState::CaseMismatch && !t.site_absolute) {
      out_.report(kCaseMismatch, at,
                  fmt::format("'{}' exists only as '{}' (letter case differs): it breaks on the publishing server",
                              shown, display_path(r.actual, *repo_)));
    }
    if (r.state == Workspace::PathState::Missing) {
      missing(at, t, kind, shown);
      return;
    }
    if (kind == Kind::Page && t.has_fragment && r.actual.extension() == ".md") check_anchor(at, t.fragment, &r.actual, shown);
  }

  void missing(Span at, const Target& t, Kind kind, const std::string& shown) {
    if (kind == Kind::Image || kind == Kind::Include) {
      if (auto source = in_source_tree(t.path)) {
        Resolution s = resolve(env_, *source, false);
        if (s.state != Workspace::PathState::Missing) {
          if (kind == Kind::Include) {
            Diagnostic d;
            d.rule = &kMissingInclude;
            d.severity = Severity::Warning;
            d.span = at;
            d.message = fmt::format("include '{}' exists only in the source tree: the page shows it untranslated", shown);
            out_.report(std::move(d));
          }
          return;
        }
      } else if (kind == Kind::Image) {
        if (count_images_) env_.workspace.add_unchecked_image();
        return;
      }
      if (kind == Kind::Image)
        out_.report(kMissingImage, at, fmt::format("image '{}' exists neither in this tree nor in the source tree", shown));
      else
        out_.report(kMissingInclude, at, fmt::format("include file '{}' does not exist", shown));
      return;
    }
    std::vector<fs::path> keys = {t.path};
    if (!has_extension(t.path)) keys.push_back(fs::path(t.path.string() + ".md"));
    for (const fs::path& k : keys)
      if (const Redirection* red = env_.workspace.redirection(*repo_, k)) {
        out_.report(kRedirected, at, fmt::format("'{}' was moved: it redirects to '{}'", shown, shorten(red->redirect_url)));
        return;
      }
    // A FAQ converted from Markdown to YAML keeps its name: say so when that is what happened.
    std::string hint;
    std::string ext = lower_ascii(t.path.extension().string());
    if (ext == ".md" || ext == ".yml") {
      fs::path other = t.path;
      other.replace_extension(ext == ".md" ? ".yml" : ".md");
      Resolution o = resolve(env_, other, false);
      if (o.state != Workspace::PathState::Missing) {
        fs::path from = here_.parent_path();
        hint = fmt::format("; did you mean '{}'", t.site_absolute ? display_path(o.actual, *repo_)
                                                                  : o.actual.lexically_relative(from).generic_string());
      }
    }
    out_.report(kMissingFile, at, fmt::format("link target '{}' does not exist{}", shown, hint));
  }

  // Where `p` (in this tree) sits in the --source-root tree: same path below the repo root.
  std::optional<fs::path> in_source_tree(const fs::path& p) const {
    if (!env_.config.source_root) return std::nullopt;
    fs::path base = repo_->root.empty() ? absolute_normal(".") : repo_->root;
    fs::path rel = p.lexically_relative(base);
    if (rel.empty()) return std::nullopt;
    return absolute_normal(*env_.config.source_root / rel);
  }

  void check_anchor(Span at, const std::string& fragment, const fs::path* file, const std::string& shown) {
    // `#` alone and `#top` go to the top of the page in every browser.
    if (fragment.empty() || lower_ascii(fragment) == "top") return;
    std::shared_ptr<const AnchorSet> set;
    if (file) {
      set = env_.workspace.anchors(*file);
    } else {
      // An include's `#frag` points into whichever article includes it.
      std::string here = here_.generic_string();
      if (here.find("/includes/") != std::string::npos) return;
      if (!own_) own_ = std::make_shared<const AnchorSet>(anchor_set(doc_));
      set = own_;
    }
    if (!set || set->contains(fragment)) return;
    std::string where = file ? fmt::format("'{}'", shown.substr(0, shown.find('#'))) : std::string("this article");
    std::string suggestion = closest(set->suggestions, fragment);
    std::string hint = suggestion.empty() ? "" : fmt::format("; did you mean '#{}'", shorten(suggestion));
    out_.report(kMissingAnchor, at, fmt::format("no anchor '#{}' in {}{}", shorten(fragment, 60), where, hint));
  }

  const Document& doc_;
  const Env& env_;
  Reporter& out_;
  const fs::path here_;  // the document's path, absolute and lexically normal
  std::shared_ptr<const RepoInfo> repo_;
  std::vector<Half> halves_;
  std::set<std::pair<uint32_t, std::string>> seen_in_target_;
  std::shared_ptr<const AnchorSet> own_;
  std::set<uint32_t> definitions_seen_;
  bool count_images_ = true;
};

void check_links(const Document& doc, const Env& env, Reporter& out) {
  if (doc.links().empty()) return;
  // An article outside every docset the publish config lists (an `Archive/` folder) is never
  // published: no reader follows its links.
  auto place = env.workspace.place_of(doc.path());
  if (!place->repo->docsets.empty() && !place->docset) return;
  LinkChecker(doc, env, out, place->file, place->repo).run();
}

}  // namespace

std::vector<Check> link_checks() {
  return {
      {"link", {&kMissingFile, &kMissingAnchor, &kMissingInclude, &kMissingImage, &kCaseMismatch, &kBackslash, &kRedirected},
       check_links},
  };
}

}  // namespace loclint::checks

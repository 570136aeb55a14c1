// The link checker's walk: every link of the document, once, resolved and handed to the rules.
#include <algorithm>

#include "link.h"

namespace loclint::checks::link {

void check_links(const Document& doc, const Env& env, Reporter& out) {
  if (doc.links().empty()) return;
  // An article outside every docset the publish config lists (an `Archive/` folder) is never
  // published: no reader follows its links.
  auto place = env.workspace.place_of(doc.path());
  if (!place->repo->docsets.empty() && !place->docset) return;
  LinkChecker(doc, env, out, place->file, place->repo).run();
}

LinkChecker::LinkChecker(const Document& doc, const Env& env, Reporter& out, fs::path here,
                         std::shared_ptr<const RepoInfo> repo)
    : doc_(doc), env_(env), out_(out), here_(std::move(here)), repo_(std::move(repo)) {
  for (uint32_t i = 0; i < doc.segments().size(); ++i) {
    const Segment& s = doc.segments()[i];
    if (s.target.present) halves_.push_back({s.target.content, i, false});
    if (s.source.present) halves_.push_back({s.source.content, i, true});
  }
  std::sort(halves_.begin(), halves_.end(), [](const Half& a, const Half& b) { return a.span.begin < b.span.begin; });
}

void LinkChecker::run() {
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

// `[![alt](media/a.png)](media/a.png#lightbox)`: the enlarged view of the image it wraps is
// the same file; one report is enough.
bool LinkChecker::wraps_same_image(const Link& link) const {
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

const LinkChecker::Half* LinkChecker::half_of(Span s) const {
  auto it = std::upper_bound(halves_.begin(), halves_.end(), s.begin,
                             [](uint32_t off, const Half& h) { return off < h.span.begin; });
  if (it == halves_.begin()) return nullptr;
  --it;
  return it->span.contains(s.begin) ? &*it : nullptr;
}

void LinkChecker::check(const Link& link) {
  // A reference-style link is fixed in its definition line: report there, once.
  if (!link.definition.empty() && !definitions_seen_.insert(link.definition.begin).second) return;
  const Span at = !link.destination_span.empty() ? link.destination_span
                  : !link.definition.empty()     ? link.definition
                                                 : link.span;
  Target t = parse_target(here_, link.destination, env_, *repo_);
  if (!t.check) return;
  const std::string shown = excerpt(trim(link.destination), 80);
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
  if (backslash(at, t, r, shown)) return;  // said once, in its message
  case_mismatch(at, t, r, shown);
  if (r.state == Workspace::PathState::Missing) {
    if (kind == Kind::Image) missing_image(at, t, shown);
    else if (kind == Kind::Include) missing_include(at, t, shown);
    else missing_page(at, t, shown);
    return;
  }
  if (kind == Kind::Page && t.has_fragment && r.actual.extension() == ".md") check_anchor(at, t.fragment, &r.actual, shown);
}

std::optional<fs::path> LinkChecker::in_source_tree(const fs::path& p) const {
  if (!env_.config.source_root) return std::nullopt;
  fs::path base = repo_->root.empty() ? absolute_normal(".") : repo_->root;
  fs::path rel = p.lexically_relative(base);
  if (rel.empty()) return std::nullopt;
  return absolute_normal(*env_.config.source_root / rel);
}

}  // namespace loclint::checks::link

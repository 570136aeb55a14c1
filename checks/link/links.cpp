// The link checker's walk: every link of the document, once, resolved and handed to the steps
// (checks.cpp); and the API the steps report and look up through (link.h).
#include <unicode/uchar.h>

#include <algorithm>

#include "common/document_locale.h"
#include "common/source_version.h"
#include "link.h"
#include "loclint/alignment.h"
#include "loclint/pairing.h"
#include "loclint/source_layout.h"

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
  if (env_.workspace.spare_jobs() > 0) prefetch_target_anchors();
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

// The Markdown pages that this document's page links name with a fragment that check_anchor
// looks up, parsed for their anchors on the run's spare jobs first. A target check() would not
// look up after all (a link that another step decides first) costs a parse and changes nothing:
// only the targets' anchor sets are computed, and every link is still checked by check().
void LinkChecker::prefetch_target_anchors() {
  std::vector<fs::path> targets;
  std::set<std::string> seen;
  for (const Link& link : doc_.links()) {
    if (link.kind == LinkKind::Autolink || doc_.in_code(link.span.begin)) continue;
    const Target t = parse_target(here_, link.destination, env_, *repo_);
    if (!t.check || t.same_document || !t.has_fragment || kind_of(link, t) != Kind::Page) continue;
    if (!fragment_names_anchor(t.fragment)) continue;  // `#top`, `#tab/...`: check_anchor asks for nothing
    if (outside_this_tree(t)) continue;
    const Resolution r = resolve(env_, t.path, true);
    if (r.state != Workspace::PathState::Missing && r.actual.extension() == ".md" && seen.insert(r.actual.string()).second)
      targets.push_back(r.actual);
  }
  env_.workspace.prefetch_anchors(targets);
}

Kind kind_of(const Link& link, const Target& t) {
  if (link.kind == LinkKind::Include) return Kind::Include;
  if (link.kind == LinkKind::Image || link.kind == LinkKind::HtmlImage || link.kind == LinkKind::ImageDirective ||
      is_media(t.path.string()))
    return Kind::Image;
  return Kind::Page;
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

// Everything the steps share is decided here, in this order: a reference definition is checked
// once; an external destination, or one into a tree that is not on disk (counted), is not
// checked; a link within the document is not looked up on disk.
void LinkChecker::check(const Link& link) {
  // A reference-style link is fixed in its definition line: report there, once.
  if (!link.definition.empty() && !definitions_seen_.insert(link.definition.begin).second) return;
  const LinkOrigin origin = origin_of(link);
  const Span at = !link.destination_span.empty() ? link.destination_span
                  : !link.definition.empty()     ? link.definition
                                                 : link.span;
  Target t = parse_target(here_, link.destination, env_, *repo_);
  if (!t.check) return;
  std::string shown = excerpt(trim(link.destination), 80);
  Kind kind = kind_of(link, t);
  Resolution r;
  if (t.same_document) {
    r = {Workspace::PathState::Exists, here_};
  } else {
    if (kind == Kind::Page && is_download(t.path)) kind = Kind::Download;
    if (outside_this_tree(t)) {
      out_.count(kOutsideTree);
      return;
    }
    r = resolve(env_, t.path, kind == Kind::Page);
  }
  const ResolvedLink resolved{link, at, std::move(t), kind, std::move(r), std::move(shown), origin};
  for (const LinkStep& step : link_steps())
    if (step.decide(*this, resolved)) return;
}

// Where the target lives in a tree this run cannot see: a repository the publish config checks
// out beside this one at build time (`dependent_repositories`) that is not on disk, a path that
// climbs out of the repository, or one that leaves the docsets for a top-level folder the
// repository does not have (another repository publishing on the same site).
bool LinkChecker::outside_this_tree(const Target& t) const {
  if (repo_->root.empty()) return false;
  if (const DependentRepository* dep = Workspace::dependent_of(*repo_, t.path))
    return env_.workspace.stat(dep->folder) == Workspace::PathState::Missing;
  fs::path rel = t.path.lexically_relative(repo_->root);
  if (rel.empty() || *rel.begin() == "..") return true;
  if (repo_->docsets.empty() || env_.workspace.docset_of(*repo_, t.path)) return false;
  if (env_.workspace.stat(repo_->root / *rel.begin()) != Workspace::PathState::Missing) return false;
  // A folder of the source-language repository that this translated one lacks (`archive/`
  // includes): the fallback serves it, as it serves a missing file of a docset.
  if (repo_->source_fallback) return false;
  if (auto source = in_source_tree(t.path); source && env_.workspace.stat(*source) != Workspace::PathState::Missing)
    return false;
  return true;
}

std::optional<fs::path> LinkChecker::in_fallback(const fs::path& p, bool page, bool& unverifiable) {
  unverifiable = false;
  if (!repo_->source_fallback && !env_.config.source_root) return std::nullopt;
  if (env_.config.source_root && article_is_source()) return std::nullopt;  // missing, plainly
  auto source = in_source_tree(p);
  if (!source) {
    unverifiable = true;
    return std::nullopt;
  }
  if (!source_has_article()) {
    out_.count(kArticleNotInSource);
    unverifiable = true;  // counted here; the caller's note is for a missing --source-root
    return std::nullopt;
  }
  Resolution r = resolve(env_, *source, page);
  if (r.state == Workspace::PathState::Missing) return std::nullopt;
  return r.actual.empty() ? *source : r.actual;
}

// Where the link's destination comes from (LinkOrigin).
LinkOrigin LinkChecker::origin_of(const Link& link) const {
  if (const Half* h = half_of(link.span)) {
    if (h->source) return LinkOrigin::SourceHalf;
    const Segment& seg = doc_.segments()[h->segment];
    if (seg.source.present) {
      auto [first, last] = Document::within(doc_.links(), seg.source.content);
      for (auto it = first; it != last; ++it)
        if (it->destination == link.destination) return LinkOrigin::SourceHalf;
    }
    return LinkOrigin::Translation;
  }
  // Outside the halves, on a line that holds a segment (a link wrapped around one, a list item)
  // or an image on a line of its own (between two paragraphs): the skeleton, which the pipeline
  // copies from the English file and the translator never edits. Prose outside the halves with a
  // link in it, or a link alone with its own text, is text someone wrote into this file.
  if (!halves_.empty()) {
    std::string_view text = doc_.text();
    size_t nl = text.rfind('\n', link.span.begin);
    uint32_t line_begin = nl == std::string_view::npos ? 0 : static_cast<uint32_t>(nl + 1);
    size_t end = text.find('\n', link.span.begin);
    uint32_t line_end = end == std::string_view::npos ? static_cast<uint32_t>(text.size()) : static_cast<uint32_t>(end);
    auto it = std::lower_bound(halves_.begin(), halves_.end(), line_begin,
                               [](const Half& h, uint32_t off) { return h.span.begin < off; });
    if (it != halves_.end() && it->span.begin < line_end) return LinkOrigin::Skeleton;
    auto letters = [&](uint32_t b, uint32_t e) {
      for (size_t k = b; k < e;) {
        const char32_t cp = utf8::next(text, k);
        if (u_isalpha(static_cast<UChar32>(cp))) return true;
      }
      return false;
    };
    // An image, whose alt text the pipeline does not segment; a link with text of its own there
    // would have been.
    const bool image = link.kind == LinkKind::Image || link.kind == LinkKind::HtmlImage;
    if (image && !letters(line_begin, std::min(link.span.begin, line_end)) && !letters(std::min(link.span.end, line_end), line_end))
      return LinkOrigin::Skeleton;
  }
  if (auto english = in_source_tree(here_)) {
    auto set = env_.workspace.anchors(*english);
    if (set && std::binary_search(set->destinations.begin(), set->destinations.end(), link.destination))
      return LinkOrigin::SourceArticle;
  }
  if (translation_without_source()) return LinkOrigin::Unattributed;
  return LinkOrigin::Translation;
}

bool LinkChecker::translation_without_source() const {
  if (!without_source_) {
    without_source_ = [&] {
      if (!halves_.empty() || article_is_source()) return false;
      if (in_source_tree(here_) && source_has_article()) return false;
      return repo_->source_fallback || in_translated_tree(doc_, env_);
    }();
  }
  return *without_source_;
}

// A fix never edits a segment's source half: that is the pipeline's copy of the English text,
// which the next hand-off overwrites, and the English repository is where it is repaired.
void LinkChecker::report(LinkOrigin origin, Diagnostic d) {
  if (origin != LinkOrigin::Translation && origin != LinkOrigin::Unattributed) d.origin = loclint::Origin::Inherited;
  if (const Half* h = d.fix ? half_of(d.span) : nullptr; h && h->source) d.fix.reset();
  out_.report(std::move(d));
}

void LinkChecker::report(const ResolvedLink& link, Diagnostic d) { report(link.origin, std::move(d)); }

void LinkChecker::report(const ResolvedLink& link, const Rule& rule, std::string message) {
  report(link.origin, Diagnostic::of(rule, link.at, std::move(message)));
}

void LinkChecker::report_as_written(const ResolvedLink& link, Diagnostic d, const SummaryNote& unattributed) {
  if (link.origin == LinkOrigin::Unattributed) {
    out_.count(unattributed);
    return;
  }
  report(link.origin, std::move(d));
}

void LinkChecker::count(const SummaryNote& note) { out_.count(note); }

bool LinkChecker::missing_from_source_tree(const Target& t, const SummaryNote& unchecked) {
  auto source = in_source_tree(t.path);
  if (source && !source_has_article()) {
    out_.count(kArticleNotInSource);
    return false;
  }
  if (!source) {
    out_.count(unchecked);
    return false;
  }
  return resolve(env_, *source, false).state == Workspace::PathState::Missing;
}

const Link* LinkChecker::counterpart_in_source(const Link& link, bool* altered_only) const {
  const Pair& pair = *env_.pair;
  const Alignment& alignment = pair.alignment();
  for (uint32_t b : alignment.target_units) {
    const Span block = block_extent(doc_, b);
    if (link.span.begin < block.begin || link.span.end > block.end) continue;
    const AlignedBlocks* step = alignment.for_target_block(b);
    if (!step || step->move != AlignMove::OneToOne) return nullptr;
    auto same_kind = [&](const Link& l) { return l.kind == link.kind; };
    auto [tf, tl] = Document::within(doc_.links(), block);
    auto [sf, sl] = Document::within(pair.source->links(), block_extent(*pair.source, step->source[0]));
    std::vector<const Link*> mine, theirs;
    for (auto it = tf; it != tl; ++it)
      if (same_kind(*it)) mine.push_back(&*it);
    for (auto it = sf; it != sl; ++it)
      if (same_kind(*it)) theirs.push_back(&*it);
    if (mine.size() != theirs.size()) return nullptr;
    for (size_t i = 0; i < mine.size(); ++i)
      if (mine[i] == &link) {
        if (altered_only) *altered_only = step->altered_only;
        return theirs[i];
      }
    return nullptr;
  }
  return nullptr;
}

bool LinkChecker::from_other_source_version(const ResolvedLink& link, std::string* altered) {
  if (link.origin != LinkOrigin::Translation || !env_.pair || env_.pair->state != PairState::Paired ||
      !env_.pair->source)
    return false;
  bool altered_only = false;
  const Link* counterpart = counterpart_in_source(link.link, &altered_only);
  auto say_altered = [&] {
    if (altered && counterpart)
      *altered = fmt::format("; the source article has '{}' there ({})", excerpt(counterpart->destination, 80),
                             env_.pair->where(counterpart->span.begin));
  };
  if (env_.pair->strictness() == Strictness::Full) {
    say_altered();
    return false;
  }
  // The source article dated before the translation is an older version than the one translated:
  // what the translation altered cannot be told from what the source changed since.
  const FrontMatterEntry* own = doc_.front_matter().find("ms.date");
  const FrontMatterEntry* source = env_.pair->source->front_matter().find("ms.date");
  const bool older = own && source && own->is_scalar && source->is_scalar && dated_before(source->value, own->value, env_.config);
  // Else a link whose block matches its source block but for what was altered (letter case,
  // white space, fullwidth forms: AlignedBlocks::altered_only) is the translation's doing; a
  // destination replaced by another may be the source's edit since.
  if (!older && counterpart && altered_only && counterpart->destination != link.link.destination) {
    say_altered();
    return false;
  }
  out_.count(kOtherSourceVersion);
  return true;
}

const AnchorSet& LinkChecker::own_anchors() {
  if (!own_) own_ = std::make_shared<const AnchorSet>(anchor_set(doc_));
  return *own_;
}

bool LinkChecker::source_has_article() const {
  if (!source_article_) {
    auto english = in_source_tree(here_);
    source_article_ = english && env_.workspace.stat(*english) != Workspace::PathState::Missing;
  }
  return *source_article_;
}

bool LinkChecker::article_is_source() const {
  if (!article_is_source_) {
    auto own = source_place(here_, env_.config, repo_->root);
    article_is_source_ = own && own->path == here_;
  }
  return *article_is_source_;
}

std::optional<fs::path> LinkChecker::in_source_tree(const fs::path& p) const {
  if (article_is_source()) return std::nullopt;
  auto place = source_place(p, env_.config, repo_->root);
  if (!place) return std::nullopt;
  return place->path;
}

const SummaryNote kArticleNotInSource{&kMissingFile, "link of an article the source tree lacks not checked",
                                       "links of articles the source tree lacks not checked",
                                       "their targets are missing here, and the tree given with --source-root has no "
                                       "such article, so it is not their source"};

const SummaryNote kOtherSourceVersion{
    &kMissingFile, "link its source article does not have, to a target in neither tree, not checked",
    "links their source articles do not have, to targets in neither tree, not checked",
    "the source tree is not known to be the version that was translated (no source commit named that git can "
    "check, or the source changed since), so these may be that version's links and targets; a link that alters "
    "one of its source article's is still reported; set `pairing.source-version: translated` to report them all"};

const SummaryNote kOutsideTree{&kMissingFile, "link into another repository not checked",
                                "links into other repositories not checked",
                                "the targets are in `dependent_repositories` of the publish config or outside this "
                                "repository and its docsets, which are not on disk"};

}  // namespace loclint::checks::link

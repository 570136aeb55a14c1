#include <algorithm>

#include "link.h"

namespace loclint::checks::link {

const Rule kMissingAnchor{
    .id = "link/missing-anchor",
    .severity = Severity::Warning,
    .summary = "a link fragment that matches no heading or anchor of its target",
    .checks = "The part after `#` names an anchor of the target article: an explicit `<a name=\"...\">` or "
              "`id=\"...\"`, or the id the publishing site generates from a heading (lowercase, spaces to "
              "hyphens, punctuation dropped, letters of every script kept), including the headings of files the "
              "article pulls in with `[!INCLUDE]`. Anchors are case-sensitive. docfx tab links (`#tab/id`) "
              "name tabs, not anchors, and are not checked. The message offers the closest existing anchor; for "
              "`#x-1` where the translation writes the English `<a name=\"x\">` on two headings (the English page "
              "numbers the second `x-1`), the id of the heading that carries `x` the second time.",
    .why = "When nothing matches, the page opens at the top instead of the section. Heading ids must not be "
           "translated unless the heading they come from is.",
    .fires = {.text = "## Prérequis\n\n[Voir les conditions](#conditions-requises)\n"},
    .passes = {.text = "## Prérequis\n\n[Voir les conditions](#prérequis)\n"},
};

namespace {

// "second", "third", ... "10th": the occurrence of a repeated anchor, in a message.
std::string ordinal_word(size_t n) {
  static const char* const words[] = {"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"};
  return n < std::size(words) ? words[n] : std::to_string(n) + "th";
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

// docfx inlines `[!INCLUDE]` files into the page: their headings and anchors are the page's.
// `set` belongs to the file at `owner`; nested includes are followed a few levels deep.
bool defined_by_include(const LinkChecker& checker, const AnchorSet& set, const fs::path& owner,
                        const std::string& fragment, int depth) {
  if (depth > 3) return false;
  const Env& env = checker.env();
  for (const std::string& dest : set.includes) {
    Target t = parse_target(owner, dest, env, checker.repo());
    if (!t.check || t.same_document) continue;
    Resolution r = resolve(env, t.path, false);
    if (r.state == Workspace::PathState::Missing) {
      // An include served by the English fallback defines the same headings there.
      auto source = checker.in_source_tree(t.path);
      if (!source || resolve(env, *source, false).state == Workspace::PathState::Missing) continue;
      r.actual = *source;
    }
    auto included = env.workspace.anchors(r.actual);
    if (included &&
        (included->contains(fragment) || defined_by_include(checker, *included, r.actual, fragment, depth + 1)))
      return true;
  }
  return false;
}

// `#x-1`, `#x-2`: Markdig's ids for the second and third headings whose id is `x`. A translation
// that writes the English `<a name="x">` in each of those headings (the pipeline's anchors, one per
// heading, not numbered) leaves the numbered ids to its translated headings: the heading meant is
// the one whose anchor `x` is the (n+1)-th, reached by its own id. Returns that id and n + 1;
// empty when the fragment is not numbered so, when fewer headings carry `x`, or when that
// heading's own id is `x` (its id is then `x-n` itself, which the set lacks for another reason:
// the caller offers the closest anchor instead).
std::pair<std::string, size_t> repeated_anchor_heading(const std::vector<std::pair<std::string, std::string>>& heading_anchors,
                                                       std::string_view fragment, std::string_view* base) {
  const size_t dash = fragment.rfind('-');
  if (dash == std::string_view::npos || dash == 0 || dash + 1 == fragment.size() || fragment.size() - dash > 5) return {};
  size_t n = 0;
  for (size_t i = dash + 1; i < fragment.size(); ++i) {
    if (fragment[i] < '0' || fragment[i] > '9') return {};
    n = n * 10 + static_cast<size_t>(fragment[i] - '0');
  }
  if (n == 0) return {};
  *base = fragment.substr(0, dash);
  size_t seen = 0;
  for (const auto& [anchor, heading_id] : heading_anchors)
    if (anchor == *base && seen++ == n) return heading_id == *base ? std::pair<std::string, size_t>{} : std::pair{heading_id, n + 1};
  return {};
}

}  // namespace

bool fragment_names_anchor(std::string_view fragment) {
  // `#` alone and `#top` go to the top of the page in every browser.
  if (fragment.empty() || lower_ascii(fragment) == "top") return false;
  // docfx tabbed content: `#tab/<id>` names a tab (a heading that is a link to it opens one),
  // not an element id; the page renders it as a tab and selects it.
  return !fragment.starts_with("tab/");
}

void check_anchor(LinkChecker& checker, const ResolvedLink& link, const fs::path* file) {
  const std::string& fragment = link.target.fragment;
  if (!fragment_names_anchor(fragment)) return;
  const Env& env = checker.env();
  std::shared_ptr<const AnchorSet> target_set;  // keeps a target file's anchors alive
  const AnchorSet* set = nullptr;
  if (file) {
    target_set = env.workspace.anchors(*file);
    set = target_set.get();
  } else {
    // An include's `#frag` points into whichever article includes it.
    if (in_includes_folder(checker.here(), checker.repo().root)) return;
    set = &checker.own_anchors();
  }
  if (!set || set->contains(fragment) || defined_by_include(checker, *set, file ? *file : checker.here(), fragment, 0))
    return;
  LinkOrigin origin = link.origin;
  // The English half links the same way, but the English page has the anchor: the localized page
  // lost it (a heading's id the pipeline did not number), not the source.
  if ((origin == LinkOrigin::SourceHalf || origin == LinkOrigin::Skeleton) &&
      std::binary_search(set->source_ids.begin(), set->source_ids.end(), fragment))
    origin = LinkOrigin::Translation;
  if (origin == LinkOrigin::SourceArticle) {
    // The English article links the same way; the defect is inherited only when the English
    // target lacks the anchor too. A heading translated without keeping its id is the translation's.
    fs::path target = file ? *file : checker.here();
    std::optional<fs::path> english;
    if (env.config.source_root && !target.lexically_relative(absolute_normal(*env.config.source_root)).empty() &&
        *target.lexically_relative(absolute_normal(*env.config.source_root)).begin() != "..")
      english = target;
    else
      english = checker.in_source_tree(target);
    auto english_set = english ? env.workspace.anchors(*english) : nullptr;
    if (english_set &&
        (english_set->contains(fragment) || defined_by_include(checker, *english_set, *english, fragment, 0)))
      origin = LinkOrigin::Translation;
  }
  std::string where =
      file ? fmt::format("'{}'", link.shown.substr(0, link.shown.find('#'))) : std::string("this article");
  std::string hint;
  std::string_view base;
  if (auto [heading, nth] = repeated_anchor_heading(set->heading_anchors, fragment, &base); !heading.empty()) {
    hint = fmt::format("; did you mean '#{}' (the {} heading with anchor '{}': the translation repeats the anchor "
                       "where the English numbers its headings)",
                       excerpt(heading, 80), ordinal_word(nth), excerpt(base, 60));
  } else if (std::string suggestion = closest(set->suggestions, fragment); !suggestion.empty()) {
    hint = fmt::format("; did you mean '#{}'", excerpt(suggestion, 80));
  }
  checker.report(origin, Diagnostic::of(kMissingAnchor, link.at,
                                        fmt::format("no anchor '#{}' in {}{}", excerpt(fragment, 60), where, hint)));
}

// A link within the document, or to a page that exists; a missing page's steps check the anchors
// of the page the fallback serves.
bool check_missing_anchor(LinkChecker& checker, const ResolvedLink& link) {
  const Target& t = link.target;
  if (t.same_document) {
    check_anchor(checker, link, nullptr);
  } else if (link.kind == Kind::Page && t.has_fragment && link.resolution.state != Workspace::PathState::Missing &&
             link.resolution.actual.extension() == ".md") {
    check_anchor(checker, link, &link.resolution.actual);
  }
  return false;
}

}  // namespace loclint::checks::link

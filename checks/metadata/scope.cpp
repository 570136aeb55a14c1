// What the metadata rules share: where the file stands, whether its entries can be trusted, and
// how a key's expected value is named in messages.
#include "metadata.h"

#include <algorithm>
#include <tuple>

#include "common/document_locale.h"
#include "common/source_version.h"
#include "common/options.h"
#include "loclint/source_layout.h"
#include "values.h"

namespace loclint::checks::metadata {

namespace {

// The document's own front matter in the shape the workspace gives other files'.
FrontMatterKeys make_own_keys(const Document& doc) {
  FrontMatterKeys k;
  if (doc.kind() == DocumentKind::YamlMime) {
    std::string_view first = doc.text().substr(doc.content_start());
    first = first.substr(0, first.find('\n'));
    if (size_t colon = first.find(':'); colon != std::string_view::npos) k.yaml_mime = std::string(trim(first.substr(colon + 1)));
  }
  const FrontMatter& fm = doc.front_matter();
  k.parsed = fm.present && !fm.error && fm.is_mapping;
  for (const auto& e : fm.entries) {
    if (k.has(e.key)) continue;
    k.entries.emplace_back(e.key, e.is_scalar ? std::string(trim(e.value)) : std::string());
    if (!empty_value(e)) k.filled.push_back(e.key);
  }
  return k;
}

// The document's own keys, made once per document (Env::shared): the scope and the
// expectations both read them.
const FrontMatterKeys& own_keys(const Document& doc, const Env& env) {
  static const char kTag = 0;
  return env.shared<FrontMatterKeys>(&kTag, [&] { return make_own_keys(doc); });
}

bool contains(const std::vector<std::string>& v, std::string_view s) { return std::find(v.begin(), v.end(), s) != v.end(); }

// Whether the source article on disk is another version than the one translated: its ms.date is
// earlier than the translation's, or the translation carries a key the source does not have at
// all that other articles of the docset carry too (translators and the pipeline add only the
// localization keys; a key name translated by mistake, `titre`, is found in no other article).
bool other_source_version(const FrontMatterKeys& source, const FrontMatterKeys& own, const KeyTally& tally,
                          const Env& env) {
  for (const std::string& key : own.filled) {
    auto others = tally.carried.find(key);  // the count includes this file
    if (localization_key(key) || others == tally.carried.end() || others->second < 2 || tally.share(key) < 0.1) continue;
    bool in_source = false;
    for (const auto& [k, v] : source.entries) in_source = in_source || lower_ascii(k) == lower_ascii(key);
    if (!in_source) return true;
  }
  const std::string* s = source.value("ms.date");
  const std::string* t = own.value("ms.date");
  if (!s || !t) return false;
  return dated_before(*s, *t, env.config);
}

}  // namespace

bool localization_key(std::string_view key) {
  static const std::vector<std::string> keys = split(kLocalizationKeys);
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

std::shared_ptr<const FrontMatterKeys> source_front_matter(const Document& doc, const Env& env) {
  if (!env.config.source_root) return nullptr;
  auto place = env.workspace.place_of(doc.path());
  auto source = source_place(place->file, env.config, place->repo->root);
  if (!source || source->path == place->file) return nullptr;  // a source file placed on itself
  auto keys = env.workspace.front_matter_keys(source->path);
  return keys && keys->parsed ? keys : nullptr;
}

namespace {

Expectations make_expectations(const Document& doc, const Env& env) {
  Expectations x;
  const Scope& s = scope_of(doc, env);
  x.generated = s.generated;
  // Outside every docset nothing is published: no key matters (the pipeline translated a
  // repository's README, or an archived folder, all the same).
  if (!s.article && !s.translated) return x;
  if (!s.in_docset && !env.workspace.place_of(doc.path())->repo->docsets.empty()) return x;
  auto place = env.workspace.place_of(doc.path());
  auto census = env.workspace.key_census(place->file);
  const FrontMatterKeys& own = own_keys(doc, env);
  // A YamlMime file is held to what the files of its type carry (the pipeline stamps some types
  // and not others), when there are enough of them to show a convention; a Markdown file, and a
  // type seen in fewer than three files, to what the Markdown articles carry.
  const KeyTally& of_type = census->of(own.yaml_mime);
  const KeyTally& tally = of_type.files >= 3 ? of_type : census->articles;
  // The localization keys, where this tree's pipeline writes them.
  std::vector<std::string> loc =
      s.article ? split(kLocalizationKeys) : list_option(env.config, kMissingKey, "required-outside-docset");
  for (const std::string& key : loc)
    if (!key.empty() && tally.share(key) > 0.5) x.required.push_back(key);
  for (const std::string& key : list_option(env.config, kMissingKey, "required"))
    if (!key.empty() && !contains(x.required, key)) x.required.push_back(key);
  // Generated pages and files that are not articles are held to nothing more: what their
  // generator or their includer writes is no article's convention.
  if (s.generated || !s.article) return x;
  if (s.translated) return x;  // an sxs file's front matter is its source's: nothing to lose
  // What docfx.json supplies is on the page whatever the front matter says. A localized tree
  // without a docfx.json of its own is built with its source repository's (the publish config's
  // fallback to the source language): the source article's docfx.json supplies the keys then.
  auto docfx = env.workspace.docfx_metadata(place->file);
  auto supplied = docfx->keys_for(place->file);
  if (docfx->folder.empty() && env.config.source_root)
    if (auto source = source_place(place->file, env.config, place->repo->root); source && source->path != place->file)
      supplied = env.workspace.docfx_metadata(source->path)->keys_for(source->path);
  x.source = source_front_matter(doc, env);
  if (x.source && other_source_version(*x.source, own, tally, env)) {
    // A source tree older than the translation (a snapshot against a live branch) lacks what
    // the source gained since and has what it dropped since: it says nothing about this file.
    x.stale_source = true;
    x.source = nullptr;
    return x;
  }
  if (x.source) {
    // A key that hardly any article of the docset carries was dropped from the tree as a whole
    // (by the source's authors since, or by the pipeline), not lost by this translation.
    for (const std::string& key : x.source->filled)
      if (!localization_key(key) && !contains(x.required, key) && !contains(supplied, key) && tally.share(key) > 0.5)
        x.required.push_back(key);
    return x;
  }
  // No source to compare with: what most articles carry is only a convention here, and only a
  // translated tree (the pipeline's keys, or a locale other than English) can have lost it.
  if (census->articles.share("ms.contentlocale") <= 0.5 && !in_translated_tree(doc, env)) return x;
  const double share = static_cast<double>(count_option(env.config, kMissingKey, "convention")) / 100.0;
  for (const auto& [key, n] : tally.carried)
    if (!localization_key(key) && tally.share(key) >= share && !own.has_value(key) && !contains(supplied, key) &&
        !contains(x.required, key))
      x.unverified.push_back(key);
  return x;
}

}  // namespace

const Expectations& expectations(const Document& doc, const Env& env) {
  static const char kTag = 0;
  return env.shared<Expectations>(&kTag, [&] { return make_expectations(doc, env); });
}

const std::vector<std::string>& required_keys(const Document& doc, const Env& env) { return expectations(doc, env).required; }

namespace {

Scope make_scope(const Document& doc, const Env& env) {
  Scope s;
  s.translated = !doc.segments().empty();
  fs::path path(doc.path());
  auto place = env.workspace.place_of(doc.path());
  const RepoInfo* repo = place->repo.get();
  if (lower_ascii(path.filename().string()) == "toc.md") s.page_name = false;
  if (in_includes_folder(place->file, repo->root)) s.page_name = false;
  s.in_docset = place->docset != nullptr;
  s.generated = Workspace::generated_page(own_keys(doc, env));
  // Without a publishing configuration nothing says the file is not an article.
  s.article = s.page_name && (s.in_docset || repo->docsets.empty());
  return s;
}

}  // namespace

const Scope& scope_of(const Document& doc, const Env& env) {
  static const char kTag = 0;
  return env.shared<Scope>(&kTag, [&] { return make_scope(doc, env); });
}

bool trusted(const Document& doc) {
  const FrontMatter& fm = doc.front_matter();
  return fm.present && !fm.error && fm.is_mapping && !fm.lost_quote;
}

Span first_line(const Document& doc) {
  const FrontMatter& fm = doc.front_matter();
  const LineIndex& lines = doc.lines();
  if (doc.kind() == DocumentKind::YamlMime) {
    for (uint32_t l = lines.line_of(fm.span.begin); l >= 1; --l) {
      Span s = lines.line_span(l);
      if (doc.slice(s).substr(0, 9) == "metadata:") return {s.begin, s.begin + 8};
    }
    return {fm.span.begin, fm.span.begin};
  }
  Span s = lines.line_span(lines.line_of(fm.span.begin));
  return {fm.span.begin, std::max(fm.span.begin, s.end)};
}

std::string expected_form(std::string_view key, const Env& env) {
  if (key == "title") return "the article's title";
  if (key == "description") return "a summary of the article";
  if (key == "ms.date" || key == "ms.lasthandoff")
    return "a date as " + text_option(env.config, kInvalidDate, "format");
  if (key == "ms.topic") return "a topic type such as how-to";
  if (key == "author") return "the author's GitHub account";
  if (key == "ms.author") return "the author's Microsoft alias";
  if (key == "ms.contentlocale") return "a locale such as fr-FR";
  if (key == "ms.translationtype") return "MT or HT";
  if (key == "ms.locfileid") return "a string of digits";
  if (key == "ms.openlocfilehash" || key == "ms.sourcegitcommit") return "40 or 64 lowercase hex digits";
  return "a value";
}

bool empty_value(const FrontMatterEntry& e) { return e.is_null || (e.is_scalar && is_blank(e.value)); }

}  // namespace loclint::checks::metadata

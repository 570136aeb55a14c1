// checks/metadata: the front matter a localized article must keep.
//
// The publishing pipeline and search read an article's front matter (or the `metadata:` mapping
// of a YamlMime file); the localization pipeline reads the ms.* localization keys. The rules
// check that the block parses, that every required key is there once with a value, and that the
// values the pipelines parse have the form they expect. Each rule is in its own file, named after
// it; what they share is below (scope.cpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "loclint/check.h"

namespace loclint::checks::metadata {

// A sibling article for the rules' examples: what is required is learnt from the articles
// around a file, so an example that needs a convention comes with two siblings that show it.
inline constexpr std::string_view kSiblingArticle =
    "---\ntitle: Article voisin\nms.topic: how-to\nauthor: author\nms.author: alias\nms.contentlocale: fr-FR\n"
    "ms.translationtype: MT\nms.locfileid: \"94381408\"\nms.lasthandoff: 11/09/2020\n"
    "ms.openlocfilehash: 6bf3e3af8e0d1d87a63f86e892d8bddcd74b6460\n"
    "ms.sourcegitcommit: 0e142b4fbb044fe8dd2dbc7d13ab70a1a91b9f60\n---\n\n# Article voisin\n";

// ---- the rules: constant and check, each in <rule-name>.cpp -------------------------------
extern const Rule kSyntax;
void check_syntax(const Document& doc, const Env& env, Reporter& out);
extern const Rule kMissingFrontMatter;
void check_missing_front_matter(const Document& doc, const Env& env, Reporter& out);
extern const Rule kDuplicateKey;
void check_duplicate_key(const Document& doc, const Env& env, Reporter& out);
extern const Rule kMissingKey;
void check_missing_key(const Document& doc, const Env& env, Reporter& out);
extern const Rule kEmptyValue;
void check_empty_value(const Document& doc, const Env& env, Reporter& out);
extern const Rule kInvalidDate;
void check_invalid_date(const Document& doc, const Env& env, Reporter& out);
extern const Rule kInvalidHash;
void check_invalid_hash(const Document& doc, const Env& env, Reporter& out);
extern const Rule kInvalidLocfileid;
void check_invalid_locfileid(const Document& doc, const Env& env, Reporter& out);
extern const Rule kInvalidTranslationtype;
void check_invalid_translationtype(const Document& doc, const Env& env, Reporter& out);
extern const Rule kLocaleMismatch;
void check_locale_mismatch(const Document& doc, const Env& env, Reporter& out);
extern const Rule kDescriptionLength;
void check_description_length(const Document& doc, const Env& env, Reporter& out);
// new-rule: declarations above this line (ci/new-rule)

// ---- what the rules share (scope.cpp) -----------------------------------------------------

// Where the file stands with respect to publishing, which decides what it must carry.
struct Scope {
  bool article = true;      // a page of its own: in a docset, or anywhere when no docset is known
  bool translated = false;  // has side-by-side segments: the localization pipeline produced it
  bool page_name = true;    // not a TOC.md and not under an includes folder
  bool in_docset = false;
  bool generated = false;   // a reference page written by a generator (Workspace::generated_page)
};
// Made once per document (Env::shared).
const Scope& scope_of(const Document& doc, const Env& env);

// Whether the rules may trust the entries: the block parsed as a mapping, as the translator
// meant it (no lost quote swallowed keys).
bool trusted(const Document& doc);

// Where a diagnostic about the block as a whole points: the opening `---` of an article, the
// `metadata:` line of a YamlMime file.
Span first_line(const Document& doc);

// What a required key should hold, for messages ("a date as MM/DD/YYYY").
std::string expected_form(std::string_view key, const Env& env);

// The six keys the localization pipeline writes into every file it hands back, comma-separated:
// the one list behind localization_key(), the keys an article is held to where the tree's
// pipeline writes them, and the default of missing-key's `required-outside-docset`.
inline constexpr std::string_view kLocalizationKeys =
    "ms.contentlocale,ms.translationtype,ms.locfileid,ms.lasthandoff,ms.openlocfilehash,ms.sourcegitcommit";
bool localization_key(std::string_view key);

// What this file's front matter is held to, learnt from the repository (scope.cpp):
// - the localization keys, where the tree's pipeline writes them (the majority of the articles
//   of the docset carry them; Workspace::key_census);
// - the keys the source article carries: an sxs file's own front matter is the source's plus the
//   localization keys, so it has nothing more to lose; otherwise the English file at its place
//   in the --source-root tree (source_layout.h), when it can be read;
// - the keys of metadata/missing-key's option `required`.
// A source article whose ms.date is earlier than the translation's is a stale reference and is
// not compared (`stale_source`). A key the large majority of the docset's articles carry, that
// this translation lacks, and that no source article says it lost, is `unverified`: counted in
// a run note, never reported.
// Generated reference pages are held to the localization keys only.
struct Expectations {
  std::vector<std::string> required;    // must be present with a value
  std::vector<std::string> unverified;  // see above
  std::shared_ptr<const FrontMatterKeys> source;  // the English file's front matter, when read
  bool generated = false;                         // Workspace::generated_page
  bool stale_source = false;  // the source article is older than the translation (ms.date): not compared
};
// Made once per document (Env::shared): missing-key and empty-value both ask.
const Expectations& expectations(const Document& doc, const Env& env);

// The keys required of this file: expectations(doc, env).required.
const std::vector<std::string>& required_keys(const Document& doc, const Env& env);

// The front matter of the document's source file (source_layout.h), when a source root is given
// and the file there has a front matter that parses.
std::shared_ptr<const FrontMatterKeys> source_front_matter(const Document& doc, const Env& env);

// `key:`, `key: ~` or a blank value.
bool empty_value(const FrontMatterEntry& e);

// Calls `f` on every present, non-empty scalar entry with this key (duplicates included); a
// list or a mapping where one value is expected is reported to `rule` here.
template <typename F>
void for_each_value(const Document& doc, const Env& env, std::string_view key, const Rule& rule, Reporter& out, F&& f) {
  for (const auto& e : doc.front_matter().entries) {
    if (e.key != key || e.is_null) continue;
    if (e.is_scalar) {
      if (!empty_value(e)) f(e);
      continue;
    }
    out.report(rule, e.key_span,
               fmt::format("'{}' holds a list or a mapping, expected one value: {}", key, expected_form(key, env)));
  }
}

// Reports each value of `key` that `valid` rejects: "'KEY' is 'VALUE', expected EXPECTED".
template <typename Valid>
void check_values(const Document& doc, const Env& env, Reporter& out, const Rule& rule, std::string_view key,
                  std::string_view expected, Valid&& valid) {
  if (!trusted(doc)) return;
  for_each_value(doc, env, key, rule, out, [&](const FrontMatterEntry& e) {
    std::string_view v = trim(e.value);
    if (!valid(v)) out.report(rule, e.value_span, fmt::format("'{}' is '{}', expected {}", key, excerpt(v, 60), expected));
  });
}

}  // namespace loclint::checks::metadata

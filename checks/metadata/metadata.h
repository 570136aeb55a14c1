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
};
Scope scope_of(const Document& doc, const Env& env);

// Whether the rules may trust the entries: the block parsed as a mapping, as the translator
// meant it (no lost quote swallowed keys).
bool trusted(const Document& doc);

// Where a diagnostic about the block as a whole points: the opening `---` of an article, the
// `metadata:` line of a YamlMime file.
Span first_line(const Document& doc);

// What a required key should hold, for messages ("a date as MM/DD/YYYY").
std::string expected_form(std::string_view key, const Env& env);

// The keys required of this file (metadata/missing-key's options, by scope).
std::vector<std::string> required_keys(const Document& doc, const Env& env);

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

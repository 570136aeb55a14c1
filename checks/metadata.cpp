// checks/metadata: the front matter a localized article must keep.
//
// The publishing pipeline and search read an article's front matter (or the `metadata:` mapping
// of a YamlMime file); the localization pipeline reads the ms.* localization keys. These rules
// check that the block parses, that every required key is there once with a value, and that the
// values the pipelines parse have the form they expect.
#include <fmt/format.h>
#include <unicode/uloc.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "metadata_values.h"
#include "registry.h"

namespace loclint::checks {

namespace {

// ---- rules ---------------------------------------------------------------------------------

const Rule kSyntax{"metadata/syntax", Severity::Error,
                   "front matter that is not valid YAML, not a mapping, or never closed",
                   "The block between the two `---` lines at the top of the article must be a YAML mapping of keys "
                   "to values. When the YAML does not parse (a stray quote, a tab, a colon inside an unquoted "
                   "value), or the closing `---` is missing, the publishing pipeline drops every key: the page "
                   "loses its title, description and localization metadata. A quoted value whose closing quote "
                   "was lost swallows the keys below it, so it is reported too. Fix the YAML at the line shown.",
                   "---\ntitle: \"Résoudre les problèmes\ndescription: ...\n---"};

const Rule kMissingFrontMatter{
    "metadata/missing-front-matter",
    Severity::Error,
    "an article without a front-matter block",
    "Every published article starts with a `---` block of metadata (a YamlMime file with a "
    "`metadata:` mapping): without it the page has no title, no description and no localization "
    "metadata, and the localization pipeline cannot match it to its source. Restore the block from "
    "the source article. A file with no translated segments outside every docset (a repository "
    "README) is not an article and is not reported unless the option `all-files` is `true`; "
    "`TOC.md` files and files under an `includes` folder are never pages of their own.",
    "# Titre\n\nUn article sans bloc de métadonnées.",
    {"all-files"}};

const Rule kDuplicateKey{"metadata/duplicate-key", Severity::Error, "the same front-matter key written twice",
                         "A key appears twice in the front matter. YAML forbids it and the publishing pipeline keeps "
                         "only one of the two values, so which title or date the page shows is a matter of chance. "
                         "Keep the one that matches the source article and delete the other.",
                         "---\ntitle: Titre\ntitle: Autre titre\n---"};

const Rule kMissingKey{"metadata/missing-key",
                       Severity::Error,
                       "a required front-matter key is absent",
                       "The publishing pipeline, search and the localization pipeline read these keys from every "
                       "article; a missing one is usually a line deleted or a key name translated by mistake (keys "
                       "are never translated). Copy the key from the source article. The option `required` sets the "
                       "keys required of an article (in a docset, or anywhere when no publishing configuration is "
                       "found); `required-outside-docset` sets those required of a translated file that is not part "
                       "of any docset (a repository README, an include file).",
                       "---\ntitre: Titre de l'article\n---",
                       {"required", "required-outside-docset"}};

const Rule kEmptyValue{"metadata/empty-value", Severity::Error, "a required front-matter key has an empty value",
                       "The key is there but its value is empty or null (`key:`, `key: \"\"`, `key: ~`), which the "
                       "pipelines treat as if the key were missing. Copy the value from the source article, "
                       "translating it when it is text (title, description).",
                       "---\ndescription:\n---"};

const Rule kInvalidDate{
    "metadata/invalid-date",
    Severity::Error,
    "a front-matter date that is not a real date in the expected form",
    "`ms.date` and `ms.lasthandoff` are parsed as dates in the form `MM/DD/YYYY` (month first; "
    "`M/D/YYYY` is accepted too), whatever the language of the article: a date rewritten in the "
    "local order (`18/08/2020`), with other separators, or that does not exist (`02/30/2021`) "
    "breaks sorting and freshness reports. Write the date as in the source article. The options "
    "`format` (e.g. `DD.MM.YYYY`, `YYYY-MM-DD`) and `keys` change the expected form and the keys read.",
    "---\nms.date: 18/08/2020\n---",
    {"format", "keys"}};

const Rule kInvalidHash{
    "metadata/invalid-hash", Severity::Error, "a localization hash that is not 40 lowercase hex digits",
    "`ms.openlocfilehash` and `ms.sourcegitcommit` are written by the localization pipeline: a git "
    "object id of 40 lowercase hexadecimal digits, which the pipeline compares with the source "
    "repository to know whether the translation is out of date. A truncated, retyped or upper-cased "
    "value makes the file look stale or unknown. Restore the value from the last handoff.",
    "---\nms.sourcegitcommit: 0E142B4FBB044FE8DD2DBC7D13AB70A1A91B9F6\n---"};

const Rule kInvalidLocfileid{
    "metadata/invalid-locfileid", Severity::Error, "an ms.locfileid that is not a string of digits",
    "`ms.locfileid` identifies the file in the localization system; it is a number written as a "
    "string of digits (`ms.locfileid: \"94381407\"`). Anything else (letters, a translated word, "
    "spaces) breaks the link between the file and its translation memory. Restore it from the "
    "last handoff.",
    "---\nms.locfileid: 9438-1407\n---"};

const Rule kInvalidTranslationtype{
    "metadata/invalid-translationtype", Severity::Error, "an ms.translationtype other than MT or HT",
    "`ms.translationtype` tells readers and the pipeline how the article was translated: `MT` "
    "(machine translation) or `HT` (human translation), in capitals. Any other value (translated, "
    "lower case, misspelled) is ignored and the page loses its translation notice.",
    "---\nms.translationtype: TA\n---"};

const Rule kLocaleMismatch{
    "metadata/locale-mismatch", Severity::Error, "ms.contentlocale is not a valid locale or not the locale of the tree",
    "`ms.contentlocale` must be a BCP 47 locale (`fr-FR`) and the locale of the tree the file sits "
    "in; a file copied from another language's repository, or a mistyped locale, is served to the "
    "wrong readers. The expected locale comes from `--locale` or the configuration file, else from "
    "the docset of `.openpublishing.publish.config.json` (or the `docfx.json`) that contains the "
    "file, else from a folder name ending in a locale (`partner-center-pr.fr-fr`). Letter case does "
    "not matter.",
    "---\nms.contentlocale: de-DE\n---"};

const Rule kDescriptionLength{
    "metadata/description-length",
    Severity::Warning,
    "a description shorter than 75 or longer than 300 characters",
    "Search engines show the description of a published page under its title: shorter than 75 "
    "characters it says too little, longer than 300 it is cut (files outside every docset are not "
    "published and not checked). Characters are counted, not bytes, so accented and "
    "Japanese text is not penalized. A translation much shorter or longer than its source usually "
    "lost or repeated a sentence. The options `min` and `max` change the bounds.",
    "---\ndescription: Trop courte.\n---",
    {"min", "max"}};

// ---- helpers -------------------------------------------------------------------------------

constexpr std::string_view kDefaultRequired[] = {"title",
                                                 "description",
                                                 "ms.date",
                                                 "ms.topic",
                                                 "author",
                                                 "ms.author",
                                                 "ms.contentlocale",
                                                 "ms.translationtype",
                                                 "ms.locfileid",
                                                 "ms.lasthandoff",
                                                 "ms.openlocfilehash",
                                                 "ms.sourcegitcommit"};
// What the localization pipeline adds to every file it hands back, article or not.
constexpr std::string_view kLocalizationKeys[] = {"ms.contentlocale", "ms.translationtype", "ms.locfileid",
                                                  "ms.lasthandoff",   "ms.openlocfilehash", "ms.sourcegitcommit"};

template <size_t N>
std::vector<std::string> to_strings(const std::string_view (&items)[N]) {
  return std::vector<std::string>(std::begin(items), std::end(items));
}


// Quoted text in messages stays short: cut at a code point boundary and mark the cut.
std::string shorten(std::string_view text, size_t max_chars = 60) {
  size_t i = 0, chars = 0;
  while (i < text.size() && chars < max_chars) {
    utf8::next(text, i);
    ++chars;
  }
  if (i >= text.size()) return std::string(text);
  return std::string(text.substr(0, i)) + "…";
}

// Front matter that parsed as a mapping (see trusted() for the lost-quote case).
bool usable(const FrontMatter& fm) { return fm.present && !fm.error && fm.is_mapping; }

// What a required key should hold, for messages.
std::string expected_form(std::string_view key, const Env& env) {
  if (key == "title") return "the article's title";
  if (key == "description") return "a summary of the article";
  if (key == "ms.date" || key == "ms.lasthandoff") {
    auto f = env.config.option(kInvalidDate.id, "format", {"MM/DD/YYYY"});
    return "a date as " + (f.empty() ? std::string("MM/DD/YYYY") : f.front());
  }
  if (key == "ms.topic") return "a topic type such as how-to";
  if (key == "author") return "the author's GitHub account";
  if (key == "ms.author") return "the author's Microsoft alias";
  if (key == "ms.contentlocale") return "a locale such as fr-FR";
  if (key == "ms.translationtype") return "MT or HT";
  if (key == "ms.locfileid") return "a string of digits";
  if (key == "ms.openlocfilehash" || key == "ms.sourcegitcommit") return "40 lowercase hex digits";
  return "a value";
}

// Where a diagnostic about the block as a whole points: the opening `---` of an article, the
// `metadata:` line of a YamlMime file.
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

// Where the file stands with respect to publishing, which decides what it must carry.
struct Scope {
  bool article = true;      // a page of its own: in a docset, or anywhere when no docset is known
  bool translated = false;  // has side-by-side segments: the localization pipeline produced it
  bool page_name = true;    // not a TOC.md and not under an includes folder
  bool in_docset = false;
};

Scope scope_of(const Document& doc, const Env& env) {
  Scope s;
  s.translated = !doc.segments().empty();
  fs::path path(doc.path());
  auto place = env.workspace.place_of(doc.path());
  const RepoInfo* repo = place->repo.get();
  if (lower_ascii(path.filename().string()) == "toc.md") s.page_name = false;
  // Only folders inside the repository count: a checkout under some ".../includes/" is not one.
  fs::path inside = repo->root.empty() ? path : place->file.lexically_relative(repo->root);
  for (const auto& part : inside.parent_path())
    if (lower_ascii(part.string()) == "includes") s.page_name = false;
  s.in_docset = place->docset != nullptr;
  // Without a publishing configuration nothing says the file is not an article.
  s.article = s.page_name && (s.in_docset || repo->docsets.empty());
  return s;
}

// ---- metadata/syntax -----------------------------------------------------------------------

bool key_like(std::string_view line) {
  size_t i = 0;
  if (i >= line.size() || !(std::isalpha(static_cast<unsigned char>(line[i])) || line[i] == '_')) return false;
  while (i < line.size() &&
         (std::isalnum(static_cast<unsigned char>(line[i])) || line[i] == '_' || line[i] == '.' || line[i] == '-'))
    ++i;
  return i < line.size() && line[i] == ':' && (i + 1 == line.size() || line[i + 1] == ' ' || line[i + 1] == '\t');
}

// yaml-cpp lets a quoted scalar run until the end of the block when its closing quote is
// missing, silently turning the keys below it into text; or, when a later value opens a quote,
// it fails far below the real mistake ("end of map not found"). A legitimate multi-line quoted
// value has its continuation lines indented, so a continuation line that starts like a key at
// the key's own indentation is taken as the sign of a lost quote.
struct QuotedValue {
  std::string key;
  uint32_t key_begin = 0;
  uint32_t quote = 0;  // offset of the opening quote
};

struct LostQuote {
  std::string key;
  uint32_t quote = 0;
  bool closed = false;
  std::string next_key;  // the first key-like line inside the value
  uint32_t next_line = 0;
};

// The quoted values of the block: from the parsed entries, or, when YAML failed, from the
// top-level lines of an article's front matter.
std::vector<QuotedValue> quoted_values(const Document& doc) {
  const FrontMatter& fm = doc.front_matter();
  std::string_view text = doc.text();
  std::vector<QuotedValue> out;
  if (!fm.error) {
    for (const FrontMatterEntry& e : fm.entries)
      if (e.is_scalar && !e.is_null && !e.value_span.empty() &&
          (text[e.value_span.begin] == '"' || text[e.value_span.begin] == '\''))
        out.push_back({e.key, e.key_span.begin, e.value_span.begin});
    return out;
  }
  if (doc.kind() != DocumentKind::Markdown || !fm.terminated) return out;
  const LineIndex& lines = doc.lines();
  for (uint32_t l = lines.line_of(fm.body.begin); l <= lines.line_count(); ++l) {
    Span ls = lines.line_span(l);
    if (ls.begin >= fm.body.end) break;
    std::string_view line = doc.slice(ls);
    if (!key_like(line)) continue;
    size_t colon = line.find(':');
    size_t v = line.find_first_not_of(" \t", colon + 1);
    if (v != std::string_view::npos && (line[v] == '"' || line[v] == '\''))
      out.push_back({std::string(line.substr(0, colon)), ls.begin, ls.begin + static_cast<uint32_t>(v)});
  }
  return out;
}

std::optional<LostQuote> find_lost_quote(const Document& doc) {
  const FrontMatter& fm = doc.front_matter();
  if (!fm.present || !fm.is_mapping) return std::nullopt;
  std::string_view text = doc.text();
  const LineIndex& lines = doc.lines();
  const uint32_t end = doc.kind() == DocumentKind::YamlMime ? static_cast<uint32_t>(text.size()) : fm.body.end;
  for (const QuotedValue& qv : quoted_values(doc)) {
    const uint32_t q = qv.quote;
    const char quote = text[q];
    uint32_t close = 0;
    for (uint32_t i = q + 1; i < end; ++i) {
      if (quote == '"' && text[i] == '\\') {
        ++i;
        continue;
      }
      if (text[i] != quote) continue;
      if (quote == '\'' && i + 1 < end && text[i + 1] == '\'') {
        ++i;
        continue;
      }
      close = i;
      break;
    }
    const uint32_t first = lines.line_of(q);
    if (close != 0 && lines.line_of(close) == first) continue;
    const uint32_t last = close != 0 ? lines.line_of(close) : lines.line_of(end > 0 ? end - 1 : 0);
    const uint32_t indent = doc.position(qv.key_begin, ColumnUnit::Byte).column - 1;
    LostQuote s{qv.key, q, close != 0, {}, 0};
    for (uint32_t l = first + 1; l <= last && l <= lines.line_count(); ++l) {
      std::string_view line = doc.slice(lines.line_span(l));
      size_t lead = line.find_first_not_of(' ');
      if (lead == std::string_view::npos || lead > indent || !key_like(line.substr(lead))) continue;
      s.next_key = std::string(line.substr(lead, line.find(':', lead) - lead));
      s.next_line = l;
      break;
    }
    // Never closed: yaml-cpp took the rest of the block as the value. Closed on a later line
    // with a key in between: the quote that closed it opened another value.
    if (!s.closed || s.next_line != 0) return s;
  }
  return std::nullopt;
}

// French and many other languages put apostrophes and quotation marks in titles: inside a
// quoted YAML value they end it early. When the YAML error sits on such a line, say how to
// write the inner quote.
std::string inner_quote_hint(const Document& doc, uint32_t error_offset) {
  std::string_view line = doc.slice(doc.lines().line_span(doc.lines().line_of(error_offset)));
  size_t lead = line.find_first_not_of(' ');
  if (lead == std::string_view::npos || !key_like(line.substr(lead))) return {};
  size_t v = line.find_first_not_of(" \t", line.find(':', lead) + 1);
  if (v == std::string_view::npos || (line[v] != '"' && line[v] != '\'')) return {};
  const char q = line[v];
  for (size_t i = v + 1; i < line.size(); ++i) {
    if (q == '"' && line[i] == '\\') {
      ++i;
      continue;
    }
    if (line[i] != q) continue;
    if (q == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
      ++i;
      continue;
    }
    size_t next = line.find_first_not_of(" \t", i + 1);
    if (next == std::string_view::npos || line[next] == '#') return {};
    return q == '\'' ? "; an apostrophe inside a single-quoted value must be doubled ('') or the value double-quoted"
                     : "; a double quote inside a double-quoted value must be written \\\" or the value single-quoted";
  }
  return {};
}

void check_syntax(const Document& doc, const Env&, Reporter& out) {
  const FrontMatter& fm = doc.front_matter();
  if (!fm.present) return;
  if (!fm.is_mapping) {
    uint32_t at = fm.error ? fm.error->offset : fm.span.begin;
    out.report(kSyntax, {at, at}, "front matter is not a mapping of keys to values");
    return;
  }
  if (auto s = find_lost_quote(doc)) {
    const char* which = doc.text()[s->quote] == '"' ? "double" : "single";
    std::string msg =
        s->next_line != 0
            ? fmt::format(
                  "the {} quote opening the value of '{}' is not closed on its line: the value swallows "
                  "'{}:' on line {}; close the quote",
                  which, s->key, s->next_key, s->next_line)
            : fmt::format(
                  "the {} quote opening the value of '{}' is never closed: the value runs to the end of the "
                  "front matter; close the quote",
                  which, s->key);
    if (fm.error)
      msg += fmt::format(" (the YAML parser stops on line {}: {})", doc.lines().line_of(fm.error->offset),
                         fm.error->message);
    out.report(kSyntax, {s->quote, s->quote + 1}, msg);
    return;
  }
  if (fm.error) {
    uint32_t at = fm.error->offset;
    std::string msg =
        fm.terminated ? fmt::format("front matter is not valid YAML: {}", fm.error->message) : fm.error->message;
    if (fm.terminated) msg += inner_quote_hint(doc, at);
    out.report(kSyntax, {at, at}, msg);
  }
}

// The other rules trust the entries only when the block parsed as the translator meant it.
bool trusted(const Document& doc) { return usable(doc.front_matter()) && !find_lost_quote(doc); }

// ---- metadata/missing-front-matter ---------------------------------------------------------

void check_missing_front_matter(const Document& doc, const Env& env, Reporter& out) {
  if (doc.front_matter().present) return;
  Scope s = scope_of(doc, env);
  if (!s.page_name) return;
  auto all = env.config.option(kMissingFrontMatter.id, "all-files", {"false"});
  bool all_files = !all.empty() && (all.front() == "true" || all.front() == "yes" || all.front() == "1");
  if (!s.in_docset && !s.translated && !all_files) return;
  uint32_t at = doc.content_start();
  Span line = doc.lines().line_span(doc.lines().line_of(at));
  if (doc.kind() == DocumentKind::YamlMime)
    out.report(kMissingFrontMatter, {at, std::max(at, line.end)},
               "YamlMime file without a 'metadata:' mapping: add one with the keys of the source file");
  else
    out.report(kMissingFrontMatter, {at, std::max(at, line.end)},
               "article without front matter: start it with a '---' block holding the keys of the source article");
}

// ---- keys: duplicate, missing, empty -------------------------------------------------------

void check_duplicate_key(const Document& doc, const Env&, Reporter& out) {
  if (!trusted(doc)) return;
  const auto& entries = doc.front_matter().entries;
  for (size_t i = 0; i < entries.size(); ++i) {
    if (entries[i].key.empty()) continue;
    for (size_t j = 0; j < i; ++j)
      if (entries[j].key == entries[i].key) {
        out.report(kDuplicateKey, entries[i].key_span,
                   fmt::format("duplicate key '{}' (first on line {}): keep one", shorten(entries[i].key),
                               doc.lines().line_of(entries[j].key_span.begin)));
        break;
      }
  }
}

std::vector<std::string> required_keys(const Document& doc, const Env& env) {
  Scope s = scope_of(doc, env);
  if (s.article) return env.config.option(kMissingKey.id, "required", to_strings(kDefaultRequired));
  if (!s.translated) return {};
  return env.config.option(kMissingKey.id, "required-outside-docset", to_strings(kLocalizationKeys));
}

void check_missing_key(const Document& doc, const Env& env, Reporter& out) {
  if (!trusted(doc)) return;
  const FrontMatter& fm = doc.front_matter();
  for (const std::string& key : required_keys(doc, env)) {
    if (key.empty() || fm.find(key)) continue;
    // A key whose letter case changed is still missing for the pipeline; say so.
    std::string hint;
    for (const auto& e : fm.entries)
      if (lower_ascii(e.key) == lower_ascii(key)) {
        hint = fmt::format("; '{}' on line {} differs in letter case", shorten(e.key),
                           doc.lines().line_of(e.key_span.begin));
        break;
      }
    out.report(kMissingKey, first_line(doc),
               fmt::format("missing required key '{}' ({}){}", key, expected_form(key, env), hint));
  }
}

bool empty_value(const FrontMatterEntry& e) { return e.is_null || (e.is_scalar && is_blank(e.value)); }

void check_empty_value(const Document& doc, const Env& env, Reporter& out) {
  if (!trusted(doc)) return;
  const FrontMatter& fm = doc.front_matter();
  for (const std::string& key : required_keys(doc, env))
    for (const auto& e : fm.entries)
      if (e.key == key && empty_value(e))
        out.report(kEmptyValue, e.key_span,
                   fmt::format("required key '{}' has an empty value: expected {}", key, expected_form(key, env)));
}

// ---- values --------------------------------------------------------------------------------

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

}  // namespace

// MM and DD take one or two digits because M/D/YYYY is the same form without leading zeros.
std::optional<Date> parse_date(std::string_view value, std::string_view format) {
  Date d;
  size_t v = 0;
  auto digits = [&](size_t min, size_t max, int& out) {
    size_t n = 0;
    out = 0;
    while (v < value.size() && n < max && std::isdigit(static_cast<unsigned char>(value[v]))) {
      out = out * 10 + (value[v++] - '0');
      ++n;
    }
    return n >= min;
  };
  for (size_t f = 0; f < format.size();) {
    std::string_view rest = format.substr(f);
    if (rest.starts_with("YYYY")) {
      if (!digits(4, 4, d.year)) return std::nullopt;
      f += 4;
    } else if (rest.starts_with("MM") || rest.starts_with("DD")) {
      if (!digits(1, 2, rest[0] == 'M' ? d.month : d.day)) return std::nullopt;
      f += 2;
    } else if (rest[0] == 'M' || rest[0] == 'D') {
      if (!digits(1, 2, rest[0] == 'M' ? d.month : d.day)) return std::nullopt;
      f += 1;
    } else {
      if (v >= value.size() || value[v] != format[f]) return std::nullopt;
      ++v;
      ++f;
    }
  }
  if (v != value.size()) return std::nullopt;
  return d;
}

namespace {

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

constexpr std::string_view kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                            "July",    "August",   "September", "October", "November", "December"};

}  // namespace

std::string calendar_problem(const Date& d) {
  if (d.month < 1 || d.month > 12) return fmt::format("there is no month {}", d.month);
  if (d.day < 1) return fmt::format("there is no day {}", d.day);
  int days = days_in_month(d.year, d.month);
  if (d.day > days) return fmt::format("{} {} has {} days", kMonthNames[d.month - 1], d.year, days);
  return {};
}

namespace {

bool valid_date(const Date& d) { return calendar_problem(d).empty(); }

void check_invalid_date(const Document& doc, const Env& env, Reporter& out) {
  if (!trusted(doc)) return;
  auto formats = env.config.option(kInvalidDate.id, "format", {"MM/DD/YYYY"});
  std::string format = formats.empty() ? "" : formats.front();
  // A format without its three fields would reject every date: keep the default instead.
  if (format.find("YYYY") == std::string::npos || format.find('M') == std::string::npos ||
      format.find('D') == std::string::npos)
    format = "MM/DD/YYYY";
  for (const std::string& key : env.config.option(kInvalidDate.id, "keys", {"ms.date", "ms.lasthandoff"})) {
    for_each_value(doc, env, key, kInvalidDate, out, [&](const FrontMatterEntry& e) {
      std::string_view value = trim(e.value);
      auto d = parse_date(value, format);
      if (!d) {
        out.report(kInvalidDate, e.value_span,
                   fmt::format("'{}' is '{}', expected a date as {}", key, shorten(value), format));
        return;
      }
      std::string problem = calendar_problem(*d);
      if (problem.empty()) return;
      // A date rewritten day first is the usual slip of a translator.
      std::string hint;
      Date swapped{d->year, d->day, d->month};
      if (valid_date(swapped)) hint = "; was it written day first?";
      out.report(
          kInvalidDate, e.value_span,
          fmt::format("'{}' is '{}', not a real date: {} (expected {}){}", key, shorten(value), problem, format, hint));
    });
  }
}

void check_invalid_hash(const Document& doc, const Env& env, Reporter& out) {
  if (!trusted(doc)) return;
  for (std::string_view key : {"ms.openlocfilehash", "ms.sourcegitcommit"}) {
    for_each_value(doc, env, key, kInvalidHash, out, [&](const FrontMatterEntry& e) {
      std::string_view v = trim(e.value);
      bool hex = !v.empty() &&
                 std::all_of(v.begin(), v.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
      bool lower = std::none_of(v.begin(), v.end(), [](char c) { return c >= 'A' && c <= 'F'; });
      if (hex && lower && v.size() == 40) return;
      std::string why = !hex             ? "not hexadecimal"
                        : v.size() != 40 ? fmt::format("{} digits", v.size())
                                         : "upper-case digits";
      out.report(kInvalidHash, e.value_span,
                 fmt::format("'{}' is '{}' ({}), expected 40 lowercase hex digits", key, shorten(v), why));
    });
  }
}

void check_invalid_locfileid(const Document& doc, const Env& env, Reporter& out) {
  if (!trusted(doc)) return;
  for_each_value(doc, env, "ms.locfileid", kInvalidLocfileid, out, [&](const FrontMatterEntry& e) {
    std::string_view v = trim(e.value);
    if (!v.empty() && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) return;
    out.report(kInvalidLocfileid, e.value_span,
               fmt::format("'ms.locfileid' is '{}', expected a string of digits such as \"94381407\"", shorten(v)));
  });
}

void check_invalid_translationtype(const Document& doc, const Env& env, Reporter& out) {
  if (!trusted(doc)) return;
  for_each_value(doc, env, "ms.translationtype", kInvalidTranslationtype, out, [&](const FrontMatterEntry& e) {
    std::string_view v = trim(e.value);
    if (v == "MT" || v == "HT") return;
    out.report(kInvalidTranslationtype, e.value_span,
               fmt::format("'ms.translationtype' is '{}', expected MT or HT", shorten(v)));
  });
}

// ---- locale --------------------------------------------------------------------------------

const std::set<std::string, std::less<>>& iso_list(const char* const* list) {
  // Built once per list; the two lists are static data of ICU.
  static std::mutex m;
  static std::map<const char* const*, std::set<std::string, std::less<>>> cache;
  std::lock_guard lock(m);
  auto& s = cache[list];
  if (s.empty())
    for (auto p = list; *p; ++p) s.insert(*p);
  return s;
}

}  // namespace

bool valid_bcp47(std::string_view tag) {
  if (tag.empty() || tag.size() > 64 || tag.find('_') != std::string_view::npos) return false;
  std::string t(tag);
  char id[ULOC_FULLNAME_CAPACITY];
  int32_t parsed = 0;
  UErrorCode status = U_ZERO_ERROR;
  uloc_forLanguageTag(t.c_str(), id, sizeof id, &parsed, &status);
  if (U_FAILURE(status) || parsed != static_cast<int32_t>(t.size())) return false;
  char lang[ULOC_LANG_CAPACITY] = {0}, region[ULOC_COUNTRY_CAPACITY] = {0};
  status = U_ZERO_ERROR;
  uloc_getLanguage(id, lang, sizeof lang, &status);
  uloc_getCountry(id, region, sizeof region, &status);
  if (U_FAILURE(status) || lang[0] == '\0') return false;
  if (!iso_list(uloc_getISOLanguages()).contains(std::string_view(lang))) return false;
  std::string_view r(region);
  if (r.empty()) return true;
  if (r.size() == 3 && std::all_of(r.begin(), r.end(), [](char c) { return c >= '0' && c <= '9'; })) return true;
  return iso_list(uloc_getISOCountries()).contains(r);
}

namespace {

// The expected locale and where it was learnt, for messages.
std::pair<std::string, std::string> expected_locale(const Document& doc, const Env& env) {
  if (env.config.locale && !env.config.locale->empty()) {
    std::string want = lower_ascii(*env.config.locale);
    std::replace(want.begin(), want.end(), '_', '-');
    return {want, env.config.file.empty() ? "--locale" : "--locale or " + env.config.file.filename().string()};
  }
  std::string source;
  std::string tree = env.workspace.tree_locale(fs::path(doc.path()), &source);
  return {tree, source};
}

void check_locale(const Document& doc, const Env& env, Reporter& out) {
  if (!trusted(doc)) return;
  for_each_value(doc, env, "ms.contentlocale", kLocaleMismatch, out, [&](const FrontMatterEntry& e) {
    std::string_view v = trim(e.value);
    auto [want, from] = expected_locale(doc, env);
    if (!valid_bcp47(v)) {
      out.report(kLocaleMismatch, e.value_span,
                 fmt::format("'ms.contentlocale' is '{}', not a valid BCP 47 locale (expected {})", shorten(v),
                             want.empty() ? std::string("a tag such as fr-FR") : "'" + want + "'"));
      return;
    }
    if (want.empty() || lower_ascii(v) == want) return;
    out.report(kLocaleMismatch, e.value_span,
               fmt::format("'ms.contentlocale' is '{}' but the tree is in '{}' (from {})", shorten(v), want, from));
  });
}

// ---- metadata/description-length -----------------------------------------------------------

size_t number_option(const Env& env, const Rule& rule, std::string_view name, size_t fallback) {
  auto v = env.config.option(rule.id, name);
  if (v.empty()) return fallback;
  try {
    return static_cast<size_t>(std::stoul(v.front()));
  } catch (const std::exception&) {
    return fallback;
  }
}

void check_description_length(const Document& doc, const Env& env, Reporter& out) {
  // Only published pages have a description that search engines show.
  if (!trusted(doc) || !scope_of(doc, env).article) return;
  const size_t min = number_option(env, kDescriptionLength, "min", 75);
  const size_t max = number_option(env, kDescriptionLength, "max", 300);
  for_each_value(doc, env, "description", kDescriptionLength, out, [&](const FrontMatterEntry& e) {
    size_t n = utf8::length(trim(e.value));
    if (n >= min && n <= max) return;
    out.report(kDescriptionLength, e.key_span,
               fmt::format("'description' has {} characters, expected {} to {}", n, min, max));
  });
}

}  // namespace

std::vector<Check> metadata_checks() {
  return {
      {{&kSyntax}, check_syntax},
      {{&kMissingFrontMatter}, check_missing_front_matter},
      {{&kDuplicateKey}, check_duplicate_key},
      {{&kMissingKey}, check_missing_key},
      {{&kEmptyValue}, check_empty_value},
      {{&kInvalidDate}, check_invalid_date},
      {{&kInvalidHash}, check_invalid_hash},
      {{&kInvalidLocfileid}, check_invalid_locfileid},
      {{&kInvalidTranslationtype}, check_invalid_translationtype},
      {{&kLocaleMismatch}, check_locale},
      {{&kDescriptionLength}, check_description_length},
  };
}

}  // namespace loclint::checks

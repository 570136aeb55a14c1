#include "loclint/source_layout.h"

#include "loclint/locale_tag.h"
#include "loclint/workspace.h"

namespace loclint {

namespace {

// `de`, `pt-br`, `zh_CN`, `zh-Hans`, `sr-Latn-RS` (locale_tag.h).
bool is_locale(std::string_view s) { return is_locale_tag(s, /*language_alone=*/true); }

// Backtracking over the (at most two) placeholders of a template.
bool match_from(std::string_view t, std::string_view p, std::string& rest, std::string& locale) {
  while (!t.empty()) {
    if (t.starts_with("{path}") || t.starts_with("{locale}")) {
      const bool is_path = t[1] == 'p';
      std::string_view after = t.substr(is_path ? 6 : 8);
      // Longest first: `{path}.{locale}.md` on `a.b.de.md` gives `a.b` and `de`.
      for (size_t n = p.size(); n >= 1; --n) {
        std::string_view piece = p.substr(0, n);
        if (is_path ? false : (piece.find('/') != std::string_view::npos || !is_locale(piece))) continue;
        std::string saved_rest = rest, saved_locale = locale;
        (is_path ? rest : locale) = std::string(piece);
        if (match_from(after, p.substr(n), rest, locale)) return true;
        rest = std::move(saved_rest);
        locale = std::move(saved_locale);
      }
      return false;
    }
    if (p.empty() || t.front() != p.front()) return false;
    t.remove_prefix(1);
    p.remove_prefix(1);
  }
  return p.empty();
}

}  // namespace

bool match_path_template(std::string_view tmpl, std::string_view path, std::string& rest, std::string& locale) {
  rest.clear();
  locale.clear();
  return match_from(tmpl, path, rest, locale);
}

std::string fill_path_template(std::string_view tmpl, std::string_view rest, std::string_view locale) {
  std::string out;
  for (size_t i = 0; i < tmpl.size();) {
    if (tmpl.substr(i).starts_with("{path}")) {
      out += rest;
      i += 6;
    } else if (tmpl.substr(i).starts_with("{locale}")) {
      out += locale;
      i += 8;
    } else {
      out += tmpl[i++];
    }
  }
  return out;
}

std::optional<SourcePlace> source_place(const fs::path& translated, const Config& config, const fs::path& repo_root) {
  if (!config.source_root) return std::nullopt;
  const fs::path file = absolute_normal(translated);
  fs::path base = config.pairing.base;
  if (base.empty()) base = repo_root;
  if (base.empty()) base = ".";
  const fs::path rel = file.lexically_relative(absolute_normal(base));
  if (rel.empty() || *rel.begin() == "..") return std::nullopt;
  const fs::path source_root = absolute_normal(*config.source_root);
  SourcePlace place;
  if (config.pairing.paths.empty()) {
    place.path = absolute_normal(source_root / rel);
    return place;
  }
  const std::string relative = rel.generic_string();
  std::string rest;
  for (const PathTemplate& t : config.pairing.paths) {
    if (!match_path_template(t.translation, relative, rest, place.locale)) continue;
    place.path = absolute_normal(source_root / fill_path_template(t.source, rest, place.locale));
    return place;
  }
  return std::nullopt;
}

}  // namespace loclint

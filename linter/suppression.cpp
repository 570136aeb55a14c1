#include "loclint/suppression.h"

#include <fmt/format.h>

#include <algorithm>

namespace loclint {

namespace {

const Rule kUnusedSuppression{
    .id = "loclint/unused-suppression",
    .severity = Severity::Warning,
    .summary = "an inline suppression that suppresses nothing",
    .checks = "A `<!-- loclint-disable... -->` comment names a rule that reports nothing where the comment "
              "applies (the defect was fixed, the comment moved away from it, or the rule id is misspelled), or "
              "a rule that does not exist.",
    .why = "A stale suppression would silently hide the next real defect of that rule at that place: delete the "
           "comment, or fix the rule id.",
    .fires = {.text = "<!-- loclint-disable-next-line link/missing-file -->\n[Suite](next-steps.md)\n",
              .files = {{"next-steps.md", "# Suite\n"}}},
    .passes = {.text = "<!-- loclint-disable-next-line link/missing-file -->\n[Suite](next-steps.md)\n"},
};

const char* directive_name(SuppressionDirective::Kind k) {
  switch (k) {
    case SuppressionDirective::Disable: return "loclint-disable";
    case SuppressionDirective::Enable: return "loclint-enable";
    case SuppressionDirective::DisableNextLine: return "loclint-disable-next-line";
    default: return "loclint-disable-file";
  }
}

bool matches(std::string_view selector, const Rule& rule) {
  return selector == "all" || selector == rule.id || selector == rule.family();
}

// Index of the selector of `d` that covers `rule`, or -1.
int covering(const SuppressionDirective& d, const Rule& rule) {
  if (d.selectors.empty()) return 0;
  for (size_t i = 0; i < d.selectors.size(); ++i)
    if (matches(d.selectors[i], rule)) return static_cast<int>(i);
  return -1;
}

std::string_view trim_ascii(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// Marks every directive that covers `d` as used; returns true when one does.
bool suppress(const Document& doc, std::vector<SuppressionDirective>& dirs, const Diagnostic& d, bool credit) {
  bool suppressed = false;
  uint32_t line = doc.lines().line_of(d.span.begin);
  // disable/enable: replay them in order up to the diagnostic.
  SuppressionDirective* active = nullptr;
  int active_sel = -1;
  for (SuppressionDirective& dir : dirs) {
    int sel = covering(dir, *d.rule);
    if (sel < 0) continue;
    bool before = dir.span.begin < d.span.begin;
    switch (dir.kind) {
      case SuppressionDirective::Disable:
        if (before) active = &dir, active_sel = sel;
        break;
      case SuppressionDirective::Enable:
        if (before) active = nullptr;
        break;
      case SuppressionDirective::DisableNextLine:
        if (doc.lines().line_of(dir.span.end) + 1 == line) {
          suppressed = true;
          if (credit) dir.used[sel] = true;
        }
        break;
      case SuppressionDirective::DisableFile:
        suppressed = true;
        if (credit) dir.used[sel] = true;
        break;
    }
  }
  if (active) {
    suppressed = true;
    if (credit) active->used[active_sel] = true;
  }
  return suppressed;
}

}  // namespace

const Rule& unused_suppression_rule() { return kUnusedSuppression; }

std::vector<SuppressionDirective> parse_suppressions(const Document& doc) {
  std::vector<SuppressionDirective> out;
  if (doc.kind() != DocumentKind::Markdown) return out;
  for (const HtmlTag& tag : doc.html_tags()) {
    if (!tag.comment || doc.in_code(tag.span.begin)) continue;
    std::string_view text = doc.slice(tag.span);
    if (!text.starts_with("<!--")) continue;
    text.remove_prefix(4);
    if (text.ends_with("-->")) text.remove_suffix(3);
    text = trim_ascii(text);
    if (!text.starts_with("loclint-")) continue;
    size_t end = 0;
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end]))) ++end;
    std::string_view word = text.substr(0, end);
    SuppressionDirective d;
    if (word == "loclint-disable") d.kind = SuppressionDirective::Disable;
    else if (word == "loclint-enable") d.kind = SuppressionDirective::Enable;
    else if (word == "loclint-disable-next-line") d.kind = SuppressionDirective::DisableNextLine;
    else if (word == "loclint-disable-file") d.kind = SuppressionDirective::DisableFile;
    else continue;
    d.span = tag.span;
    std::string rest(text.substr(end));
    std::replace(rest.begin(), rest.end(), ',', ' ');
    size_t i = 0;
    while (i < rest.size()) {
      while (i < rest.size() && std::isspace(static_cast<unsigned char>(rest[i]))) ++i;
      size_t j = i;
      while (j < rest.size() && !std::isspace(static_cast<unsigned char>(rest[j]))) ++j;
      if (j > i) d.selectors.push_back(rest.substr(i, j - i));
      i = j;
    }
    d.used.assign(std::max<size_t>(d.selectors.size(), 1), false);
    out.push_back(std::move(d));
  }
  return out;
}

std::vector<Diagnostic> apply_suppressions(const Document& doc, std::vector<Diagnostic>& diagnostics,
                                           const Config& config, const std::vector<const Rule*>& known_rules) {
  std::vector<SuppressionDirective> dirs = parse_suppressions(doc);
  if (dirs.empty()) return {};
  std::erase_if(diagnostics, [&](const Diagnostic& d) { return suppress(doc, dirs, d, true); });

  auto known = [&](std::string_view s) {
    return s == "all" || std::any_of(known_rules.begin(), known_rules.end(),
                                     [&](const Rule* r) { return r->id == s || r->family() == s; });
  };
  // A suppression of a rule that is turned off here is not stale: the rule may be on elsewhere.
  auto any_enabled = [&](std::string_view s) {
    return std::any_of(known_rules.begin(), known_rules.end(),
                       [&](const Rule* r) { return matches(s, *r) && config.enabled(*r); });
  };
  auto report = [](Span span, std::string message) {
    Diagnostic d;
    d.rule = &kUnusedSuppression;
    d.severity = kUnusedSuppression.severity;
    d.span = span;
    d.message = std::move(message);
    return d;
  };

  std::vector<Diagnostic> unused;
  for (size_t k = 0; k < dirs.size(); ++k) {
    const SuppressionDirective& dir = dirs[k];
    const char* name = directive_name(dir.kind);
    for (const std::string& s : dir.selectors)
      if (!known(s)) unused.push_back(report(dir.span, fmt::format("'{}' names an unknown rule '{}'", name, s)));
    if (dir.kind == SuppressionDirective::Enable) {
      // An enable must close an earlier disable of the same rules.
      bool closes = false;
      for (size_t p = 0; p < k && !closes; ++p) {
        const SuppressionDirective& prev = dirs[p];
        if (prev.kind != SuppressionDirective::Disable) continue;
        if (dir.selectors.empty() || prev.selectors.empty()) closes = true;
        for (const std::string& s : dir.selectors)
          for (const std::string& t : prev.selectors)
            if (s == t || s == t.substr(0, t.find('/')) || t == s.substr(0, s.find('/'))) closes = true;
      }
      if (!closes) unused.push_back(report(dir.span, fmt::format("'{}' has no loclint-disable before it to end", name)));
      continue;
    }
    if (dir.selectors.empty()) {
      if (!dir.used[0]) unused.push_back(report(dir.span, fmt::format("'{}' suppresses nothing", name)));
      continue;
    }
    for (size_t i = 0; i < dir.selectors.size(); ++i)
      if (!dir.used[i] && known(dir.selectors[i]) && any_enabled(dir.selectors[i]))
        unused.push_back(report(dir.span, fmt::format("'{} {}' suppresses nothing", name, dir.selectors[i])));
  }
  // `loclint-disable-file loclint/unused-suppression` silences these too.
  std::erase_if(unused, [&](const Diagnostic& d) { return suppress(doc, dirs, d, false); });
  return unused;
}

}  // namespace loclint

#include "comparison.h"

namespace loclint::checks::code {

const Rule kInlineCode{
    .id = "code/inline-code-mismatch",
    .severity = Severity::Error,
    .summary = "a backtick code span of the source is missing, added or altered in the translation",
    .checks = "The translation contains the same code spans (text between backticks) as the English source; "
              "their order may change with the sentence. A code span dropped, added, altered, re-cased, or "
              "stripped of its backticks is reported.",
    .why = "Text between backticks is code: a command, a value, a file name that the reader types or copies "
           "exactly as written. It is never translated. Copy the code span from the source unchanged.",
    .fires = {.text = "<span data-ttu-id=\"f4053-101\">Exécutez `Obtenir-Module`.</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-101\">Run `Get-Module`.</span></span>\n"},
    .passes = {.text = "<span data-ttu-id=\"f4053-101\">Exécutez `Get-Module`.</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-101\">Run `Get-Module`.</span></span>\n"},
    .fix = "Writes the code span as the source does, backticks included, when the translation's differs only in "
           "spacing, letter case or look-alike characters, neither holds a line break, and the altered span "
           "occurs once in the translation half.",
};

namespace {

std::string code_key(std::string_view content) {
  std::string s = nfc(content);
  if (s.size() >= 2 && s.front() == ' ' && s.back() == ' ' && !is_blank(s)) s = s.substr(1, s.size() - 2);
  return s;
}

std::vector<Item> code_items(const Half& half) {
  std::vector<Item> items;
  const Document& doc = *half.doc;
  auto [b, e] = Document::within(doc.code_spans(), half.content);
  for (auto it = b; it != e; ++it)
    if (half.content.contains(it->span))
      items.push_back({code_key(doc.slice(it->content)), std::string(doc.slice(it->content)), it->span});
  return items;
}

}  // namespace

void compare_inline_code_mismatch(PairComparison& p) {
  const std::string_view T = p.target_text();
  std::vector<Item> s = code_items(p.source.half), t = code_items(p.target.half);
  match_equal(s, t);
  auto next_t = [&](auto pred) -> Item* {
    for (Item& b : t)
      if (!b.used && pred(b)) return &b;
    return nullptr;
  };
  // Code spans glued together in the translation (`a``b` is one span "a``b" to Markdown): one
  // finding for the merge, not one per span.
  for (Item& b : t) {
    if (b.used || b.key.find('`') == std::string::npos) continue;
    std::vector<std::string_view> parts;
    std::string_view k = b.key;
    for (size_t i = 0; i < k.size();) {
      size_t j = k.find('`', i);
      if (j == std::string_view::npos) j = k.size();
      parts.push_back(trim(k.substr(i, j - i)));
      while (j < k.size() && k[j] == '`') ++j;
      i = j;
    }
    for (size_t first = 0; first + parts.size() <= s.size(); ++first) {
      bool all = true;
      for (size_t k = 0; k < parts.size() && all; ++k) all = !s[first + k].used && s[first + k].key == parts[k];
      if (!all || parts.size() < 2) continue;
      std::string names;
      for (size_t k = 0; k < parts.size(); ++k) {
        s[first + k].used = true;
        names += fmt::format("{}'{}'", k ? ", " : "", q(s[first + k].raw));
      }
      b.used = true;
      Span src{s[first].span.begin, s[first + parts.size() - 1].span.end};
      p.report(kInlineCode, b.span, fmt::format("code spans merged in translation: '{}' in translation, {} in source", q(b.raw), names), s[first].raw, src);
      break;
    }
  }
  for (Item& a : s) {
    if (a.used) continue;
    std::string ak = fold(a.key, {true, false, false}).text, al = fold(a.key, {true, true, false}).text;
    if (Item* b = next_t([&](const Item& x) { return fold(x.key, {true, false, false}).text == ak; })) {
      b->used = true;
      p.report(kFullwidth, b->span, fmt::format("code span has {}: '{}' in translation, '{}' in source", lookalikes(b->raw, a.raw), q(b->raw), q(a.raw)), a.raw, a.span,
             p.restore(b->span, a.span, "code span"));
    } else if (Item* b2 = next_t([&](const Item& x) { return fold(x.key, {true, true, false}).text == al; })) {
      b2->used = true;
      p.report(kInlineCode, b2->span, fmt::format("letter case changed in code span: '{}' in translation, '{}' in source", q(b2->raw), q(a.raw)), a.raw, a.span,
             p.restore(b2->span, a.span, "code span"));
    } else if (Item* b3 = next_t([](const Item&) { return true; })) {
      b3->used = true;
      p.report(kInlineCode, b3->span, fmt::format("code span differs from source: '{}' in translation, '{}' in source", q(b3->raw), q(a.raw)), a.raw, a.span,
             p.restore(b3->span, a.span, "code span"));
    } else if (size_t at = find_token(T, a.key); at != std::string::npos && !p.target.vis.is_code(at)) {
      p.report(kInlineCode, p.target.vis.span(at, at + a.key.size()), fmt::format("code span lost its backticks in translation: '{}'", q(a.key)), a.raw, a.span);
    } else {
      p.report(kInlineCode, p.whole_target(), fmt::format("code span '{}' of the source is missing from the translation", q(a.raw)), a.raw, a.span);
    }
  }
  for (Item& b : t)
    if (!b.used) p.report(kInlineCode, b.span, fmt::format("code span '{}' is not in the source", q(b.raw)), {});
  for (const Item& a : s) p.claim(a.span);  // code is compared here only
}

}  // namespace loclint::checks::code

#include "comparison.h"

namespace loclint::checks::code {

const Rule kPlaceholder{
    .id = "code/placeholder-mismatch",
    .severity = Severity::Error,
    .summary = "a placeholder of the source ({0}, {name}, %s, $(var), <name>) differs in the translation",
    .checks = "Placeholders such as `{0}`, `{name}`, `{{var}}`, `%s`, `%1$d`, `$(var)`, `%ProgramFiles%`, "
              "`<tenant-id>` and date formats (`yyyy-MM-dd`) appear in the translation exactly as in the source; "
              "their position may move with the sentence.",
    .why = "A placeholder stands for a value the reader or the software fills in: a translated or altered one "
           "is shown as is, or breaks the software that fills it.",
    .fires = {.text = "<span data-ttu-id=\"f4053-101\">Remplacez {nom} par votre ID.</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-101\">Replace {name} with your ID.</span></span>\n"},
    .passes = {.text = "<span data-ttu-id=\"f4053-101\">Remplacez {name} par votre ID.</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-101\">Replace {name} with your ID.</span></span>\n"},
};

void PairComparison::placeholders() {
  std::vector<Item> s = src_tag_placeholders_, t = tgt_tag_placeholders_;
  for (const Token& tok : src_tokens_)
    if (tok.kind == TokenKind::Placeholder) s.push_back({tok.text, tok.text, src_.vis.span(tok.begin, tok.end)});
  if (target_tokens_ || may_have_placeholders(T()))
    for (const Token& tok : target_tokens())
      if (tok.kind == TokenKind::Placeholder) t.push_back({tok.text, tok.text, tgt_.vis.span(tok.begin, tok.end)});
  // Inside code spans placeholders are compared with the code span.
  match_equal(s, t);
  for (Item& a : s) {
    if (a.used || claimed(a.span)) continue;
    Item* b = nullptr;
    for (Item& x : t)
      if (!x.used) {
        b = &x;
        break;
      }
    if (b) {
      b->used = true;
      bool compat = fold(b->key, {true, false, false}).text == fold(a.key, {true, false, false}).text;
      report(compat ? kFullwidth : kPlaceholder, b->span,
             fmt::format("placeholder {}: '{}' in translation, '{}' in source", compat ? "has fullwidth characters" : "differs from source", q(b->raw), q(a.raw)), a.raw, a.span);
      continue;
    }
    Found f = locate(a.key, false);
    if (f.how == Match::Exact) continue;  // written as a tag on one side and as text on the other
    if (f.how == Match::None && is_format_pattern(a.key)) {
      // A localized format string keeps the separators: aaaa-MM-jjThh:mm:ssZ.
      if (auto w = same_shape(a.key)) {
        std::string_view raw = T().substr(w->first, w->second - w->first);
        report(kPlaceholder, tgt_.vis.span(w->first, w->second), fmt::format("format string differs from source: '{}' in translation, '{}' in source", q(raw), q(a.raw)), a.raw, a.span);
        continue;
      }
    }
    if (f.how == Match::None) {
      report(kPlaceholder, whole_target(), fmt::format("placeholder '{}' of the source is missing from the translation", q(a.raw)), a.raw, a.span);
    } else {
      std::string_view raw = T().substr(f.begin, f.end - f.begin);
      report(f.how == Match::Compat ? kFullwidth : kPlaceholder, tgt_.vis.span(f.begin, f.end),
             fmt::format("placeholder {}: '{}' in translation, '{}' in source", f.how == Match::Compat ? "has fullwidth characters" : "differs from source", q(raw), q(a.raw)), a.raw, a.span);
    }
  }
  for (Item& b : t) {
    if (b.used) continue;
    // A placeholder the source has as plain text (or as a tag) is not an addition.
    if (find_token(src_.vis.text, b.key) != std::string::npos) continue;
    if (src_.half.text().find(b.key) != std::string_view::npos) continue;
    report(kPlaceholder, b.span, fmt::format("placeholder '{}' is not in the source", q(b.raw)), {});
  }
}

}  // namespace loclint::checks::code

#include <algorithm>
#include <map>

#include "comparison.h"
#include "grammar/chars.h"
#include "grammar/tex.h"

namespace loclint::checks::code {

const Rule kPlaceholder{
    .id = "code/placeholder-mismatch",
    .severity = Severity::Error,
    .summary = "a placeholder of the source ({0}, {name}, %s, $(var), <name>) differs in the translation",
    .checks = "Placeholders such as `{0}`, `{name}`, `{{var}}`, `%s`, `%1$d`, `$(var)`, `%ProgramFiles%`, "
              "`<tenant-id>` and date formats (`yyyy-MM-dd`) appear in the translation exactly as in the source; "
              "their position may move with the sentence. A date format may be written in the locale's letters "
              "(`aaaa-MM-jj`); a field re-cased (`HH` as `hh`) or reordered (`dd` as `MM`) is reported. TeX formulas (`$\\ket{\\psi}$`) are compared by the tokens "
              "TeX reads, not by their spacing: a translated or dropped command (`\\ket`, `\\cdots`) is reported, "
              "spaces added or removed are not.",
    .why = "A placeholder stands for a value the reader or the software fills in: a translated or altered one "
           "is shown as is, or breaks the software that fills it.",
    .fires = {.text = "<span data-ttu-id=\"f4053-101\">Remplacez {nom} par votre ID.</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-101\">Replace {name} with your ID.</span></span>\n"},
    .passes = {.text = "<span data-ttu-id=\"f4053-101\">Remplacez {name} par votre ID.</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-101\">Replace {name} with your ID.</span></span>\n"},
    .fix = "Writes the placeholder as the source does, when the translation's differs only in spacing, letter case "
           "or look-alike characters, neither holds a line break, and the altered text occurs once in the "
           "translation half. A translated placeholder has no fix, nor has a `{...}` in a segment whose source "
           "has a TeX formula (a TeX group: the formula's own fix restores it).",
};

// A source whose TeX is not delimited by pairs of `$`: an inline formula that runs into prose (a
// `$` is missing in the English text), a delimiter whose partner is in another segment (display
// math cut at a sentence's end), or bare TeX (`\begin{align} ... \end{align}` with no `$`). Compared one by one, every formula after it would be set against the wrong
// one of the translation, or none would be compared at all. The two halves' TeX control words
// are compared as a whole instead, wherever they stand (the translation's `$` signs are as
// unreliable): one finding, naming the control words of the source that the translation lacks or
// altered (`\cdots` as `\cnoktalar`, `\otimes` as `\ otimes`). The TeX of both halves is the
// formula's: nothing in it is compared again as a command, a name or a placeholder.
void compare_formulas_as_a_whole(PairComparison& p) {
  const std::string_view T = p.target_text();
  const std::string_view S = p.source.vis.text;
  const auto [sb, se] = tex_extent(S);
  const auto [tb, te] = tex_extent(T);
  if (se > sb) p.claim(p.source.vis.span(sb, se));
  p.target_math.clear();
  if (te > tb) p.target_math.emplace_back(tb, te);
  std::vector<std::string> missing = missing_commands(tex_tokens(S), tex_tokens(T));
  if (missing.empty()) return;
  std::string names;
  for (const std::string& m : missing) names += (names.empty() ? "" : ", ") + m;
  p.report(kPlaceholder, te > tb ? p.target.vis.span(tb, te) : p.whole_target(),
           fmt::format("formulas differ from source (TeX command{} {} of the source not in the translation; the "
                       "source's TeX is not delimited by pairs of `$`, so it is compared as a whole): '{}' in translation, "
                       "'{}' in source",
                       missing.size() > 1 ? "s" : "", names, q(te > tb ? T.substr(tb, te - tb) : T),
                       q(S.substr(sb, se - sb))),
           S.substr(sb, se - sb), p.source.vis.span(sb, se));
}

// TeX formulas: each formula of the source has a formula of the translation with the same
// tokens (grammar/tex.h). The source's formulas are claimed, so that nothing inside them is
// compared again as a placeholder, a name or a number.
void compare_placeholder_formulas(PairComparison& p) {
  const std::string_view T = p.target_text();
  std::string_view S = p.source.vis.text;
  if (S.find('$') == std::string_view::npos && S.find('\\') == std::string_view::npos) return;
  auto src_math = S.find('$') == std::string_view::npos ? std::vector<std::pair<size_t, size_t>>{} : find_math(S, true);
  const bool unpaired =
      has_tex_outside_formulas(S, src_math) ||
      std::any_of(src_math.begin(), src_math.end(), [&](auto f) { return runs_into_prose(S.substr(f.first, f.second - f.first)); });
  if (src_math.empty() && !unpaired) return;
  p.source_math = true;
  if (unpaired) {
    compare_formulas_as_a_whole(p);
    return;
  }
  // The translation's delimiters are paired leniently: machine translation spaces them out, and
  // display delimiters too when the source has display math.
  const bool display = std::any_of(src_math.begin(), src_math.end(), [&](auto f) { return S.substr(f.first, 2) == "$$"; });
  p.target_math = find_math(T, false, display);
  std::vector<std::vector<std::string>> tgt_tokens;
  for (auto [b, e] : p.target_math) tgt_tokens.push_back(tex_tokens(T.substr(b, e - b)));
  std::vector<bool> used(p.target_math.size(), false);
  std::vector<size_t> unmatched;
  for (size_t k = 0; k < src_math.size(); ++k) {
    auto [b, e] = src_math[k];
    std::vector<std::string> st = tex_tokens(S.substr(b, e - b));
    bool found = false;
    for (size_t j = 0; j < tgt_tokens.size() && !found; ++j)
      if (!used[j] && tgt_tokens[j] == st) used[j] = found = true;
    if (!found) unmatched.push_back(k);
  }
  // Each formula left of the source gets the translation's formula it shares the most letters,
  // digits and control words with (letter case aside: `$Y $` for `$y$`), the best pairs first; what shares
  // none is paired in order. A moved delimiter (`$ $a` for `$a$`) so leaves the re-cased one its
  // partner.
  std::vector<size_t> partner(unmatched.size(), used.size());
  {
    // What identifies a formula: its letters, digits and control words, not its delimiters,
    // braces and operators, which most formulas share.
    auto folded = [](const std::vector<std::string>& tokens) {
      std::map<std::string, int> bag;
      for (const std::string& t : tokens)
        if (is_letter(t[0]) || is_digit(t[0]) || static_cast<uint8_t>(t[0]) >= 0x80 || (t.size() > 2 && t[0] == '\\'))
          ++bag[lower_ascii(t)];
      return bag;
    };
    std::vector<std::map<std::string, int>> tb;
    for (const auto& t : tgt_tokens) tb.push_back(folded(t));
    struct Score {
      int common;
      size_t u, j;
    };
    std::vector<Score> scores;
    for (size_t u = 0; u < unmatched.size(); ++u) {
      auto [b, e] = src_math[unmatched[u]];
      auto sb = folded(tex_tokens(S.substr(b, e - b)));
      for (size_t j = 0; j < tb.size(); ++j) {
        if (used[j]) continue;
        int common = 0;
        for (const auto& [tok, n] : sb)
          if (auto it = tb[j].find(tok); it != tb[j].end()) common += std::min(n, it->second);
        if (common > 0) scores.push_back({common, u, j});
      }
    }
    std::stable_sort(scores.begin(), scores.end(), [](const Score& a, const Score& b) { return a.common > b.common; });
    for (const Score& sc : scores)
      if (partner[sc.u] == used.size() && !used[sc.j]) {
        partner[sc.u] = sc.j;
        used[sc.j] = true;
      }
    size_t next = 0;  // the translation's formulas left, taken in order
    for (size_t& j : partner) {
      if (j != used.size()) continue;
      while (next < used.size() && used[next]) ++next;
      if (next == used.size()) break;
      j = next;
      used[next] = true;
    }
  }
  for (size_t u = 0; u < unmatched.size(); ++u) {
    auto [b, e] = src_math[unmatched[u]];
    std::string_view sf = S.substr(b, e - b);
    Span source_span = p.source.vis.span(b, e);
    const size_t j = partner[u];
    if (j == used.size()) {
      p.report(kPlaceholder, p.whole_target(), fmt::format("formula '{}' of the source is missing from the translation", q(sf)), sf, source_span);
      continue;
    }
    auto [tb, te] = p.target_math[j];
    std::string_view tf = T.substr(tb, te - tb);
    std::vector<std::string> missing = missing_commands(tex_tokens(sf), tgt_tokens[j]);
    std::string what = "formula differs from source";
    if (!missing.empty()) {
      std::string names;
      for (const std::string& m : missing) names += (names.empty() ? "" : ", ") + m;
      what = fmt::format("formula differs from source (TeX command{} {} of the source not in the translation)",
                         missing.size() > 1 ? "s" : "", names);
    }
    p.report(kPlaceholder, p.target.vis.span(tb, te), fmt::format("{}: '{}' in translation, '{}' in source", what, q(tf), q(sf)), sf, source_span);
  }
  // What a formula holds is compared as a formula, also where it matched.
  for (auto [b, e] : src_math) p.claim(p.source.vis.span(b, e));
}

namespace {

// What a translated date or time format string changed in meaning, beside writing the fields in
// its locale's letters (French `aaaa-MM-jj` for `yyyy-MM-dd`, Italian `gg` for `dd`: each source
// letter replaced by one letter the source does not use, everywhere): a field re-cased (`HH` as
// `hh`, 24-hour as 12-hour; `MM` as `mm`, months as minutes) or written with a letter that is
// another field of the source (`dd` as `MM`: the fields were reordered), as "'HH' as 'hh'"
// phrases; empty when nothing did. `source` and `target` have the same shape (same_shape()).
std::string format_meaning_changed(std::string_view source, std::string_view target) {
  std::string out;
  char map[128] = {};
  auto note = [&](std::string_view a, std::string_view b) {
    out += fmt::format("{}'{}' as '{}'", out.empty() ? "" : ", ", a, b);
  };
  for (size_t i = 0; i < source.size() && i < target.size();) {
    const char c = source[i];
    size_t n = 1;
    while (i + n < source.size() && source[i + n] == c) ++n;
    const std::string_view a = source.substr(i, n), b = target.substr(i, std::min(n, target.size() - i));
    i += n;
    if (!is_letter(c) || a == b) continue;
    const char t = b[0];
    const bool one_letter = std::all_of(b.begin(), b.end(), [&](char x) { return x == t; });
    const bool recased = one_letter && t != c && lower_ascii(std::string_view(&t, 1)) == lower_ascii(std::string_view(&c, 1));
    // `T` and `Z` of an ISO 8601 string are literals, not fields: German writes `TT` for `dd`.
    const bool other_field = t != 'T' && t != 'Z' && source.find(t) != std::string_view::npos;
    const auto u = static_cast<unsigned char>(c);
    // One letter for one field: two fields written with one letter can no longer be told apart.
    const bool taken = std::any_of(std::begin(map), std::end(map), [&](char m) { return m == t; }) && !(u < 128 && map[u] == t);
    const bool consistent = u < 128 && (map[u] == 0 || map[u] == t) && !taken;
    if (!one_letter || recased || other_field || !consistent || !is_letter(t)) {
      note(a, b);
      continue;
    }
    map[u] = t;
  }
  return out;
}

// Runs of one character: `yyyy-MM-dd` is y x4, '-', M x2, '-', d x2.
std::vector<std::pair<char, size_t>> char_runs(std::string_view s) {
  std::vector<std::pair<char, size_t>> out;
  for (char c : s) {
    if (!out.empty() && out.back().first == c) ++out.back().second;
    else out.emplace_back(c, 1);
  }
  return out;
}

// A format string the translation mangled beyond its locale's letters: a word of the target
// whose runs are the source format's, letter runs of any length and letter, every other
// character the same (`aaaaa-MM-jjTHH:mm:ssZ` for `yyyy-MM-ddTHH:mm:ssZ`: five `a` for four `y`).
// Its place in `target`, and what changed ("'yyyy' as 'aaaaa'", then format_meaning_changed's
// phrases for the fields of the same length); nothing when no word has those runs.
std::optional<std::pair<std::pair<size_t, size_t>, std::string>> format_with_other_runs(std::string_view target, std::string_view format) {
  const auto want = char_runs(format);
  for (size_t b = 0; b < target.size();) {
    while (b < target.size() && (target[b] == ' ' || target[b] == '\n')) ++b;
    size_t e = b;
    while (e < target.size() && target[e] != ' ' && target[e] != '\n') ++e;
    std::string_view word = target.substr(b, e - b);
    while (!word.empty() && (word.back() == '.' || word.back() == ',' || word.back() == ';' || word.back() == ')')) word.remove_suffix(1);
    const size_t at = b;
    b = e;
    const auto have = char_runs(word);
    if (have.size() != want.size() || word == format) continue;
    bool same = true;
    std::string counts, resized;
    for (size_t k = 0; k < want.size() && same; ++k) {
      const auto [wc, wn] = want[k];
      const auto [hc, hn] = have[k];
      if (is_letter(wc)) {
        same = is_letter(hc);
        if (wn != hn) counts += fmt::format("{}'{}' as '{}'", counts.empty() ? "" : ", ", std::string(wn, wc), std::string(hn, hc));
        resized.append(wn, hc);
      } else {
        same = wc == hc && wn == hn;
        resized.append(wn, wc);
      }
    }
    if (!same || counts.empty()) continue;  // the same lengths: same_shape()'s
    const std::string meaning = format_meaning_changed(format, resized);
    return std::make_pair(std::make_pair(at, at + word.size()), meaning.empty() ? counts : counts + ", " + meaning);
  }
  return std::nullopt;
}

}  // namespace

// Placeholders: those the tokens of both sides hold and the tag-shaped names of the tag step;
// a `{...}` inside a formula of the formula step is the formula's, and so is a source
// placeholder claimed by an earlier step.
void compare_placeholder_mismatch(PairComparison& p) {
  const std::string_view T = p.target_text();
  // A format picture alone in its segment or cell (`mm`, `HH`, `tt`: a row of a table of
  // format pictures) re-cased: in a picture, letter case is meaning (Win32 "Hour, Minute, and
  // Second Format Pictures", .NET custom date and time format strings: m minutes, M months,
  // h 12-hour, H 24-hour). A picture the translation writes with its own letters is left to it.
  if (const std::string_view sw = trim(p.source.vis.text); is_format_picture(sw) && !p.source.vis.is_code(static_cast<size_t>(sw.data() - p.source.vis.text.data()))) {
    const std::string_view tw = trim(T);
    if (tw != sw && lower_ascii(tw) == lower_ascii(sw)) {
      const size_t b = static_cast<size_t>(tw.data() - T.data());
      const Span at = p.target.vis.span(b, b + tw.size());
      const Span source_span = p.source.vis.span(static_cast<size_t>(sw.data() - p.source.vis.text.data()),
                                                 static_cast<size_t>(sw.data() - p.source.vis.text.data()) + sw.size());
      p.report(kPlaceholder, at, fmt::format("letter case of format picture changed: '{}' in translation, '{}' in source (in a picture, case is meaning: m minutes, M months)", q(tw), q(sw)),
               sw, source_span, p.restore(at, source_span, "format picture"));
      return;
    }
  }
  std::vector<Item> s = p.source_tag_placeholders, t = p.target_tag_placeholders;
  for (const Token& tok : p.source_tokens)
    if (tok.kind == TokenKind::Placeholder) s.push_back({tok.text, tok.text, p.source.vis.span(tok.begin, tok.end)});
  if (p.has_target_tokens() || may_have_placeholders(T))
    for (const Token& tok : p.target_tokens())
      if (tok.kind == TokenKind::Placeholder &&
          std::none_of(p.target_math.begin(), p.target_math.end(), [&](auto m) { return tok.begin >= m.first && tok.end <= m.second; }))
        t.push_back({tok.text, tok.text, p.target.vis.span(tok.begin, tok.end)});
  // Inside code spans placeholders are compared with the code span.
  match_equal(s, t);
  // Whether the target's items hold `<word>` already (a placeholder of its own, compared above).
  auto t_has_key = [](const std::vector<Item>& items, std::string_view word) {
    return std::any_of(items.begin(), items.end(), [&](const Item& x) { return x.key.size() == word.size() + 2 && x.key.substr(1, word.size()) == word; });
  };
  // A word in angle brackets written for the reader ("Create Notification for <Sender>") is
  // translated with the sentence: a capitalized plain word on both sides.
  // Spaces inside the brackets are the translation's slip (`<Mittente >`); the word may be of any
  // cased script (`<Отправитель>`), or of a script without case, whose words are letters only
  // (`<설정은>`, `<送信者>`).
  auto described = [](std::string_view k) {
    if (k.size() < 3 || k.front() != '<' || k.back() != '>') return false;
    const std::string_view w = trim(k.substr(1, k.size() - 2));
    if (w.size() < 2) return false;
    size_t i = 0;
    const auto first = static_cast<UChar32>(utf8::next(w, i));
    const bool caseless = u_isalpha(first) && !u_isupper(first) && !u_islower(first) && !u_istitle(first);
    if (!u_isupper(first) && !caseless) return false;
    while (i < w.size()) {
      const auto c = static_cast<UChar32>(utf8::next(w, i));
      if (!(caseless ? u_isalpha(c) && !u_isupper(c) && !u_islower(c) : u_islower(c))) return false;
    }
    return true;
  };
  // The translation's own such words, also with a space inside the brackets (`<Mittente >`), which
  // the placeholder grammar does not take.
  std::vector<size_t> described_in_target;
  for (size_t k = T.find('<'); k != std::string_view::npos; k = T.find('<', k + 1)) {
    const size_t e = T.find_first_of("<>\n", k + 1);
    if (e == std::string_view::npos || T[e] != '>' || e - k > 40) continue;
    const std::string_view inside = trim(T.substr(k + 1, e - k - 1));
    if (inside.find(' ') == std::string_view::npos && described(fmt::format("<{}>", inside)) && !t_has_key(t, inside))
      described_in_target.push_back(k);
  }
  for (Item& a : s) {
    if (a.used || p.claimed(a.span)) continue;
    Item* b = first_unused(t);
    if (b) {
      b->used = true;
      if (described(a.key) && described(b->key)) continue;
      bool compat = fold(b->key, {true, false, false}).text == fold(a.key, {true, false, false}).text;
      p.report(compat ? kFullwidth : kPlaceholder, b->span,
             fmt::format("placeholder {}: '{}' in translation, '{}' in source", compat ? "has " + lookalikes(b->raw, a.raw) : std::string("differs from source"), q(b->raw), q(a.raw)), a.raw, a.span,
             p.source_math ? std::nullopt : p.restore(b->span, a.span, "placeholder"));
      continue;
    }
    Found f = p.locate(a.key, false);
    if (f.how == Match::Exact) continue;  // written as a tag on one side and as text on the other
    if (f.how == Match::None && described(a.key) && !described_in_target.empty()) {
      described_in_target.erase(described_in_target.begin());
      continue;
    }
    // "mm-dd-yyyy" in lower case is a notation described to the reader, not a format string
    // (in one, "mm" is minutes): the translation writes its own (gg-mm-aaaa).
    if (f.how == Match::None && is_format_pattern(a.key) && a.key.find_first_of("MHh") == std::string::npos &&
        a.key.find("dd") != std::string::npos && same_shape(p, a.key))
      continue;
    if (f.how == Match::None && is_format_pattern(a.key)) {
      // A localized format string keeps the separators: aaaa-MM-jjThh:mm:ssZ.
      if (auto w = same_shape(p, a.key)) {
        std::string_view raw = T.substr(w->first, w->second - w->first);
        const std::string changed = format_meaning_changed(a.key, raw);
        if (changed.empty()) continue;  // the locale's letters for the same fields (aaaa-MM-jj)
        p.report(kPlaceholder, p.target.vis.span(w->first, w->second),
                 fmt::format("format string differs from source: '{}' in translation, '{}' in source ({})", q(raw), q(a.raw), changed), a.raw, a.span);
        continue;
      }
      if (auto w = format_with_other_runs(T, a.key)) {
        const auto [where, changed] = *w;
        std::string_view raw = T.substr(where.first, where.second - where.first);
        p.report(kPlaceholder, p.target.vis.span(where.first, where.second),
                 fmt::format("format string differs from source: '{}' in translation, '{}' in source ({})", q(raw), q(a.raw), changed), a.raw, a.span);
        continue;
      }
    }
    if (f.how == Match::None) {
      p.report(kPlaceholder, p.whole_target(), fmt::format("placeholder '{}' of the source is missing from the translation", q(a.raw)), a.raw, a.span);
    } else {
      std::string_view raw = T.substr(f.begin, f.end - f.begin);
      p.report(f.how == Match::Compat ? kFullwidth : kPlaceholder, p.target.vis.span(f.begin, f.end),
             fmt::format("placeholder {}: '{}' in translation, '{}' in source", f.how == Match::Compat ? "has " + lookalikes(raw, a.raw) : std::string("differs from source"), q(raw), q(a.raw)), a.raw, a.span,
             p.source_math ? std::nullopt : p.restore(p.target.vis.span(f.begin, f.end), a.span, "placeholder"));
    }
  }
  for (Item& b : t) {
    if (b.used) continue;
    // A placeholder the source has as plain text (or as a tag) is not an addition.
    if (find_token(p.source.vis.text, b.key) != std::string::npos) continue;
    if (p.source.half.text().find(b.key) != std::string_view::npos) continue;
    // A name in another script is a placeholder only as the counterpart of one of the source's
    // (`{имя}` for `{name}`, paired above); alone it is the translation's text in braces.
    if (std::any_of(b.key.begin(), b.key.end(), [](char ch) { return static_cast<uint8_t>(ch) >= 0x80; })) continue;
    p.report(kPlaceholder, b.span, fmt::format("placeholder '{}' is not in the source", q(b.raw)), {});
  }
}

}  // namespace loclint::checks::code

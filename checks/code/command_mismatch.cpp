#include <unicode/uchar.h>
#include <unicode/dtptngen.h>
#include <unicode/uscript.h>
#include <unicode/locid.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <set>

#include "comparison.h"
#include "grammar/chars.h"
#include "grammar/words.h"

namespace loclint::checks::code {

namespace {
bool contains_text(const std::vector<std::string>& list, const std::string& text) {
  return std::find(list.begin(), list.end(), text) != list.end();
}

// Whether the raw source names `name` as the last part of an `xref:` UID
// ([ReflectionPhases](xref:Contoso.Oracles.ReflectionPhases), <xref:Contoso.Lang.Int>): link
// text that repeats the UID's type name is that type's name, however plain its shape.
bool names_xref(std::string_view raw, std::string_view name) {
  for (size_t x = raw.find("xref:"); x != std::string_view::npos; x = raw.find("xref:", x + 5)) {
    size_t e = x + 5;
    while (e < raw.size() && (is_word_byte(raw[e]) || raw[e] == '.' || raw[e] == '`' || raw[e] == '-')) ++e;
    std::string_view uid = raw.substr(x + 5, e - x - 5);
    if (uid.size() > name.size() && uid.ends_with(name) && uid[uid.size() - name.size() - 1] == '.') return true;
    if (uid == name) return true;
  }
  return false;
}

// Whether the name at `span` of `doc` lies inside an emphasis run (`*`, `**`, on one line, no code
// span in it) that is a file name written in words (`**my sales invoices.pbix**`,
// `**my_Sales Invoices_list.pbix**`): two to four words, the last ending in an extension (a dot,
// a letter, up to four more letters or digits), no other dot, no camelCase or PascalCase word
// (`**Add CustomerId to appsettings.json**` is an instruction, `**Set X to 2.0**` a number). The
// words around the name are part of it, and a translation localizes such an example name as it
// does the words (`**mie_Fatture vendita_list.pbix**`). Returns the extension with its dot
// (`.pbix`), else empty. A name in emphasis without a space (`**invoices.pbix**`) is a file name
// like any other.
std::string_view worded_file_name_extension(const Document& doc, Span span) {
  const std::string_view text = doc.text();
  size_t open = span.begin, close = span.end;
  while (open > 0 && text[open - 1] != '*' && text[open - 1] != '\n' && text[open - 1] != '`') --open;
  while (close < text.size() && text[close] != '*' && text[close] != '\n' && text[close] != '`') ++close;
  if (open == 0 || close >= text.size() || text[open - 1] != '*' || text[close] != '*') return {};
  const std::string_view run = text.substr(open, close - open);
  // `*` then a space opens no emphasis (CommonMark 6.2, left-flanking), nor does a space before the closer.
  if (run.empty() || run.front() == ' ' || run.back() == ' ' || run.find(' ') == std::string_view::npos) return {};
  const size_t dot = run.find('.');
  if (dot == std::string_view::npos || dot != run.rfind('.') || dot + 2 > run.size() || dot + 6 < run.size()) return {};
  const std::string_view extension = run.substr(dot + 1);
  if (!std::isalpha(static_cast<unsigned char>(extension[0])) ||
      !std::all_of(extension.begin(), extension.end(), [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)); }))
    return {};
  size_t words = 0;
  for (size_t b = 0; b < run.size();) {
    size_t e = run.find(' ', b);
    if (e == std::string_view::npos) e = run.size();
    std::string_view word = run.substr(b, e - b);
    if (word.ends_with(run.substr(dot))) word.remove_suffix(run.size() - dot);
    if (!word.empty()) {
      ++words;
      if (word.find('_') == std::string_view::npos && is_name(word)) return {};
    }
    b = e + 1;
  }
  return words >= 2 && words <= 4 ? run.substr(dot) : std::string_view{};
}

// Whether the source half is a whole cell of a pipe table whose column the translation
// translates: of the other rows' cells in that column that are one segment each, more were
// translated than kept, and at least two. A column of values the product localizes (a Data Type
// column: `Decimal` as `Decimale`, `Text` as `Testo`, so `DateTime` as `DataOra`) is prose to its
// translator; a column of field names keeps them (`RevSumCategoryName`, `SKUId`), and a name
// translated there (`SalesModel` as `Works Sales`) is still reported.
bool column_translated(const Half& source) {
  const Document& doc = *source.doc;
  const std::string_view text = doc.text();
  auto line_start = [&](size_t at) {
    const size_t nl = text.rfind('\n', at == 0 ? 0 : at - 1);
    return at == 0 || nl == std::string_view::npos ? size_t{0} : nl + 1;
  };
  auto line_end = [&](size_t at) {
    const size_t nl = text.find('\n', at);
    return nl == std::string_view::npos ? text.size() : nl;
  };
  // The unescaped pipes of a table row, or none when the line is not one.
  auto pipes = [&](size_t b, size_t e) {
    std::vector<size_t> out;
    size_t k = b;
    while (k < e && (text[k] == ' ' || text[k] == '\t')) ++k;
    if (k >= e || text[k] != '|') return out;
    for (; k < e; ++k)
      if (text[k] == '|' && (k == b || text[k - 1] != '\\')) out.push_back(k);
    return out;
  };
  const size_t ls = line_start(source.content.begin), le = line_end(source.content.begin);
  const std::vector<size_t> own = pipes(ls, le);
  const size_t column = static_cast<size_t>(std::count_if(own.begin(), own.end(), [&](size_t k) { return k < source.content.begin; }));
  if (own.empty() || column == 0 || column >= own.size()) return false;
  size_t translated = 0, kept = 0;
  auto tally = [&](size_t b, size_t e) {
    const std::vector<size_t> ps = pipes(b, e);
    if (ps.size() <= column) return false;
    const Span cell{static_cast<uint32_t>(ps[column - 1] + 1), static_cast<uint32_t>(ps[column])};
    if (cell.contains(source.content)) return true;  // the half's own row
    auto [first, last] = Document::within(doc.segments(), cell);
    if (last - first != 1 || !cell.contains(first->span) || !first->target.closed || !first->source.closed) return true;
    if (trim(doc.slice(cell)) != doc.slice(first->span)) return true;  // not the whole cell
    const std::string_view t = trim(doc.slice(first->target.content)), s = trim(doc.slice(first->source.content));
    if (s.empty() || std::all_of(s.begin(), s.end(), [](char c) { return is_digit(c) || c == '.' || c == ','; })) return true;
    (t == s ? kept : translated) += 1;
    return true;
  };
  for (size_t b = ls; b > 0;) {  // the rows above
    const size_t pb = line_start(b - 1);
    if (!tally(pb, b - 1)) break;
    b = pb;
  }
  for (size_t e = le; e < text.size();) {  // and below
    const size_t ne = line_end(e + 1);
    if (!tally(e + 1, ne)) break;
    e = ne;
  }
  return translated >= 2 && translated > kept;
}

// Whether a relative backslash path is made of plain words (`Tools\Services` of "Administrative
// Tools\Services", `Send\Receive`, `domain\username`): ASCII letters only in each of its parts, no
// root (a drive, `\\host`, `%VAR%`, a registry hive), no digit, dot or underscore. It may be a UI
// path or a phrase whose words a translation localizes (issue 14: `Send\Receive` is not a
// Windows path); localized_word_path() says whether the translation did. `OCS_Volume\Setup\AMD64`,
// `C:\Temp`, `HKCU\Software` are paths.
bool is_word_path(std::string_view text) {
  if (text.find('\\') == std::string_view::npos || text.front() == '\\' || text.back() == '\\') return false;
  if (text.starts_with("HK") || text.starts_with("hk")) return false;
  return std::all_of(text.begin(), text.end(), [](char ch) {
    return ch == '\\' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
  });
}

// The length of a backslash at t[i]: `\`, or its fullwidth form `＼` (U+FF3C) that Chinese and
// Japanese input methods write; 0 when there is none. A slash is not one: `und/oder` for "or" is
// no path.
size_t separator_length(std::string_view t, size_t i) {
  if (t[i] == '\\') return 1;
  if (t.substr(i).starts_with("\uFF3C")) return 3;
  return 0;
}

// The backslashes of `t` glued to words on both sides (`도구\서비스`), outside URLs (a word with
// `://` or starting `www.`), with the words around each: the word before, the word after.
std::vector<std::pair<std::string_view, std::string_view>> glued_separators(std::string_view t) {
  auto word_byte = [](char ch) {
    const auto u = static_cast<uint8_t>(ch);
    return u >= 0x80 || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
  };
  std::vector<std::pair<std::string_view, std::string_view>> out;
  for (size_t i = 1; i + 1 < t.size(); ++i) {
    const size_t n = separator_length(t, i);
    if (n == 0 || i + n >= t.size() || !word_byte(t[i - 1]) || !word_byte(t[i + n])) continue;
    // Not inside a URL: the white-space-delimited word around it.
    size_t wb = i, we = i;
    while (wb > 0 && !space_length(t, wb - 1)) --wb;
    while (we < t.size() && !space_length(t, we)) ++we;
    const std::string_view word = t.substr(wb, we - wb);
    if (word.find("://") != std::string_view::npos || word.starts_with("www.")) {
      i = we;
      continue;
    }
    size_t b = i, e = i + n;
    while (b > 0 && word_byte(t[b - 1]) && !separator_length(t, b - 1)) --b;
    while (e < t.size() && word_byte(t[e]) && !separator_length(t, e)) ++e;
    out.emplace_back(t.substr(b, i - b), t.substr(i + n, e - i - n));
    i += n - 1;
  }
  return out;
}

// Whether the translation `t` writes a path of its own words in place of the word path `path` of
// the source `s`: as many backslashes glued to words as `path` has (or fullwidth `＼`), one of
// the two words at each not a part of `path` (`관리 도구\서비스`, `Strumenti di
// amministrazione\Servizi`, `인증\WEB`, `ドメイン＼ユーザー名`), beyond the glued backslashes the
// source has of its own elsewhere in the segment. URLs are not looked in. The source's path is
// then localized, not lost. A translation that kept the source's words and broke the path around
// them (`소프트웨어 \ Microsoft \ Office`, `\remove를`) has no such separator and is reported, and
// so is a path put in words (`관리 도구의 서비스`, `보내기/받기` for `Send\Receive`): nothing tells it
// from a path lost.
bool localized_word_path(std::string_view t, std::string_view s, std::string_view path) {
  auto part_of_path = [&](std::string_view w) {
    for (size_t b = 0; b <= path.size();) {
      size_t e = path.find('\\', b);
      if (e == std::string_view::npos) e = path.size();
      const std::string_view part = path.substr(b, e - b);
      if (part.size() == w.size() && std::equal(part.begin(), part.end(), w.begin(), [](char x, char y) {
            return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
          }))
        return true;
      b = e + 1;
    }
    return false;
  };
  size_t localized = 0;
  for (const auto& [before, after] : glued_separators(t))
    if (!part_of_path(before) || !part_of_path(after)) ++localized;
  const size_t own = glued_separators(s).size();  // the path's own separators among them
  const size_t needed = static_cast<size_t>(std::count(path.begin(), path.end(), '\\'));
  return localized >= needed + (own > needed ? own - needed : 0);
}

// The length of the sentence punctuation of Chinese and Japanese at t[i] (`。`, `、`, `，`, `：`,
// `；`, `！`, `？`, `）`), which ends a command's word as a space does; 0 when there is none.
size_t cjk_punctuation_length(std::string_view t, size_t i) {
  for (std::string_view mark : {"\u3002", "\u3001", "\uFF0C", "\uFF1A", "\uFF1B", "\uFF01", "\uFF1F", "\uFF09"})
    if (t.substr(i).starts_with(mark)) return mark.size();
  return 0;
}

// Whether `cp` is of a script that writes its words without spaces between them (Chinese and
// Japanese: Han, Hiragana, Katakana): a word of it runs on into the sentence.
bool unspaced(char32_t cp) {
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(static_cast<UChar32>(cp), &status);
  return script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA;
}

// The command is neither verbatim nor merely re-spaced: quote what the translation has where
// the command starts, if its first word is there.
void command_missing(PairComparison& p, const Token& tok, Span source_span) {
  const std::string_view T = p.target_text();
  std::string_view text = tok.text;
  size_t sp = 0;
  while (sp < text.size() && !space_length(text, sp)) ++sp;
  std::string_view first = text.substr(0, sp);
  std::optional<std::pair<size_t, size_t>> hit;
  // The first occurrence that no earlier missing command of this pair took (two paths of the
  // source that start alike, `C:\Program Files (x86)\Teams` and `C:\Program Files\Teams`).
  // A Windows program's short name (sfc, net, reg) is a word of its own too.
  if (first.size() >= 4 || (first.size() >= 2 && is_windows_program(first))) {
    const std::string needle = fold(first, {true, true, false}).text;
    // A Windows program's name is a word of the sentence too ("the Setup program", "the command
    // prompt cmd"): the occurrence with an option after it, if one has.
    const bool program = is_windows_program(first);
    auto option_after = [&](size_t e) {
      const size_t from = e;
      while (e < T.size() && space_length(T, e)) e += space_length(T, e);
      return e > from && e < T.size() && (T[e] == '/' || T[e] == '-');
    };
    // Not where another command of the source stands whole (`ipconfig /release` before the
    // `ipconfig /обновить` of "ipconfig /release, then ipconfig /renew").
    auto another_command = [&](size_t at) { return p.source_command_at(at, tok.text); };
    std::optional<std::pair<size_t, size_t>> used, plain;
    int budget = 64;  // occurrences looked at: a text that repeats one word thousands of times stays linear
    for (auto h = find_folded(T, p.folded(1), needle, false); h && budget-- > 0; h = find_folded(T, p.folded(1), needle, false, h->first + 1)) {
      if (another_command(h->first)) continue;
      if (p.used_targets.count(h->first)) {
        if (!used) used = h;
        continue;
      }
      if (!program || option_after(h->second)) {
        hit = h;
        break;
      }
      if (!plain) plain = h;
    }
    if (!hit) hit = plain ? plain : used;
  }
  // An option whose dashes became a dash of typography (`--name` as `–name`): ICU's confusable
  // skeletons do not equate them (one en dash is not two hyphens), so look for them as written.
  std::string dashes;
  if (!hit && first.size() >= 2 && first[0] == '-') {
    const size_t n = first[1] == '-' ? 2 : 1;
    for (char32_t typo : {U'\u2013', U'\u2014', U'\u2012', U'\u2010', U'\u2011', U'\u2212'}) {
      std::string alt;
      utf8::append(alt, typo);
      alt += first.substr(n);
      size_t at = find_token(T, alt);
      while (at != std::string::npos && p.target.vis.is_code(at)) at = find_token(T, alt, at + 1);
      if (at == std::string::npos) continue;
      hit = std::make_pair(at, at + alt.size());
      dashes = fmt::format(" ({} where the source has '{}')", character_name(typo), first.substr(0, n));
      break;
    }
  }
  if (!hit && first.size() == text.size() && first.size() >= 2 && (first[0] == '/' || first[0] == '-')) {
    // An option named alone ("the /quiet switch") that the translation translated: the one word
    // of the translation with the same sigil before a letter that the source does not have
    // (`/שקט`, `-Weiterleiten`), if there is exactly one.
    // The source's words in lower case, to tell a word it has re-cased (`-recurse` of `-Recurse`,
    // `/Norestart`) from a translated option.
    const std::string source_lower = to_lower(p.source.vis.text);
    for (size_t k = T.find(first[0]); k != std::string_view::npos; k = T.find(first[0], k + 1)) {
      // At the start of a word: after white space, an opening parenthesis, quote or emphasis, or
      // a directional mark (U+200E, U+200F) that keeps an option left to right in Arabic and Hebrew.
      size_t before = k;  // the character before, whole (a no-break space is two bytes)
      while (before > 0 && (static_cast<uint8_t>(T[before - 1]) & 0xC0) == 0x80) --before;
      if (before > 0) --before;
      bool word_start = k == 0 || space_length(T, before) || std::string_view("(\"'*").find(T[k - 1]) != std::string_view::npos;
      for (std::string_view mark : {"\u200E", "\u200F", "\u300C", "\u00AB", "\u201E", "\u201C", "\u300E"})
        word_start = word_start || T.substr(0, k).ends_with(mark);
      if (!word_start || p.target.vis.is_code(k) || k + 1 >= T.size()) continue;
      size_t j = k + 1;
      if (!u_isalpha(static_cast<UChar32>(utf8::next(T, j)))) continue;
      size_t e = k + 1;
      // Chinese and Japanese do not space their words: where an option in their script ends is
      // seen only at a space or a closing mark (`「/静か」`), not in `/静かスイッチを使用して...`.
      bool unspaced_script = false, closed = false;
      for (size_t c = k + 1; c < T.size();) {
        if (space_length(T, c)) {
          closed = true;
          break;
        }
        if (cjk_punctuation_length(T, c) || is_trailing_punct(T[c])) break;
        size_t next = c;
        const char32_t cp = utf8::next(T, next);
        if (cp == 0x200E || cp == 0x200F || cp == 0x300D || cp == 0x00BB || cp == 0x201C || cp == 0x201D || cp == 0x300F) {
          closed = true;
          break;
        }
        unspaced_script = unspaced_script || unspaced(cp);
        e = c = next;
      }
      if (unspaced_script && !closed) continue;
      const std::string_view candidate = T.substr(k, e - k);
      // Not a path (`/de-de/docs`), not a word of the source in any letter case, nor one of its
      // names with a dash glued to it (`-Set-CsCertificate` for "Set-CsCertificate ... -Roll": the
      // option is dropped, not translated).
      // Nor a letter alone (`w /o`) or the second word of a pair that prose writes with a slash
      // (`TCP /IP`, `N /A`).
      size_t letters = 0;
      for (size_t c = k + 1; c < e; utf8::next(T, c)) ++letters;
      size_t pb = before;
      while (pb > 0 && !space_length(T, pb - 1)) --pb;
      if (candidate.find('/', 1) != std::string_view::npos || letters < 2 || is_prose_slash_pair(T.substr(pb, before - pb), candidate) ||
          find_token(source_lower, to_lower(candidate)) != std::string_view::npos ||
          find_token(source_lower, to_lower(candidate.substr(1))) != std::string_view::npos)
        continue;
      if (hit) {  // two candidates: none is quoted
        hit.reset();
        break;
      }
      hit = std::make_pair(k, e);
    }
    if (hit) {
      const Span at = p.target.vis.span(hit->first, hit->second);
      p.report(kCommand, at, fmt::format("command differs from source: '{}' in translation, '{}' in source", q(T.substr(hit->first, hit->second - hit->first)), q(tok.text)),
               tok.text, source_span);
      return;
    }
  }
  if (!hit) {
    p.report(kCommand, p.whole_target(), fmt::format("command '{}' of the source is missing from the translation", q(tok.text)), tok.text, source_span);
    return;
  }
  // Extend over the following words that are written in ASCII, as a command would be.
  size_t e = hit->second;
  std::string_view t = T;
  size_t words = 1;
  size_t want = 1;  // the source command's words, split at any white space (`Get-Item&nbsp;-Path`)
  for (size_t k = 0; k < text.size();) {
    const size_t n = space_length(text, k);
    want += n > 0;
    k += n ? n : 1;
  }
  // The source command's words, to tell a translated argument from the sentence after it.
  std::vector<std::string_view> source_words;
  for (size_t k = 0; k < text.size();) {
    while (k < text.size() && space_length(text, k)) k += space_length(text, k);
    size_t w = k;
    while (w < text.size() && !space_length(text, w)) ++w;
    if (w > k) source_words.push_back(text.substr(k, w - k));
    k = w;
  }
  // A word of the translation in another script is the command's when it stands where the source
  // has an argument of the same shape: an option or variable with the same sigil (`/тихо` for
  // `/quiet`, `-Weiterleiten`, `@paramètres`), or a capitalized word for a parameter's bare value
  // (`Неограниченно` for `-ResultSize Unlimited`); any other is the sentence's.
  // A file name with the source's extension or a path with its root is one too (`应用.msi` for
  // `app.msi`, `C:\源` for `C:\Source`).
  // In a Windows program's command, any word where the source has a value that is no option
  // (`/tn МояЗадача`, `/grant Пользователи:F`, `qe Система`).
  const bool windows_command = !source_words.empty() && is_windows_program(source_words[0]);
  auto argument_at = [&](size_t index, size_t k) {
    if (index >= source_words.size()) return false;
    const std::string_view sw = source_words[index];
    if (std::string_view("-/@$").find(sw[0]) != std::string_view::npos) return t[k] == sw[0];
    if (windows_command) return true;
    size_t w = k;
    while (w < t.size() && !space_length(t, w)) ++w;
    while (w > k && is_trailing_punct(t[w - 1])) --w;
    const std::string_view tw = t.substr(k, w - k);
    if (const size_t dot = sw.rfind('.'); dot != std::string_view::npos && dot > 0 && dot + 1 < sw.size() && tw.ends_with(sw.substr(dot)))
      return true;
    if (sw.size() > 3 && is_letter(sw[0]) && sw[1] == ':' && sw[2] == '\\' && tw.starts_with(sw.substr(0, 3))) return true;
    size_t j = k;
    const char32_t first = utf8::next(t, j);
    return index > 0 && is_bare_value(source_words[index - 1], sw) && u_isupper(static_cast<UChar32>(first));
  };
  while (e < t.size() && words < want) {
    // A word that ends the sentence ends the command (`-ResultSize. Затем`), unless the source's
    // word there ends so too.
    if (std::string_view(".!?;").find(t[e - 1]) != std::string_view::npos &&
        !(words - 1 < source_words.size() && source_words[words - 1].back() == t[e - 1]))
      break;
    size_t k = e;
    while (k < t.size() && space_length(t, k)) k += space_length(t, k);
    size_t w = k;
    const bool other_script = k < t.size() && argument_at(words, k);
    while (w < t.size() && !space_length(t, w) && (static_cast<uint8_t>(t[w]) < 0x80 || other_script) &&
           !cjk_punctuation_length(t, w))
      ++w;
    if (w == k || (w < t.size() && !space_length(t, w) && !cjk_punctuation_length(t, w))) break;
    // The sentence's punctuation right after the command (`Get-Item.`) is not a word of it; a
    // word glued to it (`Get-Item-Path`, a space dropped) is.
    if (std::all_of(t.begin() + k, t.begin() + w, is_trailing_punct)) break;
    std::string_view word = t.substr(k, w - k);
    while (!word.empty() && is_trailing_punct(word.back())) word.remove_suffix(1);
    // A plain word (letters only) that is no word of the source's command, where the source has
    // an option or a parameter, is the sentence's; where it has a variable, it may be its
    // translation (`vrai` for `$true`) (`setup.exe /quiet aus` for a dropped
    // `/norestart`).
    const std::string_view sw = words < source_words.size() ? source_words[words] : std::string_view();
    auto plain = [](std::string_view x) {
      return !x.empty() && std::none_of(x.begin(), x.end(), [](char ch) {
        return static_cast<uint8_t>(ch) < 0x80 && !((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'));
      });
    };
    if (plain(word) && !sw.empty() && (sw[0] == '/' || sw[0] == '-') &&
        std::none_of(source_words.begin(), source_words.end(), [&](std::string_view x) { return lower_ascii(x) == lower_ascii(word); }))
      break;
    // A word in Chinese or Japanese runs on into the sentence, which spaces nothing (`ipconfig
    // /すべてを実行します`): where the argument ends is not seen.
    bool runs_on = false;
    for (size_t c = k; c < w && !runs_on;) runs_on = unspaced(utf8::next(t, c));
    if (runs_on && (w >= t.size() || !space_length(t, w))) break;
    // Turkish writes a case ending after an apostrophe on a foreign word (`/tümü'nü`, `/all'ı`):
    // not part of the argument, unless the source's word has an apostrophe.
    if (const size_t apostrophe = word.find('\''); apostrophe != std::string_view::npos && apostrophe > 0 &&
        sw.find('\'') == std::string_view::npos && (static_cast<uint8_t>(word[apostrophe - 1]) >= 0x80 || is_ascii_alnum(word[apostrophe - 1]))) {
      e = k + apostrophe;
      ++words;
      break;
    }
    e = w;
    ++words;
  }
  size_t b = hit->first;
  // Nor is the sentence's period after the command's last word (`-Path C:\temp.`), unless the
  // source's command goes on with it (`...\MSRS11.` of `...\MSRS11.MSSQLSERVER`, split there).
  // A `)` or `]` whose opener is quoted is the command's (`C:\Program Files (x86)`, `@('a')`).
  auto closes_quoted = [&](size_t end) {
    const char close = t[end - 1];
    if (close != ')' && close != ']') return false;
    const char open = close == ')' ? '(' : '[';
    const std::string_view quoted = t.substr(b, end - b);
    return std::count(quoted.begin(), quoted.end(), open) >= std::count(quoted.begin(), quoted.end(), close);
  };
  while (e > hit->second && is_trailing_punct(t[e - 1]) && t[e - 1] != text.back() && !closes_quoted(e) && !text.starts_with(t.substr(b, e - b))) --e;
  if (e - b == text.size() && t.substr(b, e - b) == text) {
    // The whole command is there, but only glued to its neighbours ("$true-AllowX" for a source
    // "$true"): quote the glued run.
    while (b > 0 && static_cast<uint8_t>(t[b - 1]) < 0x80 && !space_length(t, b - 1)) --b;
    while (e < t.size() && static_cast<uint8_t>(t[e]) < 0x80 && !space_length(t, e)) ++e;
    while (e > hit->second && is_trailing_punct(t[e - 1]) && !closes_quoted(e)) --e;  // not the sentence's period
  }
  std::string_view raw = t.substr(b, e - b);
  p.used_targets.insert(hit->first);
  p.report(kCommand, p.target.vis.span(b, e),
         fmt::format("command differs from source: '{}' in translation, '{}' in source{}", q(raw), q(tok.text), dashes),
         tok.text, source_span);
}

// An e-mail address of the source (fredsm@contoso.com): verbatim in the translation, or spaced
// apart, re-written with look-alikes, or mangled (`@ belindan-Contoso.com`). Letter case is not
// compared: the domain ignores it (RFC 1035, section 2.3.3) and mail systems treat the local part
// alike.
void compare_email(PairComparison& p, const Token& tok, Span source_span) {
  const std::string_view T = p.target_text();
  Found f = p.locate(tok.text, false);
  std::string_view raw = f.how == Match::None ? std::string_view() : T.substr(f.begin, f.end - f.begin);
  Span at = f.how == Match::None ? p.whole_target() : p.target.vis.span(f.begin, f.end);
  switch (f.how) {
    case Match::Exact:
    case Match::Case:
      return;
    case Match::Compat:
      p.report(kFullwidth, at, fmt::format("e-mail address has {}: '{}' in translation, '{}' in source", lookalikes(raw, tok.text), q(raw), q(tok.text)), tok.text,
               source_span, p.restore(at, source_span, "e-mail address"));
      return;
    case Match::Broken:
      for (size_t k = T.find('@', f.begin); k < f.end; k = T.find('@', k + 1)) p.used_targets.insert(k);
      p.report(kUrl, at, fmt::format("e-mail address differs from source: '{}' in translation, '{}' in source", q(raw), q(tok.text)), tok.text, source_span,
               p.restore(at, source_span, "e-mail address"));
      return;
    case Match::None:
      break;
  }
  // What the translation has around an `@` of its own: the address it made of the source's,
  // with the words glued to it, and a word spaced from it that shares a part of the source's
  // address (`@ belindan-Contoso.com`; not the `que` of `que @ ...`).
  const std::string address = lower_ascii(tok.text);
  const size_t source_at = address.find('@');
  auto shares = [&](size_t b, size_t e, bool local) {
    std::string w = lower_ascii(T.substr(b, e - b));
    std::string_view part = std::string_view(address).substr(local ? 0 : source_at + 1, local ? source_at : std::string_view::npos);
    part = part.substr(0, part.find('.'));
    return w.size() >= 2 && part.size() >= 2 && (w.find(part) != std::string::npos || part.find(w) != std::string_view::npos);
  };
  for (size_t k = T.find('@'); k != std::string_view::npos; k = T.find('@', k + 1)) {
    if (p.target.vis.is_code(k) || p.used_targets.count(k)) continue;
    if (auto e = email_at(T, k); e && find_token(p.source.vis.text, T.substr(e->first, e->second - e->first)) != std::string_view::npos)
      continue;  // an address the source has too
    auto ascii_word = [&](size_t b, size_t e) {
      return e > b && std::all_of(T.begin() + static_cast<std::ptrdiff_t>(b), T.begin() + static_cast<std::ptrdiff_t>(e),
                                  [](char c) { return static_cast<uint8_t>(c) > 0x20 && static_cast<uint8_t>(c) < 0x80; });
    };
    size_t b = k, e = k + 1;
    auto address_byte = [](char c) { return is_ascii_alnum(c) || c == '.' || c == '_' || c == '+' || c == '-'; };
    while (b > 0 && address_byte(T[b - 1])) --b;
    if (b == k && b > 0 && space_length(T, b - 1)) {  // `fredsm @`: the word before, if it is ASCII
      size_t wb = b - 1;
      while (wb > 0 && !space_length(T, wb - 1)) --wb;
      if (ascii_word(wb, b - 1) && shares(wb, b - 1, true)) b = wb;
    }
    while (e < T.size() && address_byte(T[e])) ++e;
    if (e == k + 1 && e < T.size() && space_length(T, e)) {  // `@ contoso.com`
      size_t ws = e + space_length(T, e), we = ws;
      while (we < T.size() && !space_length(T, we)) ++we;
      if (ascii_word(ws, we) && (shares(ws, we, false) || shares(ws, we, true))) e = we;
    }
    while (e > k + 1 && std::string_view(".,;:!?)]*").find(T[e - 1]) != std::string_view::npos) --e;
    if (e - b < 3) continue;
    p.used_targets.insert(k);
    Span span = p.target.vis.span(b, e);
    p.report(kUrl, span, fmt::format("e-mail address differs from source: '{}' in translation, '{}' in source", q(T.substr(b, e - b)), q(tok.text)), tok.text,
             source_span, p.restore(span, source_span, "e-mail address"));
    return;
  }
  // Segmentation splits sentences where a translation may not: the address may stand in the
  // translation of the next or the previous segment (a source half that repeats its neighbour's
  // sentence); in the next one only when that translation has it more often than its own source
  // does (pair.h).
  auto count = [&](const Half& h) { return h ? count_tokens(h.text(), tok.text) : 0; };
  if (count(p.pair.before) > 0) return;
  if (count(p.pair.after) > (p.repeats_after() ? 0 : count(p.pair.after_source))) return;
  p.report(kUrl, at, fmt::format("e-mail address '{}' of the source is missing from the translation", q(tok.text)), tok.text, source_span);
}

// Operators of two characters that machine translation spaces apart (`>=2019` as `> = 2019`,
// `a && b` as `a & & b`): reported where the translation has fewer of them intact than the source
// and has one spaced apart that the source has not. An operator the translation puts in words
// ("2019 or later") is prose, not a defect.
void compare_operators(PairComparison& p) {
  const std::string_view S = p.source.vis.text, T = p.target_text();
  auto spaced = [](std::string_view text, size_t k, std::string_view op) -> size_t {  // end of a spaced `op` at k, or 0
    if (text[k] != op[0]) return 0;
    size_t j = k + 1;
    while (j < text.size() && space_length(text, j)) j += space_length(text, j);
    return j > k + 1 && j < text.size() && text[j] == op[1] ? j + 1 : 0;
  };
  // `||x - y||` in prose is a norm, its bars paired around an operand, not the operator `||`:
  // every `||` opens before a word (after white space, a parenthesis or the start) or closes
  // after one, alternately.
  auto norm_bars = [&](std::string_view text) {
    bool open = false;
    size_t n = 0;
    for (size_t k = text.find("||"); k != std::string_view::npos; k = text.find("||", k + 2), ++n) {
      const bool word_after = k + 2 < text.size() && is_ascii_alnum(text[k + 2]);
      const bool word_before = k > 0 && (is_ascii_alnum(text[k - 1]) || text[k - 1] == ')');
      if (!open && word_after && !word_before) open = true;
      else if (open && word_before) open = false;
      else return false;
    }
    return n > 0 && !open;
  };
  // Which of the operators the source has at all, from one memchr pass over each of '=', '&' and
  // '|' (string_view::find_first_of would call memchr once per byte of the source).
  static constexpr std::string_view kOperators[] = {">=", "<=", "!=", "==", "=>", "&&", "||"};
  unsigned present = 0;  // bit i: kOperators[i] occurs in S
  for (size_t k = S.find('='); k != std::string_view::npos; k = S.find('=', k + 1)) {
    if (k > 0) present |= S[k - 1] == '>' ? 1u : S[k - 1] == '<' ? 2u : S[k - 1] == '!' ? 4u : S[k - 1] == '=' ? 8u : 0u;
    if (k + 1 < S.size() && S[k + 1] == '>') present |= 16u;
  }
  if (S.find("&&") != std::string_view::npos) present |= 32u;
  if (S.find("||") != std::string_view::npos) present |= 64u;
  if (!present) return;
  for (size_t i = 0; i < std::size(kOperators); ++i) {
    if (!(present & (1u << i))) continue;
    const std::string_view op = kOperators[i];
    if (op == "||" && norm_bars(S)) continue;
    size_t first = std::string_view::npos, ns = 0, nt = 0;
    for (size_t k = S.find(op); k != std::string_view::npos; k = S.find(op, k + op.size()))
      if (!p.source.vis.is_code(k)) {
        if (first == std::string_view::npos) first = k;
        ++ns;
      }
    if (!ns) continue;
    for (size_t k = T.find(op); k != std::string_view::npos; k = T.find(op, k + op.size()))
      if (!p.target.vis.is_code(k)) ++nt;
    if (nt >= ns) continue;
    bool source_spaced = false;
    for (size_t k = S.find(op[0]); k != std::string_view::npos && !source_spaced; k = S.find(op[0], k + 1)) source_spaced = spaced(S, k, op) != 0;
    if (source_spaced) continue;
    const Span source_span = p.source.vis.span(first, first + op.size());
    if (p.claimed(source_span)) continue;
    for (size_t k = T.find(op[0]); k != std::string_view::npos; k = T.find(op[0], k + 1)) {
      const size_t e = spaced(T, k, op);
      if (!e || p.target.vis.is_code(k)) continue;
      const Span at = p.target.vis.span(k, e);
      p.report(kCommand, at, fmt::format("'{}' broken apart: '{}' in translation, '{}' in source", op, q(T.substr(k, e - k)), op), op, source_span,
               p.restore(at, source_span, "operator"));
      break;
    }
  }
}

// Whether the document writes `span` in emphasis: `**`, `__`, `*` or `_` right before it, or a
// <b>/<strong> tag.
bool emphasized(const Document& doc, Span span) {
  const std::string_view before = doc.text().substr(0, span.begin);
  return before.ends_with("*") || before.ends_with("_") || before.ends_with("<b>") || before.ends_with("<strong>") ||
         before.ends_with("<B>") || before.ends_with("<STRONG>");
}

// Whether the source writes `spelling` elsewhere in its document, as a word or as a part after a
// `-` or `.` (`CsTeamsMeetingPolicy` of `Set-CsTeamsMeetingPolicy`), in its visible text: in the source half of another
// segment of a side-by-side file, or anywhere in a separate source file. A translation that re-cases
// a name to a spelling the source itself uses (`CsTeamsMeetingPolicy` where this sentence of the
// source has `csTeamsMeetingPolicy`) follows the source: the inconsistency is the source's.
bool source_spells_elsewhere(const BlockPair& pair, std::string_view spelling) {
  auto holds = [&](std::string_view text) {
    for (size_t at = text.find(spelling); at != std::string_view::npos; at = text.find(spelling, at + 1)) {
      const size_t end = at + spelling.size();
      if ((at == 0 || !is_ascii_alnum(text[at - 1])) && (end == text.size() || !is_ascii_alnum(text[end]))) return true;
    }
    return false;
  };
  // Visible text only: a URL (`xref:microsoft.quantum.lang-ref.bigint`) is no spelling of a name.
  const Document& doc = *pair.source.doc;
  if (pair.source_file) return holds(visible_text(doc, Span{0, static_cast<uint32_t>(doc.text().size())}).text);
  MappedText visible;
  for (const Segment& seg : doc.segments()) {
    if (!seg.source.present || seg.source.content.contains(pair.source.content)) continue;
    if (doc.slice(seg.source.content).find(spelling) == std::string_view::npos) continue;
    visible_text(doc, seg.source.content, visible);
    if (holds(visible.text)) return true;
  }
  return false;
}

// Whether the name at [b, e) of a source text labels a control of the product's UI: in emphasis
// (`emphasized`: bold or italic in the document) after a verb that acts on one ("Choose
// **DrillDown**"), or before `button` or `action` ("the DrillDown button"), emphasis and an
// article between. The localized product spells its labels
// its own way, and the translation follows it.
bool ui_label(std::string_view text, size_t b, size_t e, bool emphasized) {
  auto skip_back = [&](size_t k) {
    while (k > 0 && (text[k - 1] == '*' || text[k - 1] == '_' || text[k - 1] == ' ')) --k;
    return k;
  };
  auto word_before = [&](size_t k) {
    k = skip_back(k);
    size_t w = k;
    while (w > 0 && std::isalpha(static_cast<unsigned char>(text[w - 1]))) --w;
    return std::pair{to_lower(text.substr(w, k - w)), w};
  };
  size_t k = e;
  while (k < text.size() && (text[k] == '*' || text[k] == '_' || text[k] == ' ')) ++k;
  size_t w = k;
  while (w < text.size() && std::isalpha(static_cast<unsigned char>(text[w]))) ++w;
  const std::string after = to_lower(text.substr(k, w - k));
  // The caption of a control that acts ("the DrillDown button"); a field, page, tab or link names
  // data or a place, whose name is the API's or the product's (`PageSize`, `SharePoint`).
  if (contains({"button", "action"}, after)) return true;
  if (contains({"field", "fields", "page", "pages", "tab", "tabs", "link", "links", "column", "columns", "box", "pane",
                "window", "menu", "icon", "option", "options", "property", "setting", "settings", "table", "list"},
               after))
    return false;
  // A label in emphasis after the verb that acts on it: "Choose **DrillDown**".
  auto [before, at] = word_before(b);
  if (before == "the") before = word_before(at).first;
  return emphasized && contains({"choose", "select", "click", "tap", "press", "pick"}, before);
}

// Whether the text at [b, e) of a translation is in capitals among words in capitals (a heading set
// in capitals: `WINDOWS POWERSHELL` for "Windows PowerShell"): typography, not another name.
bool set_in_capitals(std::string_view t, size_t b, size_t e) {
  auto capitals = [](std::string_view w) {
    return w.size() >= 3 && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  };
  if (!capitals(t.substr(b, e - b))) return false;
  size_t pe = b;
  while (pe > 0 && t[pe - 1] == ' ') --pe;
  size_t pb = pe;
  while (pb > 0 && std::isalpha(static_cast<unsigned char>(t[pb - 1]))) --pb;
  size_t nb = e;
  while (nb < t.size() && t[nb] == ' ') ++nb;
  size_t ne = nb;
  while (ne < t.size() && std::isalpha(static_cast<unsigned char>(t[ne]))) ++ne;
  return (pe < b && capitals(t.substr(pb, pe - pb))) || (nb > e && capitals(t.substr(nb, ne - nb)));
}

// Whether `translated` writes the two-hump name `source` as a language writes a compound it
// adopted: the first letter kept, the rest in lower case (`Drilldown` for `DrillDown`).
bool adopted_spelling(std::string_view translated, std::string_view source) {
  if (translated.size() != source.size() || translated.empty() || translated[0] != source[0]) return false;
  return std::none_of(translated.begin() + 1, translated.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// Whether `word` is written in a script that separates its words with spaces and glues nothing
// to them (Latin, Cyrillic, Greek); Chinese, Japanese and Korean (`年.月.日に`, `년.월.일로`),
// Hebrew and Arabic (prefixes: `לשנה`, `السنة`) glue particles and prefixes to a word.
bool spaced_script(std::string_view word) {
  size_t k = 0;
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(static_cast<UChar32>(utf8::next(word, k)), &status);
  return U_SUCCESS(status) && (script == USCRIPT_LATIN || script == USCRIPT_CYRILLIC || script == USCRIPT_GREEK);
}

// The names CLDR gives the fields of a date in `locale`, lowercase, indexed by
// UDateTimePatternField (ICU's DateTimePatternGenerator::getFieldDisplayName, wide): "year",
// "month", "day" in English; "anno", "mese", "giorno" in Italian. Empty when ICU has none. Kept
// per thread and locale (a generator loads the locale's whole calendar data).
const std::vector<std::string>& date_field_names(const std::string& locale) {
  thread_local std::map<std::string, std::vector<std::string>> cache;
  if (auto it = cache.find(locale); it != cache.end()) return it->second;
  std::vector<std::string> names;
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale loc = icu::Locale::forLanguageTag(locale, status);
  std::unique_ptr<icu::DateTimePatternGenerator> gen;
  if (U_SUCCESS(status)) gen.reset(icu::DateTimePatternGenerator::createInstance(loc, status));
  if (gen && U_SUCCESS(status))
    for (int f = 0; f < UDATPG_FIELD_COUNT; ++f) {
      std::string name;
      gen->getFieldDisplayName(static_cast<UDateTimePatternField>(f), UDATPG_WIDE).toLower(loc).toUTF8String(name);
      names.push_back(std::move(name));
    }
  return cache.emplace(locale, std::move(names)).first->second;
}

// Whether `word` is an English date field name (`english`, CLDR's) whose name in the target
// locale (`local`, same order) the lower-cased translation has: as a word of its own in a script
// that spaces its words, anywhere in one that glues particles or prefixes to them.
bool translation_names_field(const std::vector<std::string>& english, const std::vector<std::string>& local,
                             std::string_view word, const std::string& lowered_target) {
  const auto f = std::find(english.begin(), english.end(), word);
  if (f == english.end()) return false;
  const std::string& localized = local[static_cast<size_t>(f - english.begin())];
  if (localized.empty()) return false;
  return (spaced_script(localized) ? find_standing(lowered_target, localized, [](int32_t c) { return static_cast<bool>(u_isalpha(c)); })
                                   : lowered_target.find(localized)) != std::string_view::npos;
}

// A date format written in words (`year.month.day.`, as region settings describe one): a dotted
// run of English date field names only, which a translation writes in its own words
// (`anno.mese.giorno.`), each standing alone in it. Any other part (`date.year`, `event.day`,
// `year.work`: a property or a sentence) makes it a name.
bool date_format_in_words(std::string_view name, std::string_view target, const std::string& locale) {
  if (locale.empty() || name.find('.') == std::string_view::npos) return false;
  const std::vector<std::string>& english = date_field_names("en");
  const std::vector<std::string>& local = date_field_names(locale);
  if (english.empty() || local.size() != english.size()) return false;
  const std::string lowered = to_lower(target);
  size_t parts = 0, fields = 0;
  for (size_t b = 0; b <= name.size();) {
    size_t e = name.find('.', b);
    if (e == std::string_view::npos) e = name.size();
    const std::string_view part = name.substr(b, e - b);
    b = e + 1;
    if (part.size() < 2 || !std::all_of(part.begin(), part.end(), [](char c) { return c >= 'a' && c <= 'z'; })) return false;
    ++parts;
    if (!translation_names_field(english, local, part, lowered)) return false;
    ++fields;
  }
  return parts >= 2 && fields == parts;
}

// A date written with its fields described in phrases (`work date year.work date month.11.`, a
// table's example under "year.month.day." region settings): the dots of the name at [b, e) of the
// source text join phrases, not the parts of a name. Read as the run of lower-case words, digits,
// single spaces and dots around the name, split at its dots: every part of it is a number or a
// phrase ending in an English date field name; the part that starts inside the name goes on past
// it with the words that describe the field before the dot (the same words, another field: the
// dot is between parallel phrases); and the translation has the locale's name of each of those
// fields as in date_format_in_words. A dotted name in a phrase that ends otherwise (`date.year`,
// "the event.work date setting") or that is not parallel ("year.config for the work month") is
// a name.
bool date_phrases_in_words(std::string_view source, size_t b, size_t e, std::string_view target, const std::string& locale) {
  if (locale.empty() || source.substr(b, e - b).find('.') == std::string_view::npos) return false;
  const std::vector<std::string>& english = date_field_names("en");
  const std::vector<std::string>& local = date_field_names(locale);
  if (english.empty() || local.size() != english.size()) return false;
  auto in_run = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  // A character that makes a word of the run part of a longer word: a capital, a byte of UTF-8.
  auto glued = [](char c) { return (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80 || c == '_' || c == '-'; };
  // Whole words only: a word with a capital or another character ends the run before it, but
  // for a capital that starts the run's first word ("Work date year.work date month.11.").
  size_t from = b;
  while (from > 0) {
    size_t w = from - 1;
    if (source[w] != ' ' && source[w] != '.') break;
    if (w > 0 && (source[w - 1] == ' ' || source[w - 1] == '.')) break;
    size_t k = w;
    while (k > 0 && in_run(source[k - 1])) --k;
    if (k == w) break;
    if (k > 0 && source[k - 1] >= 'A' && source[k - 1] <= 'Z' && (k == 1 || !glued(source[k - 2])) &&
        !std::isalpha(static_cast<unsigned char>(k >= 2 ? source[k - 2] : ' '))) {
      from = k - 1;  // a capitalized first word: the run starts there
      break;
    }
    if (k > 0 && glued(source[k - 1])) break;
    from = k;
  }
  size_t to = e;
  while (to < source.size()) {
    if (source[to] != ' ' && source[to] != '.') break;
    size_t k = to + 1;
    while (k < source.size() && in_run(source[k])) ++k;
    if (k == to + 1 || (k < source.size() && glued(source[k]))) break;
    to = k;
  }
  // The parts, each a list of words, and where each starts in the source.
  std::vector<std::pair<size_t, std::vector<std::string>>> parts;
  for (size_t pb = from; pb < to;) {
    size_t pe = source.find('.', pb);
    if (pe == std::string_view::npos || pe > to) pe = to;
    std::vector<std::string> words;  // lower-cased: a sentence's first word is capitalized
    for (size_t wb = pb; wb < pe;) {
      size_t we = source.find(' ', wb);
      if (we == std::string_view::npos || we > pe) we = pe;
      if (we > wb) words.push_back(to_lower(source.substr(wb, we - wb)));
      wb = we + 1;
    }
    if (!words.empty()) parts.emplace_back(pb, std::move(words));
    pb = pe + 1;
  }
  const std::string lowered = to_lower(target);
  auto is_number = [](const std::string& w) { return std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; }); };
  bool phrase_past_name = false;
  size_t phrases = 0;
  for (size_t i = 0; i < parts.size(); ++i) {
    const auto& [begin, words] = parts[i];
    if (words.size() == 1 && is_number(words[0])) continue;
    if (!translation_names_field(english, local, words.back(), lowered)) return false;
    ++phrases;
    // A phrase that starts inside the name and goes on past it, describing its field with the
    // words that describe the field before the dot ("work date year.work date month").
    if (begin > b && begin < e && words.size() > 1 && i > 0) {
      const auto& before = parts[i - 1].second;
      const size_t q = words.size() - 1;
      if (before.size() > q && std::equal(words.begin(), words.end() - 1, before.end() - 1 - q)) phrase_past_name = true;
    }
  }
  return phrases >= 2 && phrase_past_name;
}

}  // namespace

const Rule kCommand{
    .id = "code/command-mismatch",
    .severity = Severity::Error,
    .summary = "a command of the source (cmdlet and parameters, CLI options, variables, paths, operators) differs in the translation",
    .checks = "Commands written outside backticks, such as a PowerShell cmdlet with its parameters "
              "(`Set-MsolCompanySettings -AllowEmailVerifiedUsers $true`), a command-line option (`--tenant`), a "
              "Windows program with its slash options (`setup.exe /quiet /norestart`, `msiexec /i a.msi /qn`), a "
              "`$variable`, a file path or a registry key, are in the translation verbatim, including the spaces "
              "between their parts; an operator of two characters (`>=`, `<=`, `!=`, `==`, `=>`, `&&`, `||`) is "
              "not spaced apart (`> =`). Commands listed in the option `ignore` are left alone.",
    .why = "A reader who copies `Set-MsolCompanySettings-AllowEmailVerifiedUsers` gets a command that fails. Copy "
           "the command from the source exactly, character for character.",
    .fires = {.text = "<span data-ttu-id=\"f4053-101\">**Set-MsolCompanySettings-AllowEmailVerifiedUsers $true**</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-101\">**Set-MsolCompanySettings -AllowEmailVerifiedUsers $true**</span></span>\n"},
    .passes = {.text = "<span data-ttu-id=\"f4053-101\">**Set-MsolCompanySettings -AllowEmailVerifiedUsers $true**</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-101\">**Set-MsolCompanySettings -AllowEmailVerifiedUsers $true**</span></span>\n"},
    .options = {{"ignore", OptionType::List, "", "commands and names that may differ (with code/identifier-mismatch's)"}},
    .fix = "Writes the command as the source does, when the translation's differs only in spacing, letter case or "
           "look-alike characters (markup, entities and escapes alike), neither holds a line break, and the "
           "altered text occurs once in the translation half.",
};

// Commands and names are compared here together, a token of the source at a time; what to say
// about a missing name is identifier_mismatch.cpp's.
void compare_command_mismatch(PairComparison& p) {
  const std::string_view T = p.target_text();
  p.source_tokens = tokenize(p.source.vis.text, p.source.vis.has_code ? &p.source.vis.code : nullptr);
  std::set<std::string> seen;
  std::optional<std::string_view> whole_source;  // trimmed only for a name that is missing
  auto whole = [&] {
    if (!whole_source) whole_source = trim(p.source.vis.text);
    return *whole_source;
  };
  for (const Token& tok : p.source_tokens) {
    if (tok.kind == TokenKind::Url || tok.kind == TokenKind::Placeholder) continue;
    if (!seen.insert(tok.text).second || contains_text(p.context.ignore, tok.text)) continue;
    Span source_span = p.source.vis.span(tok.begin, tok.end);
    if (p.claimed(source_span)) continue;
    if (tok.kind == TokenKind::Email) {
      compare_email(p, tok, source_span);
      continue;
    }
    const bool command = tok.kind == TokenKind::Command;
    const Rule& rule = command ? kCommand : kIdentifier;
    const char* what = command ? "command" : "name";
    Found f = p.locate(tok.text, command);
    // A re-cased occurrence that this source half writes so too is that word's (the parameter
    // `stateOracle` beside its type `StateOracle`): look further.
    // When no other occurrence is left, the source's name is not in the translation: missing.
    // Unless the translation writes that spelling more often than this source half (`Global
    // CsTeamsMeetingPolicy ... CsTeamsMeetingPolicy` for `Global csTeamsMeetingPolicy ...
    // CsTeamsMeetingPolicy`): then one of them is the re-cased name.
    while (f.how == Match::Case) {
      const std::string_view spelled = T.substr(f.begin, f.end - f.begin);
      const size_t in_source = count_tokens(p.source.vis.text, spelled);
      if (in_source == 0) break;
      if (count_tokens(T, spelled) > in_source) {
        // The one at the name's place among the source's spellings of it in any letter case
        // (`deterministicStateOracle : [DeterministicStateOracle]`, the type second: the second).
        const std::string lower_s = lower_ascii(p.source.vis.text), lower_t = lower_ascii(T), name = lower_ascii(tok.text);
        size_t ordinal = 0;
        for (size_t at = find_token(lower_s, name); at != std::string_view::npos && at < tok.begin; at = find_token(lower_s, name, at + 1)) ++ordinal;
        size_t at = find_token(lower_t, name);
        for (size_t k = 0; k < ordinal && at != std::string_view::npos; ++k) at = find_token(lower_t, name, at + 1);
        if (at != std::string_view::npos && !p.target.vis.is_code(at))
          f = {T.substr(at, name.size()) == tok.text ? Match::Exact : Match::Case, at, at + name.size()};
        break;
      }
      const Found later = p.locate(tok.text, command, f.end);
      if (later.how == Match::None) {
        f = later;
        break;
      }
      f = later;
    }
    if (f.how == Match::Exact) continue;
    // "publisherIds" in English prose is the plural of the name publisherId.
    if (!command && tok.text.size() > 4 && tok.text.back() == 's' &&
        find_token(T, std::string_view(tok.text).substr(0, tok.text.size() - 1)) != std::string::npos)
      continue;
    Span at = f.how == Match::None ? p.whole_target() : p.target.vis.span(f.begin, f.end);
    std::string raw(f.how == Match::None ? "" : T.substr(f.begin, f.end - f.begin));
    switch (f.how) {
      case Match::Exact: break;
      // A command re-spaced, re-cased or written with look-alikes is restored by the fix; a name
      // only when its characters are look-alikes (a name re-cased may be a word of the sentence).
      case Match::Compat:
        p.report(kFullwidth, at, fmt::format("{} has {}: '{}' in translation, '{}' in source", what, lookalikes(raw, tok.text), q(raw), q(tok.text)), tok.text, source_span,
               p.restore(at, source_span, what));
        break;
      case Match::Case:
        if (tok.kind == TokenKind::Host) break;  // domain names ignore letter case
        if (!command && !tok.strong && ui_label(p.source.vis.text, tok.begin, tok.end, emphasized(*p.pair.source.doc, source_span)) &&
            adopted_spelling(raw, tok.text))
          break;
        if (!command && !tok.strong && set_in_capitals(T, f.begin, f.end)) break;
        // A name re-cased to a spelling the source writes elsewhere in the article: the source is
        // inconsistent, and the translation follows one of its spellings. Reported apart, as the
        // source's (a reviewer passes it upstream or fixes both), not as the translation's error.
        // Not a type that an `xref:` link of the source names: its letter case is the API's.
        if (!command && !names_xref(p.pair.source.text(), tok.text) &&
            (find_token(p.source.vis.text, raw) != std::string_view::npos || source_spells_elsewhere(p.pair, raw))) {
          p.report_source_slip(rule, at,
                               fmt::format("letter case of name changed: '{}' in translation, '{}' in source; the source "
                                           "writes '{}' too",
                                           q(raw), q(tok.text), q(raw)),
                               tok.text, source_span);
          break;
        }
        p.report(rule, at, fmt::format("letter case of {} changed: '{}' in translation, '{}' in source", what, q(raw), q(tok.text)), tok.text, source_span,
               command ? p.restore(at, source_span, what) : std::nullopt);
        break;
      case Match::Broken:
        p.report(rule, at, fmt::format("{} differs from source: '{}' in translation, '{}' in source", what, q(raw), q(tok.text)), tok.text, source_span,
               command ? p.restore(at, source_span, what) : std::nullopt);
        break;
      case Match::None: {
        if (command) {
          if (!is_word_path(tok.text) || !localized_word_path(T, p.source.vis.text, tok.text)) command_missing(p, tok, source_span);
          break;
        }
        // English prose glued to the name by a missing space (`andOAuthTokenIssuer`, `theSales`):
        // not missing when the translation has what follows the glued word, nor when only an
        // article or a possessive is glued to a plain word (`theSales`, `yourAdd`: no name there).
        if (date_format_in_words(tok.text, T, p.context.locale) ||
            date_phrases_in_words(p.source.vis.text, tok.begin, tok.end, T, p.context.locale))
          break;
        // Two words that only a link, an image or a tag joins in the source (`topic[Export Your
        // Topology](...)`: "topic" and the link text) are no name: the document has a `[`, `]` or
        // `<` between their letters that the name lacks. (Emphasis inside a name, `my_**var**`,
        // is the name's.)
        if (tok.kind == TokenKind::Identifier) {
          const std::string_view written = p.pair.source.doc->slice(source_span);
          auto markup = [](std::string_view x) {
            return std::count_if(x.begin(), x.end(), [](char ch) { return ch == '[' || ch == ']' || ch == '<'; });
          };
          if (markup(written) > markup(tok.text)) break;
        }
        bool determiner = false;
        if (const size_t h = glued_prose_head(tok.text, &determiner); h > 0 && tok.kind == TokenKind::Identifier) {
          const std::string_view head = std::string_view(tok.text).substr(0, h), rest = std::string_view(tok.text).substr(h);
          // After a preposition or a subordinating word, API names are common (`toJSON`, `byId`,
          // `toDate`, `withTimeout`): only a capitalized word of five letters or more, not in
          // capitals, and not followed by a word that says code (`the onClick event`) is prose's.
          const bool api_like_head = is_preposition(head) || is_clause_word(head);
          auto says_code = [&] {
            size_t k = tok.end;
            while (k < p.source.vis.text.size() && p.source.vis.text[k] == ' ') ++k;
            size_t w = k;
            while (w < p.source.vis.text.size() && is_letter(p.source.vis.text[w])) ++w;
            return contains({"method", "methods", "function", "functions", "property", "properties", "parameter",
                             "parameters", "field", "fields", "variable", "variables", "attribute", "attributes", "class",
                             "object", "operator", "value", "values", "call", "option", "options", "setting", "settings",
                             "key", "keys", "event", "events", "handler", "callback", "argument", "arguments"},
                            p.source.vis.text.substr(k, w - k));
          };
          const bool prose_rest = !api_like_head || (rest.size() >= 5 && std::any_of(rest.begin() + 1, rest.end(), is_lower) &&
                                                     !says_code());
          if (prose_rest && (find_token(T, rest) != std::string_view::npos || (determiner && !is_name(rest)))) break;
        }
        // A segment that holds one name was made for that name, unless it is a cell of a column
        // its translation translates (column_translated); an aligned block that does (a table
        // cell of a monolingual translation) is translated with its column (`DateTime` as
        // `DataOra` among `Importo`, `Testo`): there the name must be strong by its shape.
        const bool whole_name = whole() == tok.text && !p.pair.source_file && !column_translated(p.pair.source);
        // A strong name in a file name written in words is an example the translation may localize
        // when it ends an emphasis run of its own with the same extension.
        auto localized_example = [&] {
          const std::string_view worded = worded_file_name_extension(*p.pair.source.doc, source_span);
          return !worded.empty() && p.pair.target.text().find(std::string(worded) + "*") != std::string_view::npos;
        };
        bool strong = (tok.strong && !localized_example()) || whole_name || names_xref(p.pair.source.text(), tok.text);
        if (tok.kind != TokenKind::Identifier || !strong) break;
        std::string_view whole_t = trim(T);
        std::optional<std::pair<size_t, size_t>> cp;
        if (whole() == tok.text && !whole_t.empty() && std::none_of(whole_t.begin(), whole_t.end(), [](char ch) { return ch == ' '; }))
          cp = std::make_pair(static_cast<size_t>(whole_t.data() - T.data()), static_cast<size_t>(whole_t.data() - T.data()) + whole_t.size());
        if (!cp) cp = counterpart(p, tok);
        if (cp) {
          p.report(kIdentifier, p.target.vis.span(cp->first, cp->second),
                 fmt::format("name differs from source: '{}' in translation, '{}' in source", q(T.substr(cp->first, cp->second - cp->first)), q(tok.text)),
                 tok.text, source_span);
        } else {
          p.report(kIdentifier, at, fmt::format("name '{}' of the source is missing from the translation", q(tok.text)), tok.text, source_span);
        }
        break;
      }
    }
  }
  compare_operators(p);
}

}  // namespace loclint::checks::code

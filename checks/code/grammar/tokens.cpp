#include "tokens.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <tuple>

#include "words.h"

#include "loclint/text.h"

namespace loclint::checks::code {

namespace {

// A certification exam or product code: MB-210, AZ-900, MB6-898.
bool is_product_code(std::string_view w) {
  size_t dash = w.find('-');
  if (dash == std::string_view::npos || dash < 2 || dash > 6 || w.size() - dash - 1 < 2) return false;
  std::string_view a = w.substr(0, dash), b = w.substr(dash + 1);
  return is_upper(a[0]) && std::all_of(a.begin(), a.end(), [](char c) { return is_upper(c) || is_digit(c); }) &&
         all_of(b, is_digit);
}

}  // namespace

size_t glued_prose_head(std::string_view run, bool* determiner) {
  // Closed-class words (articles, possessive determiners, coordinating conjunctions) and the
  // participles that introduce a name ("a column named X"): no API name starts with one, so
  // `theSales`, `yourAdd`, `andOAuthTokenIssuer`, `namedRedmondTemps` are prose that lost a
  // space in the source, and the name, if any, is what follows.
  size_t n = 0;
  while (n < run.size() && is_lower(run[n])) ++n;
  if (n == 0 || n >= run.size() || !is_upper(run[n])) return 0;
  const std::string_view head = run.substr(0, n);
  const bool article = is_determiner(head);
  if (determiner) *determiner = article;
  // A preposition too (`forCommand Prompt`), though API names start with one (`forEach`,
  // `toString`, `onClick`): the caller excuses such a head only where the translation has what
  // follows it, which a translation that lost `forEach` hardly has (`Each`).
  return article || is_conjunction(head) || is_preposition(head) || is_clause_word(head) || head == "named" ||
                 head == "called"
             ? n
             : 0;
}

bool is_name(std::string_view w) {
  Token t{};
  return classify_identifier(w, t);
}

std::optional<std::pair<size_t, size_t>> email_at(std::string_view text, size_t at) {
  auto local = [](char c) { return is_ascii_alnum(c) || c == '.' || c == '_' || c == '+' || c == '-'; };
  auto domain = [](char c) { return is_ascii_alnum(c) || c == '.' || c == '_' || c == '-'; };
  if (at >= text.size() || text[at] != '@') return std::nullopt;
  size_t b = at;
  while (b > 0 && local(text[b - 1])) --b;
  size_t e = at + 1;
  while (e < text.size() && domain(text[e])) ++e;
  while (e > at + 1 && text[e - 1] == '.') --e;  // the sentence's period
  const std::string_view d = text.substr(at + 1, e - at - 1), l = text.substr(b, at - b);
  // The local part is a dot-atom (RFC 5322, section 3.4.1): no dot at either end, none doubled
  // (`meeting_MzB...zIw@thread.v2` is an identifier cut short, not an address).
  if (l.empty() || l.front() == '.' || l.back() == '.' || l.find("..") != std::string_view::npos) return std::nullopt;
  if (d.empty() || d.find('.') == std::string_view::npos || d.front() == '.' ||
      d.find("..") != std::string_view::npos || !is_letter(d.back()))
    return std::nullopt;
  return std::make_pair(b, e);
}

bool may_have_tokens(std::string_view text) {
  // What each token kind needs, as bytes and pairs of adjacent bytes (see tokenize()):
  //   $ \ { % < _ # + @     variables, Windows paths, placeholders, snake_case, C# and C++,
  //                         e-mail addresses: anywhere
  //   - then - A-Z 0-9       --options, Verb-Noun cmdlets, MB-210 codes (after the first dash)
  //   space then - or /      one-letter options ("the -o parameter"), at the start of the text too;
  //                         Windows options (setup.exe /quiet)
  //   : . ~ then /           URLs (://), relative paths (./ ../ ~/)
  //   a-z 0-9 then A-Z       a hump: camelCase, PascalCase
  //   . then A-Z a-z 0-9 _ . an inner dot: Az.Accounts, contoso.com
  //   six format bytes       a date format word: yyyyMMdd, dd/MM/yyyy, HH:mm:ss
  // A pair is found with one test: a byte's "first of a pair" bits (the high byte) are
  // shifted onto the "second of a pair" bits (bits 0-3) that the next byte is tested with,
  // together with the bit of the bytes needed anywhere.
  enum : uint16_t {
    kUpper = 1, kWord = 2, kAfterDash = 4, kSlash = 8, kAfterSpace = 16,           // second of a pair
    kFormat = 32,                                                                   // a date format byte
    kStop = 64,                                                                     // needed anywhere
    kLowDigit = 256, kDot = 512, kDash = 1024, kBeforeSlash = 2048, kSpace = 4096,  // first of a pair
  };
  static constexpr auto kClass = [] {
    std::array<uint16_t, 256> t{};
    for (char c : std::string_view("$\\{%<_#+@")) t[static_cast<uint8_t>(c)] |= kStop;
    for (int c = 0; c < 256; ++c) {
      if (c >= 'A' && c <= 'Z') t[c] |= kUpper | kWord | kAfterDash;
      if (c >= 'a' && c <= 'z') t[c] |= kLowDigit | kWord;
      if (c >= '0' && c <= '9') t[c] |= kLowDigit | kWord | kAfterDash;
    }
    t['.'] |= kDot | kWord | kBeforeSlash;
    t['_'] |= kWord;
    t['-'] |= kDash | kAfterDash | kAfterSpace;
    // The white space split_words() splits at: ASCII, and the last byte of NBSP (C2 A0), of
    // U+202F (E2 80 AF), of U+2000-U+200A (E2 80 80-8A) and of U+3000 (E3 80 80).
    for (char c : std::string_view(" \t\n\r\f\v")) t[static_cast<uint8_t>(c)] |= kSpace;
    for (int c = 0x80; c <= 0x8A; ++c) t[c] |= kSpace;
    t[0xA0] |= kSpace;
    t[0xAF] |= kSpace;
    t[':'] |= kBeforeSlash;
    t['~'] |= kBeforeSlash;
    t['/'] |= kSlash | kAfterSpace;  // and a Windows option after a space (setup.exe /quiet)
    for (char c : std::string_view("yMdHhmsfFzZTKtg.-:/")) t[static_cast<uint8_t>(c)] |= kFormat;
    return t;
  }();
  uint16_t wanted = kStop | kAfterSpace;  // what ends the search at the next byte
  size_t run = 0;           // format bytes in a row
  for (char ch : text) {
    const uint16_t f = kClass[static_cast<uint8_t>(ch)];
    if (f & wanted) return true;
    run = f & kFormat ? run + 1 : 0;
    if (run >= 6) return true;
    wanted = static_cast<uint16_t>(f >> 8) | kStop;
  }
  return false;
}

std::vector<Token> tokenize(std::string_view text, const std::vector<bool>* skip) {
  std::vector<Token> out;
  // Two thirds of all text (by bytes) is prose that no token kind can come from.
  if (!may_have_tokens(text)) return out;
  // Every segment half is tokenized: its words go to a buffer this thread keeps.
  thread_local std::vector<Word> words;
  split_words(text, skip, words);
  auto core = [&](const Word& w) { return std::string_view(text.data() + w.core_begin, w.core_end - w.core_begin); };
  // A command continues to the next word only across white space (a no-break space too, which
  // docs write to keep a command on one line: `Get-Item&nbsp;-Path`), and never past a word that
  // ends a clause ("... -Force." ends the command).
  // Only white space between two words, the first not ending in punctuation.
  auto spaced_after = [&](const Word& prev, const Word& next) {
    if (prev.core_end != prev.end) return false;
    for (size_t k = prev.end; k < next.begin;) {
      const size_t n = space_length(text, k);
      if (!n || (skip && k < skip->size() && (*skip)[k])) return false;
      k += n;
    }
    return true;
  };
  auto continues = [&](const Word& prev, const Word& next) {
    return spaced_after(prev, next) && (next.core_begin == next.begin || is_quoted(core(next)));
  };

  // Windows-style options (`setup.exe /quiet`, `msiexec /i a.msi /qn`, "the /norestart switch"):
  // only a text with a word that starts with a slash can have one.
  bool slash_words = false;
  if (text.find('/') != std::string_view::npos)
    for (const Word& w : words) slash_words = slash_words || text[w.core_begin] == '/';
  // The arguments of a Windows program from word `at` on (Microsoft Learn, "Command-line syntax
  // key"): options; values (paths, file names, drive letters `C:`, `{GUID}`s, wildcards `*.docx`,
  // URLs, a quoted path with spaces); a bare word or number right after an option where the command
  // ends or another option follows (`/tn MyTask /sc daily`, `/t 0`; not `/all 3 times`); a
  // subcommand in lower case right after the program (`reg add`, `wevtutil qe`) and a positional
  // word before an option. Returns the last word and the end byte of the command; the last word is
  // `at` when no Windows option is among them (then it is no command).
  auto drive = [&](size_t k) {  // `C:` (its colon is no sentence punctuation here), `C:.`
    const std::string_view raw = text.substr(words[k].begin, words[k].end - words[k].begin);
    return raw.size() >= 2 && is_letter(raw[0]) && raw[1] == ':' && std::all_of(raw.begin() + 2, raw.end(), is_trailing_punct);
  };
  auto windows_value = [&](std::string_view v) {
    const bool ascii = std::all_of(v.begin(), v.end(), [](char ch) { return static_cast<uint8_t>(ch) > 0x20 && static_cast<uint8_t>(ch) < 0x80; });
    if (!ascii || v.empty() || is_plain_number(v)) return false;
    return is_value(v) || (v.front() == '{' && v.back() == '}') || v.starts_with("http://") || v.starts_with("https://") ||
           (v.find('*') != std::string_view::npos && v.find('.') != std::string_view::npos);
  };
  // Whether word k + 1 goes on the command of word k: white space between, no punctuation after
  // word k but a drive's colon or a closing quote.
  auto next_follows = [&](size_t k) {
    if (k + 1 >= words.size()) return false;
    const Word& prev = words[k];
    const Word& next = words[k + 1];
    if (prev.core_end != prev.end && !drive(k) && text[prev.end - 1] != '"') return false;
    for (size_t b = prev.end; b < next.begin;) {
      const size_t n = space_length(text, b);
      if (!n || (skip && b < skip->size() && (*skip)[b])) return false;
      b += n;
    }
    return next.core_begin == next.begin || is_quoted(core(next)) || text[next.begin] == '"' || text[next.begin] == '*';
  };
  // Two words that prose writes with a slash, the second one spaced like an option (`w /o`,
  // `N /A`, `TCP /IP`, `and /or`): never an option.
  auto prose_pair = [&](size_t k) { return k > 0 && is_prose_slash_pair(core(words[k - 1]), core(words[k])); };
  // A program whose console commands go on with a subcommand: reg add, wevtutil qe.
  auto takes_subcommand = [&](size_t at) {
    const std::string p = lower_ascii(core(words[at]));
    return p == "reg" || p == "reg.exe" || p == "wevtutil" || p == "wevtutil.exe";
  };
  auto windows_arguments = [&](size_t at) -> std::pair<size_t, size_t> {
    size_t last = at, end = words[at].core_end;
    bool option = false, after_option = false;
    // A command of more than 40 words is prose full of slashes: the scan stops there, which keeps
    // a text of thousands of them linear.
    for (size_t k = at; next_follows(k) && k < at + 40;) {
      size_t n = k + 1;
      std::string_view next = core(words[n]);
      if (prose_pair(n)) break;
      const bool is_drive = drive(n);
      // A quoted path with spaces ("C:\Program Files\app.msi"): its words up to the closing quote.
      bool quoted = false;
      if (text[words[n].begin] == '"' && !is_quoted(next))
        for (size_t m = n; m < words.size() && m <= n + 6 && (m == n || next_follows(m - 1)); ++m)
          if (m > n && text[words[m].end - 1] == '"') {
            n = m;
            quoted = true;
            break;
          }
      const bool punct_after = is_drive ? words[n].end > words[n].begin + 2 : !quoted && words[n].core_end != words[n].end;
      const bool option_next = next_follows(n) && is_windows_option(core(words[n + 1]));
      const bool ends_after = punct_after || !next_follows(n);
      const bool ascii_word = !next.empty() && std::all_of(next.begin(), next.end(), [](char ch) { return static_cast<uint8_t>(ch) > 0x20 && static_cast<uint8_t>(ch) < 0x80; });
      bool later_option = false;  // an option within the next words: a subcommand or positional word leads to it
      for (size_t m = n + 1; m < words.size() && m <= n + 4 && !later_option; ++m) later_option = is_windows_option(core(words[m]));
      bool take = false;
      if (!is_drive && !quoted && is_windows_option(next)) {
        option = take = true;
      } else if (is_drive || quoted || windows_value(next) || is_param(next)) {
        take = true;
      } else if (text[words[n].begin] == '*' && windows_value(text.substr(words[n].begin, words[n].core_end - words[n].begin))) {
        take = true;  // a wildcard (*.docx), whose star is no emphasis here
      } else if (after_option && ascii_word && ((option_next && !prose_pair(n + 1)) || (ends_after && !all_of(next, is_lower)))) {
        // A bare value: /tn MyTask /sc daily, /t 0, /grant Users:F; at the command's end not a word
        // in lower case, which is the sentence's as often ("/MIR now").
        take = true;
      } else if (n == at + 1 && !option && all_of(next, is_lower) && later_option && takes_subcommand(at)) {
        take = true;  // a subcommand: reg add, wevtutil qe
      } else if (ascii_word && option_next && is_positional(next)) {
        take = true;  // a positional word before an option: wevtutil qe System /c:5
      }
      if (!take) break;
      after_option = !is_drive && !quoted && is_windows_option(next);
      last = n;
      end = is_drive ? words[n].begin + 2 : quoted ? words[n].end : words[n].core_end;
      k = n;
      if (punct_after) break;  // punctuation ends the command
    }
    if (!option) return {at, words[at].core_end};
    // What follows the last option is the command's only when it is a value of it (`/configure
    // configuration.xml`); words taken before an option that never came are not.
    return {last, end};
  };

  std::vector<Token> ph;  // placeholders of one word, reused
  std::vector<Token> emails;
  for (size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    std::string_view c = core(w);
    if (c.empty()) continue;
    if (w.classes & kAtByte) {
      // E-mail addresses (a URL's `user@` is the URL's); the word's other tokens are still found
      // (`UserPrincipalName=admin@contoso.com`), and those inside an address dropped at the end.
      const std::string_view raw = text.substr(w.begin, w.end - w.begin);
      if (raw.find("://") == std::string_view::npos)
        for (size_t at = raw.find('@'); at != std::string_view::npos; at = raw.find('@', at + 1))
          if (auto m = email_at(raw, at)) {
            emails.push_back({TokenKind::Email, w.begin + m->first, w.begin + m->second, std::string(raw.substr(m->first, m->second - m->first)), true});
            at = m->second - 1;
          }
    }
    // A program named by an English word (setup, shutdown, cmd, dir, reg, timeout, del) is a word of
    // the sentence ("the setup /uninstall wizard", "a system shutdown /restart", "a cmd /PowerShell
    // window", "SETUP /CONFIGURATION" in a heading) unless it is written in lower case and starts
    // the text or a sentence or follows a verb that runs it ("run setup /configure", "type cmd
    // /c"); setup and shutdown take an option in one letter case.
    auto english_word_program = [&] {
      if (!is_word_program(c)) return false;
      if (!all_of(c, [](char ch) { return !is_upper(ch); })) return true;
      if ((c == "setup" || c == "shutdown") && i + 1 < words.size()) {
        const std::string_view o = core(words[i + 1]).substr(1);
        if (!all_of(o, [](char ch) { return !is_upper(ch); }) && !all_of(o, [](char ch) { return !is_lower(ch); })) return true;
      }
      if (i == 0 || words[i - 1].core_end != words[i - 1].end) return false;  // a text's or sentence's start
      return !contains({"run", "type", "enter", "execute", "use", "call", "start", "launch", "open", "with", "then"},
                       lower_ascii(core(words[i - 1])));
    };
    if (slash_words && is_windows_program(c) && !english_word_program()) {
      // A Windows program and its options: setup.exe /quiet /norestart, msiexec /i a.msi /qn,
      // robocopy C:\a D:\b /MIR.
      const auto [last, end] = windows_arguments(i);
      if (last != i) {
        out.push_back({TokenKind::Command, w.core_begin, end, std::string(text.substr(w.core_begin, end - w.core_begin)), true});
        i = last;
        continue;
      }
    }
    const bool dash = w.classes & kDashByte;
    bool cmdlet = dash && is_cmdlet(c);
    bool long_option = dash && c.starts_with("--") && is_param(c);
    // A PowerShell parameter named on its own ("the -Forward parameter"): a reader types it.
    // A dash glued to the first word of a text, or after a run of spaces, or before a bare
    // number, is a list item that lost its space ("-Find non-posted documents", "Subscription
    // B   -ResourceGroup 1", "Add-On -ResourceGroup 1"), unless the word is the whole text (a
    // parameter's heading).
    // After a closing parenthesis or bracket the dash is the sentence's ("(PHB) -Expedited
    // Forwarding": a list dash that lost its space).
    bool parameter = dash && !cmdlet && !long_option && is_powershell_param(c) &&
                     (words.size() == 1 ||
                      (i > 0 && w.begin >= 2 && text[w.begin - 1] == ' ' && text[w.begin - 2] != ' ' &&
                       text[w.begin - 2] != ')' && text[w.begin - 2] != ']' &&
                       !(i + 1 < words.size() && is_plain_number(core(words[i + 1])))));
    // A one-letter option named as one ("the -o parameter", "flag -n"): a reader types it.
    auto names_an_option = [&](size_t k) {
      if (k >= words.size()) return false;
      return is_option_noun(core(words[k]));
    };
    // A Windows option named as one ("the /norestart switch", "The /quiet and /norestart
    // switches", "this /quiet option"): its name in one letter case and no word for options
    // itself, after a determiner and before a word that names an option (over a list of options
    // joined by and, or, commas); or alone, as a table cell or the term of a definition ("/quiet:
    // Installs without a user interface"). A slash between two words is prose ("the Yes /No
    // option", "Read /write flags", "the flags /options").
    auto named_windows_option = [&] {
      const std::string_view name = c.substr(1);
      if (!all_of(name, [](char ch) { return !is_upper(ch); }) && !all_of(name, [](char ch) { return !is_lower(ch); }))
        return false;
      if (const std::string lower = lower_ascii(name); is_option_noun(lower) || contains({"value", "values", "setting", "settings"}, lower))
        return false;
      if (words.size() == 1 || (i == 0 && text[w.core_end] == ':')) return true;
      auto in_list = [&](size_t k) {
        const std::string_view x = core(words[k]);
        return x == "and" || x == "or" || (!x.empty() && x[0] == '/' && is_windows_option(x));
      };
      size_t b = i;
      while (b > 0 && b + 6 > i && in_list(b - 1)) --b;
      size_t e = i + 1;
      while (e < words.size() && e < i + 6 && in_list(e)) ++e;
      if (b == 0) return false;
      const std::string before = lower_ascii(core(words[b - 1]));
      return (is_determiner(before) || before == "this" || before == "that") && names_an_option(e);
    };
    if (slash_words && text[w.core_begin] == '/' && w.core_begin == w.begin && is_windows_option(c) && named_windows_option()) {
      out.push_back({TokenKind::Command, w.core_begin, w.core_end, std::string(c), true});
      continue;
    }
    const bool short_option = dash && !cmdlet && !long_option && !parameter && c.size() == 2 && c[0] == '-' &&
                              w.core_begin == w.begin && is_letter(c[1]) &&
                              ((i > 0 && names_an_option(i - 1)) || names_an_option(i + 1));
    // A variable starts a command too: "$true -AllowX" is one ("$true-AllowX" lost its space).
    const bool variable = !dash && (w.classes & kPlaceholderStart) && is_variable(c);
    if (cmdlet || long_option || parameter || short_option || variable) {
      size_t last = i;
      while (last + 1 < words.size() && continues(words[last], words[last + 1])) {
        std::string_view next = core(words[last + 1]);
        // A variable goes on only into a parameter ("$true -AllowX"), not into a value ("$AUD 100").
        if (variable && last == i && !is_param(next)) break;
        if (is_param(next) || is_value(next)) {
          ++last;
        } else if (is_bare_value(core(words[last]), next) &&
                   (words[last + 1].core_end != words[last + 1].end || last + 2 == words.size() ||
                    (continues(words[last + 1], words[last + 2]) && is_param(core(words[last + 2]))))) {
          // A parameter's bare-word value (-ResultSize Unlimited, -RecipientTypeDetails
          // UserMailbox) where the command ends or goes on with a parameter: a word of the
          // sentence after it is prose ("-Force Parameter With ...").
          ++last;
        } else if (cmdlet && last == i && last + 2 < words.size() && is_positional(next) &&
                   continues(words[last + 1], words[last + 2]) && is_param(core(words[last + 2]))) {
          // A positional argument between the cmdlet and a parameter: Import-Module Contoso -Force.
          ++last;
        } else {
          break;
        }
      }
      Token t{TokenKind::Command, w.core_begin, words[last].core_end, {}, true};
      if (cmdlet && last == i) {
        // A cmdlet named alone is a name; it must survive like any API name.
        t.kind = TokenKind::Identifier;
        std::string_view noun = c.substr(c.find('-') + 1);
        t.strong = humps(noun).size() >= 2 || contains({"Get", "Set", "New", "Remove", "Install", "Import",
                                                        "Update", "Connect", "Invoke", "Enable", "Disable"},
                                                       c.substr(0, c.find('-')));
      }
      t.text = std::string(text.substr(t.begin, t.end - t.begin));
      out.push_back(std::move(t));
      i = last;
      continue;
    }
    if (is_symbol_name(c)) {
      out.push_back({TokenKind::Identifier, w.core_begin, w.core_end, std::string(c), true});
      continue;
    }
    if ((w.classes & kDotByte) && is_help_keyword(c)) {
      out.push_back({TokenKind::Identifier, w.core_begin, w.core_end, std::string(c), true});
      continue;
    }
    if ((w.classes & kBackslashByte || c[0] == '~' || c[0] == '.') && is_path(c)) {
      // A Windows path with spaces (C:\Program Files\Common Files\Contoso Server 2013\Modules,
      // C:\Program Files (x86)\Skype Room System Deployment Kit) goes on over capitalized words,
      // numbers, a parenthesized `(x86)` and the connectors of product names (Skype for Business)
      // up to the next word with a backslash, as long as that word does not start a path of its
      // own (C:\Temp and D:\Data are two); after its last backslash, over the capitalized words
      // of the last folder's name (not past a file name: C:\setup.exe Server).
      size_t last = i;
      auto ascii_word = [](std::string_view x) {
        return !x.empty() && std::all_of(x.begin(), x.end(), [](char ch) { return static_cast<uint8_t>(ch) > 0x20 && static_cast<uint8_t>(ch) < 0x80; });
      };
      auto name_word = [](std::string_view x) {
        if (x.size() >= 3 && x.front() == '(' && x.back() == ')')
          return std::all_of(x.begin() + 1, x.end() - 1, is_ascii_alnum);  // (x86)
        return (is_upper(x[0]) || is_digit(x[0])) && std::all_of(x.begin(), x.end(), is_ascii_alnum);
      };
      auto connector = [](std::string_view x) { return contains({"for", "of", "and"}, x); };
      static constexpr std::string_view kHives[] = {"HKLM\\", "HKCU\\", "HKCR\\", "HKU\\", "HKCC\\", "HKEY_"};
      if (w.classes & kBackslashByte) {
        for (bool more = true; more;) {
          more = false;
          for (size_t k = last + 1; k < words.size() && k <= last + 6; ++k) {
            // `(x86)\Teams`: a word that starts with a parenthesis, read whole.
            const std::string_view whole(text.data() + words[k].begin, words[k].core_end - words[k].begin);
            const bool parenthesized = whole.starts_with('(') && whole.find(")\\") != std::string_view::npos;
            std::string_view next = parenthesized ? whole : core(words[k]);
            if (!ascii_word(next)) break;
            if (!continues(words[k - 1], words[k]) && !(parenthesized && spaced_after(words[k - 1], words[k]))) break;
            if (next.find('\\') != std::string_view::npos) {
              // A word that starts a path of its own (`D:\Data`, `HKLM\Software`, `%TEMP%\x`,
              // `\\server\share`) is another command.
              const bool own_root = (next.size() > 1 && next[1] == ':') || next[0] == '%' ||
                                    std::any_of(std::begin(kHives), std::end(kHives), [&](std::string_view h) { return next.starts_with(h); });
              if ((!is_ascii_alnum(next[0]) && !parenthesized) || own_root) break;
              last = k;
              more = true;
              break;
            }
            if (!name_word(next) && !connector(next)) break;
          }
        }
        // The last folder's name: capitalized words after the last backslash, when that part has
        // no extension and the words end where the command may (a lower-case word, punctuation, the
        // text's end). A connector goes on only into a run of capitalized words that the sentence
        // then goes on from with a function word or a word for the path (`Documents and Settings
        // on ...`, `Skype for Business Server 2015 on ...`, `... Tool folder`), or, between two
        // words of the name, that ends the sentence; not into a clause (`System32 and Windows loads
        // it`, `Common Files and Windows loads it`, `System32 for Windows Server.`).
        const std::string_view tail = core(words[last]).substr(core(words[last]).rfind('\\') + 1);
        if (!tail.empty() && std::all_of(tail.begin(), tail.end(), [](char ch) { return is_ascii_alnum(ch) || ch == '_' || ch == '-'; })) {
          auto path_goes_on_after = [](std::string_view x) {
            return contains({"on", "in", "to", "for", "of", "at", "by", "with", "from", "the", "a", "an", "and", "or", "is",
                             "are", "was", "folder", "folders", "directory", "file", "files", "path", "share", "drive",
                             "location"},
                            x);
          };
          size_t k = last + 1, end_at = last;
          while (k < words.size() && k <= last + 6 && continues(words[k - 1], words[k]) && ascii_word(core(words[k]))) {
            const std::string_view next = core(words[k]);
            // A sentence adverb (Then, Next) starts the next clause.
            if (name_word(next) && !is_sentence_adverb(next)) {
              end_at = k;
              if (words[k].core_end != words[k].end) break;  // punctuation ends the name
            } else if (connector(next)) {
              size_t r = k + 1;
              while (r < words.size() && r <= k + 6 && continues(words[r - 1], words[r]) && name_word(core(words[r])) &&
                     !is_sentence_adverb(core(words[r])) && words[r - 1].core_end == words[r - 1].end)
                ++r;
              if (r == k + 1) break;
              const bool run_ends_text = r == words.size() || words[r - 1].core_end != words[r - 1].end ||
                                         !continues(words[r - 1], words[r]);
              if (!(r < words.size() && !run_ends_text && path_goes_on_after(core(words[r]))) && !(end_at > last && run_ends_text))
                break;
            } else {
              break;
            }
            ++k;
          }
          last = end_at;
        }
      }
      // A program at the end of the path takes its options (C:\Tools\setup.exe /quiet).
      size_t begin = w.core_begin, end = words[last].core_end;
      if (slash_words && is_windows_program(core(words[last]))) {
        std::tie(last, end) = windows_arguments(last);
        // A quoted path with spaces before the options ("C:\Program Files\setup.exe" /quiet) is
        // quoted whole, both quotes.
        if (text[w.begin] == '"' && text.substr(w.begin + 1, end - w.begin - 1).find('"') != std::string_view::npos) begin = w.begin;
      }
      out.push_back({TokenKind::Command, begin, end, std::string(text.substr(begin, end - begin)), true});
      i = last;
      continue;
    }
    // What the word is made of decides which of the searches below can find anything in it.
    const bool has_colon = w.classes & kColonByte;
    const bool has_placeholder_start = w.classes & kPlaceholderStart;
    // classify_identifier accepts a run only if it has an underscore, a dot inside it (a dot
    // that a word byte or another dot follows; a sentence's final dot does not count) or a hump
    // (an upper-case letter right after a lower-case letter or a digit). A capitalized word
    // ("Partner") has none of them.
    bool has_name_mark = w.classes & kUnderscoreByte;
    if (!has_name_mark && (w.classes & (kDotByte | kUpperByte)))
      for (size_t k = w.begin; k + 1 < w.end && !has_name_mark; ++k) {
        const char a = text[k], b = text[k + 1];
        has_name_mark = (a == '.' && (is_word_byte(b) || b == '.')) || (is_upper(b) && (is_lower(a) || is_digit(a)));
      }
    // Within the word: a URL takes the rest of it; then placeholders; then identifiers.
    size_t end = w.end;
    size_t url = std::string_view::npos;
    if (has_colon)
      for (std::string_view scheme : {"https://", "http://"}) {
        size_t p = text.substr(w.begin, w.end - w.begin).find(scheme);
        if (p != std::string_view::npos) url = std::min(url, w.begin + p);
      }
    if (url != std::string_view::npos) {
      size_t ue = w.end;
      while (ue > url && (is_trailing_punct(text[ue - 1]) || text[ue - 1] == '`' || text[ue - 1] == '\'' || text[ue - 1] == '"')) --ue;
      out.push_back({TokenKind::Url, url, ue, std::string(text.substr(url, ue - url)), true});
      end = url;
    }
    if ((w.classes & kFormatLetter) && is_format_pattern(c)) {
      out.push_back({TokenKind::Placeholder, w.core_begin, w.core_end, std::string(c), true});
      continue;
    }
    if (dash && is_product_code(c)) {
      out.push_back({TokenKind::Identifier, w.core_begin, w.core_end, std::string(c), true});
      continue;
    }
    ph.clear();
    if (has_placeholder_start) find_placeholders(text, w.begin, end, ph);
    size_t k = w.begin;
    auto scan_identifiers = [&](size_t from, size_t to) {
      if (!has_name_mark) return;  // classify_identifier would reject every run
      size_t j = from;
      while (j < to) {
        if (!(is_word_byte(text[j]) || text[j] == '.')) {
          ++j;
          continue;
        }
        size_t s = j;
        while (j < to && (is_word_byte(text[j]) || text[j] == '.')) ++j;
        size_t b = s, e = j;
        while (b < e && text[b] == '.') ++b;
        while (e > b && text[e - 1] == '.') --e;
        Token t{TokenKind::Identifier, b, e, {}, true};
        if (!classify_identifier(text.substr(b, e - b), t)) continue;
        // Glued to letters of another script: part of a word, not a name of its own.
        if (b > 0 && static_cast<uint8_t>(text[b - 1]) >= 0x80 && b == s) {
          size_t q = b - 1;
          while (q > 0 && (static_cast<uint8_t>(text[q]) & 0xC0) == 0x80) --q;
          size_t qq = q;
          char32_t cp = utf8::next(text, qq);
          if (u_isalpha(static_cast<UChar32>(cp))) continue;
        }
        t.text = std::string(text.substr(b, e - b));
        out.push_back(std::move(t));
      }
    };
    for (const Token& p : ph) {
      scan_identifiers(k, p.begin);
      out.push_back(p);
      k = p.end;
    }
    scan_identifiers(k, end);
  }
  if (!emails.empty()) {
    std::erase_if(out, [&](const Token& t) {
      return std::any_of(emails.begin(), emails.end(), [&](const Token& m) { return t.begin < m.end && m.begin < t.end; });
    });
    out.insert(out.end(), emails.begin(), emails.end());
  }
  std::sort(out.begin(), out.end(), [](const Token& a, const Token& b) { return a.begin < b.begin; });
  return out;
}

}  // namespace loclint::checks::code

#include "words.h"

#include <algorithm>
#include <array>

#include "tokens.h"

#include "loclint/text.h"

namespace loclint::checks::code {

size_t space_length_slow(std::string_view text, size_t i) {
  size_t j = i;
  char32_t cp = utf8::next(text, j);
  if (cp == 0xA0 || cp == 0x202F || cp == 0x3000 || cp == 0x2007 || (cp >= 0x2000 && cp <= 0x200A)) return j - i;
  return 0;
}


// PowerShell's approved verbs (Get-Verb).
namespace {

const std::initializer_list<std::string_view> kVerbs = {
    "Add", "Approve", "Assert", "Backup", "Block", "Checkpoint", "Clear", "Close", "Compare", "Complete",
    "Compress", "Confirm", "Connect", "Convert", "ConvertFrom", "ConvertTo", "Copy", "Debug", "Deny",
    "Disable", "Disconnect", "Dismount", "Edit", "Enable", "Enter", "Exit", "Expand", "Export", "Find",
    "Format", "Get", "Grant", "Group", "Hide", "Import", "Initialize", "Install", "Invoke", "Join",
    "Limit", "Lock", "Measure", "Merge", "Mount", "Move", "New", "Open", "Optimize", "Out", "Ping", "Pop",
    "Protect", "Publish", "Push", "Read", "Receive", "Redo", "Register", "Remove", "Rename", "Repair",
    "Request", "Reset", "Resize", "Resolve", "Restart", "Restore", "Resume", "Revoke", "Save", "Search",
    "Select", "Send", "Set", "Show", "Skip", "Split", "Start", "Step", "Stop", "Submit", "Suspend",
    "Switch", "Sync", "Test", "Trace", "Unblock", "Undo", "Uninstall", "Unlock", "Unprotect",
    "Unpublish", "Unregister", "Update", "Use", "Wait", "Watch", "Write"};

// Hyphenated English words that look like cmdlets ("Read-Only", "Test-Drive").
const std::initializer_list<std::string_view> kNotNouns = {"Only", "Drive", "Free", "Based", "Back",
                                                               "Down", "Over", "Through", "Ready"};
// The short second halves of hyphenated English words ("Add-On", "Add-Ins", "Set-Up", "Write-Off",
// "Pop-Up", "Lock-In", "Stop-Gap"): particles and the like, never a cmdlet's noun.
const std::initializer_list<std::string_view> kShortNotNouns = {"On", "Ons", "In", "Ins", "Up", "Ups", "Off", "Out",
                                                                "Go", "By", "Of", "To", "Top", "Gap", "All", "Now", "As",
                                                                "Me", "Run"};

// Last humps that mark a PascalCase word as a field or API name.
const std::initializer_list<std::string_view> kFieldSuffixes = {
    "Id", "ID", "Ids", "IDs", "Name", "Names", "Type", "Date", "Amount", "Number", "Code", "Count", "Key",
    "Url", "URL", "Uri", "Value", "Total", "Price", "Status", "Quantity", "Guid", "GUID", "Email",
    "Currency", "Rate", "Path", "Version", "Level", "Mode", "Flag", "Info"};

const std::initializer_list<std::string_view> kHostTlds = {
    "com", "net", "org", "io", "us", "de", "fr", "cn", "gov", "edu", "info", "biz", "co", "uk", "jp",
    "ru", "eu", "ca", "au", "in", "br", "es", "it", "nl", "mil", "azure", "dev", "app"};

}  // namespace

std::vector<std::string_view> humps(std::string_view w) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 1; i < w.size(); ++i)
    if (is_upper(w[i]) && (is_lower(w[i - 1]) || is_digit(w[i - 1]))) {
      out.push_back(w.substr(start, i - start));
      start = i;
    }
  out.push_back(w.substr(start));
  return out;
}


bool is_cmdlet(std::string_view w) {
  size_t dash = w.find('-');
  if (dash == std::string_view::npos || dash == 0) return false;
  std::string_view verb = w.substr(0, dash), noun = w.substr(dash + 1);
  if (!contains(kVerbs, verb)) return false;
  if (noun.size() < 2 || !is_upper(noun[0]) || !std::all_of(noun.begin(), noun.end(), is_ascii_alnum)) return false;
  // A short noun (Get-VM, Get-Job, Import-Csv): an acronym, or a word that is not a particle.
  if (noun.size() < 4) return !contains(kShortNotNouns, noun);
  return !contains(kNotNouns, noun) && std::any_of(noun.begin(), noun.end(), is_lower);
}


bool is_param(std::string_view w) {
  size_t d = w.size() > 2 && w[0] == '-' && w[1] == '-' ? 2 : (w.size() > 1 && w[0] == '-' ? 1 : 0);
  if (d == 0 || !is_letter(w[d])) return false;
  return std::all_of(w.begin() + static_cast<long>(d), w.end(), [](char c) { return is_ascii_alnum(c) || c == '-'; });
}

bool is_powershell_param(std::string_view w) {
  if (w.size() < 4 || w[0] != '-' || !is_upper(w[1]) || contains(kNotNouns, w.substr(1))) return false;
  return std::all_of(w.begin() + 1, w.end(), is_ascii_alnum) && std::any_of(w.begin() + 2, w.end(), is_lower);
}

bool is_positional(std::string_view w) {
  // A lower-case word is the sentence's ("Get-CsCertificate with -Roll"), not an argument.
  return !w.empty() && (is_upper(w[0]) || is_digit(w[0]) || w.find_first_of("._") != std::string_view::npos) &&
         is_ascii_alnum(w[0]) &&
         std::all_of(w.begin(), w.end(), [](char c) { return is_word_byte(c) || c == '.'; });
}

bool is_bare_value(std::string_view param, std::string_view w) {
  return is_powershell_param(param) && w.size() >= 2 && is_upper(w[0]) &&
         std::all_of(w.begin(), w.end(), is_ascii_alnum) &&
         !contains({"Parameter", "Parameters", "Option", "Options", "Switch", "Flag", "Argument", "Cmdlet", "Value",
                    "Values", "Property", "Setting", "Attribute", "And", "Or", "To", "With", "For", "In", "On", "Of",
                    "The", "A", "An", "Is", "As", "At", "By", "From", "If", "When", "Then"},
                   w);
}

namespace {

// Windows console programs whose options start with a slash ("Windows commands", Microsoft
// Learn; the "Command-line syntax key": `/option`, `/option:value`). Lower case as typed; a
// program named here takes a command only when an option follows it.
const std::initializer_list<std::string_view> kWindowsPrograms = {
    "attrib", "auditpol", "bcdboot", "bcdedit", "bitsadmin", "bootrec", "cacls", "chkdsk", "cipher", "cleanmgr", "cmd",
    "cscript", "dcdiag", "defrag", "del", "dir", "dism", "driverquery", "findstr", "fsutil", "gpresult", "gpupdate",
    "icacls", "ipconfig", "klist", "lodctr", "mofcomp", "mountvol", "msiexec", "mstsc", "netdom", "nltest", "openfiles",
    "pnputil", "powercfg", "reg", "regedit", "regsvr32", "repadmin", "robocopy", "runas", "schtasks", "secedit", "setup",
    "sfc", "shutdown", "sysprep", "systeminfo", "takeown", "taskkill", "tasklist", "timeout", "unlodctr", "vssadmin",
    "w32tm", "wevtutil", "whoami", "wscript", "wuauclt", "wusa", "xcopy"};

// Those that are English words too (is_word_program).
const std::initializer_list<std::string_view> kWordPrograms = {"setup", "shutdown", "cmd", "dir", "reg", "timeout", "del"};

}  // namespace

bool is_windows_program(std::string_view w) {
  // The file name of a path (C:\Tools\setup.exe, .\setup.exe).
  if (const size_t bs = w.rfind('\\'); bs != std::string_view::npos) w = w.substr(bs + 1);
  // Every word of a text with a slash comes here: no name is longer than 64 bytes, and the lower
  // case copy stays on the stack.
  if (w.size() < 2 || w.size() > 64 ||
      !std::all_of(w.begin(), w.end(), [](char c) { return is_ascii_alnum(c) || c == '_' || c == '-' || c == '.'; }))
    return false;
  std::array<char, 64> buffer{};
  std::transform(w.begin(), w.end(), buffer.begin(), [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
  const std::string_view lower(buffer.data(), w.size());
  // A program file: name.exe (setup.exe, msiexec.exe, SETUP.EXE).
  if (lower.size() > 4 && lower.ends_with(".exe") && is_ascii_alnum(lower[0])) return true;
  // A program by its name, as typed: all lower case or all upper case, or capitalized as Microsoft
  // Learn writes some (`Dism /Online`, `Msiexec /i`), unless the name is an English word too
  // (`Setup` starts a sentence).
  const bool one_case = all_of(w, [](char c) { return !is_upper(c); }) || all_of(w, [](char c) { return !is_lower(c); });
  const bool capitalized = is_upper(w[0]) && all_of(w.substr(1), [](char c) { return !is_upper(c); });
  return contains(kWindowsPrograms, lower) && (one_case || (capitalized && !is_word_program(lower)));
}

bool is_word_program(std::string_view w) {
  std::array<char, 16> buffer{};
  if (w.size() > buffer.size()) return false;
  std::transform(w.begin(), w.end(), buffer.begin(), [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
  return contains(kWordPrograms, std::string_view(buffer.data(), w.size()));
}

bool is_prose_slash_pair(std::string_view before, std::string_view after) {
  std::array<char, 24> buffer{};
  if (before.size() + after.size() > buffer.size()) return false;
  auto lower = [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); };
  std::transform(after.begin(), after.end(), std::transform(before.begin(), before.end(), buffer.begin(), lower), lower);
  return contains({"w/o", "n/a", "c/o", "tcp/ip", "i/o", "a/b", "and/or", "either/or", "yes/no", "on/off", "read/write",
                   "input/output", "24/7"},
                  std::string_view(buffer.data(), before.size() + after.size()));
}

bool is_option_noun(std::string_view w) {
  return contains({"parameter", "parameters", "option", "options", "flag", "flags", "switch", "switches", "argument",
                   "arguments"},
                  w);
}

bool is_windows_option(std::string_view w) {
  // "/" LETTER *(ALNUM | "-" | "_" | "*" | "+") [ (":" | "=") value ]: /quiet, /i, /l*v,
  // /log:setup.log, /ACTION=Install, /IACCEPTSQLSERVERLICENSETERMS. Not a path (/docs/index.md: a
  // slash in the name) and not `and/or` (a slash inside a word).
  if (w.size() < 2 || w[0] != '/' || !is_letter(w[1])) return false;
  size_t k = 2;
  while (k < w.size() && (is_ascii_alnum(w[k]) || w[k] == '-' || w[k] == '_' || w[k] == '*' || w[k] == '+')) ++k;
  if (k == w.size()) return true;
  if ((w[k] != ':' && w[k] != '=') || k + 1 == w.size()) return false;
  return std::all_of(w.begin() + static_cast<std::ptrdiff_t>(k) + 1, w.end(),
                     [](char c) { return static_cast<uint8_t>(c) > 0x20 && static_cast<uint8_t>(c) < 0x80; });
}

bool is_help_keyword(std::string_view w) {
  // about_Comment_Based_Help: the keywords of a help block, written after a dot in upper case.
  return w.size() > 4 && w[0] == '.' &&
         contains({".SYNOPSIS", ".DESCRIPTION", ".PARAMETER", ".EXAMPLE", ".INPUTS", ".OUTPUTS", ".NOTES", ".LINK",
                   ".COMPONENT", ".ROLE", ".FUNCTIONALITY", ".FORWARDHELPTARGETNAME", ".FORWARDHELPCATEGORY",
                   ".REMOTEHELPRUNSPACE", ".EXTERNALHELP"},
                  w);
}

bool is_symbol_name(std::string_view w) {
  if (w == ".NET") return true;
  // C#, F#, Q#, J#: one upper-case letter and #; C++, X++, VC++: one or two and ++. (Three
  // letters and # are an abbreviation of "number": PST#, Mar#.)
  size_t n = 0;
  while (n < w.size() && n < 3 && is_upper(w[n])) ++n;
  const std::string_view rest = w.substr(n);
  return (n == 1 && rest == "#") || ((n == 1 || n == 2) && rest == "++");
}

bool is_variable(std::string_view w) {
  if (w.size() < 2 || w[0] != '$' || !(is_letter(w[1]) || w[1] == '_')) return false;
  return std::all_of(w.begin() + 1, w.end(), [](char c) { return is_word_byte(c) || c == ':'; });
}

bool is_path(std::string_view w) {
  auto ascii = [](std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<uint8_t>(c) > 0x20 && static_cast<uint8_t>(c) < 0x80; });
  };
  if (w.size() < 3) return false;
  // Every path form below has a backslash or starts with '~' or '.': most words have neither.
  if (w[0] != '~' && w[0] != '.' && w.find('\\') == std::string_view::npos) return false;
  if (!ascii(w)) return false;
  if (is_letter(w[0]) && w[1] == ':' && w[2] == '\\') return true;  // C:\...
  if (w.starts_with("\\\\") && w.size() > 3 && is_ascii_alnum(w[2])) return true;  // UNC
  if (w[0] == '%') {
    size_t close = w.find('%', 1);
    if (close != std::string_view::npos && close + 1 < w.size() && w[close + 1] == '\\') return true;
  }
  for (std::string_view hive : {"HKLM", "HKCU", "HKCR", "HKU", "HKCC", "HKEY_"})
    if (w.starts_with(hive)) {
      size_t bs = w.find('\\');
      if (bs != std::string_view::npos && bs > 0 && bs + 1 < w.size()) return true;
    }
  if (w.starts_with("~/") || w.starts_with("./") || w.starts_with("../")) return w.size() > 3 && is_ascii_alnum(w.back());
  // name\name: a relative Windows path
  size_t bs = w.find('\\');
  if (bs != std::string_view::npos && bs > 0 && bs + 1 < w.size() && is_ascii_alnum(w[bs - 1]) &&
      is_ascii_alnum(w[bs + 1]))
    return true;
  return false;
}

bool is_quoted(std::string_view w) {
  return w.size() >= 2 && (w[0] == '"' || w[0] == '\'') && w.back() == w[0];
}

bool is_plain_number(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return is_digit(c) || c == '.'; }) && is_digit(w[0]);
}

bool is_dotted(std::string_view w) {
  size_t dot = w.find('.');
  return dot != std::string_view::npos && dot > 0 && dot + 1 < w.size() && is_letter(w[0]) &&
         std::all_of(w.begin(), w.end(), [](char c) { return is_word_byte(c) || c == '.'; });
}

bool is_value(std::string_view w) {
  // `@{...}`, `@(...)`: a hash table or array; `@params`: a splatted variable
  // (about_Splatting), whose name a translation must keep like a `$variable`'s.
  return is_variable(w) || is_quoted(w) || is_plain_number(w) || is_path(w) || is_dotted(w) ||
         (w.size() > 2 && w[0] == '@' && (w[1] == '{' || w[1] == '(')) ||
         (w.size() > 1 && w[0] == '@' && (is_letter(w[1]) || w[1] == '_') && std::all_of(w.begin() + 1, w.end(), is_word_byte));
}

bool is_determiner(std::string_view w) { return contains({"the", "a", "an", "your", "our", "their", "his", "her", "its"}, w); }
bool is_pronoun(std::string_view w) {
  return contains({"this", "that", "these", "those", "it", "they", "we", "you", "he", "she", "there"}, w);
}
bool is_clause_word(std::string_view w) {
  return contains({"than", "which", "whose", "where", "when", "while", "because", "unless", "until"}, w);
}
bool is_conjunction(std::string_view w) { return contains({"and", "or", "nor", "but"}, w); }
bool is_preposition(std::string_view w) {
  return contains({"of", "to", "for", "in", "on", "at", "by", "with", "from", "using"}, w);
}
bool is_sentence_adverb(std::string_view w) {
  return contains({"Next", "Then", "Now", "First", "Second", "Third", "Finally", "Lastly", "Also", "However", "Otherwise",
                   "Later", "Afterwards", "Instead", "Additionally", "Alternatively", "Optionally", "Similarly",
                   "Meanwhile", "Therefore", "Thus", "Here"},
                  w);
}

bool is_trailing_punct(char c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' || c == ']' || c == '*';
}

void split_words(std::string_view text, const std::vector<bool>* skip, std::vector<Word>& words) {
  words.clear();
  size_t i = 0;
  const size_t n = text.size();
  auto skipped = [&](size_t k) { return skip && k < skip->size() && (*skip)[k]; };
  while (i < n) {
    size_t sp = space_length(text, i);
    if (sp || skipped(i)) {
      i += sp ? sp : 1;
      continue;
    }
    size_t b = i;
    uint16_t classes = 0;
    while (i < n) {
      const uint16_t cls = kByteClass[static_cast<uint8_t>(text[i])];
      // Most bytes are neither white space nor part of a non-ASCII character: one test.
      if ((cls & (kSpaceByte | kHighByte)) && ((cls & kSpaceByte) || space_length_slow(text, i))) break;
      if (skip && skipped(i)) break;
      classes |= cls;
      ++i;
    }
    Word w{b, i, b, i, classes};
    // Opening punctuation (ASCII, and the curly quotes and guillemets as UTF-8 sequences).
    for (bool again = true; again && w.core_begin < w.core_end;) {
      again = false;
      char c = text[w.core_begin];
      if (c == '(' || c == '[' || c == '"' || c == '\'' || c == '*') {
        if (!(c == '"' || c == '\'') || !is_quoted(text.substr(w.core_begin, w.core_end - w.core_begin))) {
          ++w.core_begin;
          again = true;
        }
      } else if (static_cast<uint8_t>(c) >= 0x80) {
        for (std::string_view q : {"\u201C", "\u2018", "\u00AB", "\u201E"})
          if (text.substr(w.core_begin).starts_with(q)) {
            w.core_begin += q.size();
            again = true;
          }
      }
    }
    for (bool again = true; again && w.core_end > w.core_begin;) {
      again = false;
      char c = text[w.core_end - 1];
      std::string_view core = text.substr(w.core_begin, w.core_end - w.core_begin);
      if (is_trailing_punct(c) || ((c == '"' || c == '\'') && !is_quoted(core))) {
        --w.core_end;
        again = true;
      } else if (static_cast<uint8_t>(c) >= 0x80) {
        for (std::string_view q : {"\u201D", "\u2019", "\u00BB"})
          if (core.ends_with(q) && core.size() > q.size()) {
            w.core_end -= q.size();
            again = true;
          }
      }
    }
    words.push_back(w);
  }
}

bool is_host(std::string_view w) {
  size_t dot = w.rfind('.');
  if (dot == std::string_view::npos) return false;
  std::string tld(w.substr(dot + 1));
  for (char& c : tld) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return contains(kHostTlds, tld);
}

bool classify_identifier(std::string_view s, Token& tok) {
  if (s.size() < 3 || !std::any_of(s.begin(), s.end(), is_letter)) return false;
  if (s.find('.') != std::string_view::npos) {
    std::vector<std::string_view> parts;
    size_t start = 0;
    for (size_t i = 0; i <= s.size(); ++i)
      if (i == s.size() || s[i] == '.') {
        parts.push_back(s.substr(start, i - start));
        start = i + 1;
      }
    if (parts.size() < 2 || std::any_of(parts.begin(), parts.end(), [](std::string_view p) { return p.empty(); }))
      return false;
    if (std::all_of(parts.begin(), parts.end(), [](std::string_view p) { return p.size() == 1; })) return false;  // e.g
    if (!is_letter(parts[0][0])) return false;  // 4.1.1, 2.0beta
    // "title.Select": two sentences without a space, not a name.
    if (parts.size() == 2 && all_of(parts[0], is_lower) && is_upper(parts[1][0]) &&
        std::all_of(parts[1].begin() + 1, parts[1].end(), is_lower))
      return false;
    // Two clauses glued by a period that lost its space, told by a closed-class English word on
    // one side, which no API part is: a sentence adverb before a lower-case word ("Next.register
    // the pick"), a preposition, article or conjunction after one ("calling plans.for Audio").
    if (parts.size() == 2 && is_sentence_adverb(parts[0]) && all_of(parts[1], is_lower)) return false;
    if (parts.size() == 2 && all_of(parts[0], is_lower) && parts[0].size() >= 3 &&
        (is_determiner(parts[1]) || is_conjunction(parts[1]) || is_preposition(parts[1])) && !is_host(s))
      return false;  // not a host: `contoso.in` is India's
    // A pronoun or demonstrative that starts the second clause ("before you install it.this app").
    if (parts.size() == 2 && all_of(parts[0], is_lower) && parts[0].size() >= 2 && is_pronoun(parts[1]) && !is_host(s))
      return false;  // not a host: `contoso.it` is Italy's
    // "art.149", "sec.2": an abbreviation and a number, which translations spell out.
    if (all_of(parts.back(), is_digit)) return false;
    tok.kind = is_host(s) ? TokenKind::Host : TokenKind::Identifier;
    // Two plain words joined by a dot ("Control.This") may be two sentences that lost their
    // space; only a name-like part (Microsoft.SaaS, appsettings.Development.json) makes it strong.
    auto plain_word = [](std::string_view p) {
      return p.size() >= 3 && is_letter(p[0]) && std::all_of(p.begin() + 1, p.end(), is_lower);
    };
    tok.strong = tok.kind == TokenKind::Identifier &&
                 !(parts.size() == 2 && plain_word(parts[0]) && plain_word(parts[1]) && is_upper(parts[1][0]));
    // Abbreviated UI captions (Business Central's "Pmt.Disc.Tol.", "Sales Cr.Memo Line",
    // "Autofill Qty.to Handle"): capitalized plain words of four letters or fewer, one before the
    // last cut to three letters or fewer, the last capitalized or a two-letter word. A
    // translated product has its own captions, so only re-casing is reported; a namespace
    // spells its parts out (Az.Accounts, Microsoft.Quantum.Math) and a file name ends in its
    // extension (Web.config).
    auto letters_word = [](std::string_view p) {
      return is_letter(p[0]) && std::all_of(p.begin() + 1, p.end(), is_lower);
    };
    if (tok.strong && is_upper(parts[0][0]) && std::all_of(parts.begin(), parts.end(), letters_word) &&
        std::all_of(parts.begin(), parts.end(), [](std::string_view p) { return p.size() <= 4; }) &&
        std::any_of(parts.begin(), parts.end() - 1, [](std::string_view p) { return p.size() <= 3; }) &&
        (is_upper(parts.back()[0]) || parts.back().size() <= 2))
      tok.strong = false;
    return true;
  }
  if (s.find('_') != std::string_view::npos) {
    // A leading or trailing underscore is a name cut by a stray space ("KAIZALA_FACULTY_ EAP").
    if (s.front() == '_' || s.back() == '_') return false;
    tok.kind = TokenKind::Identifier;
    tok.strong = true;
    return true;
  }
  if (!std::all_of(s.begin(), s.end(), is_ascii_alnum) || !std::any_of(s.begin(), s.end(), is_lower) ||
      !std::any_of(s.begin(), s.end(), is_upper))
    return false;
  // A capitalized word ("Partner") has one hump: not a name, and no need to split it.
  bool boundary = false;
  for (size_t i = 1; i < s.size() && !boundary; ++i) boundary = is_upper(s[i]) && (is_lower(s[i - 1]) || is_digit(s[i - 1]));
  if (!boundary) return false;
  std::vector<std::string_view> h = humps(s);
  if (h.size() < 2) return false;
  if (is_lower(s[0])) {
    // camelCase: at least two lower-case letters first ("iPhone", "eBay", "vCPU" are words),
    // or a one-letter prefix before two humps or more (Hungarian notation: nIdxRegQubits,
    // qSharpData).
    if (!all_of(h[0], is_lower) || (h[0].size() < 2 && h.size() < 3)) return false;
    if (std::any_of(h.begin() + 1, h.end(), [](std::string_view p) { return p.size() < 2; })) return false;
    tok.kind = TokenKind::Identifier;
    tok.strong = true;
    return true;
  }
  // PascalCase: every hump two characters or more ("SaaS", "PoE" are acronyms).
  if (std::any_of(h.begin(), h.end(), [](std::string_view p) { return p.size() < 2; })) return false;
  if (std::any_of(h.begin(), h.end(), [](std::string_view p) { return !is_upper(p[0]); })) return false;
  tok.kind = TokenKind::Identifier;
  tok.strong = h.size() >= 3 || contains(kFieldSuffixes, h.back());
  return true;
}

}  // namespace loclint::checks::code

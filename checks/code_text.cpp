#include "code_text.h"

#include <unicode/dcfmtsym.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <mutex>

#include "loclint/html_entities.h"
#include "loclint/text.h"

namespace loclint::checks::code {

// ---- visible text ---------------------------------------------------------------------------

void MappedText::append(std::string_view s, Span from, bool is_code) {
  // Bytes of plain text map one to one; decoded text (entities, breaks) maps to its construct.
  if (s.empty()) return;
  pieces_.push_back({static_cast<uint32_t>(text.size()), from, s.size() == from.size()});
  if (is_code && !has_code) {
    code.assign(text.size(), false);
    has_code = true;
  }
  if (has_code) code.insert(code.end(), s.size(), is_code);
  text.append(s);
}

void MappedText::clear() {
  text.clear();
  code.clear();
  has_code = false;
  pieces_.clear();
}

const MappedText::Piece& MappedText::piece_of(size_t k) const {
  // The last piece that starts at or before k (pieces are in text order, none empty).
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), k, [](size_t off, const Piece& p) { return off < p.at; });
  return *(it - 1);
}

uint32_t MappedText::begin_of(size_t k) const {
  const Piece& p = piece_of(k);
  return p.one_to_one ? p.from.begin + static_cast<uint32_t>(k - p.at) : p.from.begin;
}

uint32_t MappedText::end_of(size_t k) const {
  const Piece& p = piece_of(k);
  return p.one_to_one ? p.from.begin + static_cast<uint32_t>(k - p.at) + 1 : p.from.end;
}

Span MappedText::span(size_t b, size_t e) const {
  if (text.empty()) return {};
  b = std::min(b, text.size() - 1);
  if (e <= b) return {begin_of(b), begin_of(b)};
  e = std::min(e, text.size());
  return {begin_of(b), end_of(e - 1)};
}

MappedText visible_text(const Document& doc, Span range) {
  MappedText out;
  visible_text(doc, range, out);
  return out;
}

void visible_text(const Document& doc, Span range, MappedText& out) {
  size_t hint = 0;
  visible_text(doc, range, out, hint);
}

void visible_text(const Document& doc, Span range, MappedText& out, size_t& hint) {
  out.clear();
  // The visible text is rarely longer than the markup it comes from.
  out.text.reserve(range.size());
  const auto& inlines = doc.inlines();
  // Inline tokens are in file order; find the first one that can be inside the range. Ranges
  // asked for in file order start a few tokens after the previous one ended: walk there from
  // the hint, and binary-search only when the hint is past the answer or far from it.
  auto ends_before = [](const InlineToken& t, uint32_t off) { return t.span.end <= off; };
  auto it = inlines.begin() + static_cast<long>(std::min(hint, inlines.size()));
  if (it != inlines.begin() && !ends_before(*(it - 1), range.begin)) {
    it = std::lower_bound(inlines.begin(), it, range.begin, ends_before);
  } else {
    for (int steps = 0; it != inlines.end() && ends_before(*it, range.begin); ++it)
      if (++steps == 16) {
        it = std::lower_bound(it, inlines.end(), range.begin, ends_before);
        break;
      }
  }
  for (; it != inlines.end() && it->span.begin < range.end; ++it) {
    const InlineToken& t = *it;
    if (!range.contains(t.span)) continue;
    switch (t.kind) {
      case InlineKind::Text: out.append(doc.slice(t.span), t.span); break;
      case InlineKind::Code: out.append(doc.slice(t.span), t.span, true); break;
      case InlineKind::Entity: out.append(decode_character_reference(doc.slice(t.span)), t.span); break;
      case InlineKind::SoftBreak:
      case InlineKind::HardBreak: out.append(" ", t.span); break;
      case InlineKind::Html: {
        // A line break separates words; inline formatting tags do not.
        if (t.tag != InlineToken::kNoTag && doc.html_tags()[t.tag].name == "br") out.append(" ", t.span);
        break;
      }
      case InlineKind::NullChar: break;
    }
  }
  hint = static_cast<size_t>(it - inlines.begin());
}

// ---- character classes ----------------------------------------------------------------------

size_t space_length_slow(std::string_view text, size_t i) {
  size_t j = i;
  char32_t cp = utf8::next(text, j);
  if (cp == 0xA0 || cp == 0x202F || cp == 0x3000 || cp == 0x2007 || (cp >= 0x2000 && cp <= 0x200A)) return j - i;
  return 0;
}

namespace {

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return is_upper(c) || is_lower(c); }

bool contains(std::initializer_list<std::string_view> list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

// PowerShell's approved verbs (Get-Verb).
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

// Last humps that mark a PascalCase word as a field or API name.
const std::initializer_list<std::string_view> kFieldSuffixes = {
    "Id", "ID", "Ids", "IDs", "Name", "Names", "Type", "Date", "Amount", "Number", "Code", "Count", "Key",
    "Url", "URL", "Uri", "Value", "Total", "Price", "Status", "Quantity", "Guid", "GUID", "Email",
    "Currency", "Rate", "Path", "Version", "Level", "Mode", "Flag", "Info"};

const std::initializer_list<std::string_view> kHostTlds = {
    "com", "net", "org", "io", "us", "de", "fr", "cn", "gov", "edu", "info", "biz", "co", "uk", "jp",
    "ru", "eu", "ca", "au", "in", "br", "es", "it", "nl", "mil", "azure", "dev", "app"};

bool all_of(std::string_view s, bool (*pred)(char)) { return !s.empty() && std::all_of(s.begin(), s.end(), pred); }

// Humps of a PascalCase/camelCase word: split before an upper-case letter that follows a
// lower-case letter or a digit.
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

}  // namespace

bool is_cmdlet(std::string_view w) {
  size_t dash = w.find('-');
  if (dash == std::string_view::npos || dash == 0) return false;
  std::string_view verb = w.substr(0, dash), noun = w.substr(dash + 1);
  if (!contains(kVerbs, verb)) return false;
  if (noun.size() < 4 || !is_upper(noun[0]) || contains(kNotNouns, noun)) return false;
  return std::all_of(noun.begin(), noun.end(), [](char c) { return is_ascii_alnum(c); }) &&
         std::any_of(noun.begin(), noun.end(), is_lower);
}

namespace {

bool is_param(std::string_view w) {
  size_t d = w.size() > 2 && w[0] == '-' && w[1] == '-' ? 2 : (w.size() > 1 && w[0] == '-' ? 1 : 0);
  if (d == 0 || !is_letter(w[d])) return false;
  return std::all_of(w.begin() + static_cast<long>(d), w.end(), [](char c) { return is_ascii_alnum(c) || c == '-'; });
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

// A value that follows a cmdlet or a parameter and belongs to the command.
bool is_value(std::string_view w) {
  return is_variable(w) || is_quoted(w) || is_plain_number(w) || is_path(w) || is_dotted(w) ||
         (w.size() > 2 && w[0] == '@' && (w[1] == '{' || w[1] == '('));
}

// Byte classes, OR-ed over a word while it is split off, so that tokenize() can skip the
// searches that cannot find anything in it (most words are plain prose).
enum : uint16_t {
  kSpaceByte = 1,             // ASCII white space: ends a word
  kHighByte = 2,              // part of a non-ASCII character
  kColonByte = 4,             // ':' (every URL has one)
  kPlaceholderStart = 8,      // '{', '%', '$', '<'
  kUpperByte = 16,            // an upper-case ASCII letter
  kUnderscoreByte = 512,      // '_'
  kDotByte = 256,             // '.' (an upper-case letter, '_' or '.': what every identifier has)
  kDashByte = 32,             // '-' (cmdlets, options, product codes)
  kBackslashByte = 64,        // '\\' (Windows paths, registry keys)
  kFormatLetter = 128,        // 'd' or 'm' (a date or time format has "dd" or "mm")
};

constexpr std::array<uint16_t, 256> make_byte_classes() {
  std::array<uint16_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    uint16_t f = 0;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') f |= kSpaceByte;
    if (c >= 0x80) f |= kHighByte;
    if (c == ':') f |= kColonByte;
    if (c == '{' || c == '%' || c == '$' || c == '<') f |= kPlaceholderStart;
    if (c >= 'A' && c <= 'Z') f |= kUpperByte;
    if (c == '_') f |= kUnderscoreByte;
    if (c == '.') f |= kDotByte;
    if (c == '-') f |= kDashByte;
    if (c == '\\') f |= kBackslashByte;
    if (c == 'd' || c == 'm') f |= kFormatLetter;
    t[static_cast<size_t>(c)] = f;
  }
  return t;
}
constexpr std::array<uint16_t, 256> kByteClass = make_byte_classes();

struct Word {
  size_t begin, end;            // the word as written
  size_t core_begin, core_end;  // without surrounding punctuation
  uint16_t classes = 0;         // byte classes present in [begin, end)
};

bool is_trailing_punct(char c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' || c == ']' || c == '*';
}

// Fills `words` (cleared first; the caller reuses it from text to text).
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

// Classifies a run of [A-Za-z0-9_.]; returns false when it is not an identifier.
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
    // camelCase: at least two lower-case letters first ("iPhone", "eBay", "vCPU" are words).
    if (h[0].size() < 2 || !all_of(h[0], is_lower)) return false;
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

// Placeholders inside [b, e) of text, appended to out; returns them as covered ranges.
void find_placeholders(std::string_view text, size_t b, size_t e, std::vector<Token>& out) {
  size_t i = b;
  auto add = [&](size_t from, size_t to) {
    out.push_back({TokenKind::Placeholder, from, to, std::string(text.substr(from, to - from)), true});
    i = to;
  };
  while (i < e) {
    char c = text[i];
    if (c == '{') {
      if (i + 1 < e && text[i + 1] == '{') {
        size_t close = text.find("}}", i + 2);
        if (close != std::string_view::npos && close + 2 <= e && close > i + 2 &&
            std::all_of(text.begin() + static_cast<long>(i + 2), text.begin() + static_cast<long>(close),
                        [](char ch) { return is_word_byte(ch) || ch == '.' || ch == ' ' || ch == '-'; })) {
          add(i, close + 2);
          continue;
        }
      } else {
        size_t j = i + 1;
        while (j < e && (is_word_byte(text[j]) || text[j] == '.' || text[j] == ':' || text[j] == '-')) ++j;
        if (j < e && text[j] == '}' && j > i + 1 && (is_letter(text[i + 1]) || is_digit(text[i + 1]) || text[i + 1] == '_')) {
          add(i, j + 1);
          continue;
        }
      }
    } else if (c == '%') {
      bool before_ok = i == 0 || !is_ascii_alnum(text[i - 1]);
      size_t j = i + 1;
      // %VAR% (Windows environment variables)
      if (before_ok && j < e && (is_letter(text[j]) || text[j] == '_')) {
        size_t k = j;
        while (k < e && is_word_byte(text[k])) ++k;
        if (k < e && text[k] == '%' && k > j + 1) {
          add(i, k + 1);
          continue;
        }
      }
      // printf: %[n$][flags][width][.precision]conversion
      if (before_ok) {
        size_t k = j;
        while (k < e && is_digit(text[k])) ++k;
        if (k < e && text[k] == '$' && k > j) ++k;
        else k = j;
        while (k < e && (text[k] == '-' || text[k] == '+' || text[k] == '#' || text[k] == '0')) ++k;
        while (k < e && is_digit(text[k])) ++k;
        if (k + 1 < e && text[k] == '.' && is_digit(text[k + 1])) {
          ++k;
          while (k < e && is_digit(text[k])) ++k;
        }
        if (k < e && std::strchr("sdiufxXoeEgGc", text[k]) && (k + 1 >= text.size() || (!is_letter(text[k + 1]) && text[k + 1] != '\'' && static_cast<uint8_t>(text[k + 1]) < 0x80))) {
          add(i, k + 1);
          continue;
        }
      }
    } else if (c == '$' && i + 1 < e && text[i + 1] == '(') {
      size_t close = text.find(')', i + 2);
      if (close != std::string_view::npos && close < e && close > i + 2) {
        add(i, close + 1);
        continue;
      }
    } else if (c == '<' && i + 1 < e && is_letter(text[i + 1])) {
      size_t j = i + 1;
      while (j < e && (is_word_byte(text[j]) || text[j] == '-' || text[j] == '.')) ++j;
      if (j < e && text[j] == '>') {
        add(i, j + 1);
        continue;
      }
    }
    ++i;
  }
}

// A date and time format string such as yyyy-MM-ddTHH:mm:ssZ (translations localize the letters).
}  // namespace

bool may_have_placeholders(std::string_view text) {
  static constexpr auto kFormatByte = [] {
    std::array<bool, 256> t{};
    for (char c : std::string_view("yMdHhmsfFzZTKtg-:/. ")) t[static_cast<uint8_t>(c)] = true;
    return t;
  }();
  // Every placeholder but a date format starts with one of four bytes: memchr finds them
  // faster than a loop over the bytes.
  for (char start : {'{', '%', '$', '<'})
    if (std::memchr(text.data(), start, text.size())) return true;
  // Six format bytes in a row (what is_format_pattern needs). A run of six that is there
  // covers every sixth byte, so the bytes in between are read only around a format byte.
  const size_t n = text.size();
  auto format = [&](size_t k) { return kFormatByte[static_cast<uint8_t>(text[k])]; };
  for (size_t i = 5; i < n;) {
    if (!format(i)) {
      i += 6;  // any run of six that contains one of text[i - 5, i] contains text[i]
      continue;
    }
    size_t b = i, e = i + 1;
    while (b > i - 5 && format(b - 1)) --b;
    while (e < n && e - b < 6 && format(e)) ++e;
    if (e - b >= 6) return true;
    i = e + 6;  // text[e] is not a format byte: the next run of six starts after it
  }
  return false;
}

bool is_format_pattern(std::string_view w) {
  if (w.size() < 6) return false;
  if (!std::all_of(w.begin(), w.end(), [](char c) { return std::strchr("yMdHhmsfFzZTKtg-:/. ", c) != nullptr; }))
    return false;
  bool year = w.find("yy") != std::string_view::npos, day = w.find("dd") != std::string_view::npos;
  bool hour = w.find("HH") != std::string_view::npos || w.find("hh") != std::string_view::npos;
  bool minute = w.find("mm") != std::string_view::npos;
  return (year && day) || (hour && minute);
}

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

bool may_have_tokens(std::string_view text) {
  // What each token kind needs, as bytes and pairs of adjacent bytes (see tokenize()):
  //   $ \ { % < _           variables, Windows paths, placeholders, snake_case: anywhere
  //   - then - A-Z 0-9       --options, Verb-Noun cmdlets, MB-210 codes (after the first dash)
  //   : . ~ then /           URLs (://), relative paths (./ ../ ~/)
  //   a-z 0-9 then A-Z       a hump: camelCase, PascalCase
  //   . then A-Z a-z 0-9 _ . an inner dot: Az.Accounts, contoso.com
  //   six format bytes       a date format word: yyyyMMdd, dd/MM/yyyy, HH:mm:ss
  // A pair is found with one test: a byte's "first of a pair" bits (the high byte) are
  // shifted onto the "second of a pair" bits (bits 0-3) that the next byte is tested with,
  // together with the bit of the bytes needed anywhere.
  enum : uint16_t {
    kUpper = 1, kWord = 2, kAfterDash = 4, kSlash = 8,              // second of a pair
    kStop = 16,                                                      // needed anywhere
    kFormat = 32,                                                    // a date format byte
    kLowDigit = 256, kDot = 512, kDash = 1024, kBeforeSlash = 2048,  // first of a pair
  };
  static constexpr auto kClass = [] {
    std::array<uint16_t, 256> t{};
    for (char c : std::string_view("$\\{%<_")) t[static_cast<uint8_t>(c)] |= kStop;
    for (int c = 0; c < 256; ++c) {
      if (c >= 'A' && c <= 'Z') t[c] |= kUpper | kWord | kAfterDash;
      if (c >= 'a' && c <= 'z') t[c] |= kLowDigit | kWord;
      if (c >= '0' && c <= '9') t[c] |= kLowDigit | kWord | kAfterDash;
    }
    t['.'] |= kDot | kWord | kBeforeSlash;
    t['_'] |= kWord;
    t['-'] |= kDash | kAfterDash;
    t[':'] |= kBeforeSlash;
    t['~'] |= kBeforeSlash;
    t['/'] |= kSlash;
    for (char c : std::string_view("yMdHhmsfFzZTKtg.-:/")) t[static_cast<uint8_t>(c)] |= kFormat;
    return t;
  }();
  uint16_t wanted = kStop;  // what ends the search at the next byte
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
  // A command continues to the next word only across plain spaces, and never past a word that
  // ends a clause ("... -Force." ends the command).
  auto continues = [&](const Word& prev, const Word& next) {
    if (prev.core_end != prev.end) return false;
    for (size_t k = prev.end; k < next.begin; ++k)
      if (!space_length(text, k) || (skip && k < skip->size() && (*skip)[k])) return false;
    return next.core_begin == next.begin || is_quoted(core(next));
  };

  std::vector<Token> ph;  // placeholders of one word, reused
  for (size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    std::string_view c = core(w);
    if (c.empty()) continue;
    const bool dash = w.classes & kDashByte;
    bool cmdlet = dash && is_cmdlet(c);
    bool long_option = dash && c.starts_with("--") && is_param(c);
    if (cmdlet || long_option) {
      size_t last = i;
      while (last + 1 < words.size() && continues(words[last], words[last + 1])) {
        std::string_view next = core(words[last + 1]);
        if (is_param(next) || is_value(next)) ++last;
        else break;
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
    if (((w.classes & kPlaceholderStart) && is_variable(c)) ||  // a variable starts with '$'
        ((w.classes & kBackslashByte || c[0] == '~' || c[0] == '.') && is_path(c))) {
      out.push_back({TokenKind::Command, w.core_begin, w.core_end, std::string(c), true});
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
  std::sort(out.begin(), out.end(), [](const Token& a, const Token& b) { return a.begin < b.begin; });
  return out;
}

// ---- searching ------------------------------------------------------------------------------

Folded fold(std::string_view text, FoldOptions options) {
  Folded f;
  f.text.reserve(text.size());
  f.map.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size();) {
    size_t start = i;
    if (options.drop_space && space_length(text, i)) {
      i += space_length(text, i);
      continue;
    }
    char32_t cp = utf8::next(text, i);
    std::string piece;
    utf8::append(piece, cp);
    if (options.nfkc && cp >= 0x80) piece = nfkc(piece);
    std::string out;
    for (size_t k = 0; k < piece.size();) {
      char32_t c = utf8::next(piece, k);
      if (options.drop_space && u_isUWhiteSpace(static_cast<UChar32>(c))) continue;
      if (options.lower) c = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
      utf8::append(out, c);
    }
    for (size_t k = 0; k < out.size(); ++k) f.map.push_back(start);
    f.text += out;
  }
  f.map.push_back(text.size());
  return f;
}

bool at_boundary(std::string_view hay, size_t b, size_t e, bool strict) {
  if (b >= e || e > hay.size()) return false;
  const char first = hay[b], last = hay[e - 1];
  if (b > 0) {
    char c = hay[b - 1];
    if ((is_word_byte(c) && is_word_byte(first)) || (strict && (c == '-' || c == '$'))) return false;
    if (c == '.' && b > 1 && is_ascii_alnum(hay[b - 2]) && is_ascii_alnum(first)) return false;
  }
  if (e < hay.size()) {
    char c = hay[e];
    if ((is_word_byte(c) && is_word_byte(last)) || (strict && c == '-')) return false;
    if (c == '.' && e + 1 < hay.size() && is_ascii_alnum(hay[e + 1]) && is_ascii_alnum(last)) return false;
  }
  return true;
}

size_t find_token(std::string_view hay, std::string_view needle, size_t from, bool strict) {
  if (needle.empty()) return std::string_view::npos;
  for (size_t pos = hay.find(needle, from); pos != std::string_view::npos; pos = hay.find(needle, pos + 1))
    if (at_boundary(hay, pos, pos + needle.size(), strict)) return pos;
  return std::string_view::npos;
}

std::optional<std::pair<size_t, size_t>> find_folded(std::string_view original, const Folded& folded,
                                                     std::string_view needle, bool strict) {
  if (needle.empty()) return std::nullopt;
  for (size_t pos = folded.text.find(needle); pos != std::string::npos; pos = folded.text.find(needle, pos + 1)) {
    size_t b = folded.map[pos];
    size_t e = folded.map[pos + needle.size() - 1];
    utf8::next(original, e);
    // The match must start and end on whole code points of the original.
    if (pos > 0 && folded.map[pos - 1] == b) continue;
    if (pos + needle.size() < folded.text.size() && folded.map[pos + needle.size()] < e) continue;
    if (at_boundary(original, b, e, strict)) return std::make_pair(b, e);
  }
  return std::nullopt;
}

// ---- numbers --------------------------------------------------------------------------------

namespace {

NumberFormat read_number_format(std::string_view locale) {
  NumberFormat f;
  if (locale.empty()) return f;
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale loc = icu::Locale::forLanguageTag(icu::StringPiece(locale.data(), static_cast<int32_t>(locale.size())), status);
  if (U_FAILURE(status)) return f;
  icu::DecimalFormatSymbols symbols(loc, status);
  if (U_FAILURE(status)) return f;
  f.decimal.clear();
  f.grouping.clear();
  symbols.getSymbol(icu::DecimalFormatSymbols::kDecimalSeparatorSymbol).toUTF8String(f.decimal);
  symbols.getSymbol(icu::DecimalFormatSymbols::kGroupingSeparatorSymbol).toUTF8String(f.grouping);
  f.grouping_is_space = space_length(f.grouping, 0) == f.grouping.size() && !f.grouping.empty();
  return f;
}

}  // namespace

NumberFormat number_format(std::string_view locale) {
  // Loading ICU's symbols costs more than checking a short article: keep them per locale.
  static std::mutex mutex;
  static std::map<std::string, NumberFormat, std::less<>> cache;
  {
    std::lock_guard lock(mutex);
    if (auto it = cache.find(locale); it != cache.end()) return it->second;
  }
  NumberFormat f = read_number_format(locale);
  std::lock_guard lock(mutex);
  return cache.emplace(std::string(locale), std::move(f)).first->second;
}

std::string canonical_number(std::string_view digits) {
  // Views into the digits, one string built at the end: this runs for every number of every
  // translation that is compared.
  size_t dot = digits.find('.');
  std::string_view ip = digits.substr(0, dot);
  std::string_view fp = dot == std::string_view::npos ? std::string_view() : digits.substr(dot + 1);
  size_t nz = ip.find_first_not_of('0');
  ip = nz == std::string_view::npos ? std::string_view("0") : ip.substr(nz);
  while (!fp.empty() && fp.back() == '0') fp.remove_suffix(1);
  std::string out;
  out.reserve(ip.size() + 1 + fp.size());
  out.append(ip);
  if (!fp.empty()) {
    out += '.';
    out.append(fp);
  }
  return out;
}

namespace {

// Reads a number starting at text[i] (a digit) in `format`; returns its end and its value.
size_t read_number(std::string_view text, size_t i, const NumberFormat& format, std::string& value) {
  size_t n = text.size();
  std::string digits;
  size_t j = i;
  while (j < n && is_digit(text[j])) digits += text[j++];
  auto three_digits = [&](size_t k) {
    return k + 3 <= n && is_digit(text[k]) && is_digit(text[k + 1]) && is_digit(text[k + 2]) &&
           (k + 3 == n || !is_digit(text[k + 3]));
  };
  bool decimal_seen = false;
  const size_t leading = digits.size();
  bool grouped = false;
  while (j < n) {
    size_t g = 0;
    if (!decimal_seen) {
      if (!format.grouping.empty() && text.substr(j).starts_with(format.grouping)) g = format.grouping.size();
      else if (format.grouping_is_space) g = space_length(text, j);
    }
    if (g && (grouped || leading <= 3) && three_digits(j + g)) {
      grouped = true;
      digits += text.substr(j + g, 3);
      j += g + 3;
      continue;
    }
    if (!decimal_seen && text.substr(j).starts_with(format.decimal) && j + format.decimal.size() < n &&
        is_digit(text[j + format.decimal.size()])) {
      decimal_seen = true;
      j += format.decimal.size();
      digits += '.';
      while (j < n && is_digit(text[j])) digits += text[j++];
      continue;
    }
    break;
  }
  value = canonical_number(digits);
  return j;
}

}  // namespace

std::vector<Number> source_numbers(std::string_view text, const NumberFormat& format, const std::vector<bool>* skip) {
  std::vector<Number> out;
  const size_t n = text.size();
  auto skipped = [&](size_t k) { return skip && k < skip->size() && (*skip)[k]; };
  auto digits_at = [&](size_t k) {
    size_t e = k;
    while (e < n && is_digit(text[e])) ++e;
    return e - k;
  };
  // Past a chain of digits and separators (what a number glued to a word continues with).
  auto skip_chain = [&](size_t k) {
    while (k < n && (is_digit(text[k]) || ((text[k] == '.' || text[k] == ',') && k + 1 < n && is_digit(text[k + 1])))) ++k;
    return k;
  };
  for (size_t i = 0; i < n;) {
    if (!is_digit(text[i]) || skipped(i)) {
      ++i;
      continue;
    }
    if (i > 0 && is_letter(text[i - 1])) {
      // A currency code (USD10,000) introduces a number; other letters make it part of a word.
      bool currency = i >= 3 && is_upper(text[i - 1]) && is_upper(text[i - 2]) && is_upper(text[i - 3]) &&
                      (i == 3 || !is_letter(text[i - 4]));
      if (!currency) {
        i = skip_chain(i);
        continue;
      }
    }
    if (i > 0 && (text[i - 1] == '_' || ((text[i - 1] == '.' || text[i - 1] == ',') && i > 1 && is_digit(text[i - 2])))) {
      i = skip_chain(i);
      continue;
    }
    size_t d1 = digits_at(i);
    // Times (7:30 PM, 12:01am) are rewritten freely (19 h 30, minuit): not compared.
    if (d1 <= 2 && i + d1 + 2 < n + 0 && text[i + d1] == ':' && digits_at(i + d1 + 1) == 2) {
      size_t k = i + d1 + 3;
      if (k < n && text[k] == ':' && digits_at(k + 1) == 2) k += 3;
      i = k;
      continue;
    }
    // US dates (10/31, 2/11/17): the month may become a month name; the day and year may not.
    if (d1 <= 2 && i + d1 < n && text[i + d1] == '/' && digits_at(i + d1 + 1) >= 1 && digits_at(i + d1 + 1) <= 2 &&
        std::atoi(std::string(text.substr(i, d1)).c_str()) <= 12) {
      size_t dbeg = i + d1 + 1, dlen = digits_at(dbeg);
      size_t k = dbeg + dlen;
      Number day{dbeg, k, canonical_number(text.substr(dbeg, dlen)), {}};
      out.push_back(day);
      if (k < n && text[k] == '/' && (digits_at(k + 1) == 2 || digits_at(k + 1) == 4)) {
        size_t ylen = digits_at(k + 1);
        Number year{k + 1, k + 1 + ylen, canonical_number(text.substr(k + 1, ylen)), {}};
        if (ylen == 2) year.also.push_back("20" + std::string(text.substr(k + 1, 2)));
        else year.also.push_back(std::string(text.substr(k + 3, 2)));
        out.push_back(year);
        k += 1 + ylen;
      }
      i = k;
      continue;
    }
    // A version or dotted number (4.1.1, 10.0.19041) must be copied verbatim.
    size_t v = i;
    int dots = 0;
    while (v < n && (is_digit(text[v]) || (text[v] == '.' && v + 1 < n && is_digit(text[v + 1])))) dots += text[v++] == '.';
    Number num;
    num.begin = i;
    if (dots >= 2) {
      num.end = v;
      num.value = "v:" + std::string(text.substr(i, v - i));
    } else {
      num.end = read_number(text, i, format, num.value);
    }
    size_t e = num.end;
    bool keep = true;
    for (size_t k = num.begin; k < e; ++k)
      if (skipped(k)) keep = false;
    if (e < n && is_letter(text[e])) {
      size_t le = e;
      while (le < n && is_letter(text[le])) ++le;
      std::string_view suffix = text.substr(e, le - e);
      if ((suffix == "k" || suffix == "K") && !num.value.starts_with("v:")) {
        num.also.push_back(canonical_number(std::to_string(std::stod(num.value) * 1000)));
      } else {
        // Ordinals (3rd-party: "tiers") and names (4K, 64bit, 3D) are words.
        keep = false;
      }
    }
    // A number in a compound adjective ("360-degree view", "six-month") is often reworded.
    if (e + 1 < n && text[e] == '-' && is_letter(text[e + 1])) keep = false;
    // "1" is so often an article ("1 month" -> "un mois", "le dernier mois") that it is not compared.
    if (num.value == "1") keep = false;
    // "months 2-12" becomes month names.
    {
      size_t k = i;
      // Step back over a range ("months 2-12", "months 2 to 12").
      while (k > 0 && (text[k - 1] == ' ' || text[k - 1] == '-' || is_digit(text[k - 1]))) --k;
      while (k >= 2 && text.substr(k - 2, 2) == "to" && (k == 2 || text[k - 3] == ' ')) {
        k -= 2;
        while (k > 0 && (text[k - 1] == ' ' || is_digit(text[k - 1]))) --k;
      }
      size_t w = k;
      while (w > 0 && is_letter(text[w - 1])) --w;
      // ASCII letters only (is_letter), compared in place without letter case.
      auto is_word = [prev = text.substr(w, k - w)](std::string_view lower) {
        return prev.size() == lower.size() &&
               std::equal(prev.begin(), prev.end(), lower.begin(), [](char a, char b) { return (a | 0x20) == b; });
      };
      if (is_word("month") || is_word("months")) keep = false;
    }
    // A two-digit year (December 19) may be written in full.
    if (num.value.size() == 2 && num.value.find('.') == std::string::npos) num.also.push_back("20" + num.value);
    // 2 PM reads 14 h in most locales.
    {
      size_t k = e;
      while (k < n && text[k] == ' ') ++k;
      std::string_view rest = text.substr(k);
      if (rest.starts_with("PM") || rest.starts_with("pm") || rest.starts_with("p.m.")) {
        int h = std::atoi(num.value.c_str());
        if (h >= 1 && h < 12) num.also.push_back(std::to_string(h + 12));
      }
    }
    if (keep) out.push_back(std::move(num));
    i = std::max(skip_chain(e), i + 1);
  }
  return out;
}

std::vector<std::string> target_values(std::string_view text, const NumberFormat& locale_format,
                                       const NumberFormat& source_format) {
  std::vector<std::string> out;
  // The readings of one number mostly agree ("30" in both formats and as its digit run): a
  // value equal to the one just added is left out here rather than by the sort.
  auto add = [&out](std::string value) {
    if (out.empty() || out.back() != value) out.push_back(std::move(value));
  };
  const size_t n = text.size();
  // Whether a number in `format` can go on at text[j], after a run of digits: read_number
  // reads on only over a grouping or decimal separator with a digit right after it.
  auto digit_at = [&](size_t k) { return k < n && is_digit(text[k]); };
  auto may_continue = [&](size_t j, const NumberFormat& format) {
    const std::string_view rest = text.substr(j);
    if (!format.grouping.empty() && rest.starts_with(format.grouping) && digit_at(j + format.grouping.size())) return true;
    if (format.grouping_is_space && space_length(text, j) && digit_at(j + space_length(text, j))) return true;
    return !format.decimal.empty() && rest.starts_with(format.decimal) && digit_at(j + format.decimal.size());
  };
  std::string value;
  for (size_t i = 0; i < n; ++i) {
    if (!is_digit(text[i]) || (i > 0 && is_digit(text[i - 1]))) continue;
    // Most numbers are a run of digits that nothing continues ("30 jours"): then both readings
    // and the digit run are the run itself.
    size_t run_end = i;
    while (run_end < n && is_digit(text[run_end])) ++run_end;
    if (run_end == n || (!(text[run_end] == '.' && digit_at(run_end + 1)) && !may_continue(run_end, locale_format) &&
                         !may_continue(run_end, source_format))) {
      add(canonical_number(text.substr(i, run_end - i)));
      continue;
    }
    read_number(text, i, locale_format, value);
    add(value);
    read_number(text, i, source_format, value);
    add(value);
    size_t j = i;
    int dots = 0;
    while (j < n && (is_digit(text[j]) || (text[j] == '.' && j + 1 < n && is_digit(text[j + 1])))) dots += text[j++] == '.';
    if (dots >= 2) add("v:" + std::string(text.substr(i, j - i)));
    // Each run of digits alone (a date or a range written another way).
    for (size_t k = i; k < j;) {
      size_t s = k;
      while (k < j && is_digit(text[k])) ++k;
      if (k > s) add(canonical_number(text.substr(s, k - s)));
      while (k < j && !is_digit(text[k])) ++k;
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace loclint::checks::code

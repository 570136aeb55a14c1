#include "tex.h"

#include <algorithm>
#include <map>

#include "chars.h"

#include "loclint/text.h"

namespace loclint::checks::code {

namespace {
bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
constexpr size_t kMaxFormula = 2000;  // bytes
// `th`, `st`, `nd` or `rd` at `at`, and no letter after it: the suffix of "$j$th".
bool ordinal_suffix(std::string_view text, size_t at) {
  const std::string_view two = text.substr(at, 2);
  if (two != "th" && two != "st" && two != "nd" && two != "rd") return false;
  return at + 2 >= text.size() || !is_letter(text[at + 2]);
}

// Whether text[b, e) holds an English closed-class word standing alone outside braces (`$1) and
// ^0(999)$`: two regular expressions, their `$` an end anchor and a back-reference): in TeX
// math a word is written in \text{}, and letters are variables, so such a span is prose
// between two dollar signs, not a formula.
bool english_word_inside(std::string_view text, size_t b, size_t e) {
  // A candidate that holds a `$` runs into prose already (runs_into_prose): its own rule.
  for (size_t i = b; i < e; ++i) {
    if (text[i] == '\\') ++i;
    else if (text[i] == '$') return false;
  }
  // Nor one with an equation or a control word (`$f(x) = 1 if x > 0$`, `$\ket{0} or \ket{1}$`):
  // math that spells a word out.
  for (size_t i = b; i < e; ++i)
    if (text[i] == '=' || (text[i] == '\\' && i + 2 < e && is_letter(text[i + 1]) && is_letter(text[i + 2]))) return false;
  int depth = 0;
  for (size_t i = b; i < e; ++i) {
    const char c = text[i];
    if (c == '{') ++depth;
    else if (c == '}') depth = depth > 0 ? depth - 1 : 0;
    if (depth > 0 || !is_blank(c)) continue;
    size_t w = i + 1;
    while (w < e && is_letter(text[w])) ++w;
    if (w < e && is_blank(text[w]) && w > i + 1 &&
        contains({"and", "or", "the", "of", "to", "for", "with", "is", "are", "then", "if", "when"}, text.substr(i + 1, w - i - 1)))
      return true;
  }
  return false;
}
}  // namespace

std::vector<std::pair<size_t, size_t>> find_math(std::string_view text, bool strict, bool spaced_display) {
  std::vector<std::pair<size_t, size_t>> out;
  const size_t n = text.size();
  size_t open = std::string_view::npos;
  size_t resume = 0;  // where to read on when nothing closes the open formula
  bool display = false;
  size_t no_open = std::string_view::npos;  // a '$' that was tried as an opening and closes nothing
  for (size_t i = 0;; ++i) {
    // A formula is read within one paragraph's worth of bytes, so that a text full of dollar
    // signs stays linear.
    if (i >= n || (open != std::string_view::npos && i - open > kMaxFormula)) {
      if (open == std::string_view::npos) break;
      // Nothing closes it ("$5 and $10"): it is a dollar sign; read on after it.
      no_open = open;
      i = resume;
      open = std::string_view::npos;
      continue;
    }
    if (text[i] == '\\') {
      ++i;  // \$ is a dollar sign; any escaped character is skipped whole
      continue;
    }
    if (text[i] != '$') continue;
    // `$$`; with spaced_display, also `$ $` where no inline formula is open (machine translation
    // spaces display delimiters out: "$ $ \begin{align} ... $ $").
    size_t second = i + 1 < n && text[i + 1] == '$' ? i + 1 : std::string_view::npos;
    if (second == std::string_view::npos && spaced_display && (open == std::string_view::npos || display)) {
      size_t j = i + 1;
      while (j < n && j <= i + 2 && text[j] == ' ') ++j;
      if (j > i + 1 && j < n && text[j] == '$') second = j;
    }
    const bool two = second != std::string_view::npos;
    if (open == std::string_view::npos) {
      if (i == no_open || (!two && strict && (i + 1 >= n || is_blank(text[i + 1])))) continue;
      open = i;
      display = two;
      // `$$` that closes nothing is two dollar signs; `$ $`, a dollar sign and an opening `$`.
      resume = second == i + 1 ? second : i;
      if (two) i = second;
    } else if (display) {
      if (!two) continue;  // a lone $ inside display math
      out.emplace_back(open, second + 1);
      open = std::string_view::npos;
      i = second;
    } else {
      // "$$" does not close inline math; a closing '$' has no space before it and no digit after.
      if (two) {
        i = second;
        continue;
      }
      // A letter right after it starts a variable ("$True) ... ($False"), as a digit a price;
      // but not an English ordinal's suffix ("the $j$th coefficient", "the $k$nd").
      if (strict && (is_blank(text[i - 1]) ||
                     (i + 1 < n && (is_digit(text[i + 1]) || (is_letter(text[i + 1]) && !ordinal_suffix(text, i + 1))))))
        continue;
      if (strict && english_word_inside(text, open + 1, i)) {
        // Prose between two dollar signs: the first is a dollar sign; read on after it.
        no_open = open;
        i = resume;
        open = std::string_view::npos;
        continue;
      }
      out.emplace_back(open, i + 1);
      open = std::string_view::npos;
    }
  }
  return out;
}

bool runs_into_prose(std::string_view f) {
  if (f.size() < 3 || f[0] != '$' || f[1] == '$') return false;
  for (size_t i = 1; i + 1 < f.size(); ++i) {
    if (f[i] == '\\') ++i;
    else if (f[i] == '$') return true;
  }
  return false;
}

namespace {
// The end of the control word whose backslash is text[i] (two letters or more), or npos. Not a
// control word: an escaped backslash's letters (`\\file`), nor a path's folder (`C:\Windows\Temp`,
// `HKLM\SOFTWARE`, `\\server\share`: a backslash after `:`, `%`, a letter or a digit, or a word
// followed by `\`, `/` or `.`), nor a regular expression's `\bWORD\b`.
// `after_letter`: whether a control word right after a letter counts (`e^{i\theta}`: it does within
// TeX already found; to find TeX, `Windows\Temp` must not).
size_t control_word_end(std::string_view text, size_t i, bool after_letter) {
  size_t j = i + 1;
  while (j < text.size() && is_letter(text[j])) ++j;
  if (j < i + 3) return std::string_view::npos;
  if (i > 0) {
    const char before = text[i - 1];
    if (before == '\\' || before == ':' || before == '%' || (!after_letter && (is_letter(before) || is_digit(before))))
      return std::string_view::npos;
  }
  if (j < text.size() && (text[j] == '\\' || text[j] == '/' || text[j] == '.')) return std::string_view::npos;
  return j;
}
}  // namespace

bool has_tex_outside_formulas(std::string_view text, const std::vector<std::pair<size_t, size_t>>& formulas) {
  bool dollar = false, command = false;
  size_t f = 0;  // the first formula that does not end before i
  for (size_t i = 0; i < text.size(); ++i) {
    while (f < formulas.size() && formulas[f].second <= i) ++f;
    const bool inside = f < formulas.size() && formulas[f].first <= i;
    // A control word of two letters or more: `\d` and `\w` before a `$` are a regular expression's.
    if (text[i] == '\\' && i + 1 < text.size()) {
      const size_t j = control_word_end(text, i, false);
      if (!inside && j != std::string_view::npos) {
        command = true;
        // Bare TeX: a control word with its argument (`\begin{align}`, `\ket{0}`, `\tilde{x}`).
        if (j < text.size() && text[j] == '{') return true;
      }
      if (j != std::string_view::npos) i = j - 1;
      else ++i;
      continue;
    }
    if (text[i] == '$' && !inside) dollar = true;
  }
  return dollar && command;
}

std::pair<size_t, size_t> tex_extent(std::string_view text) {
  constexpr size_t npos = std::string_view::npos;
  size_t first_dollar = npos, first_command = npos, dollar_end = 0, command_end = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '$') {
      first_dollar = std::min(first_dollar, i);
      dollar_end = i + 1;
    } else if (text[i] == '\\' && i + 1 < text.size()) {
      const size_t j = control_word_end(text, i, true);
      if (j != npos) {
        first_command = std::min(first_command, i);
        command_end = j;
        i = j - 1;
      } else {
        ++i;
      }
    }
  }
  if (first_dollar == npos && first_command == npos) return {0, 0};
  size_t b, e;
  if (first_dollar == npos) {
    // Bare TeX: from its first backslash (machine translation writes `\ Begin`) to its last
    // control word's argument.
    b = std::min(first_command, text.find('\\'));
    e = command_end;
    // Its arguments: every group that follows (`\frac{a}{b}`), nested groups closed in turn.
    while (e < text.size() && text[e] == '{') {
      size_t k = e, depth = 0;
      for (; k < text.size(); ++k) {
        if (text[k] == '{') ++depth;
        else if (text[k] == '}' && --depth == 0) break;
      }
      if (k == text.size()) break;
      e = k + 1;
    }
  } else {
    // TeX before the first delimiter began in the previous segment; after the last one, it runs
    // on into the next: the extent reaches the text's start or end.
    b = first_command < first_dollar ? 0 : first_dollar;
    e = command_end > dollar_end ? text.size() : dollar_end;
  }
  while (b < e && is_blank(text[b])) ++b;
  while (e > b && is_blank(text[e - 1])) --e;
  return {b, e};
}

std::vector<std::string> tex_tokens(std::string_view f) {
  std::vector<std::string> out;
  for (size_t i = 0; i < f.size();) {
    if (space_length(f, i)) {
      i += space_length(f, i);
      continue;
    }
    if (f[i] == '\\' && i + 1 < f.size()) {
      size_t j = i + 1;
      if (is_letter(f[j])) {
        while (j < f.size() && is_letter(f[j])) ++j;
      } else {
        utf8::next(f, j);
      }
      out.emplace_back(f.substr(i, j - i));
      i = j;
      continue;
    }
    size_t j = i;
    utf8::next(f, j);
    out.emplace_back(f.substr(i, j - i));
    i = j;
  }
  return out;
}

namespace {
// The control words of a token list; `\begin` and `\end` with their environment's name
// (`\begin{align}`), which TeX reads as part of the command: a translated name is an error.
std::vector<std::string> control_words(const std::vector<std::string>& tokens) {
  std::vector<std::string> out;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& t = tokens[i];
    if (t.size() < 3 || t[0] != '\\' || !is_letter(t[1])) continue;
    std::string word = t;
    if ((t == "\\begin" || t == "\\end") && i + 1 < tokens.size() && tokens[i + 1] == "{") {
      size_t j = i + 2;
      std::string name;
      while (j < tokens.size() && tokens[j] != "}" && name.size() < 64) name += tokens[j++];
      if (j < tokens.size() && tokens[j] == "}") {
        word += "{" + name + "}";
        i = j;
      }
    }
    out.push_back(std::move(word));
  }
  return out;
}
}  // namespace

std::vector<std::string> missing_commands(const std::vector<std::string>& source, const std::vector<std::string>& target) {
  std::map<std::string, int> have;
  for (std::string& t : control_words(target)) ++have[t];
  std::vector<std::string> out;
  for (std::string& s : control_words(source))
    if (have[s]-- <= 0 && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
  return out;
}

}  // namespace loclint::checks::code

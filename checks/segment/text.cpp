#include "text.h"

namespace loclint::checks::segment {

namespace {

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

// Removes what is never translated: code, link destinations, HTML tags.
std::string strip_untranslatable(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    char c = s[i];
    if (c == '`') {
      size_t run = 0;
      while (i + run < s.size() && s[i + run] == '`') ++run;
      std::string_view fence = s.substr(i, run);
      size_t close = s.find(fence, i + run);
      if (close != std::string_view::npos) {
        out += ' ';
        i = close + run;
        continue;
      }
    } else if (c == ']' && i + 1 < s.size() && s[i + 1] == '(') {
      size_t close = s.find(')', i + 2);
      if (close != std::string_view::npos) {
        out += ' ';
        i = close + 1;
        continue;
      }
    } else if (c == '<') {
      size_t close = s.find('>', i + 1);
      if (close != std::string_view::npos && close > i + 1 && (is_ascii_letter(s[i + 1]) || s[i + 1] == '/' || s[i + 1] == '!')) {
        out += ' ';
        i = close + 1;
        continue;
      }
    }
    out += c;
    ++i;
  }
  return out;
}

// Words that make English prose and that product and feature names practically never contain
// in lower case ("Calling Plan for US and Canada" has `for`/`and`, never `the` or `is`).
bool is_prose_marker(std::string_view w) {
  static constexpr std::string_view kMarkers[] = {
      "a",     "an",    "the",    "is",    "are",   "was",    "were",  "be",    "been",  "being",
      "you",   "your",  "we",     "our",   "it",    "its",    "this",  "that",  "these", "those",
      "they",  "their", "them",   "he",    "she",   "can",    "cannot", "will", "would", "should",
      "must",  "may",   "might",  "could", "not",   "if",     "when",  "where", "how",   "what",
      "which", "who",   "why",    "has",   "have",  "had",    "do",    "does",  "did",   "there",
      "here",  "than",  "then",   "also",  "only",  "please", "don't", "can't", "isn't", "it's",
      "you're", "let's"};
  for (std::string_view m : kMarkers)
    if (w == m) return true;
  return false;
}


// What the words of an English source are made of, once code, URLs, identifiers, numbers and
// markup are set aside.
struct WordProfile {
  int words = 0;          // plain words (letters, inner hyphens and apostrophes)
  int lower = 0;          // of which start with a lower-case letter
  int markers = 0;        // of which are English function words (see is_prose_marker)
  bool ends_sentence = false;  // the text ends with . ! ? or :
};

WordProfile profile(std::string_view source) {
  WordProfile p;
  std::string text = strip_untranslatable(source);
  std::string_view t = trim(text);
  // Trailing emphasis and closing brackets do not hide the sentence's final punctuation.
  size_t e = t.size();
  while (e > 0 && (t[e - 1] == '*' || t[e - 1] == '_' || t[e - 1] == ')' || t[e - 1] == '"' || t[e - 1] == ' ')) --e;
  if (e > 0) {
    char last = t[e - 1];
    p.ends_sentence = last == '.' || last == '!' || last == '?' || last == ':';
  }
  size_t i = 0;
  while (i < t.size()) {
    while (i < t.size() && (t[i] == ' ' || t[i] == '\t' || t[i] == '\r' || t[i] == '\n')) ++i;
    size_t b = i;
    while (i < t.size() && !(t[i] == ' ' || t[i] == '\t' || t[i] == '\r' || t[i] == '\n')) ++i;
    std::string_view tok = t.substr(b, i - b);
    // Paths, URLs, placeholders, identifiers, file names, numbers, e-mail addresses: not words.
    if (tok.empty() || tok.find_first_of("/\\{}_@=#$%&+|~^0123456789") != std::string_view::npos) continue;
    // Punctuation and emphasis around a word.
    static constexpr std::string_view kEdge = "*()[]\"'.,;:!?¡¿«»“”‘’-–—";
    size_t wb = 0, we = tok.size();
    while (wb < we && kEdge.find(tok[wb]) != std::string_view::npos) ++wb;
    while (we > wb && kEdge.find(tok[we - 1]) != std::string_view::npos) --we;
    std::string_view w = tok.substr(wb, we - wb);
    if (w.empty()) continue;
    bool plain = is_ascii_letter(w.front()) && is_ascii_letter(w.back());
    for (size_t k = 0; plain && k < w.size(); ++k)
      plain = is_ascii_letter(w[k]) || w[k] == '-' || w[k] == '\'';
    if (!plain) continue;  // `example.onmicrosoft.com`, `a.b`, non-ASCII words
    // Identifiers: camelCase, PascalCase, ALLCAPS keep their form in every language.
    bool inner_upper = false;
    for (size_t k = 1; k < w.size(); ++k) inner_upper |= is_upper(w[k]) && w[k - 1] != '-';
    if (inner_upper) continue;
    ++p.words;
    if (is_lower(w.front())) {
      ++p.lower;
      if (is_prose_marker(w)) ++p.markers;
    } else if (w.size() > 1 && w != "May" && w != "Will") {
      // A sentence or heading starts with a capital: "How to enroll", "You can...". The month
      // and the first name are the capitalized markers that also occur in names and dates.
      std::string lowered(w);
      lowered[0] = static_cast<char>(lowered[0] - 'A' + 'a');
      if (is_prose_marker(lowered)) ++p.markers;
    }
  }
  return p;
}

}  // namespace

bool has_prose(std::string_view source, int min_words) {
  WordProfile p = profile(source);
  if (p.words < min_words) return false;
  if (p.markers >= 1 && p.lower >= 2) return true;
  // "End of life products:" - a sentence or label without function words, but with lower-case
  // content words and final punctuation.
  return p.ends_sentence && p.lower - p.markers >= 3;
}

}  // namespace loclint::checks::segment

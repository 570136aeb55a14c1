#include <algorithm>

#include <unicode/uchar.h>

#include "comparison.h"
#include "grammar/chars.h"

namespace loclint::checks::code {

const Rule kIdentifier{
    .id = "code/identifier-mismatch",
    .severity = Severity::Error,
    .summary = "a technical name of the source (field, API, cmdlet, file or dotted name) is translated, transliterated or re-cased",
    .checks = "Names such as `BillingPreTaxTotal`, `MpnId`, `exchangeRateDate`, `Az.Accounts`, `README.md` or a "
              "cmdlet name are in the translation as in the source: not translated (`NomService` for "
              "`ServiceName`), transliterated (Cyrillic for `BillingPreTaxTotal`), split (`AZ. Marketplace`) or "
              "re-cased (`skuName` for `SkuName`). A UI label the localized product spells its own way "
              "(`Drilldown` for the `DrillDown` button) and a date format written in words in the locale's field "
              "names (`anno.mese.giorno` for `year.month.day`) are not names (docs/code-grammar.md). Names listed "
              "in the option `ignore` are left alone.",
    .why = "These are what the product, the API or the file really calls them; a reader searches for them or "
           "types them. Keep the name exactly as in the source.",
    .fires = {.text = "<span data-ttu-id=\"f4053-101\">Le champ NomService</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-101\">The ServiceName field</span></span>\n"},
    .passes = {.text = "<span data-ttu-id=\"f4053-101\">Le champ ServiceName</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-101\">The ServiceName field</span></span>\n"},
    .options = {{"ignore", OptionType::List, "", "names that may be translated on purpose (with code/command-mismatch's)"}},
};

// A target word that looks like a name but is not in the source: the translated or
// transliterated version of a missing name ("БиллингПреТаксТотал", "AzMarketplacePrivateStore").
std::optional<std::pair<size_t, size_t>> counterpart(PairComparison& p, const Token& tok) {
  // Compared on letters and digits only, lowercased: Syndication_Partner_Subscription_Number
  // is SyndicationPartnerSubscriptionNumber with its parts shown.
  auto letters = [](std::string_view s) {
    std::string out;
    for (char ch : s)
      if (is_ascii_alnum(ch)) out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return out;
  };
  std::string needle = letters(tok.text);
  for (const Token& t : p.target_tokens()) {
    if (t.kind != TokenKind::Identifier || p.used_targets.count(t.begin)) continue;
    if (find_token(p.source.vis.text, t.text, 0, true) != std::string::npos) continue;
    std::string l = letters(t.text);
    size_t common = 0;
    while (common < l.size() && common < needle.size() && l[common] == needle[common]) ++common;
    // And from the end: a name whose middle was replaced (`OnGetCDSConnectionClientId` for
    // `OnGetEmailLoggingClientId`, a translation memory's match from another article).
    size_t tail = 0;
    while (tail + common < l.size() && tail + common < needle.size() && l[l.size() - 1 - tail] == needle[needle.size() - 1 - tail])
      ++tail;
    bool similar = l.size() >= 5 && (needle.find(l) != std::string::npos || l.find(needle) != std::string::npos);
    similar = similar || (common >= 8 && common * 3 >= needle.size() * 2);
    similar = similar || (common >= 3 && tail >= 3 && common + tail >= 8 && (common + tail) * 2 >= std::max(needle.size(), l.size()));
    if (similar) {
      p.used_targets.insert(t.begin);
      return std::make_pair(t.begin, t.end);
    }
  }
  if (tok.text.find('-') != std::string::npos && tok.text.find_first_of("0123456789") != std::string::npos)
    if (auto w = same_shape(p, tok.text)) return w;
  // Words of another script written in camel case, or joined by underscores (`اسم_الخدمة` for
  // `Service_Name`: a script without letter case).
  std::string_view text = p.target_text();
  for (size_t i = 0; i < text.size();) {
    size_t b = i;
    bool foreign = false, camel = false, ascii_letter = false, prev_lower = false, underscore = false;
    while (i < text.size() && !space_length(text, i)) {
      size_t k = i;
      char32_t cp = utf8::next(text, i);
      if (cp == '_' && k > b && i < text.size() && !space_length(text, i)) {
        underscore = true;
        continue;
      }
      if (!u_isalnum(static_cast<UChar32>(cp))) {
        if (k == b) b = i;
        else {
          i = k;
          break;
        }
        continue;
      }
      if (cp < 0x80) ascii_letter = true;
      else foreign = true;
      if (u_isUUppercase(static_cast<UChar32>(cp)) && prev_lower) camel = true;
      prev_lower = u_isULowercase(static_cast<UChar32>(cp));
    }
    if (foreign && (camel || underscore) && !ascii_letter && i > b && !p.used_targets.count(b)) {
      p.used_targets.insert(b);
      return std::make_pair(b, i);
    }
    while (i < text.size() && space_length(text, i)) i += space_length(text, i);
    if (i == b) ++i;
  }
  return std::nullopt;
}

// The first target word whose letters and digits sit where the needle's do (MB-220 and
// Mo-220, yyyy-MM-dd and aaaa-MM-jj).
std::optional<std::pair<size_t, size_t>> same_shape(PairComparison& p, std::string_view needle) {
  auto shape = [](std::string_view s) {
    std::string out;
    for (char ch : s) out += is_ascii_alnum(ch) || static_cast<uint8_t>(ch) >= 0x80 ? (ch >= '0' && ch <= '9' ? '0' : 'a') : ch;
    return out;
  };
  std::string want = shape(needle);
  std::string_view t = p.target_text();
  for (size_t i = 0; i < t.size();) {
    if (space_length(t, i)) {
      i += space_length(t, i);
      continue;
    }
    size_t b = i;
    while (i < t.size() && !space_length(t, i)) ++i;
    size_t e = i;
    while (e > b && (t[e - 1] == ',' || t[e - 1] == '.' || t[e - 1] == ';' || t[e - 1] == ')')) --e;
    while (b < e && t[b] == '(') ++b;
    // Compare byte shapes only for ASCII words; accented letters change the byte count.
    std::string_view w = t.substr(b, e - b);
    if (shape(w) == want && !p.used_targets.count(b) && find_token(p.source.vis.text, w) == std::string::npos) {
      p.used_targets.insert(b);
      return std::make_pair(b, e);
    }
  }
  return std::nullopt;
}

}  // namespace loclint::checks::code

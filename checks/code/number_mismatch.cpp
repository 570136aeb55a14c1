#include <unicode/locid.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "comparison.h"
#include "grammar/chars.h"
#include "common/source_version.h"

namespace loclint::checks::code {

const Rule kNumber{
    .id = "code/number-mismatch",
    .severity = Severity::Warning,
    .summary = "a number of the source has no equivalent in the translation",
    .checks = "Every number of the source (a price, a quantity, a limit, a date) is in the translation in a form "
              "the file's locale accepts: `1,000.50` may be written `1 000,50` in French, and a number may be "
              "spelled out as a word (ICU's spell-out rules) or moved into the neighbouring sentence of the same "
              "paragraph.",
    .why = "A different or missing number changes the facts: a price, a limit or a deadline the reader relies "
           "on. Check the number against the source.",
    .fires = {.text = "<span data-ttu-id=\"f4053-101\">Le seuil est de 500 USD.</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-101\">The threshold is 50 USD.</span></span>\n"},
    .passes = {.text = "<span data-ttu-id=\"f4053-101\">Le seuil est de cinquante USD.</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-101\">The threshold is 50 USD.</span></span>\n"},
};

namespace {

// The locale's spell-out rules, or nullptr. Building them costs as much as checking a few
// documents, so each thread keeps the ones it has built (a formatter is not shared across
// threads, and format() leaves it unchanged).
const icu::RuleBasedNumberFormat* spellout_for(const std::string& locale) {
  thread_local std::map<std::string, std::unique_ptr<icu::RuleBasedNumberFormat>> cache;
  auto it = cache.find(locale);
  if (it == cache.end()) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale loc = icu::Locale::forLanguageTag(locale, status);
    auto f = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT, loc, status);
    it = cache.emplace(locale, U_SUCCESS(status) ? std::move(f) : nullptr).first;
  }
  return it->second.get();
}

}  // namespace

std::vector<std::string> TargetContext::spelled(const std::string& value) {
  if (!spellout_tried) {
    spellout_tried = true;
    spellout = spellout_for(locale.empty() ? "en" : locale);
  }
  std::vector<std::string> words;
  if (!spellout || value.find('.') != std::string::npos || value.size() > 6) return words;
  int64_t v = std::stoll(value);
  for (int32_t r = 0; r < spellout->getNumberOfRuleSetNames(); ++r) {
    icu::UnicodeString name = spellout->getRuleSetName(r);
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString s;
    icu::FieldPosition pos;
    spellout->format(v, name, s, pos, status);
    if (U_FAILURE(status)) continue;
    std::string w;
    s.toUTF8String(w);
    words.push_back(to_lower(w));
  }
  return words;
}

// How many times a text holds each value it may be read as (target_values): the values of each
// word apart, counted once per word, and at least once each value of the whole text (a number
// grouped with spaces, `1 000`, is one value of two words). `30 jours ... le 30` holds 30 twice.
std::map<std::string, int> value_counts(std::string_view text, const NumberFormat& locale_format, const NumberFormat& source_format) {
  std::map<std::string, int> counts;
  size_t b = 0;
  while (b < text.size()) {
    while (b < text.size() && space_length(text, b)) b += space_length(text, b);
    size_t e = b;
    while (e < text.size() && !space_length(text, e)) ++e;
    if (e > b)
      for (std::string& v : target_values(text.substr(b, e - b), locale_format, source_format)) ++counts[std::move(v)];
    b = e;
  }
  for (std::string& v : target_values(text, locale_format, source_format)) {
    int& n = counts[std::move(v)];
    if (n == 0) n = 1;
  }
  return counts;
}

namespace {

// A year of the Gregorian calendar as docs write one: four digits, 1900 to 2099.
bool is_year(std::string_view v) {
  return v.size() == 4 && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
         (v.starts_with("19") || v.starts_with("20"));
}

// The year of the article's `ms.date`, read as the metadata rules read it (source_version.h), or
// empty.
std::string article_year(const Document& doc, const Config& config) {
  const FrontMatterEntry* date = doc.front_matter().find("ms.date");
  if (!date || !date->is_scalar) return {};
  const std::optional<Date> d = date_of(date->value, config);
  return d ? std::to_string(d->year) : std::string();
}

}  // namespace

void compare_number_mismatch(PairComparison& p) {
  const std::string_view T = p.target_text();
  // Every number starts with a digit; most segments have none.
  if (std::none_of(p.source.vis.text.begin(), p.source.vis.text.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) return;
  std::vector<bool> skip = p.source.vis.has_code ? p.source.vis.code : std::vector<bool>(p.source.vis.text.size(), false);
  for (const Token& tok : p.source_tokens)
    for (size_t k = tok.begin; k < tok.end; ++k) skip[k] = true;
  if (p.any_claimed())
    for (size_t k = 0; k < skip.size(); ++k)
      if (!skip[k] && p.claimed(p.source.vis.span(k, k + 1))) skip[k] = true;
  std::vector<Number> nums = source_numbers(p.source.vis.text, p.context.source_format, &skip);
  if (nums.empty()) return;
  std::vector<std::string> values = target_values(T, p.context.locale_format, p.context.source_format);
  // A number the translation moved into the neighbouring sentence is not missing (pair.h): one
  // that the previous segment's translation has, or that the next one's has more often than its
  // own source. Read only when a number is not in this translation.
  std::optional<std::vector<std::string>> before_values;
  std::optional<std::map<std::string, int>> after_surplus;
  auto neighbour_has = [&](const std::string& v) {
    if (p.pair.before) {
      if (!before_values)
        before_values = target_values(visible_text(*p.pair.before.doc, p.pair.before.content).text, p.context.locale_format,
                                      p.context.source_format);
      if (std::binary_search(before_values->begin(), before_values->end(), v)) return true;
    }
    if (!p.pair.after) return false;
    if (!after_surplus) {
      after_surplus.emplace();
      for (auto& [value, n] : value_counts(visible_text(*p.pair.after.doc, p.pair.after.content).text, p.context.locale_format,
                                           p.context.source_format))
        (*after_surplus)[value] += n;
      if (p.pair.after_source && !p.repeats_after())
        for (auto& [value, n] : value_counts(visible_text(*p.pair.after_source.doc, p.pair.after_source.content).text,
                                             p.context.source_format, p.context.source_format))
          (*after_surplus)[value] -= n;
    }
    const auto it = after_surplus->find(v);
    return it != after_surplus->end() && it->second > 0;
  };
  auto has = [&](const std::string& v) {
    return std::binary_search(values.begin(), values.end(), v) || neighbour_has(v);
  };
  std::set<std::string> seen;
  std::string lowered;
  for (const Number& n : nums) {
    if (!seen.insert(n.value).second) continue;
    if (has(n.value) || std::any_of(n.also.begin(), n.also.end(), has)) continue;
    if (n.value.starts_with("v:") && T.find(n.value.substr(2)) != std::string::npos) continue;
    // Spelled out in the translation ("deux licences" for "2 licenses").
    if (lowered.empty()) lowered = to_lower(T);
    bool spelled = false;
    for (const std::string& w : p.context.spelled(n.value)) {
      // Chinese and Japanese numerals (三十) are written with no space around them ("设为三十秒"):
      // what may not touch them is another numeral (三十五 is 35), not any letter.
      size_t first = 0;
      const bool ideographic = u_hasBinaryProperty(static_cast<UChar32>(utf8::next(w, first)), UCHAR_IDEOGRAPHIC);
      spelled = find_standing(lowered, w, ideographic ? +[](int32_t c) { return u_getNumericValue(c) != U_NO_NUMERIC_VALUE; }
                                                      : +[](int32_t c) { return static_cast<bool>(u_isalpha(c)); }) != std::string_view::npos;
      if (spelled) break;
    }
    if (spelled) continue;
    // A number the source split with a stray space (`+1 2.7` for `+12.7`), which the translation
    // writes joined (`+12,7`): the source's slip, not the translation's. The digits on the other
    // side of one space may be no number of their own (`1` is not compared).
    const std::string_view S = p.source.vis.text;
    auto digit_run = [](char ch) { return is_digit(ch) || ch == '.' || ch == ','; };
    auto joined_in_translation = [&](size_t b, size_t e) {  // the digits [b, e) joined
      std::string joined;
      for (size_t k = b; k < e; ++k)
        if (S[k] != ' ') joined += S[k];
      const std::vector<Number> whole = source_numbers(joined, p.context.source_format, nullptr);
      return whole.size() == 1 && whole[0].begin == 0 && whole[0].end == joined.size() && has(whole[0].value);
    };
    // Only a decimal number whose integer digits the space split (`1 2.7`): two whole numbers
    // side by side (`ports 8 443`, `2 4 GB partitions`) are two numbers, which a translation that
    // joins them has lost.
    auto integer_digits = [&](size_t b, size_t e) {
      return e > b && e - b <= 3 && std::all_of(S.begin() + static_cast<std::ptrdiff_t>(b), S.begin() + static_cast<std::ptrdiff_t>(e), is_digit);
    };
    auto decimal = [&](size_t b, size_t e) {
      const std::string_view x = S.substr(b, e - b);
      const size_t dot = x.find(p.context.source_format.decimal);
      return dot != std::string_view::npos && dot > 0 && dot + 1 < x.size();
    };
    // And only in arithmetic, after an operator (`+1 2.7`): in prose, `Add 1 2.5 GB disk` is a count
    // and a size, which `12,5 Go` has lost.
    auto in_formula = [&](size_t b) {
      size_t k = b;
      while (k > 0 && S[k - 1] == ' ') --k;
      return k > 0 && std::string_view("+-*/=(").find(S[k - 1]) != std::string_view::npos;
    };
    if (n.begin >= 2 && S[n.begin - 1] == ' ' && is_digit(S[n.begin - 2]) && decimal(n.begin, n.end)) {
      size_t b = n.begin - 1;
      while (b > 0 && is_digit(S[b - 1])) --b;
      if ((b == 0 || !digit_run(S[b - 1])) && integer_digits(b, n.begin - 1) && in_formula(b) && joined_in_translation(b, n.end)) continue;
    }
    if (n.end + 1 < S.size() && S[n.end] == ' ' && is_digit(S[n.end + 1]) && integer_digits(n.begin, n.end)) {
      size_t e = n.end + 1;
      while (e < S.size() && digit_run(S[e])) ++e;
      while (e > n.end + 1 && !is_digit(S[e - 1])) --e;  // the sentence's period or comma
      if (decimal(n.end + 1, e) && in_formula(n.begin) && joined_in_translation(n.begin, e)) continue;
    }
    std::string_view raw = std::string_view(p.source.vis.text).substr(n.begin, n.end - n.begin);
    // A year of the source that the translation writes as the year the article is dated
    // (ms.date), a year the source half does not name: the source's slip ("As of March 23 2020"
    // in an article of March 2021, "23 mars 2021" in the translation), passed upstream.
    // Only the year before the dated one (the slip of a year just begun), not after a capitalized
    // word (a product's version: `Visual Studio 2022`, `Windows Server 2019`).
    auto after_name = [&] {
      size_t k = n.begin;
      while (k > 0 && S[k - 1] == ' ') --k;
      size_t b = k;
      while (b > 0 && is_letter(S[b - 1])) --b;
      const std::string_view word = S.substr(b, k - b);
      return b < k && is_upper(S[b]) &&
             !contains({"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                        "November", "December", "In", "By", "Since", "Until", "From", "Of"},
                       word);
    };
    if (const std::string dated = article_year(*p.pair.target.doc, p.context.env.config);
        !dated.empty() && is_year(n.value) && std::stoi(n.value) + 1 == std::stoi(dated) && !after_name() &&
        find_token(T, dated) != std::string_view::npos && find_token(S, dated) == std::string_view::npos) {
      p.report_source_slip(kNumber, p.whole_target(),
                           fmt::format("number '{}' of the source is '{}' in the translation, the year the article is dated "
                                       "(ms.date): the source's year looks like a slip",
                                       q(raw), dated),
                           raw, p.source.vis.span(n.begin, n.end));
      continue;
    }
    p.report(kNumber, p.whole_target(), fmt::format("number '{}' of the source has no equivalent in the translation", q(raw)), raw, p.source.vis.span(n.begin, n.end));
  }
}

}  // namespace loclint::checks::code

#include <unicode/locid.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "comparison.h"

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
  // that the neighbour's translation has and the neighbour's own source has not. Read only when
  // a number is not in this translation.
  std::optional<std::vector<std::string>> moved;
  auto moved_values = [&]() -> const std::vector<std::string>& {
    if (moved) return *moved;
    moved.emplace();
    const Half no_source;
    for (const auto& [nb, nbs] : {std::pair(p.pair.before, no_source), std::pair(p.pair.after, p.repeats_after() ? no_source : p.pair.after_source)}) {
      if (!nb) continue;
      std::vector<std::string> there = target_values(visible_text(*nb.doc, nb.content).text, p.context.locale_format, p.context.source_format);
      std::vector<std::string> own;
      if (nbs) own = target_values(visible_text(*nbs.doc, nbs.content).text, p.context.source_format, p.context.source_format);
      std::set_difference(there.begin(), there.end(), own.begin(), own.end(), std::back_inserter(*moved));
    }
    std::sort(moved->begin(), moved->end());
    return *moved;
  };
  auto has = [&](const std::string& v) {
    if (std::binary_search(values.begin(), values.end(), v)) return true;
    const std::vector<std::string>& m = moved_values();
    return std::binary_search(m.begin(), m.end(), v);
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
      for (size_t at = lowered.find(w); at != std::string::npos && !spelled; at = lowered.find(w, at + 1)) {
        size_t e = at + w.size();
        auto letter_at = [&](size_t k) {
          size_t kk = k;
          return u_isalpha(static_cast<UChar32>(utf8::next(lowered, kk)));
        };
        bool before = at == 0;
        if (!before) {
          size_t s = at - 1;
          while (s > 0 && (static_cast<uint8_t>(lowered[s]) & 0xC0) == 0x80) --s;
          before = !letter_at(s);
        }
        if (before && (e >= lowered.size() || !letter_at(e))) spelled = true;
      }
      if (spelled) break;
    }
    if (spelled) continue;
    std::string_view raw = std::string_view(p.source.vis.text).substr(n.begin, n.end - n.begin);
    p.report(kNumber, p.whole_target(), fmt::format("number '{}' of the source has no equivalent in the translation", q(raw)), raw, p.source.vis.span(n.begin, n.end));
  }
}

}  // namespace loclint::checks::code

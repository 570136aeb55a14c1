#include "numbers.h"

#include <fmt/format.h>
#include <unicode/dcfmtsym.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <mutex>

#include "chars.h"

#include "loclint/text.h"

namespace loclint::checks::code {

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
    // A four-digit 24-hour time (0200, 1430: military style) is written 02.00 or 2:00 in most
    // locales; target_values reads those as "t:HHMM".
    if (e - i == 4 && all_of(text.substr(i, 4), is_digit)) {
      int hh = (text[i] - '0') * 10 + (text[i + 1] - '0'), mm = (text[i + 2] - '0') * 10 + (text[i + 3] - '0');
      if (hh < 24 && mm < 60) num.also.push_back("t:" + std::string(text.substr(i, 4)));
    }
    if (keep) out.push_back(std::move(num));
    i = std::max(skip_chain(e), i + 1);
  }
  return out;
}

namespace {
// The text with the digits of a script's own numbering system written as ASCII digits: Unicode
// decimal digits (general category Nd) outside ASCII whose script is not Common (Arabic-Indic
// ٣٠, Extended Arabic-Indic ۳۰, Devanagari ३०, Thai ๓๐, Bengali, Myanmar...: CLDR's numbering
// systems arab, arabext, deva, thai...), and the Arabic decimal and thousands separators
// (U+066B, U+066C) as `.` and `,`. Fullwidth digits (script Common) are left as they are: they are
// look-alikes, which code/fullwidth-chars reports. Empty when the text has none of them.
std::string ascii_digits(std::string_view text) {
  std::string out;
  bool changed = false;
  for (size_t i = 0; i < text.size();) {
    if (static_cast<uint8_t>(text[i]) < 0x80) {
      out += text[i++];
      continue;
    }
    const size_t b = i;
    const char32_t c = utf8::next(text, i);
    UErrorCode status = U_ZERO_ERROR;
    if (u_charType(static_cast<UChar32>(c)) == U_DECIMAL_DIGIT_NUMBER &&
        uscript_getScript(static_cast<UChar32>(c), &status) != USCRIPT_COMMON && U_SUCCESS(status)) {
      out += static_cast<char>('0' + u_charDigitValue(static_cast<UChar32>(c)));
      changed = true;
    } else if (c == 0x066B || c == 0x066C) {
      out += c == 0x066B ? '.' : ',';
      changed = true;
    } else {
      out.append(text.substr(b, i - b));
    }
  }
  if (!changed) out.clear();
  return out;
}
}  // namespace

std::vector<std::string> target_values(std::string_view text, const NumberFormat& locale_format,
                                       const NumberFormat& source_format) {
  std::vector<std::string> out;
  // Native digits: only a text with bytes outside ASCII may have them.
  std::string native;
  if (std::any_of(text.begin(), text.end(), [](char c) { return static_cast<uint8_t>(c) >= 0xD8; }) &&
      !(native = ascii_digits(text)).empty())
    text = native;
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
  // A number right before a CJK numeral unit counts it: 5만 (Korean), 5万 (Japanese, Chinese)
  // are 50,000; 3억, 3億, 3亿 are 300,000,000; 2천, 2千 are 2,000 (Unicode's Unihan
  // kPrimaryNumeric values of these characters).
  auto add_multiplied = [&](const std::string& v, size_t at) {
    static constexpr std::pair<std::string_view, int> kUnits[] = {
        {"\uB9CC", 4}, {"\u4E07", 4}, {"\u842C", 4}, {"\uC5B5", 8}, {"\u5104", 8}, {"\u4EBF", 8},
        {"\uCC9C", 3}, {"\u5343", 3}, {"\uC870", 12}, {"\u5146", 12}};
    if (at >= n || static_cast<uint8_t>(text[at]) < 0x80 || v.starts_with("v:")) return;
    for (auto [unit, zeros] : kUnits) {
      if (!text.substr(at).starts_with(unit)) continue;
      // Shift the decimal point `zeros` places to the right.
      std::string digits = v;
      size_t dot = digits.find('.');
      std::string frac = dot == std::string::npos ? "" : digits.substr(dot + 1);
      digits = dot == std::string::npos ? digits : digits.substr(0, dot);
      while (frac.size() < static_cast<size_t>(zeros)) frac += '0';
      std::string whole = digits + frac.substr(0, static_cast<size_t>(zeros));
      std::string rest = frac.substr(static_cast<size_t>(zeros));
      add(canonical_number(rest.empty() ? whole : whole + "." + rest));
      return;
    }
  };
  // A clock time HH:MM or HH.MM ("alle 02.00", "2:00"), also read as "t:HHMM" (source_numbers).
  auto add_clock = [&](size_t b, size_t e) {
    if (e - b < 1 || e - b > 2 || e + 3 > n || (text[e] != ':' && text[e] != '.') || !digit_at(e + 1) ||
        !digit_at(e + 2) || digit_at(e + 3))
      return;
    int hh = std::atoi(std::string(text.substr(b, e - b)).c_str());
    int mm = (text[e + 1] - '0') * 10 + (text[e + 2] - '0');
    if (hh < 24 && mm < 60) add(fmt::format("t:{:02}{:02}", hh, mm));
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
      if (run_end < n) add_multiplied(canonical_number(text.substr(i, run_end - i)), run_end);
      add_clock(i, run_end);
      continue;
    }
    size_t locale_end = read_number(text, i, locale_format, value);
    add(value);
    add_multiplied(value, locale_end);
    add_clock(i, run_end);
    size_t source_end = read_number(text, i, source_format, value);
    add(value);
    add_multiplied(value, source_end);
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

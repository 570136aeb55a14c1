// Numbers in a source text and the values a translation may write them as, by locale (ICU).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace loclint::checks::code {

struct NumberFormat {
  std::string decimal = ".";
  std::string grouping = ",";
  bool grouping_is_space = false;  // then any space-like character groups digits too
};
// The separators of a locale, read with ICU ("fr-fr" -> ',' and U+202F).
NumberFormat number_format(std::string_view locale);

struct Number {
  size_t begin = 0, end = 0;
  std::string value;                 // canonical: no grouping, '.' decimal, no leading zeros
  std::vector<std::string> also;     // other values that count as equivalent (10k -> 10000)
};
// Numbers of a source text written in `format` (strict: not part of a word).
std::vector<Number> source_numbers(std::string_view text, const NumberFormat& format,
                                   const std::vector<bool>* skip = nullptr);
// Every value a target text may be read as: in its locale's format, in the source format, and
// each digit group alone.
std::vector<std::string> target_values(std::string_view text, const NumberFormat& locale_format,
                                       const NumberFormat& source_format);
// Canonical form of a decimal number written with '.' ("007.50" -> "7.5").
std::string canonical_number(std::string_view digits);

}  // namespace loclint::checks::code

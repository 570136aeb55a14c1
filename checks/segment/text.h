// Text helpers of checks/segment: the id shape and the "is there anything to translate" test
// (unit-tested in tests/segment_text_test.cpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "loclint/text.h"

namespace loclint::checks::segment {

// Only ASCII white space (what separates the halves of a segment in real files).
inline bool is_white(std::string_view s) {
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
  return true;
}

// `f4053-120`: the prefix names the exported file, the number the sentence within it.
// `055b8-p102`: a segment that holds a whole paragraph; paragraph numbers are a counter of
// their own, increasing in file order like sentence numbers but not interleaved with them.
struct SegmentId {
  std::string_view prefix;
  uint64_t number = 0;
  bool paragraph = false;  // `-pNNN`
};

// The shapes the localization pipeline writes: five lowercase hex digits, a dash, an optional
// `p` and a decimal number (no sign, at most 9 digits). Anything else cannot be matched on
// re-import.
inline std::optional<SegmentId> parse_id(std::string_view id) {
  constexpr size_t kPrefix = 5;
  const bool paragraph = id.size() > kPrefix + 1 && id[kPrefix + 1] == 'p';
  const size_t digits = kPrefix + 1 + (paragraph ? 1 : 0);
  if (id.size() < digits + 1 || id.size() > digits + 9 || id[kPrefix] != '-') return std::nullopt;
  for (size_t i = 0; i < kPrefix; ++i) {
    char c = id[i];
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return std::nullopt;
  }
  SegmentId out{id.substr(0, kPrefix), 0, paragraph};
  for (size_t i = digits; i < id.size(); ++i) {
    char c = id[i];
    if (c < '0' || c > '9') return std::nullopt;
    out.number = out.number * 10 + static_cast<uint64_t>(c - '0');
  }
  return out;
}

// True when an English source holds prose a translator must translate. Identical source and
// target are legitimate for product names ("Microsoft Partner Center"), table headers that are
// identifiers ("MPNId"), codes, commands, numbers, URLs, country names and currencies: all of
// them are title-case or identifier-like and carry no English function words.
bool has_prose(std::string_view source, int min_words = 3);

}  // namespace loclint::checks::segment

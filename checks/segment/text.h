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
struct SegmentId {
  std::string_view prefix;
  uint64_t number = 0;
};

// The shape the localization pipeline writes: five lowercase hex digits, a dash, a decimal
// number (no sign, at most 9 digits). Anything else cannot be matched on re-import.
inline std::optional<SegmentId> parse_id(std::string_view id) {
  constexpr size_t kPrefix = 5;
  if (id.size() < kPrefix + 2 || id.size() > kPrefix + 10 || id[kPrefix] != '-') return std::nullopt;
  for (size_t i = 0; i < kPrefix; ++i) {
    char c = id[i];
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return std::nullopt;
  }
  SegmentId out{id.substr(0, kPrefix), 0};
  for (size_t i = kPrefix + 1; i < id.size(); ++i) {
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

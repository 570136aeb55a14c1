// What the aligner pairs (internal to linter/alignment/): a unit per visible block, with the
// anchors that a translation keeps (code, links, anchors, numbers, names) as hashes.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "loclint/document.h"

namespace loclint::alignment {

uint64_t fnv(char kind, std::string_view s);

// An anchor as a translation that altered it may still have it (see fold() in units.cpp).
std::string fold(std::string_view s);

struct Unit {
  uint32_t block = 0;
  BlockKind kind = BlockKind::Paragraph;
  uint8_t level = 0;
  uint8_t context = 0;
  uint32_t length = 0;          // code points of visible text
  std::vector<uint64_t> strong; // sorted, duplicates kept (a multiset)
  std::vector<uint64_t> loose;  // the strong anchors folded (see fold()), sorted
  std::vector<uint64_t> weak;   // sorted, unique

  void add(char kind, std::string_view text) {
    strong.push_back(fnv(kind, text));
    loose.push_back(fnv(kind, fold(text)));
  }
  // An anchor that only says whether a step was altered, not which blocks pair: a link's
  // fragment and query change with the source's headings (`#to-create-x` renamed `#create-x`).
  void add_loose(char kind, std::string_view text) { loose.push_back(fnv(kind, fold(text))); }
};

// A unit per block that has visible content, in document order.
std::vector<Unit> units_of(const Document& doc);

// Strong anchors found in many blocks of either document (an include of the product name in
// every paragraph) prove little about which blocks pair: they become weak anchors. (The loose
// anchors keep them: a block that lost one is still not altered only.)
void split_common(std::vector<Unit>& a, std::vector<Unit>& b);

// `more` merged into `into`, both sorted.
void merge_into(std::vector<uint64_t>& into, const std::vector<uint64_t>& more);

// Size of the intersection of two sorted multisets.
size_t shared_count(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

}  // namespace loclint::alignment

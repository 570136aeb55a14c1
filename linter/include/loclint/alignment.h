// Alignment: which blocks of a translated document translate which blocks of its source
// document, the way a translator's aligner pairs a document with its translation.
//
// Both documents are cut into units, their non-empty leaf blocks (headings, paragraphs and list
// items, table cells, notes, code blocks, HTML blocks), and headings cut the units into
// sections. Sections are aligned first, then the units of each pair of aligned sections, both
// by dynamic programming over the moves 1-1, 1-0, 0-1, 1-2 and 2-1 (Gale and Church 1993, "A
// Program for Aligning Sentences in Bilingual Corpora", Computational Linguistics 19(1)), with
// costs from what does not change in translation:
//   - strong anchors: code-span contents, link destinations (locale segments dropped), include
//     paths, image sources, numbers, inline HTML tags, docfx alert kinds, explicit anchors
//     (`<a name>`, which localized docfx headings keep with the English heading id), heading
//     ids, code-block lines;
//   - weak anchors: names that stay in Latin script (`Dataverse`, `Excel`, `SEPA`; Simard,
//     Foster and Isabelle 1992, cognates), which only ever make a match cheaper;
//   - the kind of block (heading level, code, table cell, list, quote);
//   - relative length in characters, as Gale and Church model it (the mean ratio of the pair
//     is learnt from the two documents).
// The section DP is banded around the diagonal, so a pair costs time linear in its size for
// documents of similar shape. Pure: no I/O, no state between calls.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "loclint/document.h"

namespace loclint {

// A section: a heading and the units up to the next heading, or the units before the first
// heading (the preamble, `heading == kNone`).
struct AlignedSection {
  static constexpr uint32_t kNone = UINT32_MAX;
  uint32_t heading = kNone;  // block index of the heading
  uint32_t first = 0;        // [first, last) indices into Alignment::target_units / source_units
  uint32_t last = 0;
};

enum class AlignMove : uint8_t {
  OneToOne,   // one translation block for one source block
  Inserted,   // a translation block with no source counterpart (1-0)
  Deleted,    // a source block with no translation counterpart (0-1)
  OneToTwo,   // one translation block for two source blocks (two source paragraphs merged)
  TwoToOne,   // two translation blocks for one source block (a source paragraph split)
};

// One step of the alignment: up to two blocks on each side (block indices of the documents).
struct AlignedBlocks {
  AlignMove move = AlignMove::OneToOne;
  uint8_t target_count = 0, source_count = 0;
  uint32_t target[2] = {0, 0};
  uint32_t source[2] = {0, 0};
  float cost = 0;          // of this step; lower is a better match
  uint16_t shared = 0;     // strong anchors found on both sides
  uint16_t unshared = 0;   // strong anchors found on one side only
  // A 1-1 step of two blocks of the same kind whose anchors and length agree: the two are
  // translations of each other beyond reasonable doubt, and may be compared token by token. A
  // 1-2 or 2-1 step is confident when all its blocks are of one kind, every strong anchor of
  // either side is on the other and the pooled lengths agree (a paragraph split or two merged).
  bool confident = false;
  // A 1-1, 1-2 or 2-1 step whose strong anchors are the same on both sides once letter case,
  // white space and fullwidth forms are folded: whatever differs was altered, not added or
  // removed. When the source may be another version than the one translated, only such steps are
  // compared (an anchor added or removed is as likely an edit of the source as a defect of the
  // translation).
  bool altered_only = false;
};

// Aligned sections: up to two sections on each side (indices into the section lists).
struct AlignedSections {
  AlignMove move = AlignMove::OneToOne;
  uint32_t target_first = 0, target_last = 0;  // [first, last) of Alignment::target_sections
  uint32_t source_first = 0, source_last = 0;  // [first, last) of Alignment::source_sections
  float cost = 0;
};

struct Alignment {
  std::vector<uint32_t> target_units, source_units;  // block indices of the units, file order
  std::vector<AlignedSection> target_sections, source_sections;
  std::vector<AlignedSections> sections;  // in file order of both documents
  std::vector<AlignedBlocks> blocks;      // in file order of both documents
  double length_ratio = 1;                // translation characters per source character

  // Counts for --dump and tests.
  size_t one_to_one() const;
  size_t confident() const;
  // The step that holds block `b` of the translation (or of the source), or nullptr.
  const AlignedBlocks* for_target_block(uint32_t b) const;
  const AlignedBlocks* for_source_block(uint32_t b) const;

  // Per block index of each document: the index into `blocks` of its step, or kNoStep.
  static constexpr uint32_t kNoStep = UINT32_MAX;
  std::vector<uint32_t> target_step, source_step;
};

// The bytes of block `b` as a comparison takes them: its inline content (Block::span) widened to
// the links, emphasis and code spans that start before it or end after it (md4c starts a list
// item's content at the text of its first link, after the `[`).
Span block_extent(const Document& doc, uint32_t b);

// Aligns `translation` with `source`. Front matter is not aligned (it is compared key by key).
Alignment align(const Document& translation, const Document& source);

const char* to_string(AlignMove move);

}  // namespace loclint

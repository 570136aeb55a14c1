// What the code rules compare: a translated text and the source text it was translated from,
// each a span of a document.
//
// A side-by-side segment gives both halves in one document (segment_pairs.cpp). A monolingual
// translation aligned block by block with its English source file gives halves of two
// documents; the comparison (comparison.h) works on either, reporting on the target's document
// and claiming ranges of the source's.
#pragma once

#include "loclint/document.h"
#include "loclint/pairing.h"

namespace loclint::checks::code {

struct Half {
  const Document* doc = nullptr;  // null: no half
  Span content;

  explicit operator bool() const { return doc != nullptr; }
  std::string_view text() const { return doc->slice(content); }
};

struct BlockPair {
  Half target;
  Half source;
  // The targets of the pairs before and after this one in the same block, when there are:
  // segmentation splits sentences where a translation may not, and a number the translation
  // moved into the neighbouring sentence ("within 30 days" -> "passé ce délai" after "30 jours")
  // is not missing.
  Half before, after;
  // The source halves of those neighbours. A translation refers back to what the sentence before
  // said ("30 jours" ... "passé ce délai"), never ahead: what the next neighbour's own source has
  // too did not move there from this pair (two sentences that both say `24 hours`, the first
  // translation without it), unless this source half repeats that neighbour's sentence.
  Half before_source, after_source;
  // The source half is in another file (a monolingual translation's source, pairing.h): every
  // message ends with where in it, `(business-central/foo.md:42)`. Null for a segment.
  const Pair* source_file = nullptr;
  // Compare only what the alignment anchors (code spans, tags, URLs, numbers, Markdown), whose
  // forms agree on both sides once folded: not commands, names, placeholders, no-loc terms or
  // formulas, which one side may have and the other lack because the source is another version.
  bool anchored_only = false;
};

}  // namespace loclint::checks::code

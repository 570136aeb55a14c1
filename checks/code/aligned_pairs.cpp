// Pairs from a monolingual translation aligned with its source file (linter/alignment.h): a
// confident step of prose blocks (1-1, or a paragraph split or two merged) is to the code rules
// what the two halves of a segment are.
#include "comparison.h"

#include <algorithm>
#include <optional>

#include "loclint/alignment.h"

namespace loclint::checks::code {

namespace {

// Blocks whose text is prose with inline Markdown. Code blocks are pair/code-block-mismatch's;
// raw HTML blocks hold markup more often than text.
bool prose(BlockKind k) { return k == BlockKind::Paragraph || k == BlockKind::Heading || k == BlockKind::TableCell; }

// The bytes of the step's blocks on one side: one block's extent, or two paragraphs of a split or
// a merge as one text when only white space (a paragraph break) separates them. Two blocks with
// markup between (list markers, table pipes) are not one text: nullopt.
std::optional<Span> extent(const Document& doc, const uint32_t (&blocks)[2], uint8_t count) {
  const Span first = block_extent(doc, blocks[0]);
  if (count == 1) return first;
  if (doc.blocks()[blocks[0]].kind != BlockKind::Paragraph || doc.blocks()[blocks[1]].kind != BlockKind::Paragraph) return std::nullopt;
  const Span second = block_extent(doc, blocks[1]);
  if (second.begin < first.end) return std::nullopt;
  const std::string_view between = doc.text().substr(first.end, second.begin - first.end);
  if (!std::all_of(between.begin(), between.end(), [](char ch) { return ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t'; }))
    return std::nullopt;
  return Span{first.begin, second.end};
}

}  // namespace

void check_aligned_pairs(const Document& doc, const Env& env, Reporter& out) {
  if (!env.pair || env.pair->state != PairState::Paired || !doc.segments().empty()) return;
  const Pair& p = *env.pair;
  // What may be compared depends on whether the source is the version translated (pairing.h):
  // all confident steps when it is; when unknown, only steps whose anchors agree once folded,
  // and only those anchors (BlockPair::anchored_only), since a token added or removed may be the
  // source's edit; nothing when the source changed since (pair/stale-translation says so).
  const Strictness strict = p.strictness();
  if (strict == Strictness::None) return;
  const Alignment& a = p.alignment();
  const Document& src = *p.source;
  TargetContext ctx(doc, env, out);
  for (const AlignedBlocks& step : a.blocks) {
    if (!step.confident || step.target_count == 0 || step.source_count == 0) continue;
    if (strict == Strictness::Safe && !step.altered_only) continue;
    const uint32_t tb = step.target[0], sb = step.source[0];
    if (!prose(doc.blocks()[tb].kind) || doc.blocks()[tb].kind != src.blocks()[sb].kind) continue;
    const std::optional<Span> t = extent(doc, step.target, step.target_count);
    const std::optional<Span> s = extent(src, step.source, step.source_count);
    if (!t || !s) continue;
    BlockPair pair{Half{&doc, *t}, Half{&src, *s}, {}, {}, {}, {}, &p, strict == Strictness::Safe};
    if (pair.target.content.empty() || pair.source.content.empty() || is_blank(pair.target.text())) continue;
    PairComparison(ctx, pair).run();
  }
}

}  // namespace loclint::checks::code

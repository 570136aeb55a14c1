// Pairs from a monolingual translation aligned with its source file (linter/alignment.h): a 1-1
// step of two prose blocks is to the code rules what the two halves of a segment are.
#include "comparison.h"

#include "loclint/alignment.h"

namespace loclint::checks::code {

namespace {

// Blocks whose text is prose with inline Markdown. Code blocks are pair/code-block-mismatch's;
// raw HTML blocks hold markup more often than text.
bool prose(BlockKind k) { return k == BlockKind::Paragraph || k == BlockKind::Heading || k == BlockKind::TableCell; }

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
    if (step.move != AlignMove::OneToOne || !step.confident) continue;
    if (strict == Strictness::Safe && !step.altered_only) continue;
    const uint32_t tb = step.target[0], sb = step.source[0];
    if (!prose(doc.blocks()[tb].kind) || doc.blocks()[tb].kind != src.blocks()[sb].kind) continue;
    BlockPair pair{Half{&doc, block_extent(doc, tb)}, Half{&src, block_extent(src, sb)}, {}, {}, {}, {}, &p,
                   strict == Strictness::Safe};
    if (pair.target.content.empty() || pair.source.content.empty() || is_blank(pair.target.text())) continue;
    PairComparison(ctx, pair).run();
  }
}

}  // namespace loclint::checks::code

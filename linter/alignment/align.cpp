// align(): the section DP between fixed points, then the block DP inside each pair of sections
// (linter/alignment/: units.h, costs.h, banded_path.h, sections.h).
#include "loclint/alignment.h"

#include <algorithm>

#include "banded_path.h"
#include "costs.h"
#include "sections.h"
#include "units.h"

namespace loclint {

using namespace alignment;

namespace {

AlignMove move_of(uint8_t dt, uint8_t ds) {
  if (dt == 1 && ds == 1) return AlignMove::OneToOne;
  if (dt == 1 && ds == 0) return AlignMove::Inserted;
  if (dt == 0 && ds == 1) return AlignMove::Deleted;
  if (dt == 1 && ds == 2) return AlignMove::OneToTwo;
  return AlignMove::TwoToOne;
}

}  // namespace

const char* to_string(AlignMove move) {
  switch (move) {
    case AlignMove::OneToOne: return "1-1";
    case AlignMove::Inserted: return "1-0";
    case AlignMove::Deleted: return "0-1";
    case AlignMove::OneToTwo: return "1-2";
    case AlignMove::TwoToOne: return "2-1";
  }
  return "?";
}

size_t Alignment::one_to_one() const {
  return static_cast<size_t>(std::count_if(blocks.begin(), blocks.end(), [](const AlignedBlocks& b) {
    return b.move == AlignMove::OneToOne;
  }));
}

size_t Alignment::confident() const {
  return static_cast<size_t>(std::count_if(blocks.begin(), blocks.end(), [](const AlignedBlocks& b) { return b.confident; }));
}

const AlignedBlocks* Alignment::for_target_block(uint32_t b) const {
  if (b >= target_step.size() || target_step[b] == kNoStep) return nullptr;
  return &blocks[target_step[b]];
}

const AlignedBlocks* Alignment::for_source_block(uint32_t b) const {
  if (b >= source_step.size() || source_step[b] == kNoStep) return nullptr;
  return &blocks[source_step[b]];
}

Alignment align(const Document& translation, const Document& source) {
  Alignment out;
  std::vector<Unit> tu = units_of(translation), su = units_of(source);
  split_common(tu, su);
  for (const Unit& u : tu) out.target_units.push_back(u.block);
  for (const Unit& u : su) out.source_units.push_back(u.block);
  out.target_sections = sections_of(tu);
  out.source_sections = sections_of(su);
  out.target_step.assign(translation.blocks().size(), Alignment::kNoStep);
  out.source_step.assign(source.blocks().size(), Alignment::kNoStep);

  double tl = 0, sl = 0;
  for (const Unit& u : tu) tl += u.length;
  for (const Unit& u : su) sl += u.length;
  const double ratio = sl > 0 && tl > 0 ? std::clamp(tl / sl, 0.3, 3.0) : 1.0;
  out.length_ratio = ratio;

  // Sections.
  const auto ts = summaries(tu, out.target_sections), ss = summaries(su, out.source_sections);
  const uint32_t n = static_cast<uint32_t>(ts.size()), m = static_cast<uint32_t>(ss.size());
  auto section_cost = [&](uint32_t i, uint8_t dt, uint32_t j, uint8_t ds) -> float {
    if (dt == 0 || ds == 0) return kSkipSection;
    const SectionSummary& t = ts[i];
    const SectionSummary& s = ss[j];
    float c = dt + ds > 2 ? kMergeSection : 0.0f;
    // The text before the first heading pairs with a first section only when its heading is
    // lost; the block alignment then leaves the heading alone.
    if ((t.heading == nullptr) != (s.heading == nullptr)) {
      if (i != 0 || j != 0) return kInf;
      c += 4.0f;
    }
    if (t.heading && s.heading) {
      c += kind_cost(*t.heading, *s.heading);
      // A heading's own anchors (its English id kept as `<a name>`, code, numbers) are the
      // surest evidence there is.
      c -= 3.0f * static_cast<float>(std::min<size_t>(shared_count(t.title.strong, s.title.strong), 2));
      c -= kWeak * static_cast<float>(std::min<size_t>(shared_count(t.title.weak, s.title.weak), 4));
    } else if (!t.heading && !s.heading) {
      c -= 2.0f;
    }
    const Pool& tc = dt == 2 ? t.with_next : t.content;
    const Pool& sc = ds == 2 ? s.with_next : s.content;
    // Content: drift within a section (a paragraph added upstream) must not break the pairing,
    // so what is shared counts far more than what is not.
    const size_t shared = shared_count(tc.strong, sc.strong);
    const size_t unshared = tc.strong.size() + sc.strong.size() - 2 * shared;
    c -= 1.0f * static_cast<float>(std::min<size_t>(shared, 20));
    c += 0.25f * static_cast<float>(std::min<size_t>(unshared, 20));
    c -= 0.3f * static_cast<float>(std::min<size_t>(shared_count(tc.weak, sc.weak), 20));
    c += 0.5f * length_cost(tc.length, sc.length, ratio);
    return c;
  };
  // Fixed points first, as diff's patience algorithm finds them: sections whose heading has an
  // anchor found in one heading only on each side (an id, a link, a code span) pair with each
  // other, when they keep their order. The DP then runs only between fixed points, which keeps
  // long documents (a TOC.md of 2,000 headings) linear.
  std::vector<Step> section_path;
  {
    const std::vector<std::pair<uint32_t, uint32_t>> fixed = fixed_points(ts, ss);
    uint32_t pi = 0, pj = 0;
    auto run = [&](uint32_t end_i, uint32_t end_j) {
      const uint32_t dn = end_i - pi, dm = end_j - pj;
      const uint32_t band = (dn > dm ? dn - dm : dm - dn) + 64;
      for (const Step& st : shortest_path(dn, dm, band, [&, pi, pj](uint32_t i, uint8_t dt, uint32_t j, uint8_t ds) {
             return section_cost(pi + i, dt, pj + j, ds);
           }))
        section_path.push_back(st);
    };
    for (const auto& [fi, fj] : fixed) {
      run(fi, fj);
      section_path.push_back(Step{1, 1});
      pi = fi + 1;
      pj = fj + 1;
    }
    run(n, m);
  }

  // Blocks, within each step of the section path.
  const std::vector<Pool> t_pairs = adjacent_pools(tu), s_pairs = adjacent_pools(su);
  auto block_cost = [&](uint32_t tb, uint32_t sb) {
    return [&, tb, sb](uint32_t i, uint8_t dt, uint32_t j, uint8_t ds) -> float {
      if (dt == 0 || ds == 0) return kSkipBlock;
      const Unit& t = tu[tb + i];
      const Unit& s = su[sb + j];
      if (dt == 2 && !mergeable(t, tu[tb + i + 1])) return kInf;
      if (ds == 2 && !mergeable(s, su[sb + j + 1])) return kInf;
      float k = kind_cost(t, s);
      if (k == kInf) return kInf;
      Evidence e;
      if (dt == 1 && ds == 1) e = evidence(t, s, ratio);
      else if (dt == 2) e = evidence(t_pairs[tb + i], s.length, s.strong, s.weak, ratio);
      else e = evidence(t.length, t.strong, t.weak, s_pairs[sb + j], ratio);
      return k + e.cost + (dt + ds > 2 ? kMergeBlock : 0.0f);
    };
  };
  std::vector<size_t> plain_steps;  // 1-1 steps without anchors on either side
  auto record = [&](uint32_t t_first, uint8_t dt, uint32_t s_first, uint8_t ds) {
    AlignedBlocks b;
    b.move = move_of(dt, ds);
    b.target_count = dt;
    b.source_count = ds;
    for (uint8_t k = 0; k < dt; ++k) b.target[k] = tu[t_first + k].block;
    for (uint8_t k = 0; k < ds; ++k) b.source[k] = su[s_first + k].block;
    if (dt && ds) {
      const Pool pt = pool(tu, t_first, dt), ps = pool(su, s_first, ds);
      Evidence e = evidence(pt, ps, ratio);
      b.cost = e.cost + kind_cost(tu[t_first], su[s_first]);
      b.shared = e.shared;
      b.unshared = e.unshared;
      const Unit& t = tu[t_first];
      const Unit& s = su[s_first];
      // Sure enough to compare token by token: the same kind of block in the same place, and
      // either anchors that agree more than they differ, or (no anchors) a plausible length.
      const bool same_kind = t.kind == s.kind && t.context == s.context && t.level == s.level;
      const bool anchored = e.shared >= 1 && e.unshared <= e.shared;
      const bool plain = t.strong.empty() && s.strong.empty() && length_cost(t.length, s.length, ratio) < 2.0f;
      // A length far off the pair's ratio is a block that was rewritten on one side.
      const bool length_fits = length_cost(t.length, s.length, ratio) < 4.0f;
      b.confident = b.move == AlignMove::OneToOne && same_kind && length_fits && anchored;
      if (b.move == AlignMove::OneToOne && same_kind && length_fits && plain) plain_steps.push_back(out.blocks.size());
      if (b.move == AlignMove::OneToOne) {
        const size_t loose = shared_count(t.loose, s.loose);
        b.altered_only = loose * 2 == t.loose.size() + s.loose.size();
      } else if (dt + ds == 3) {
        // A block split or two merged (1-2, 2-1): sure when every block is of one kind in one
        // place, every strong anchor of either side is on the other, and the pooled lengths fit.
        // Then the pooled blocks are to the code rules what one block is.
        bool one_kind = same_kind;
        for (uint8_t k = 0; k < dt; ++k) one_kind = one_kind && tu[t_first + k].kind == t.kind && tu[t_first + k].context == t.context;
        for (uint8_t k = 0; k < ds; ++k) one_kind = one_kind && su[s_first + k].kind == s.kind && su[s_first + k].context == s.context;
        b.confident = one_kind && e.shared >= 1 && e.unshared == 0 && length_cost(pt.length, ps.length, ratio) < 4.0f;
        std::vector<uint64_t> tl, sl;
        for (uint8_t k = 0; k < dt; ++k) merge_into(tl, tu[t_first + k].loose);
        for (uint8_t k = 0; k < ds; ++k) merge_into(sl, su[s_first + k].loose);
        b.altered_only = shared_count(tl, sl) * 2 == tl.size() + sl.size();
      }
    } else {
      b.cost = kSkipBlock;
    }
    const uint32_t index = static_cast<uint32_t>(out.blocks.size());
    for (uint8_t k = 0; k < dt; ++k) out.target_step[b.target[k]] = index;
    for (uint8_t k = 0; k < ds; ++k) out.source_step[b.source[k]] = index;
    out.blocks.push_back(b);
  };

  uint32_t i = 0, j = 0;
  for (const Step& st : section_path) {
    AlignedSections link;
    link.move = move_of(st.dt, st.ds);
    link.target_first = i;
    link.target_last = i + st.dt;
    link.source_first = j;
    link.source_last = j + st.ds;
    link.cost = section_cost(i, st.dt, j, st.ds);
    out.sections.push_back(link);
    const uint32_t t_begin = st.dt ? out.target_sections[i].first : 0;
    const uint32_t t_end = st.dt ? out.target_sections[i + st.dt - 1].last : 0;
    const uint32_t s_begin = st.ds ? out.source_sections[j].first : 0;
    const uint32_t s_end = st.ds ? out.source_sections[j + st.ds - 1].last : 0;
    if (st.dt == 0) {
      for (uint32_t k = s_begin; k < s_end; ++k) record(0, 0, k, 1);
    } else if (st.ds == 0) {
      for (uint32_t k = t_begin; k < t_end; ++k) record(k, 1, 0, 0);
    } else {
      const uint32_t bn = t_end - t_begin, bm = s_end - s_begin;
      // Sections are short: the whole table, except in the rare long one (a glossary table).
      const uint32_t band = bn * bm <= 40000 ? std::max(bn, bm) : (bn > bm ? bn - bm : bm - bn) + 48;
      const std::vector<Step> path = shortest_path(bn, bm, band, block_cost(t_begin, s_begin));
      uint32_t a = t_begin, c = s_begin;
      for (const Step& bs : path) {
        record(a, bs.dt, c, bs.ds);
        a += bs.dt;
        c += bs.ds;
      }
    }
    i += st.dt;
    j += st.ds;
  }
  // A step with nothing to anchor it is sure only where the alignment around it is: in a run of
  // 1-1 steps that reaches, on both sides, a step whose anchors agree (or an end of the
  // documents) before any step whose anchors disagree. Where blocks were added or removed, two
  // unanchored blocks of similar length may just be neighbours.
  auto agrees = [](const AlignedBlocks& b) { return b.shared >= 1 && b.unshared <= b.shared; };
  auto sure_side = [&](size_t k, int dir) {
    for (int64_t x = static_cast<int64_t>(k) + dir; x >= 0 && x < static_cast<int64_t>(out.blocks.size()); x += dir) {
      const AlignedBlocks& b = out.blocks[static_cast<size_t>(x)];
      if (b.move != AlignMove::OneToOne || b.unshared > b.shared) return false;
      if (agrees(b)) return true;
    }
    return true;
  };
  for (size_t k : plain_steps) out.blocks[k].confident = sure_side(k, -1) && sure_side(k, +1);
  return out;
}

}  // namespace loclint

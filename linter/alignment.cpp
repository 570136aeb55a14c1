#include "loclint/alignment.h"

#include "loclint/code_comments.h"
#include "loclint/locale_tag.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

namespace loclint {

namespace {

constexpr float kInf = std::numeric_limits<float>::infinity();

// ---- costs ----------------------------------------------------------------------------------
// Costs are negative log-likelihoods in spirit (Gale and Church): a move's prior, plus how
// unlikely the lengths are, minus what the anchors prove. The weights were chosen on the
// Business Central pair (dynamics365smb-docs it-it live / en-us) and hold for any pair: no
// anchor depends on a language.

// Prior of each move, beside the 1-1 move.
constexpr float kSkipBlock = 4.0f;     // 1-0 or 0-1 (Gale-Church: -log 0.0099 ~ 4.6)
constexpr float kMergeBlock = 3.0f;    // 1-2 or 2-1 of paragraphs
constexpr float kSkipSection = 5.0f;
constexpr float kMergeSection = 7.0f;  // a heading lost: needs content evidence to beat two skips
// Anchors.
constexpr float kShared = 2.0f;     // per strong anchor on both sides
constexpr float kUnshared = 1.0f;   // per strong anchor on one side only
constexpr float kWeak = 0.5f;       // per weak anchor on both sides
constexpr size_t kCap = 8;          // anchors counted per step (a long code block is not 50 times surer)
// Gale-Church: variance of the translation's length per source character (their value).
constexpr double kVariance = 6.8;
constexpr float kMaxLengthCost = 8.0f;

uint64_t fnv(char kind, std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  auto mix = [&](unsigned char c) {
    h ^= c;
    h *= 1099511628211ull;
  };
  mix(static_cast<unsigned char>(kind));
  for (char c : s) mix(static_cast<unsigned char>(c));
  return h;
}

// An anchor as a translation that altered it may still have it: ASCII letter case folded, white
// space (ASCII, no-break, ideographic, zero-width) removed, fullwidth ASCII (U+FF01-U+FF5E) read
// as ASCII. Two anchors equal once folded are one anchor, altered, not one dropped and one added.
std::string fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      ++i;
      continue;
    }
    size_t len = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    if (i + len > s.size()) len = 1;
    uint32_t cp = 0;
    if (len == 2) cp = ((c & 0x1F) << 6) | (s[i + 1] & 0x3F);
    if (len == 3) cp = ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
    if (cp == 0xA0 || cp == 0x3000 || cp == 0x200B || cp == 0x202F || cp == 0xFEFF || (cp >= 0x2000 && cp <= 0x200A)) {
      i += len;
      continue;
    }
    if (cp >= 0xFF01 && cp <= 0xFF5E) {
      char a = static_cast<char>(cp - 0xFF01 + 0x21);
      out += (a >= 'A' && a <= 'Z') ? static_cast<char>(a - 'A' + 'a') : a;
      i += len;
      continue;
    }
    out.append(s.substr(i, len));
    i += len;
  }
  return out;
}

bool ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }

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

// A link destination as both languages write it: no scheme and host case, no fragment or query,
// no locale path segment (`/en-us/`, `/it-it/`), no trailing slash or `.md`.
std::string normal_destination(std::string_view d, std::string* rest = nullptr) {
  std::string s;
  s.reserve(d.size());
  for (size_t i = 0; i < d.size(); ++i) {
    const char c = d[i];
    if (c == '#' || c == '?') {
      if (rest) *rest = d.substr(i);
      break;
    }
    s += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  // Drop locale segments (`en-us`, `zh-hans`; not `how-to`: locale_tag.h).
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find('/', i);
    if (j == std::string::npos) j = s.size();
    std::string_view seg(s.data() + i, j - i);
    const bool locale = seg.find('-') != std::string_view::npos && is_locale_tag(seg);
    if (!locale) {
      out.append(seg);
      if (j < s.size()) out += '/';
    }
    i = j + 1;
  }
  while (!out.empty() && out.back() == '/') out.pop_back();
  if (out.size() > 3 && out.ends_with(".md")) out.resize(out.size() - 3);
  return out;
}

// An HTML block of comments only (`<!-- loc: ... -->`, a review note): invisible, often in one
// language only, so no unit: an aligner that paired it would see a block inserted or deleted.
bool only_comments(const Document& doc, uint32_t b) {
  if (doc.blocks()[b].kind != BlockKind::HtmlBlock) return false;
  auto [first, last] = doc.block_inlines(b);
  bool any = false;
  for (uint32_t t = first; t < last; ++t) {
    const InlineToken& tok = doc.inlines()[t];
    if (tok.kind == InlineKind::Html && tok.tag != InlineToken::kNoTag && doc.html_tags()[tok.tag].comment) any = true;
    else if (!(tok.kind == InlineKind::Text && is_blank(doc.slice(tok.span)))) return false;
  }
  return any;
}

std::vector<Unit> units_of(const Document& doc) {
  std::vector<Unit> units;
  const auto& blocks = doc.blocks();
  // Unit extents (a table cell's content starts inside its link), to place elements in units.
  std::vector<uint32_t> begins, ends;
  for (uint32_t b = 0; b < blocks.size(); ++b) {
    const Block& blk = blocks[b];
    if (blk.span.end <= blk.span.begin || only_comments(doc, b)) continue;
    Unit u;
    u.block = b;
    u.kind = blk.kind;
    u.level = blk.level;
    u.context = blk.context & (InList | InQuote | InTable);
    units.push_back(std::move(u));
    const Span extent = block_extent(doc, b);
    begins.push_back(extent.begin);
    ends.push_back(extent.end);
  }
  auto unit_at = [&](uint32_t offset) -> Unit* {
    auto it = std::upper_bound(begins.begin(), begins.end(), offset);
    if (it == begins.begin()) return nullptr;
    const size_t k = static_cast<size_t>(it - begins.begin()) - 1;
    return offset < ends[k] ? &units[k] : nullptr;
  };
  for (const CodeSpan& c : doc.code_spans()) {
    if (Unit* u = unit_at(c.span.begin)) {
      std::string_view content = doc.slice(c.content);
      while (!content.empty() && content.front() == ' ') content.remove_prefix(1);
      while (!content.empty() && content.back() == ' ') content.remove_suffix(1);
      u->add('c', content);
    }
  }
  for (const Link& l : doc.links()) {
    Unit* u = unit_at(l.span.begin);
    if (!u || l.destination.empty()) continue;
    std::string rest;
    std::string d = normal_destination(l.destination, &rest);
    const char kind = l.kind == LinkKind::Include ? 'i' : (l.kind == LinkKind::Image || l.kind == LinkKind::HtmlImage ||
                                                           l.kind == LinkKind::ImageDirective) ? 'm' : 'l';
    // The page pairs blocks; the fragment and query only tell an altered link from the same.
    if (!d.empty()) u->strong.push_back(fnv(kind, d));
    u->add_loose(kind, d + rest);
  }
  for (const Anchor& a : doc.anchors())
    if (Unit* u = unit_at(a.span.begin)) u->add('a', lower_ascii(a.name));
  // A heading's generated id, unless it has an explicit one: a localized docfx heading keeps the
  // English id as `<a name>` and the id of its translated text is in no other language.
  for (const Heading& h : doc.headings())
    if (Unit* u = unit_at(h.span.begin); u && !h.slug.empty() && h.anchors.empty()) u->add('a', h.slug);
  for (const Alert& a : doc.alerts())
    if (Unit* u = unit_at(a.span.begin)) u->add('!', a.kind);
  for (Unit& u : units) {
    const Block& blk = blocks[u.block];
    if (u.kind == BlockKind::CodeBlock) {
      std::string_view code = doc.slice(blk.span);
      for (unsigned char c : code) u.length += (c & 0xC0) != 0x80;
      // Comments are translated; the code is not.
      const CodeBlock* cb = doc.code_block(u.block);
      // Both arms string_view: `? cb->info : ""` would make a std::string temporary and leave
      // `info` dangling.
      const std::string_view info = cb ? std::string_view(cb->info) : std::string_view();
      for (const CodeLine& line : code_lines(code, comment_syntax(info))) u.add('k', line.code);
    } else {
      auto [first, last] = doc.block_inlines(u.block);
      for (uint32_t t = first; t < last; ++t) {
        const InlineToken& tok = doc.inlines()[t];
        if (tok.kind == InlineKind::Html) {
          // Inline tags (`<kbd>`, `<br>`, `<sup>`) carry over; `<a>` is a link or an anchor above.
          if (tok.tag != InlineToken::kNoTag) {
            const HtmlTag& tag = doc.html_tags()[tok.tag];
            if (!tag.comment && !tag.name.empty() && tag.name != "a") u.add('h', tag.closing ? "/" + tag.name : tag.name);
          }
          continue;
        }
        if (tok.kind == InlineKind::NullChar) continue;
        if (tok.kind == InlineKind::SoftBreak || tok.kind == InlineKind::HardBreak || tok.kind == InlineKind::Entity) {
          ++u.length;
          continue;
        }
        std::string_view text = doc.slice(tok.span);
        for (unsigned char c : text) u.length += (c & 0xC0) != 0x80;
        if (tok.kind != InlineKind::Text) continue;  // code spans are anchored whole above
        for (size_t i = 0; i < text.size();) {
          if (ascii_digit(text[i])) {
            size_t j = i;
            while (j < text.size() && ascii_digit(text[j])) ++j;
            u.add('n', text.substr(i, j - i));
            i = j;
          } else if (ascii_letter(text[i]) && (i == 0 || !(static_cast<unsigned char>(text[i - 1]) & 0x80))) {
            size_t j = i;
            bool upper_inside = false, digit = false;
            while (j < text.size() && (ascii_letter(text[j]) || ascii_digit(text[j]))) {
              upper_inside |= j > i && ascii_upper(text[j]);
              digit |= ascii_digit(text[j]);
              ++j;
            }
            // A word glued to a non-ASCII letter is part of a word of the language.
            bool glued = j < text.size() && (static_cast<unsigned char>(text[j]) & 0x80);
            // Names: `Dataverse`, `SEPA`, `OneDrive`, `Office365`; not the capital of a sentence's
            // first word alone (`The`), which the other language does not share anyway.
            std::string_view w = text.substr(i, j - i);
            if (!glued && w.size() >= 3 && (ascii_upper(w[0]) || upper_inside || digit))
              u.weak.push_back(fnv('w', w));
            i = j;
          } else {
            ++i;
          }
        }
      }
    }
    std::sort(u.strong.begin(), u.strong.end());
    std::sort(u.loose.begin(), u.loose.end());
    std::sort(u.weak.begin(), u.weak.end());
    u.weak.erase(std::unique(u.weak.begin(), u.weak.end()), u.weak.end());
  }
  return units;
}

void merge_into(std::vector<uint64_t>& into, const std::vector<uint64_t>& more) {
  size_t mid = into.size();
  into.insert(into.end(), more.begin(), more.end());
  std::inplace_merge(into.begin(), into.begin() + static_cast<std::ptrdiff_t>(mid), into.end());
}

// Strong anchors found in many blocks of either document (an include of the product name in
// every paragraph) prove little about which blocks pair: they become weak anchors. (The loose
// anchors keep them: a block that lost one is still not altered only.)
constexpr size_t kCommonIn = 3;
void split_common(std::vector<Unit>& a, std::vector<Unit>& b) {
  std::unordered_map<uint64_t, size_t> in_a, in_b;  // anchor -> units that have it
  auto count = [](const std::vector<Unit>& units, std::unordered_map<uint64_t, size_t>& df) {
    for (const Unit& u : units)
      for (size_t k = 0; k < u.strong.size(); ++k)
        if (k == 0 || u.strong[k] != u.strong[k - 1]) ++df[u.strong[k]];
  };
  count(a, in_a);
  count(b, in_b);
  auto common = [&](uint64_t h) {
    auto x = in_a.find(h), y = in_b.find(h);
    return (x != in_a.end() && x->second > kCommonIn) || (y != in_b.end() && y->second > kCommonIn);
  };
  for (auto* units : {&a, &b})
    for (Unit& u : *units) {
      std::vector<uint64_t> keep, moved;
      for (uint64_t h : u.strong) (common(h) ? moved : keep).push_back(h);
      if (moved.empty()) continue;
      u.strong = std::move(keep);
      merge_into(u.weak, moved);
      u.weak.erase(std::unique(u.weak.begin(), u.weak.end()), u.weak.end());
    }
}

// Size of the intersection of two sorted multisets.
size_t shared_count(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  size_t i = 0, j = 0, n = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) ++i;
    else if (b[j] < a[i]) ++j;
    else {
      ++n;
      ++i;
      ++j;
    }
  }
  return n;
}


// What a side of a step offers: one or two units (or a whole section) pooled.
struct Pool {
  uint32_t length = 0;
  std::vector<uint64_t> strong, weak;
};

// -log P(|Z| >= d) for a standard normal Z, tabulated every 1/64 up to where it reaches
// kMaxLengthCost: the DP asks it for every cell, and erfc and log cost more than the rest.
struct TailTable {
  static constexpr int kSteps = 64;
  std::vector<float> cost;
  TailTable() {
    for (int k = 0;; ++k) {
      const double p = std::erfc(k / double(kSteps) / std::sqrt(2.0));
      const float c = p <= 0 ? kMaxLengthCost : std::min<float>(kMaxLengthCost, static_cast<float>(-std::log(p)));
      cost.push_back(c);
      if (c >= kMaxLengthCost) break;
    }
  }
  float operator()(double d) const {
    const size_t k = static_cast<size_t>(d * kSteps);
    return k < cost.size() ? cost[k] : kMaxLengthCost;
  }
};

float length_cost(double target, double source, double ratio) {
  if (target == 0 && source == 0) return 0;
  static const TailTable tail;
  const double mean = (source + target / ratio) / 2;
  const double delta = (target - source * ratio) / std::sqrt(std::max(mean, 1.0) * kVariance);
  return tail(std::abs(delta));
}

struct Evidence {
  float cost = 0;
  uint16_t shared = 0, unshared = 0;
};

Evidence evidence(uint32_t t_length, const std::vector<uint64_t>& t_strong, const std::vector<uint64_t>& t_weak,
                  uint32_t s_length, const std::vector<uint64_t>& s_strong, const std::vector<uint64_t>& s_weak,
                  double ratio) {
  Evidence e;
  const size_t shared = shared_count(t_strong, s_strong);
  const size_t unshared = t_strong.size() + s_strong.size() - 2 * shared;
  size_t weak = shared_count(t_weak, s_weak);
  e.shared = static_cast<uint16_t>(std::min<size_t>(shared, UINT16_MAX));
  e.unshared = static_cast<uint16_t>(std::min<size_t>(unshared, UINT16_MAX));
  e.cost = length_cost(t_length, s_length, ratio) - kShared * static_cast<float>(std::min(shared, kCap)) +
           kUnshared * static_cast<float>(std::min(unshared, kCap)) - kWeak * static_cast<float>(std::min(weak, kCap));
  return e;
}
Evidence evidence(const Pool& t, uint32_t s_length, const std::vector<uint64_t>& s_strong,
                  const std::vector<uint64_t>& s_weak, double ratio) {
  return evidence(t.length, t.strong, t.weak, s_length, s_strong, s_weak, ratio);
}
Evidence evidence(uint32_t t_length, const std::vector<uint64_t>& t_strong, const std::vector<uint64_t>& t_weak,
                  const Pool& s, double ratio) {
  return evidence(t_length, t_strong, t_weak, s.length, s.strong, s.weak, ratio);
}
Evidence evidence(const Pool& t, const Pool& s, double ratio) {
  return evidence(t.length, t.strong, t.weak, s.length, s.strong, s.weak, ratio);
}
Evidence evidence(const Unit& t, const Unit& s, double ratio) {
  return evidence(t.length, t.strong, t.weak, s.length, s.strong, s.weak, ratio);
}

Pool pool(const std::vector<Unit>& units, uint32_t first, uint32_t count) {
  Pool p;
  for (uint32_t k = first; k < first + count; ++k) {
    p.length += units[k].length;
    merge_into(p.strong, units[k].strong);
    merge_into(p.weak, units[k].weak);
  }
  if (count > 1) p.weak.erase(std::unique(p.weak.begin(), p.weak.end()), p.weak.end());
  return p;
}

// What pairing two kinds of block costs beside the anchors; infinite when they never translate
// each other (a heading is only ever a heading).
float kind_cost(const Unit& t, const Unit& s) {
  const bool th = t.kind == BlockKind::Heading, sh = s.kind == BlockKind::Heading;
  if (th != sh) return kInf;
  if (th) return 2.0f * static_cast<float>(std::abs(int(t.level) - int(s.level)));
  float c = 0;
  const bool tc = t.kind == BlockKind::CodeBlock, sc = s.kind == BlockKind::CodeBlock;
  if (tc != sc) c += 6.0f;
  else if (t.kind != s.kind) c += 3.0f;
  if ((t.context & InTable) != (s.context & InTable)) c += 3.0f;
  if ((t.context & InList) != (s.context & InList)) c += 1.5f;
  if ((t.context & InQuote) != (s.context & InQuote)) c += 1.5f;
  return c;
}

// A paragraph split or merged: only plain paragraphs of the same context.
bool mergeable(const Unit& a, const Unit& b) {
  return a.kind == BlockKind::Paragraph && b.kind == BlockKind::Paragraph && a.context == b.context;
}

// ---- the banded dynamic program ---------------------------------------------------------------

struct Step {
  uint8_t dt = 0, ds = 0;  // units taken from the translation and from the source
};

// Minimum-cost path from (0,0) to (n,m) with the moves 1-1, 1-0, 0-1, 1-2, 2-1, inside a band
// of `band` cells around the diagonal. `cost(i, dt, j, ds)` is the cost of taking translation
// units [i, i+dt) with source units [j, j+ds), or infinity.
template <typename Cost>
std::vector<Step> shortest_path(uint32_t n, uint32_t m, uint32_t band, Cost&& cost) {
  std::vector<uint32_t> lo(n + 1), hi(n + 1), at(n + 2);
  at[0] = 0;
  for (uint32_t i = 0; i <= n; ++i) {
    const double center = n == 0 ? 0.0 : static_cast<double>(i) * m / n;
    const int64_t c = static_cast<int64_t>(std::llround(center));
    lo[i] = static_cast<uint32_t>(std::max<int64_t>(0, c - band));
    hi[i] = static_cast<uint32_t>(std::min<int64_t>(m, c + band));
    if (i == 0) lo[i] = 0;
    if (i == n) hi[i] = m;
    at[i + 1] = at[i] + (hi[i] - lo[i] + 1);
  }
  std::vector<float> best(at[n + 1], kInf);
  std::vector<Step> from(at[n + 1]);
  auto cell = [&](uint32_t i, uint32_t j) -> int64_t {
    if (j < lo[i] || j > hi[i]) return -1;
    return at[i] + (j - lo[i]);
  };
  best[0] = 0;
  static constexpr Step kMoves[] = {{1, 1}, {1, 0}, {0, 1}, {1, 2}, {2, 1}};
  for (uint32_t i = 0; i <= n; ++i) {
    for (uint32_t j = lo[i]; j <= hi[i]; ++j) {
      const int64_t here = cell(i, j);
      if (i == 0 && j == 0) continue;
      float b = kInf;
      Step s;
      for (const Step& mv : kMoves) {
        if (mv.dt > i || mv.ds > j) continue;
        const int64_t prev = cell(i - mv.dt, j - mv.ds);
        if (prev < 0 || best[prev] == kInf) continue;
        const float c = cost(i - mv.dt, mv.dt, j - mv.ds, mv.ds);
        if (c == kInf) continue;
        if (best[prev] + c < b) {
          b = best[prev] + c;
          s = mv;
        }
      }
      best[here] = b;
      from[here] = s;
    }
  }
  std::vector<Step> path;
  uint32_t i = n, j = m;
  while (i > 0 || j > 0) {
    const Step s = from[cell(i, j)];
    if (s.dt == 0 && s.ds == 0) break;  // unreachable (never with 1-0 and 0-1 allowed)
    path.push_back(s);
    i -= s.dt;
    j -= s.ds;
  }
  std::reverse(path.begin(), path.end());
  return path;
}

AlignMove move_of(uint8_t dt, uint8_t ds) {
  if (dt == 1 && ds == 1) return AlignMove::OneToOne;
  if (dt == 1 && ds == 0) return AlignMove::Inserted;
  if (dt == 0 && ds == 1) return AlignMove::Deleted;
  if (dt == 1 && ds == 2) return AlignMove::OneToTwo;
  return AlignMove::TwoToOne;
}

std::vector<AlignedSection> sections_of(const std::vector<Unit>& units) {
  std::vector<AlignedSection> out;
  for (uint32_t k = 0; k < units.size(); ++k) {
    if (units[k].kind == BlockKind::Heading || out.empty()) {
      if (!out.empty()) out.back().last = k;
      AlignedSection s;
      s.heading = units[k].kind == BlockKind::Heading ? units[k].block : AlignedSection::kNone;
      s.first = k;
      out.push_back(s);
    }
  }
  if (!out.empty()) out.back().last = static_cast<uint32_t>(units.size());
  return out;
}

struct SectionSummary {
  const Unit* heading = nullptr;
  Pool content;    // every unit but the heading
  Pool title;      // the heading's anchors
  Pool with_next;  // content, and the next section's title and content (a lost heading's merge)
};

std::vector<SectionSummary> summaries(const std::vector<Unit>& units, const std::vector<AlignedSection>& sections) {
  std::vector<SectionSummary> out(sections.size());
  for (size_t k = 0; k < sections.size(); ++k) {
    uint32_t first = sections[k].first;
    if (sections[k].heading != AlignedSection::kNone) {
      out[k].heading = &units[first];
      out[k].title = pool(units, first, 1);
      ++first;
    }
    out[k].content = pool(units, first, sections[k].last - first);
  }
  for (size_t k = 0; k + 1 < sections.size(); ++k) {
    Pool& w = out[k].with_next;
    w = out[k].content;
    w.length += out[k + 1].title.length + out[k + 1].content.length;
    merge_into(w.strong, out[k + 1].title.strong);
    merge_into(w.strong, out[k + 1].content.strong);
    merge_into(w.weak, out[k + 1].title.weak);
    merge_into(w.weak, out[k + 1].content.weak);
    w.weak.erase(std::unique(w.weak.begin(), w.weak.end()), w.weak.end());
  }
  return out;
}

// Each unit pooled with the next one, when the two may be one paragraph split (else empty).
std::vector<Pool> adjacent_pools(const std::vector<Unit>& units) {
  std::vector<Pool> out(units.size());
  for (uint32_t k = 0; k + 1 < units.size(); ++k)
    if (mergeable(units[k], units[k + 1])) out[k] = pool(units, k, 2);
  return out;
}

// Section pairs that a heading anchor unique on both sides proves, in an order both documents
// keep (the longest increasing subsequence of the candidates).
std::vector<std::pair<uint32_t, uint32_t>> fixed_points(const std::vector<SectionSummary>& ts,
                                                        const std::vector<SectionSummary>& ss) {
  // anchor -> the one section whose heading has it (UINT32_MAX when several do).
  auto unique_anchors = [](const std::vector<SectionSummary>& sections) {
    std::unordered_map<uint64_t, uint32_t> where;
    for (uint32_t k = 0; k < sections.size(); ++k) {
      if (!sections[k].heading) continue;
      const auto& a = sections[k].title.strong;
      for (size_t x = 0; x < a.size(); ++x) {
        const bool repeated_here = (x > 0 && a[x - 1] == a[x]) || (x + 1 < a.size() && a[x + 1] == a[x]);
        auto [it, inserted] = where.emplace(a[x], k);
        if (!inserted || repeated_here) it->second = UINT32_MAX;
      }
    }
    return where;
  };
  const auto tw = unique_anchors(ts), sw = unique_anchors(ss);
  std::vector<std::pair<uint32_t, uint32_t>> candidates;
  for (const auto& [anchor, i] : tw) {
    if (i == UINT32_MAX) continue;
    auto it = sw.find(anchor);
    if (it != sw.end() && it->second != UINT32_MAX) candidates.emplace_back(i, it->second);
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  // A section with anchors pointing at two different sections on the other side proves nothing.
  std::vector<std::pair<uint32_t, uint32_t>> clean;
  for (size_t k = 0; k < candidates.size(); ++k) {
    const bool same_i = (k > 0 && candidates[k - 1].first == candidates[k].first) ||
                        (k + 1 < candidates.size() && candidates[k + 1].first == candidates[k].first);
    if (!same_i) clean.push_back(candidates[k]);
  }
  // Longest strictly increasing subsequence on j (patience sorting with back pointers).
  std::vector<size_t> tails, back(clean.size(), SIZE_MAX);
  for (size_t k = 0; k < clean.size(); ++k) {
    auto it = std::lower_bound(tails.begin(), tails.end(), clean[k].second,
                               [&](size_t t, uint32_t j) { return clean[t].second < j; });
    if (it != tails.begin()) back[k] = *(it - 1);
    if (it == tails.end()) tails.push_back(k);
    else *it = k;
  }
  std::vector<std::pair<uint32_t, uint32_t>> out;
  for (size_t k = tails.empty() ? SIZE_MAX : tails.back(); k != SIZE_MAX; k = back[k]) out.push_back(clean[k]);
  std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace

Span block_extent(const Document& doc, uint32_t b) {
  Span s = doc.blocks().at(b).span;
  if (s.end <= s.begin) return s;
  auto widen = [&s](const auto& items) {
    bool changed = false;
    auto it = std::lower_bound(items.begin(), items.end(), s.begin,
                               [](const auto& item, uint32_t off) { return item.span.begin < off; });
    // What starts before the block and reaches into it is among the few items just before it
    // (constructs nest a few deep at most).
    for (int back = 0; back < 8 && it != items.begin(); ++back) --it;
    for (; it != items.end() && it->span.begin < s.end; ++it) {
      if (it->span.end <= s.begin) continue;
      if (it->span.begin < s.begin) s.begin = it->span.begin, changed = true;
      if (it->span.end > s.end) s.end = it->span.end, changed = true;
    }
    return changed;
  };
  for (int round = 0; round < 4; ++round) {
    bool changed = widen(doc.links());
    changed |= widen(doc.emphasis());
    changed |= widen(doc.code_spans());
    if (!changed) break;
  }
  return s;
}

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
      Evidence e = evidence(pool(tu, t_first, dt), pool(su, s_first, ds), ratio);
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

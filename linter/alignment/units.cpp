#include "units.h"

#include <algorithm>
#include <unordered_map>

#include "loclint/alignment.h"
#include "loclint/code_comments.h"
#include "loclint/locale_tag.h"

namespace loclint {

namespace alignment {

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

namespace {

bool ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }

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

}  // namespace

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

}  // namespace alignment

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
    // An item that only touches the block belongs to it too: a link with no text (`[](url)`) has
    // no token, so a paragraph that opens or closes with one starts or ends where it does.
    for (; it != items.end() && it->span.begin <= s.end; ++it) {
      if (it->span.end < s.begin) continue;
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

}  // namespace loclint

#include "visible_text.h"

#include "chars.h"

#include <algorithm>
#include <cstring>

#include "loclint/html_entities.h"
#include "loclint/text.h"

namespace loclint::checks::code {

void MappedText::append(std::string_view s, Span from, bool is_code) {
  // Bytes of plain text map one to one; decoded text (entities, breaks) maps to its construct.
  if (s.empty()) return;
  pieces_.push_back({static_cast<uint32_t>(text.size()), from, s.size() == from.size()});
  if (is_code && !has_code) {
    code.assign(text.size(), false);
    has_code = true;
  }
  if (has_code) code.insert(code.end(), s.size(), is_code);
  text.append(s);
}

void MappedText::clear() {
  text.clear();
  code.clear();
  has_code = false;
  pieces_.clear();
}

const MappedText::Piece& MappedText::piece_of(size_t k) const {
  // The last piece that starts at or before k (pieces are in text order, none empty).
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), k, [](size_t off, const Piece& p) { return off < p.at; });
  return *(it - 1);
}

uint32_t MappedText::begin_of(size_t k) const {
  const Piece& p = piece_of(k);
  return p.one_to_one ? p.from.begin + static_cast<uint32_t>(k - p.at) : p.from.begin;
}

uint32_t MappedText::end_of(size_t k) const {
  const Piece& p = piece_of(k);
  return p.one_to_one ? p.from.begin + static_cast<uint32_t>(k - p.at) + 1 : p.from.end;
}

Span MappedText::span(size_t b, size_t e) const {
  if (text.empty()) return {};
  b = std::min(b, text.size() - 1);
  if (e <= b) return {begin_of(b), begin_of(b)};
  e = std::min(e, text.size());
  return {begin_of(b), end_of(e - 1)};
}

MappedText visible_text(const Document& doc, Span range) {
  MappedText out;
  visible_text(doc, range, out);
  return out;
}

void visible_text(const Document& doc, Span range, MappedText& out) {
  size_t hint = 0;
  visible_text(doc, range, out, hint);
}

void visible_text(const Document& doc, Span range, MappedText& out, size_t& hint) {
  out.clear();
  // The visible text is rarely longer than the markup it comes from.
  out.text.reserve(range.size());
  const auto& inlines = doc.inlines();
  // Inline tokens are in file order; find the first one that can be inside the range. Ranges
  // asked for in file order start a few tokens after the previous one ended: walk there from
  // the hint, and binary-search only when the hint is past the answer or far from it.
  auto ends_before = [](const InlineToken& t, uint32_t off) { return t.span.end <= off; };
  auto it = inlines.begin() + static_cast<long>(std::min(hint, inlines.size()));
  if (it != inlines.begin() && !ends_before(*(it - 1), range.begin)) {
    it = std::lower_bound(inlines.begin(), it, range.begin, ends_before);
  } else {
    for (int steps = 0; it != inlines.end() && ends_before(*it, range.begin); ++it)
      if (++steps == 16) {
        it = std::lower_bound(it, inlines.end(), range.begin, ends_before);
        break;
      }
  }
  uint32_t prev_end = 0;
  for (; it != inlines.end() && it->span.begin < range.end; ++it) {
    const InlineToken& t = *it;
    if (!range.contains(t.span)) continue;
    // md4c reads one tilde as strikethrough, as GitHub does; docfx (Markdig) needs two and
    // shows one as text, as in "1~5단계" (steps 1 to 5) or "6~9ft". Put it back.
    if (prev_end && t.span.begin == prev_end + 1 && doc.text()[prev_end] == '~' &&
        (prev_end == 0 || doc.text()[prev_end - 1] != '~') && doc.text()[t.span.begin] != '~')
      out.append("~", Span{prev_end, prev_end + 1});
    // md4c reports a soft or hard line break with a "\n" of its own, not of the document, so the
    // document model has no token for it: a line break between two tokens of a block is found in
    // the bytes between them, and separates words as a space does ("[Excel](x.md)  \n[Finance]").
    if (prev_end && t.span.begin > prev_end && !out.text.empty() && out.text.back() != ' ' &&
        std::memchr(doc.text().data() + prev_end, '\n', t.span.begin - prev_end))
      out.append(" ", Span{prev_end, t.span.begin});
    prev_end = t.span.end;
    switch (t.kind) {
      case InlineKind::Text: out.append(doc.slice(t.span), t.span); break;
      case InlineKind::Code: out.append(doc.slice(t.span), t.span, true); break;
      case InlineKind::Entity: out.append(decode_character_reference(doc.slice(t.span)), t.span); break;
      case InlineKind::SoftBreak:
      case InlineKind::HardBreak: out.append(" ", t.span); break;
      case InlineKind::Html: {
        // A line break separates words; inline formatting tags do not.
        if (t.tag != InlineToken::kNoTag && doc.html_tags()[t.tag].name == "br") out.append(" ", t.span);
        break;
      }
      case InlineKind::NullChar: break;
    }
  }
  hint = static_cast<size_t>(it - inlines.begin());
}

}  // namespace loclint::checks::code

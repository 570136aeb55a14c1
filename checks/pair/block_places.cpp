#include <fmt/format.h>

#include "pair.h"

namespace loclint::checks::pair {

std::string shown(std::string_view text, size_t max) {
  std::string out;
  size_t i = 0, n = 0;
  while (i < text.size() && n < max) {
    size_t start = i;
    utf8::next(text, i);
    out.append(text.substr(start, i - start));
    ++n;
  }
  if (i < text.size()) out += "…";
  return escape_controls(out);
}

std::string block_label(const Document& doc, uint32_t block) {
  const Block& b = doc.blocks()[block];
  std::string_view text = doc.slice(b.span);
  if (size_t nl = text.find('\n'); nl != std::string_view::npos) text = text.substr(0, nl);
  text = trim(text);
  if (b.kind == BlockKind::Heading) {
    // The visible heading text, without the `<a name>` a localized heading carries.
    for (const Heading& h : doc.headings())
      if (h.block == block) return fmt::format("'{} {}'", std::string(b.level, '#'), shown(h.text));
  }
  return fmt::format("'{}'", shown(text, 60));
}

uint32_t insertion_point(const Document& doc, const Alignment& a, size_t from) {
  for (size_t k = from; k < a.blocks.size(); ++k)
    if (a.blocks[k].target_count) {
      const uint32_t b = doc.blocks()[a.blocks[k].target[0]].span.begin;
      return doc.lines().line_start(doc.lines().line_of(b));
    }
  return static_cast<uint32_t>(doc.text().size());
}

}  // namespace loclint::checks::pair

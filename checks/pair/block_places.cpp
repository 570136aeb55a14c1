#include <fmt/format.h>

#include "pair.h"

namespace loclint::checks::pair {

std::string block_label(const Document& doc, uint32_t block) {
  const Block& b = doc.blocks()[block];
  std::string_view text = doc.slice(b.span);
  if (size_t nl = text.find('\n'); nl != std::string_view::npos) text = text.substr(0, nl);
  text = trim(text);
  if (b.kind == BlockKind::Heading) {
    // The visible heading text, without the `<a name>` a localized heading carries.
    for (const Heading& h : doc.headings())
      if (h.block == block) return fmt::format("'{} {}'", std::string(b.level, '#'), excerpt(h.text, 80, kQuoted));
  }
  return fmt::format("'{}'", excerpt(text, 60, kQuoted));
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

// Bare URLs in Markdown text, found as GitHub finds its extended autolinks (GFM spec 0.29,
// section 6.9) in the text runs md4c reported; md4c's own extension is off (kMarkdownParserFlags,
// document.h says why).
#include <cctype>
#include <cstring>

#include <algorithm>

#include "document_builder.h"
#include "loclint/html_entities.h"

namespace loclint {

namespace {

bool domain_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
         c >= 0x80;
}

bool white_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

size_t extended_url_autolink(std::string_view run, size_t i) {
  size_t scheme = 0;
  for (std::string_view s : {"https://", "http://", "ftp://"})
    if (run.size() - i >= s.size() &&
        std::equal(s.begin(), s.end(), run.begin() + static_cast<long>(i),
                   [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); })) {
      scheme = s.size();
      break;
    }
  if (scheme == 0) return 0;
  // A valid domain: segments of alphanumerics, `_` and `-` separated by periods, at least one
  // period, no `_` in the last two segments.
  size_t d = i + scheme, end = d;
  size_t periods = 0;
  bool underscore_last = false, underscore_before_last = false;
  while (end < run.size()) {
    unsigned char c = static_cast<unsigned char>(run[end]);
    if (c == '.' && end > d && run[end - 1] != '.') {
      ++periods;
      underscore_before_last = underscore_last;
      underscore_last = false;
    } else if (domain_byte(c)) {
      if (c == '_') underscore_last = true;
    } else {
      break;
    }
    ++end;
  }
  while (end > d && run[end - 1] == '.') {  // a period that ends the sentence
    --end;
    --periods;
    underscore_last = underscore_before_last;
  }
  if (periods == 0 || underscore_last || underscore_before_last) return 0;
  // The path: anything up to white space or `<`.
  while (end < run.size() && !white_space(static_cast<unsigned char>(run[end])) && run[end] != '<') ++end;
  // Extended autolink path validation: trailing punctuation is the sentence's, an unbalanced
  // `)` the parenthesis around the URL, and `&name;` an entity reference.
  while (end > i + scheme) {
    char c = run[end - 1];
    if (c != '\0' && std::strchr("?!.,:*_~", c)) {
      --end;
    } else if (c == ')') {
      long balance = 0;
      for (size_t k = i; k < end; ++k) balance += run[k] == '(' ? 1 : run[k] == ')' ? -1 : 0;
      if (balance >= 0) break;
      --end;
    } else if (c == ';') {
      size_t k = end - 1;
      while (k > i && std::isalnum(static_cast<unsigned char>(run[k - 1]))) --k;
      if (k == end - 1 || k == i || run[k - 1] != '&') break;
      end = k - 1;
    } else {
      break;
    }
  }
  return end > i + scheme ? end - i : 0;
}


void Document::Builder::collect_bare_urls() {
  // Markdown links (their text is not searched: a URL there is already a link's text).
  std::vector<Span> link_texts;
  for (const Link& l : doc.links_)
    if (l.kind == LinkKind::Inline || l.kind == LinkKind::Image || l.kind == LinkKind::Autolink)
      link_texts.push_back(l.kind == LinkKind::Autolink ? l.span : l.text);
  std::sort(link_texts.begin(), link_texts.end(), [](Span a, Span b) { return a.begin < b.begin; });
  std::vector<Link> found;
  const std::string_view text = doc.text_;
  const auto& toks = doc.inlines_;
  size_t next_link = 0;
  for (size_t t = 0; t < toks.size();) {
    // A run: adjacent text and entity tokens of one Markdown block, outside every link.
    const InlineToken& first = toks[t];
    const BlockKind kind = doc.blocks_[first.block].kind;
    if ((first.kind != InlineKind::Text && first.kind != InlineKind::Entity) || kind == BlockKind::HtmlBlock ||
        kind == BlockKind::CodeBlock) {
      ++t;
      continue;
    }
    size_t u = t + 1;
    while (u < toks.size() && (toks[u].kind == InlineKind::Text || toks[u].kind == InlineKind::Entity) &&
           toks[u].block == first.block && toks[u].span.begin == toks[u - 1].span.end)
      ++u;
    const Span run_span{first.span.begin, toks[u - 1].span.end};
    const size_t run_first = t;
    t = u;
    while (next_link < link_texts.size() && link_texts[next_link].end <= run_span.begin) ++next_link;
    if (next_link < link_texts.size() && link_texts[next_link].begin <= run_span.begin &&
        link_texts[next_link].contains(run_span))
      continue;
    const std::string_view run = text.substr(run_span.begin, run_span.size());
    // The byte before the run, as the spec looks at the text: a tag's `>`, a code span's backtick
    // or a link's `)` before a URL is no boundary (md4c and Markdig agree).
    const char before_run = run_span.begin > 0 ? text[run_span.begin - 1] : '\n';
    auto boundary_byte = [](char c) {
      return white_space(static_cast<unsigned char>(c)) || (c != '\0' && std::strchr("*_~(", c) != nullptr);
    };
    for (size_t i = run.find("://"); i != std::string_view::npos && i < run.size(); i = run.find("://", i)) {
      // Back to the scheme's first letter; it must follow white space, `*`, `_`, `~`, `(` or
      // the start of a line.
      size_t b = i;
      while (b > 0 && std::isalpha(static_cast<unsigned char>(run[b - 1]))) --b;
      const bool boundary = boundary_byte(b == 0 ? before_run : run[b - 1]);
      const size_t n = boundary ? extended_url_autolink(run, b) : 0;
      if (n == 0) {
        i += 3;
        continue;
      }
      Link l;
      l.kind = LinkKind::Autolink;
      l.span = l.text = l.destination_span = {run_span.begin + static_cast<uint32_t>(b),
                                              run_span.begin + static_cast<uint32_t>(b + n)};
      // The destination is the text as read: character references decoded (`&amp;` is `&`).
      for (size_t k = run_first; k < u; ++k) {
        const Span piece{std::max(toks[k].span.begin, l.span.begin), std::min(toks[k].span.end, l.span.end)};
        if (piece.begin >= piece.end) continue;
        const std::string_view raw = text.substr(piece.begin, piece.size());
        if (toks[k].kind == InlineKind::Entity && piece.size() == toks[k].span.size())
          l.destination += decode_character_reference(raw);
        else
          l.destination += raw;
      }
      found.push_back(std::move(l));
      i = b + n;
    }
  }
  for (Link& l : found) doc.links_.push_back(std::move(l));
}

}  // namespace loclint

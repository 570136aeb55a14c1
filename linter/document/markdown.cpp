// Markdown structure from md4c. md4c reports text through pointers into our buffer; every
// element's byte span is recovered from those pointers. Only bare URLs are found by scanning the
// text md4c reported (bare_urls.cpp), and inline HTML is tokenized by html.cpp.
#include <cstring>
#include <md4c.h>

#include <algorithm>

#include "document_builder.h"
#include "loclint/html_entities.h"

namespace loclint {

namespace {

struct OpenSpan {
  MD_SPANTYPE type;
  uint32_t first_token;  // index into inlines when the span opened
  size_t first_link = 0;  // index into links when the span opened (nested images)
  size_t first_emphasis = 0;  // index into emphasis when the span opened (`[**bold**](x)`)
  size_t first_code = 0;      // index into code spans when the span opened (`[`code`](x)`)
  std::string destination;
  Span destination_span;
  bool has_destination_span = false;
};

// An attribute (a link destination) with its character references decoded: md4c marks them
// (CommonMark's `&name;` and `&#...;` forms) and leaves them as written.
std::string decoded(const MD_ATTRIBUTE& a) {
  if (!a.substr_types || !a.substr_offsets) return std::string(a.text, a.size);
  std::string out;
  out.reserve(a.size);
  for (size_t i = 0; a.substr_offsets[i] < a.size; ++i) {
    std::string_view piece(a.text + a.substr_offsets[i], a.substr_offsets[i + 1] - a.substr_offsets[i]);
    if (a.substr_types[i] == MD_TEXT_ENTITY) out += decode_character_reference(piece);
    else if (a.substr_types[i] == MD_TEXT_NULLCHAR) out += "\uFFFD";
    else out += piece;
  }
  return out;
}

// [begin, end) of the text holds only spaces, tabs and line breaks (and may be empty).
bool only_white_space(const char* base, uint32_t begin, uint32_t end) {
  if (begin > end) return false;
  for (uint32_t i = begin; i < end; ++i)
    if (base[i] != ' ' && base[i] != '\t' && base[i] != '\n' && base[i] != '\r') return false;
  return true;
}

struct State {
  Document::Builder& b;
  const char* base;
  uint32_t size;
  // context
  int lists = 0, quotes = 0, tables = 0, thead = 0;
  int64_t leaf = -1;          // index of the block receiving inline tokens
  bool leaf_is_implicit = false;
  std::vector<OpenSpan> spans;
  // code blocks and HTML blocks collect their raw text
  bool in_code_block = false;
  bool in_html_block = false;
  CodeBlock code;
  bool code_has_text = false;
  std::vector<Span> html_chunks;

  uint8_t context() const {
    uint8_t c = 0;
    if (lists) c |= InList;
    if (quotes) c |= InQuote;
    if (tables) c |= InTable;
    if (thead) c |= InTableHeader;
    return c;
  }

  bool in_buffer(const char* p, size_t n) const { return p >= base && p + n <= base + size; }

  uint32_t open_leaf(BlockKind kind, uint8_t level = 0) {
    Block blk;
    blk.kind = kind;
    blk.level = level;
    blk.context = context();
    blk.span = {UINT32_MAX, 0};
    b.blocks().push_back(blk);
    b.block_inlines().push_back({static_cast<uint32_t>(b.inlines().size()), 0});
    leaf = static_cast<int64_t>(b.blocks().size() - 1);
    return static_cast<uint32_t>(leaf);
  }

  void close_leaf() {
    if (leaf < 0) return;
    auto& blk = b.blocks()[static_cast<size_t>(leaf)];
    if (blk.span.begin == UINT32_MAX) blk.span = {0, 0};
    b.block_inlines()[static_cast<size_t>(leaf)].second = static_cast<uint32_t>(b.inlines().size());
    leaf = -1;
    leaf_is_implicit = false;
  }

  void add_token(InlineKind kind, Span s) {
    if (leaf < 0) {
      // Text directly in a tight list item: an implicit paragraph.
      open_leaf(BlockKind::Paragraph);
      leaf_is_implicit = true;
    }
    auto& blk = b.blocks()[static_cast<size_t>(leaf)];
    blk.span.begin = std::min(blk.span.begin, s.begin);
    blk.span.end = std::max(blk.span.end, s.end);
    InlineToken t;
    t.kind = kind;
    t.block = static_cast<uint32_t>(leaf);
    t.span = s;
    b.inlines().push_back(t);
  }
};

uint32_t off(const State& st, const char* p) { return static_cast<uint32_t>(p - st.base); }

int enter_block(MD_BLOCKTYPE type, void* detail, void* ud) {
  auto& st = *static_cast<State*>(ud);
  if (st.leaf_is_implicit) st.close_leaf();
  switch (type) {
    case MD_BLOCK_UL:
    case MD_BLOCK_OL: ++st.lists; break;
    case MD_BLOCK_QUOTE: ++st.quotes; break;
    case MD_BLOCK_TABLE: ++st.tables; break;
    case MD_BLOCK_THEAD: ++st.thead; break;
    case MD_BLOCK_P: st.open_leaf(BlockKind::Paragraph); break;
    case MD_BLOCK_H:
      st.open_leaf(BlockKind::Heading, static_cast<uint8_t>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level));
      break;
    case MD_BLOCK_TH:
    case MD_BLOCK_TD: st.open_leaf(BlockKind::TableCell); break;
    case MD_BLOCK_CODE: {
      st.in_code_block = true;
      st.code = CodeBlock{};
      st.code.span = {UINT32_MAX, 0};
      st.code_has_text = false;
      auto* d = static_cast<MD_BLOCK_CODE_DETAIL*>(detail);
      st.code.fenced = d->fence_char != 0;
      if (d->lang.text && d->lang.size) st.code.info.assign(d->lang.text, d->lang.size);
      st.open_leaf(BlockKind::CodeBlock);
      break;
    }
    case MD_BLOCK_HTML:
      st.in_html_block = true;
      st.html_chunks.clear();
      st.open_leaf(BlockKind::HtmlBlock);
      break;
    default: break;
  }
  return 0;
}

int leave_block(MD_BLOCKTYPE type, void*, void* ud) {
  auto& st = *static_cast<State*>(ud);
  if (st.leaf_is_implicit) st.close_leaf();
  switch (type) {
    case MD_BLOCK_UL:
    case MD_BLOCK_OL: --st.lists; break;
    case MD_BLOCK_QUOTE: --st.quotes; break;
    case MD_BLOCK_TABLE: --st.tables; break;
    case MD_BLOCK_THEAD: --st.thead; break;
    case MD_BLOCK_P:
    case MD_BLOCK_H:
    case MD_BLOCK_TH:
    case MD_BLOCK_TD: st.close_leaf(); break;
    case MD_BLOCK_CODE:
      if (st.code_has_text) {
        st.b.code_blocks().push_back(st.code);
        auto& blk = st.b.blocks()[static_cast<size_t>(st.leaf)];
        blk.span = st.code.span;
      }
      st.in_code_block = false;
      st.close_leaf();
      break;
    case MD_BLOCK_HTML: {
      st.in_html_block = false;
      // Tokenize the raw HTML of the block: tags become Html tokens, the rest Text tokens.
      for (Span chunk : st.html_chunks) st.b.tokenize_html(chunk, [&](InlineKind k, Span s) { st.add_token(k, s); });
      st.close_leaf();
      break;
    }
    default: break;
  }
  return 0;
}

int enter_span(MD_SPANTYPE type, void* detail, void* ud) {
  auto& st = *static_cast<State*>(ud);
  OpenSpan os{type, static_cast<uint32_t>(st.b.inlines().size()), st.b.links().size(), st.b.emphasis().size(),
              st.b.code_spans().size(), {}, {}, false};
  const MD_ATTRIBUTE* dest = nullptr;
  if (type == MD_SPAN_A) dest = &static_cast<MD_SPAN_A_DETAIL*>(detail)->href;
  if (type == MD_SPAN_IMG) dest = &static_cast<MD_SPAN_IMG_DETAIL*>(detail)->src;
  if (dest && dest->text) {
    os.destination = decoded(*dest);
    if (st.in_buffer(dest->text, dest->size)) {
      os.destination_span = {off(st, dest->text), off(st, dest->text) + dest->size};
      os.has_destination_span = true;
    }
  }
  st.spans.push_back(std::move(os));
  return 0;
}

int leave_span(MD_SPANTYPE type, void*, void* ud) {
  auto& st = *static_cast<State*>(ud);
  if (st.spans.empty()) return 0;
  OpenSpan os = std::move(st.spans.back());
  st.spans.pop_back();
  auto& toks = st.b.inlines();
  const uint32_t last = static_cast<uint32_t>(toks.size());
  Span children = {UINT32_MAX, 0};
  for (uint32_t i = os.first_token; i < last; ++i) {
    children.begin = std::min(children.begin, toks[i].span.begin);
    children.end = std::max(children.end, toks[i].span.end);
  }
  // A nested image (`[![alt](img.png)](img.png#lightbox)`), emphasis (`[**LANGUAGE**](x)`, `***x***`)
  // or code span starts before its first text token and ends after its last, with its delimiters.
  auto widen = [&](Span inner) {
    children.begin = std::min(children.begin, inner.begin);
    children.end = std::max(children.end, inner.end);
  };
  for (size_t i = os.first_link; i < st.b.links().size(); ++i) widen(st.b.links()[i].span);
  for (size_t i = os.first_emphasis; i < st.b.emphasis().size(); ++i) widen(st.b.emphasis()[i].span);
  for (size_t i = os.first_code; i < st.b.code_spans().size(); ++i) widen(st.b.code_spans()[i].span);
  const bool has_children = children.begin != UINT32_MAX;
  std::string_view text(st.base, st.size);
  switch (type) {
    case MD_SPAN_CODE: {
      if (!has_children) break;
      CodeSpan cs;
      cs.content = children;
      uint32_t b = children.begin, e = children.end;
      if (b > 0 && text[b - 1] == ' ' && e < st.size && text[e] == ' ') --b, ++e;
      while (b > 0 && text[b - 1] == '`') --b;
      while (e < st.size && text[e] == '`') ++e;
      cs.span = {b, e};
      st.b.code_spans().push_back(cs);
      break;
    }
    case MD_SPAN_EM:
    case MD_SPAN_STRONG: {
      if (!has_children) break;
      uint32_t d = type == MD_SPAN_STRONG ? 2 : 1;
      Emphasis em;
      em.strong = type == MD_SPAN_STRONG;
      em.span = {children.begin >= d ? children.begin - d : 0, std::min(children.end + d, st.size)};
      st.b.emphasis().push_back(em);
      break;
    }
    case MD_SPAN_A:
    case MD_SPAN_IMG: {
      Link link;
      link.kind = type == MD_SPAN_IMG ? LinkKind::Image : LinkKind::Inline;
      link.destination = os.destination;
      uint32_t open_len = type == MD_SPAN_IMG ? 2 : 1;
      bool searched = false;  // located by its brackets: its destination is md4c's own copy
      if (has_children) {
        link.text = children;
      } else if (os.has_destination_span && os.destination_span.begin >= 2) {
        link.text = {os.destination_span.begin - 2, os.destination_span.begin - 2};
      } else if (type == MD_SPAN_A) {
        // A link with no text whose destination md4c copied (character references, escapes:
        // `[](https://a?b=1&amp;c=2)`) is where the first `[`, blanks and `](` are after the text
        // before it: no token lies between the two.
        // After the text (code included) and the links before it; only blanks, emphasis markers and
        // backticks (a code span's, a fence's) between, or it is not found: better unlocated than
        // misplaced (a `[](` inside a code block before it).
        uint32_t from = os.first_token > 0 ? toks[os.first_token - 1].span.end : 0;
        if (!st.b.links().empty()) from = std::max(from, st.b.links().back().span.end);
        if (!st.b.code_blocks().empty()) from = std::max(from, st.b.code_blocks().back().span.end);
        const size_t open = text.find('[', from);
        if (open == std::string_view::npos ||
            text.substr(from, open - from).find_first_not_of(" \t\r\n*_~`") != std::string_view::npos)
          break;
        const size_t close = text.find_first_not_of(" \t", open + 1);
        if (close == std::string_view::npos || text.substr(close, 2) != "](") break;
        link.text = {static_cast<uint32_t>(open + 1), static_cast<uint32_t>(close)};
        os.destination_span = {static_cast<uint32_t>(close + 2), static_cast<uint32_t>(close + 2)};
        os.has_destination_span = searched = true;
      } else {
        break;  // nothing to locate it by
      }
      bool autolink = type == MD_SPAN_A && link.text.begin > 0 && text[link.text.begin - 1] == '<' &&
                      link.text.end < st.size && text[link.text.end] == '>';
      if (autolink) {
        link.kind = LinkKind::Autolink;
        link.span = Span{link.text.begin - 1, link.text.end + 1};
        link.destination_span = link.text;
      } else {
        uint32_t begin = link.text.begin >= open_len ? link.text.begin - open_len : 0;
        uint32_t end = std::min(link.text.end + 1, st.size);  // after ']'
        // The ')' that closes an inline destination read from `p` on (parentheses nest).
        auto close_destination = [&](uint32_t p) {
          const uint32_t limit = p + 4096;
          int depth = 0;
          for (; p < st.size && p < limit; ++p) {
            const char c = text[p];
            if (c == '\n' && p + 1 < st.size && text[p + 1] == '\n') break;
            if (c == '(') ++depth;
            if (c == ')' && depth-- == 0) {
              end = p + 1;
              break;
            }
          }
        };
        // An inline destination follows "](" directly; a reference one sits elsewhere.
        if (os.has_destination_span && os.destination_span.begin >= link.text.end &&
            os.destination_span.begin <= link.text.end + 4) {
          link.destination_span = os.destination_span;
          close_destination(os.destination_span.end);
        } else if (!os.has_destination_span && end < st.size && text[end] == '(') {
          // An inline destination md4c copied (character references, escapes): not in the buffer.
          close_destination(end + 1);
        } else if (end < st.size && text[end] == '[') {
          size_t close = text.find(']', end);
          if (close != std::string_view::npos && close < end + 1024) end = static_cast<uint32_t>(close + 1);
        }
        link.span = {begin, end};
        if (searched) link.destination_span = {};  // where it is written is not known
        // md4c reports a reference link's destination where its definition line wrote it.
        if (os.has_destination_span && link.destination_span.empty() &&
            (os.destination_span.end <= link.span.begin || os.destination_span.begin >= link.span.end))
          link.definition = os.destination_span;
      }
      st.b.links().push_back(std::move(link));
      break;
    }
    default: break;
  }
  return 0;
}

int on_text(MD_TEXTTYPE type, const MD_CHAR* p, MD_SIZE n, void* ud) {
  auto& st = *static_cast<State*>(ud);
  if (!st.in_buffer(p, n) || n == 0) return 0;  // md4c's own strings (soft breaks, indentation)
  Span s{off(st, p), off(st, p) + n};
  if (st.in_code_block) {
    st.code.span.begin = std::min(st.code.span.begin, s.begin);
    st.code.span.end = std::max(st.code.span.end, s.end);
    st.code_has_text = true;
    return 0;
  }
  if (st.in_html_block) {
    // md4c hands an HTML block over line by line, with its own "\n" between the lines. A quoted
    // attribute value may hold a line break (`<a href="/x\n">`), so lines joined only by white
    // space (the line break, a list item's indentation) are one chunk: a tag may span them.
    if (!st.html_chunks.empty() && only_white_space(st.base, st.html_chunks.back().end, s.begin))
      st.html_chunks.back().end = s.end;
    else
      st.html_chunks.push_back(s);
    return 0;
  }
  switch (type) {
    case MD_TEXT_NORMAL: st.add_token(InlineKind::Text, s); break;
    case MD_TEXT_CODE: st.add_token(InlineKind::Code, s); break;
    case MD_TEXT_ENTITY: st.add_token(InlineKind::Entity, s); break;
    case MD_TEXT_NULLCHAR: st.add_token(InlineKind::NullChar, s); break;
    case MD_TEXT_HTML: {
      // md4c reports inline raw HTML that spans lines (a quoted attribute value holding a line
      // break) as one piece per line. It only marks complete CommonMark raw HTML, so a piece
      // that does not parse on its own continues in the next one: join them into one token.
      if (!st.b.inlines().empty() && st.leaf >= 0) {
        InlineToken& prev = st.b.inlines().back();
        if (prev.kind == InlineKind::Html && prev.tag == InlineToken::kNoTag &&
            prev.block == static_cast<uint32_t>(st.leaf) && only_white_space(st.base, prev.span.end, s.begin)) {
          prev.span.end = s.end;
          auto& blk = st.b.blocks()[static_cast<size_t>(st.leaf)];
          blk.span.end = std::max(blk.span.end, s.end);
          HtmlTag tag;
          std::string_view joined(st.base + prev.span.begin, prev.span.size());
          if (parse_html_tag(joined, prev.span.begin, tag) == joined.size()) {
            prev.tag = static_cast<uint32_t>(st.b.html_tags().size());
            st.b.html_tags().push_back(std::move(tag));
          }
          break;
        }
      }
      st.add_token(InlineKind::Html, s);
      HtmlTag tag;
      if (parse_html_tag(std::string_view(p, n), s.begin, tag) == n) {
        st.b.inlines().back().tag = static_cast<uint32_t>(st.b.html_tags().size());
        st.b.html_tags().push_back(std::move(tag));
      }
      break;
    }
    default: st.add_token(InlineKind::Text, s); break;
  }
  return 0;
}

}  // namespace

const unsigned kMarkdownParserFlags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH;

void Document::Builder::parse_markdown() {
  Span body = doc.body_;
  if (body.empty()) return;
  // Every HTML tag starts at a '<': reserving for them (and two inline tokens each) saves the
  // vectors' regrowth, which moved every tag of a side-by-side article about twice.
  size_t angles = 0;
  for (const char *p = doc.text_.data() + body.begin, *end = doc.text_.data() + body.end;
       (p = static_cast<const char*>(std::memchr(p, '<', static_cast<size_t>(end - p)))); ++p)
    ++angles;
  doc.html_tags_.reserve(angles);
  doc.inlines_.reserve(2 * angles + body.size() / 64);
  State st{*this, doc.text_.data(), static_cast<uint32_t>(doc.text_.size()), 0, 0, 0, 0, -1, false, {}, false, false, {}, false, {}};
  MD_PARSER parser{};
  parser.abi_version = 0;
  parser.flags = kMarkdownParserFlags;
  parser.enter_block = enter_block;
  parser.leave_block = leave_block;
  parser.enter_span = enter_span;
  parser.leave_span = leave_span;
  parser.text = on_text;
  md_parse(doc.text_.data() + body.begin, body.size(), &parser, &st);
  st.close_leaf();
}

}  // namespace loclint

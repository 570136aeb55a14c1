#pragma once
#include <functional>

#include "loclint/document.h"

namespace loclint {

struct Document::Builder {
  Document& doc;
  // Access for the parser callbacks, which are not members.
  auto& blocks() { return doc.blocks_; }
  auto& inlines() { return doc.inlines_; }
  auto& code_spans() { return doc.code_spans_; }
  auto& code_blocks() { return doc.code_blocks_; }
  auto& links() { return doc.links_; }
  auto& html_tags() { return doc.html_tags_; }
  auto& emphasis() { return doc.emphasis_; }
  auto& block_inlines() { return doc.block_inlines_; }
  auto& segments() { return doc.segments_; }  // bench/ re-runs extract_segments on a copy
  auto& text() { return doc.text_; }
  auto& body() { return doc.body_; }
  void parse_markdown();
  void tokenize_html(Span chunk, const std::function<void(InlineKind, Span)>& emit);
  void extract_segments();
  void collect_html_links_and_anchors();
  // Bare URLs in Markdown text, as GitHub's extended autolinks (kind Autolink, span = text).
  void collect_bare_urls();
  void collect_docfx_extensions();
  void finish_headings();
};

}  // namespace loclint

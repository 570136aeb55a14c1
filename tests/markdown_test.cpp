// Markdown elements of the document model (md4c): code, links, headings, blocks, docfx extensions.
#include <gtest/gtest.h>

#include "loclint/alignment.h"
#include "loclint/document.h"

using namespace loclint;

namespace {
std::shared_ptr<const Document> parse(std::string text) { return Document::parse("a.md", std::move(text)); }
}  // namespace

// Document::code_block: the code block a block of blocks() is, for each kind of block.
TEST(Markdown, CodeBlockOfABlock) {
  auto d = parse("# Title\n\n```powershell\nGet-Item x\n```\n\nText.\n\n    indented code\n\n~~~\n~~~\n");
  std::vector<const CodeBlock*> found;
  for (uint32_t b = 0; b < d->blocks().size(); ++b) {
    const CodeBlock* c = d->code_block(b);
    // An empty fence is a code block with no content, so no CodeBlock.
    EXPECT_EQ(c != nullptr, d->blocks()[b].kind == BlockKind::CodeBlock && !d->blocks()[b].span.empty()) << b;
    if (c) {
      EXPECT_EQ(c->span.begin, d->blocks()[b].span.begin);
      found.push_back(c);
    }
  }
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0]->info, "powershell");
  EXPECT_TRUE(found[0]->fenced);
  EXPECT_EQ(d->slice(found[0]->span), "Get-Item x");
  EXPECT_FALSE(found[1]->fenced);
  EXPECT_EQ(d->code_block(static_cast<uint32_t>(d->blocks().size())), nullptr);
}

TEST(Markdown, NothingInsideCodeIsMarkup) {
  auto d = parse(
      "Text `[not a link](x.md)` and `<span data-ttu-id=\"a-1\">`.\n\n"
      "```powershell\n[also not](y.md)\n<span data-ttu-id=\"a-2\">x</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-2\">x</span></span>\n```\n\n"
      "    [indented](z.md)\n");
  EXPECT_TRUE(d->links().empty());
  EXPECT_TRUE(d->segments().empty());
  ASSERT_EQ(d->code_spans().size(), 2u);
  EXPECT_EQ(d->slice(d->code_spans()[0].span), "`[not a link](x.md)`");
  EXPECT_EQ(d->slice(d->code_spans()[0].content), "[not a link](x.md)");
  ASSERT_EQ(d->code_blocks().size(), 2u);
  EXPECT_EQ(d->code_blocks()[0].info, "powershell");
  EXPECT_TRUE(d->code_blocks()[0].fenced);
  EXPECT_FALSE(d->code_blocks()[1].fenced);
  EXPECT_TRUE(d->in_code(static_cast<uint32_t>(d->text().find("also not"))));
  EXPECT_FALSE(d->in_code(static_cast<uint32_t>(d->text().find("Text"))));
}

TEST(Markdown, DoubleBacktickSpans) {
  auto d = parse("Use `` a`b `` here.\n");
  ASSERT_EQ(d->code_spans().size(), 1u);
  EXPECT_EQ(d->slice(d->code_spans()[0].span), "`` a`b ``");
  EXPECT_EQ(d->slice(d->code_spans()[0].content), "a`b");
}

TEST(Markdown, LinksImagesAndTheirSpans) {
  auto d = parse(
      "See [the page](other.md#frag \"title\") and ![alt](media/x.png) and <https://example.com/a>.\n"
      "Also [ref][r], <a href=\"html.md\">html</a> and <img src=\"i.png\"/>.\n\n[r]: ../dir/ref%20page.md\n");
  const auto& links = d->links();
  ASSERT_EQ(links.size(), 6u);
  EXPECT_EQ(links[0].kind, LinkKind::Inline);
  EXPECT_EQ(links[0].destination, "other.md#frag");
  EXPECT_EQ(d->slice(links[0].span), "[the page](other.md#frag \"title\")");
  EXPECT_EQ(d->slice(links[0].text), "the page");
  EXPECT_EQ(d->slice(links[0].destination_span), "other.md#frag");
  EXPECT_EQ(links[1].kind, LinkKind::Image);
  EXPECT_EQ(d->slice(links[1].span), "![alt](media/x.png)");
  EXPECT_EQ(links[2].kind, LinkKind::Autolink);
  EXPECT_EQ(links[2].destination, "https://example.com/a");
  EXPECT_EQ(d->slice(links[2].span), "<https://example.com/a>");
  EXPECT_EQ(links[3].destination, "../dir/ref%20page.md");  // reference link, resolved
  EXPECT_EQ(d->slice(links[3].span), "[ref][r]");
  EXPECT_EQ(links[4].kind, LinkKind::HtmlAnchor);
  EXPECT_EQ(links[4].destination, "html.md");
  EXPECT_EQ(d->slice(links[4].destination_span), "html.md");
  EXPECT_EQ(links[5].kind, LinkKind::HtmlImage);
  EXPECT_EQ(links[5].destination, "i.png");
}

TEST(Markdown, HeadingsTextSlugsAndAnchors) {
  auto d = parse(
      "# <a name=\"you-forgot\"></a><span data-ttu-id=\"f4053-122\">Vous avez oublié votre mot de passe</span>"
      "<span class=\"sxs-lookup\"><span data-stu-id=\"f4053-122\">You forgot your password</span></span>\n\n"
      "## Étape 2 : configurer `Set-Thing` (facultatif)\n\n### 日本語の見出し\n\nPara <span id=\"custom\"></span>\n");
  const auto& h = d->headings();
  ASSERT_EQ(h.size(), 3u);
  EXPECT_EQ(h[0].level, 1u);
  EXPECT_EQ(h[0].text, "Vous avez oublié votre mot de passe");  // the hidden source half is not shown
  EXPECT_EQ(h[0].slug, "vous-avez-oublié-votre-mot-de-passe");
  ASSERT_EQ(h[0].anchors.size(), 1u);
  EXPECT_EQ(h[0].anchors[0].name, "you-forgot");
  EXPECT_EQ(h[1].slug, "étape-2--configurer-set-thing-facultatif");
  EXPECT_EQ(h[2].slug, "日本語の見出し");
  ASSERT_EQ(d->anchors().size(), 2u);
  EXPECT_EQ(d->anchors()[1].name, "custom");
}

TEST(Markdown, BlocksKnowTheirContext) {
  auto d = parse("- item\n\n> quoted\n\n| a | b |\n|---|---|\n| c | d |\n\n<table><tr><td>cell</td></tr></table>\n");
  std::vector<std::pair<BlockKind, uint8_t>> got;
  for (const Block& b : d->blocks()) got.emplace_back(b.kind, b.context);
  ASSERT_GE(got.size(), 7u);
  EXPECT_EQ(got[0], (std::pair<BlockKind, uint8_t>{BlockKind::Paragraph, InList}));
  EXPECT_EQ(got[1], (std::pair<BlockKind, uint8_t>{BlockKind::Paragraph, InQuote}));
  EXPECT_EQ(got[2].first, BlockKind::TableCell);
  EXPECT_TRUE(got[2].second & InTableHeader);
  EXPECT_EQ(got.back().first, BlockKind::HtmlBlock);
  // HTML blocks are tokenized into tags and text.
  auto [first, last] = d->block_inlines(static_cast<uint32_t>(d->blocks().size() - 1));
  ASSERT_GT(last, first);
  EXPECT_EQ(d->inlines()[first].kind, InlineKind::Html);
  EXPECT_EQ(d->html_tags()[d->inlines()[first].tag].name, "table");
}

TEST(Markdown, DocfxAlertsIncludesAndDirectives) {
  auto d = parse(
      "> [!NOTE]\n> Une remarque.\n\n[!INCLUDE [titre](../includes/snippet.md)]\n\n"
      ":::image type=\"content\" source=\"media/shot.png\" alt-text=\"Capture\":::\n\n"
      "Le terme :::no-loc text=\"Azure Stack\"::: reste.\n");
  ASSERT_EQ(d->alerts().size(), 1u);
  EXPECT_EQ(d->alerts()[0].kind, "NOTE");
  std::vector<LinkKind> kinds;
  for (const Link& l : d->links()) kinds.push_back(l.kind);
  ASSERT_EQ(kinds, (std::vector<LinkKind>{LinkKind::Include, LinkKind::ImageDirective}));
  EXPECT_EQ(d->links()[0].destination, "../includes/snippet.md");
  EXPECT_EQ(d->slice(d->links()[0].span), "[!INCLUDE [titre](../includes/snippet.md)]");
  EXPECT_EQ(d->links()[1].destination, "media/shot.png");
  EXPECT_EQ(d->slice(d->links()[1].destination_span), "media/shot.png");
  ASSERT_EQ(d->directives().size(), 2u);
  EXPECT_EQ(d->directives()[1].name, "no-loc");
  EXPECT_EQ(d->directives()[1].attribute("text")->value, "Azure Stack");
}

TEST(Markdown, EmphasisSpansIncludeDelimiters) {
  auto d = parse("Un **gras** et *italique*.\n");
  ASSERT_EQ(d->emphasis().size(), 2u);
  EXPECT_EQ(d->slice(d->emphasis()[0].span), "**gras**");
  EXPECT_TRUE(d->emphasis()[0].strong);
  EXPECT_EQ(d->slice(d->emphasis()[1].span), "*italique*");
}

TEST(Markdown, EmphasisRightAfterALinkToAUrl) {
  // md4c 0.4.8's permissive autolinks lost this emphasis (and printed its first `*` as text).
  auto d = parse("[웹 앱](https://example.com)(*웹* 클라이언트)을\n");
  ASSERT_EQ(d->emphasis().size(), 1u);
  EXPECT_EQ(d->slice(d->emphasis()[0].span), "*웹*");
}

TEST(Markdown, BareUrlsAreGitHubExtendedAutolinks) {
  // GFM 0.29, 6.9: after white space, `*`, `_`, `~`, `(` or the start of a line (not after a
  // tag or a code span); a valid
  // domain (a period, no `_` in the last two segments); trailing punctuation, an unbalanced `)`
  // and an entity reference are not part of it.
  auto d = parse(
      "See https://a.example.com/x_(y)?q=1. Or (http://b.example.org/p). "
      "Also *https://c.example.net/z*, https://www.example.com/a&amp; and https://x.example.com/b&hl;\n"
      "https://q.example.com/?a=1&amp;b=2\n\n"
      "Not: xhttps://d.example.com, http://localhost:8080, https://e_f.example_g.com, "
      "`https://code.example.com`, [https://in.example.com](https://t.example.com) and\n\n"
      "    https://indented.example.com\n\n"
      "<span data-ttu-id=\"a-1\">https://in-span.example.com/p</span> `x`https://after-code.example.com\n");
  std::vector<std::string> bare, written;
  for (const Link& l : d->links())
    if (l.kind == LinkKind::Autolink) {
      EXPECT_EQ(l.span, l.destination_span);
      bare.push_back(l.destination);
      written.emplace_back(d->slice(l.span));
    }
  EXPECT_EQ(bare, (std::vector<std::string>{"https://a.example.com/x_(y)?q=1", "http://b.example.org/p",
                                            "https://c.example.net/z", "https://www.example.com/a",
                                            "https://x.example.com/b", "https://q.example.com/?a=1&b=2"}));
  EXPECT_EQ(written[5], "https://q.example.com/?a=1&amp;b=2");
}

TEST(Markdown, HtmlTagParser) {
  HtmlTag t;
  std::string s = "<span data-ttu-id=\"f4053-104\" class='a b'>";
  ASSERT_EQ(parse_html_tag(s, 10, t), s.size());
  EXPECT_EQ(t.name, "span");
  ASSERT_NE(t.attribute("data-ttu-id"), nullptr);
  EXPECT_EQ(t.attribute("data-ttu-id")->value, "f4053-104");
  EXPECT_EQ(t.attribute("data-ttu-id")->value_span, (Span{29, 38}));
  EXPECT_EQ(t.attribute("class")->value, "a b");
  EXPECT_EQ(parse_html_tag("</span >", 0, t), 8u);
  EXPECT_TRUE(t.closing);
  EXPECT_EQ(parse_html_tag("<!-- c -->x", 0, t), 10u);
  EXPECT_TRUE(t.comment);
  EXPECT_EQ(parse_html_tag("<span data-ttu-id=\"x>", 0, t), 0u);  // unterminated quote: not a tag
  EXPECT_EQ(parse_html_tag("< span>", 0, t), 0u);
}

TEST(Markdown, LinkWrappingAnImageStartsAtItsBracket) {
  auto d = parse("Voir [![Capture](media/a.png)](media/a.png#lightbox) ici.\n");
  ASSERT_EQ(d->links().size(), 2u);
  EXPECT_EQ(d->slice(d->links()[0].span), "[![Capture](media/a.png)](media/a.png#lightbox)");
  EXPECT_EQ(d->slice(d->links()[1].span), "![Capture](media/a.png)");
}

// A destination with a character reference is md4c's own copy, not in the buffer: the link still
// ends at its ')', and a link with no text is still found (by its brackets).
TEST(Markdown, LinksWhoseDestinationMd4cCopiedAreLocated) {
  auto d = parse("See [the filter](a.md?x=1&amp;y=(2)) and [](b.md?x=1&amp;y=2), ![i](c&amp;d.png).\n");
  ASSERT_EQ(d->links().size(), 3u);
  EXPECT_EQ(d->slice(d->links()[0].span), "[the filter](a.md?x=1&amp;y=(2))");
  EXPECT_EQ(d->slice(d->links()[1].span), "[](b.md?x=1&amp;y=2)");
  EXPECT_EQ(d->links()[1].destination, "b.md?x=1&y=2");
  EXPECT_TRUE(d->links()[1].destination_span.empty());
  EXPECT_EQ(d->slice(d->links()[2].span), "![i](c&amp;d.png)");
}

// Empty links found by their brackets: each its own, never one inside a code block before them;
// a paragraph that opens or closes with one reaches over it (block_extent).
TEST(Markdown, EmptyLinksFoundByTheirBracketsAreTheirOwnAndInTheirParagraph) {
  auto d = parse("Voir [](a?x=1&amp;y=2)[](b?x=1&amp;y=2).\n\n```cpp\nauto f = [](int x) {};\n```\n\n"
                 "[](c?x=1&amp;y=2) en tête, et à la fin [](d?x=1&amp;y=2)\n");
  ASSERT_EQ(d->links().size(), 4u);
  EXPECT_EQ(d->slice(d->links()[0].span), "[](a?x=1&amp;y=2)");
  EXPECT_EQ(d->slice(d->links()[1].span), "[](b?x=1&amp;y=2)");
  EXPECT_EQ(d->slice(d->links()[2].span), "[](c?x=1&amp;y=2)");
  EXPECT_EQ(d->slice(d->links()[3].span), "[](d?x=1&amp;y=2)");
  const uint32_t last = static_cast<uint32_t>(d->blocks().size() - 1);
  const Span para = block_extent(*d, last);
  EXPECT_LE(para.begin, d->links()[2].span.begin);
  EXPECT_GE(para.end, d->links()[3].span.end);
}

// Emphasis and code spans are a link's text with their delimiters: the link starts at its '['.
TEST(Markdown, LinkTextThatIsEmphasisOrCodeStartsAtItsBracket) {
  auto d = parse("See [**LANGUAGE**](a.md), [`Get-Item`](b.md) and ***x***.\n");
  ASSERT_EQ(d->links().size(), 2u);
  EXPECT_EQ(d->slice(d->links()[0].span), "[**LANGUAGE**](a.md)");
  EXPECT_EQ(d->slice(d->links()[0].text), "**LANGUAGE**");
  EXPECT_EQ(d->slice(d->links()[1].span), "[`Get-Item`](b.md)");
  bool outer = false;
  for (const auto& e : d->emphasis()) outer = outer || d->slice(e.span) == "***x***";
  EXPECT_TRUE(outer);
}

// Segment extraction, on the seed article and on crafted broken structures.
#include <gtest/gtest.h>

#include <fstream>

#include "loclint/document.h"

using namespace loclint;

namespace {

std::shared_ptr<const Document> parse(std::string text) { return Document::parse("a.md", std::move(text)); }

std::shared_ptr<const Document> seed() {
  std::ifstream in(std::string(LOCLINT_SOURCE_DIR) + "/tests/data/seed.md", std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return Document::parse("seed.md", std::move(bytes));
}

std::string pair(std::string id, std::string target, std::string source, std::string source_id = "") {
  if (source_id.empty()) source_id = id;
  return "<span data-ttu-id=\"" + id + "\">" + target + "</span><span class=\"sxs-lookup\"><span data-stu-id=\"" +
         source_id + "\">" + source + "</span></span>";
}

}  // namespace

TEST(SeedArticle, Has37PairedSegmentsInOrder) {
  auto d = seed();
  const auto& segs = d->segments();
  ASSERT_EQ(segs.size(), 37u);
  for (size_t i = 0; i < segs.size(); ++i) {
    SCOPED_TRACE(segs[i].id());
    EXPECT_EQ(segs[i].id(), "f4053-" + std::to_string(104 + i));
    EXPECT_TRUE(segs[i].target.present && segs[i].target.closed);
    EXPECT_TRUE(segs[i].source.present && segs[i].source.closed);
    EXPECT_EQ(segs[i].target.id, segs[i].source.id);
    EXPECT_FALSE(segs[i].source_missing_inner);
  }
  EXPECT_EQ(d->slice(segs[0].target.content), "Résoudre les problèmes de configuration de compte ou de renouvellement MPN");
  EXPECT_EQ(d->slice(segs[0].source.content), "Troubleshoot account setup or MPN renewal issues");
  EXPECT_EQ(d->position(segs[0].span.begin), (Position{19, 66}));
  EXPECT_EQ(d->blocks()[segs[0].block].kind, BlockKind::Heading);
}

TEST(SeedArticle, TheMangledCommandSegment) {
  auto d = seed();
  const Segment* s = nullptr;
  for (const auto& seg : d->segments())
    if (seg.id() == "f4053-120") s = &seg;
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(d->slice(s->target.content), "**Set-MsolCompanySettings-AllowEmailVerifiedUsers $true-AllowAdHocSubscriptions $true**");
  EXPECT_EQ(d->slice(s->source.content), "**Set-MsolCompanySettings -AllowEmailVerifiedUsers $true -AllowAdHocSubscriptions $true**");
  EXPECT_EQ(d->position(s->target.content.begin), (Position{45, 31}));
  // The bold markers inside each half are emphasis elements of that half.
  auto [first, last] = Document::within(d->emphasis(), s->target.content);
  EXPECT_EQ(last - first, 1);
}

TEST(SeedArticle, LinksAnchorsAndFrontMatter) {
  auto d = seed();
  std::vector<std::string> relative;
  for (const Link& l : d->links())
    if (l.destination.find(':') == std::string::npos && l.destination[0] != '/') relative.push_back(l.destination);
  EXPECT_EQ(relative, (std::vector<std::string>{"partner-center-account-setup.md", "read-your-bill.md"}));
  // The relative links wrap a whole segment pair in their text.
  const Link& last = d->links().back();
  EXPECT_EQ(d->position(last.span.begin), (Position{78, 3}));
  EXPECT_TRUE(last.text.contains(d->segments().back().span));
  std::vector<std::string> anchors;
  for (const Heading& h : d->headings())
    for (const Anchor& a : h.anchors) anchors.push_back(a.name);
  ASSERT_EQ(anchors.size(), 8u);
  EXPECT_EQ(anchors[0], "troubleshoot-account-setup-or-mpn-renewal-issues");
  EXPECT_EQ(anchors[3], "you-forgot-your-password");
  EXPECT_EQ(anchors[7], "next-steps");
  EXPECT_EQ(d->front_matter().find("ms.contentlocale")->value, "fr-FR");
  EXPECT_EQ(d->front_matter().entries.size(), 16u);
}

TEST(Segments, FoundInListsTablesQuotesAndHtmlCells) {
  auto d = parse("- " + pair("abcde-1", "un", "one") + "\n\n| " + pair("abcde-2", "deux", "two") +
                 " |\n|---|\n| x |\n\n> [!NOTE]\n> " + pair("abcde-3", "trois", "three") + "\n\n<table><tr>\n<td>" +
                 pair("abcde-4", "quatre", "four") + "</td>\n</tr></table>\n");
  const auto& segs = d->segments();
  ASSERT_EQ(segs.size(), 4u);
  EXPECT_TRUE(d->blocks()[segs[0].block].context & InList);
  EXPECT_EQ(d->blocks()[segs[1].block].kind, BlockKind::TableCell);
  EXPECT_TRUE(d->blocks()[segs[2].block].context & InQuote);
  EXPECT_EQ(d->blocks()[segs[3].block].kind, BlockKind::HtmlBlock);
  for (const auto& s : segs) EXPECT_TRUE(s.target.closed && s.source.closed) << s.id();
  EXPECT_EQ(d->slice(segs[3].source.content), "four");
}

TEST(Segments, NestedMarkupInsideHalves) {
  auto d = parse(pair("abcde-1", "Un <b>mot</b> <span class=\"x\">ici</span>", "A <b>word</b> <span class=\"x\">here</span>") + "\n");
  ASSERT_EQ(d->segments().size(), 1u);
  const Segment& s = d->segments()[0];
  EXPECT_TRUE(s.target.closed);
  EXPECT_EQ(d->slice(s.target.content), "Un <b>mot</b> <span class=\"x\">ici</span>");
  EXPECT_EQ(d->slice(s.source.content), "A <b>word</b> <span class=\"x\">here</span>");
}

TEST(Segments, BrokenStructuresAreKept) {
  // 1: target without its twin (a space in between); 2: id mismatch; 3: source without target;
  // 4: target whose </span> is missing, followed by a good pair 5.
  std::string text = "<span data-ttu-id=\"abcde-1\">un</span> <span class=\"sxs-lookup\"><span data-stu-id=\"abcde-1\">one</span></span>\n\n" +
                     pair("abcde-2", "deux", "two", "abcde-9") + "\n\n" +
                     "<span class=\"sxs-lookup\"><span data-stu-id=\"abcde-3\">three</span></span>\n\n" +
                     "<span data-ttu-id=\"abcde-4\">quatre " + pair("abcde-5", "cinq", "five") + "\n";
  auto d = parse(text);
  const auto& s = d->segments();
  ASSERT_EQ(s.size(), 6u);
  EXPECT_TRUE(s[0].target.present);
  EXPECT_FALSE(s[0].source.present);  // not adjacent: missing source
  EXPECT_FALSE(s[1].target.present);  // the orphaned twin of 1
  EXPECT_EQ(s[1].source.id, "abcde-1");
  EXPECT_EQ(s[2].target.id, "abcde-2");
  EXPECT_EQ(s[2].source.id, "abcde-9");
  EXPECT_FALSE(s[3].target.present);
  EXPECT_EQ(s[3].source.id, "abcde-3");
  EXPECT_TRUE(s[4].target.present);
  EXPECT_FALSE(s[4].target.closed);  // the next segment starts before its </span>
  EXPECT_EQ(d->slice(s[4].target.content), "quatre ");
  EXPECT_TRUE(s[5].target.closed && s[5].source.closed);
}

TEST(Segments, UnclosedSpanStopsAtItsBlock) {
  auto d = parse("<span data-ttu-id=\"abcde-1\">jamais fermé\n\nAutre paragraphe " + pair("abcde-2", "deux", "two") + "\n");
  ASSERT_EQ(d->segments().size(), 2u);
  EXPECT_FALSE(d->segments()[0].target.closed);
  EXPECT_EQ(d->slice(d->segments()[0].target.content), "jamais fermé");
  EXPECT_TRUE(d->segments()[1].source.closed);
}

TEST(Segments, MisnestedClosingTagEndsTheSpan) {
  auto d = parse("<table><tr><td><span data-ttu-id=\"abcde-1\">cellule</td><td>" + pair("abcde-2", "b", "b") + "</td></tr></table>\n");
  ASSERT_EQ(d->segments().size(), 2u);
  EXPECT_FALSE(d->segments()[0].target.closed);
  EXPECT_EQ(d->slice(d->segments()[0].target.content), "cellule");
}

TEST(Segments, SourceWithoutInnerIdSpan) {
  auto d = parse("<span data-ttu-id=\"abcde-1\">un</span><span class=\"sxs-lookup\">one</span>\n");
  ASSERT_EQ(d->segments().size(), 1u);
  EXPECT_TRUE(d->segments()[0].source_missing_inner);
  EXPECT_TRUE(d->segments()[0].source.closed);
}

TEST(Segments, CrlfFile) {
  std::string text = "---\r\ntitle: T\r\n---\r\n# " + pair("abcde-1", "Titre", "Title") + "\r\n\r\n- " +
                     pair("abcde-2", "deux", "two") + "\r\n";
  auto d = parse(text);
  ASSERT_EQ(d->segments().size(), 2u);
  EXPECT_EQ(d->slice(d->segments()[1].source.content), "two");
  EXPECT_EQ(d->position(d->segments()[1].span.begin), (Position{6, 3}));
  EXPECT_EQ(d->front_matter().find("title")->value, "T");
}

TEST(Segments, EmptyIdAndEmptyHalvesAreSegments) {
  auto d = parse(pair("", "", "Source") + "\n");
  ASSERT_EQ(d->segments().size(), 1u);
  EXPECT_EQ(d->segments()[0].id(), "");
  EXPECT_TRUE(d->segments()[0].target.content.empty());
}

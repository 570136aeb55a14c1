// Where "disable RULE for this line" puts its comment: it must suppress the finding and leave
// what the Markdown renders unchanged, in paragraphs, lists, blockquotes and tables.
#include "../linter/lsp/suppression_edit.h"

#include <gtest/gtest.h>

#include "loclint/suppression.h"

using namespace loclint;
using namespace loclint::lsp;

namespace {

const std::string kRule = "link/missing-file";
const std::string kComment = "<!-- loclint-disable-next-line link/missing-file -->";

// The text after applying the edit for the finding at the first occurrence of `at`.
std::string edited(const std::string& text, const std::string& at, bool* whole_file = nullptr) {
  auto doc = Document::parse("t.md", text);
  auto edit = disable_rule_edit(*doc, static_cast<uint32_t>(text.find(at)), kRule);
  if (!edit) return "<none>";
  if (whole_file) *whole_file = edit->whole_file;
  std::string out = text;
  out.replace(edit->edit.span.begin, edit->edit.span.size(), edit->edit.replacement);
  EXPECT_EQ(markdown_structure(out), markdown_structure(text)) << out;
  return out;
}

TEST(SuppressionEdit, OwnLineAboveWithTheLinesIndentation) {
  EXPECT_EQ(edited("# T\n\n   [x](a.md)\n", "[x]"), "# T\n\n   " + kComment + "\n   [x](a.md)\n");
  EXPECT_EQ(edited("# T\r\n\r\n[x](a.md)\r\n", "[x]"), "# T\r\n\r\n" + kComment + "\r\n[x](a.md)\r\n");  // CRLF kept
}

TEST(SuppressionEdit, InsideAParagraphTheCommentEndsThePreviousLine) {
  // A comment line between two lines of a paragraph would split it in two.
  EXPECT_EQ(edited("Une phrase\nqui continue [x](a.md)\n", "[x]"), "Une phrase" + kComment + "\nqui continue [x](a.md)\n");
  // A hard line break (two trailing spaces) stays one: the comment goes before the spaces.
  EXPECT_EQ(edited("Une phrase  \nsuite [x](a.md)\n", "[x]"), "Une phrase" + kComment + "  \nsuite [x](a.md)\n");
}

TEST(SuppressionEdit, InAListTheCommentJoinsThePreviousItem) {
  EXPECT_EQ(edited("- un\n- deux [x](a.md)\n", "[x]"), "- un\n  " + kComment + "\n- deux [x](a.md)\n");
  EXPECT_EQ(edited("1. un\n2. deux [x](a.md)\n", "[x]"), "1. un\n   " + kComment + "\n2. deux [x](a.md)\n");
  // The first item: the line above the list is outside it.
  EXPECT_EQ(edited("Intro.\n\n- un [x](a.md)\n", "[x]"), "Intro.\n\n" + kComment + "\n- un [x](a.md)\n");
}

TEST(SuppressionEdit, InABlockquoteTheCommentKeepsTheMarker) {
  EXPECT_EQ(edited("> [!NOTE]\n>\n> Voir [x](a.md)\n", "[x]"), "> [!NOTE]\n>\n> " + kComment + "\n> Voir [x](a.md)\n");
}

TEST(SuppressionEdit, InATableTheCommentGoesInTheLastCellOfTheRowAbove) {
  const std::string table = "| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | [x](a.md) |\n";
  EXPECT_EQ(edited(table, "[x]"), "| a | b |\n|---|---|\n| 1 | 2" + kComment + " |\n| 3 | [x](a.md) |\n");
  // The first body row: the row above is the delimiter row; the file-level comment is left.
  bool whole = false;
  std::string first = edited("| a | b |\n|---|---|\n| 1 | [x](a.md) |\n", "[x]", &whole);
  EXPECT_TRUE(whole);
  EXPECT_EQ(first, "<!-- loclint-disable-file link/missing-file -->\n| a | b |\n|---|---|\n| 1 | [x](a.md) |\n");
}

TEST(SuppressionEdit, FrontMatterAndCodeBlocksFallBackToTheFile) {
  bool whole = false;
  EXPECT_EQ(edited("---\ntitle: T\n---\n\n# T\n", "title", &whole), "---\ntitle: T\n---\n<!-- loclint-disable-file link/missing-file -->\n\n# T\n");
  EXPECT_TRUE(whole);
  whole = false;
  EXPECT_EQ(edited("```\ncode [x](a.md)\n```\n", "code", &whole), "<!-- loclint-disable-file link/missing-file -->\n```\ncode [x](a.md)\n```\n");
  EXPECT_TRUE(whole);
}

TEST(SuppressionEdit, TheCommentSuppressesTheFindingsLine) {
  const std::string text = "- un\n- deux [x](a.md)\n";
  std::string out = edited(text, "[x]");
  auto doc = Document::parse("t.md", out);
  auto dirs = parse_suppressions(*doc);
  ASSERT_EQ(dirs.size(), 1u);
  EXPECT_EQ(dirs[0].kind, SuppressionDirective::DisableNextLine);
  EXPECT_EQ(doc->lines().line_of(dirs[0].span.end) + 1, doc->lines().line_of(static_cast<uint32_t>(out.find("[x]"))));
}

}  // namespace

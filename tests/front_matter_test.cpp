// Front matter and YamlMime metadata in the document model.
#include <gtest/gtest.h>

#include "../linter/document/yaml_input.h"
#include "loclint/document.h"

using namespace loclint;

namespace {
std::shared_ptr<const Document> parse(std::string text, std::string path = "a.md") {
  return Document::parse(std::move(path), std::move(text));
}
}  // namespace

TEST(FrontMatter, KeysHaveValuesAndLocations) {
  auto d = parse("---\ntitle: Résoudre les problèmes\nms.locfileid: \"94381407\"\nms.date: 08/18/2020\n---\n# T\n");
  const FrontMatter& fm = d->front_matter();
  ASSERT_TRUE(fm.present);
  EXPECT_TRUE(fm.terminated);
  EXPECT_FALSE(fm.error);
  ASSERT_EQ(fm.entries.size(), 3u);
  EXPECT_EQ(fm.entries[0].key, "title");
  EXPECT_EQ(fm.entries[0].value, "Résoudre les problèmes");
  EXPECT_EQ(d->position(fm.entries[0].key_span.begin), (Position{2, 1}));
  EXPECT_EQ(d->slice(fm.entries[0].value_span), "Résoudre les problèmes");
  const FrontMatterEntry* id = fm.find("ms.locfileid");
  ASSERT_NE(id, nullptr);
  EXPECT_EQ(id->value, "94381407");
  EXPECT_EQ(d->slice(id->value_span), "\"94381407\"");
  EXPECT_EQ(d->position(id->value_span.begin), (Position{3, 15}));
  EXPECT_EQ(d->position(d->body().begin).line, 6u);
}

TEST(FrontMatter, CrlfAndBomLeakNothing) {
  auto d = parse("\xEF\xBB\xBF---\r\ntitle: Titre\r\ndescription: >\r\n  plié\r\n  sur deux lignes\r\n---\r\nBody\r\n");
  const FrontMatter& fm = d->front_matter();
  ASSERT_TRUE(fm.present);
  ASSERT_FALSE(fm.error) << fm.error->message;
  EXPECT_EQ(fm.find("title")->value, "Titre");
  EXPECT_EQ(fm.find("description")->value.find('\r'), std::string::npos);
  EXPECT_EQ(d->position(fm.find("title")->key_span.begin), (Position{2, 1}));
  EXPECT_EQ(d->position(fm.span.begin), (Position{1, 1}));  // the BOM does not count
}

TEST(FrontMatter, NullsSequencesAndDuplicates) {
  auto d = parse("---\ntitle:\nno-loc: [Azure, \"Partner Center\"]\ntitle: encore\n---\n");
  const FrontMatter& fm = d->front_matter();
  ASSERT_FALSE(fm.error);
  ASSERT_EQ(fm.entries.size(), 3u);  // the duplicate is kept for metadata/duplicate-key
  EXPECT_TRUE(fm.entries[0].is_null);
  EXPECT_FALSE(fm.entries[1].is_scalar);
  EXPECT_EQ(fm.entries[1].items, (std::vector<std::string>{"Azure", "Partner Center"}));
  EXPECT_EQ(fm.entries[2].value, "encore");
  EXPECT_EQ(d->position(fm.entries[2].key_span.begin).line, 4u);
}

TEST(FrontMatter, YamlErrorIsKeptWithItsLocation) {
  auto d = parse("---\ntitle: ok\ndescription: a: b\n---\n");
  const FrontMatter& fm = d->front_matter();
  ASSERT_TRUE(fm.error);
  EXPECT_EQ(d->position(fm.error->offset).line, 3u);
  EXPECT_TRUE(fm.entries.empty());
}

TEST(FrontMatter, UnterminatedBlockIsReportedNotThrown) {
  auto d = parse("---\ntitle: x\n\n# Heading\nText\n");
  const FrontMatter& fm = d->front_matter();
  EXPECT_TRUE(fm.present);
  EXPECT_FALSE(fm.terminated);
  ASSERT_TRUE(fm.error);
  EXPECT_EQ(d->position(fm.error->offset), (Position{1, 1}));
}

TEST(FrontMatter, NotAMapping) {
  auto d = parse("---\n- a\n- b\n---\n");
  EXPECT_FALSE(d->front_matter().is_mapping);
}

TEST(FrontMatter, AbsentAndEmpty) {
  EXPECT_FALSE(parse("# Just a heading\n")->front_matter().present);
  EXPECT_FALSE(parse("")->front_matter().present);
  auto e = parse("---\n---\nText\n");
  EXPECT_TRUE(e->front_matter().present);
  EXPECT_TRUE(e->front_matter().entries.empty());
  EXPECT_FALSE(e->front_matter().error);
}

TEST(FrontMatter, YamlMimeMetadata) {
  auto d = parse(
      "### YamlMime:FAQ\nmetadata:\n  title: FAQ\n  ms.date: 12/15/2020\n  ms.locfileid: \"112916697\"\ntitle: Titre\n"
      "sections:\n- name: x\n",
      "faq.yml");
  EXPECT_EQ(d->kind(), DocumentKind::YamlMime);
  const FrontMatter& fm = d->front_matter();
  ASSERT_TRUE(fm.present);
  ASSERT_EQ(fm.entries.size(), 3u);
  EXPECT_EQ(fm.find("title")->value, "FAQ");  // metadata's title, not the page's
  EXPECT_EQ(d->position(fm.find("ms.date")->key_span.begin), (Position{4, 3}));
  EXPECT_TRUE(d->segments().empty());
}

TEST(FrontMatter, PlainYamlIsNotYamlMime) {
  auto d = parse("- name: TOC\n  href: a.md\n", "TOC.yml");
  EXPECT_EQ(d->kind(), DocumentKind::Markdown);
}

// What libyaml is given keeps every line as long in bytes as the file's: CR LF and a lone CR are a
// line feed, each byte of a C0 control (but tab and line feed), of DEL, of a C1 control and of an
// ill-formed sequence is '?', and printable text, tabs and line feeds are copied as they are.
TEST(FrontMatter, YamlInputKeepsLineLengthsAndReplacesForbiddenBytes) {
  EXPECT_EQ(YamlInput("title: a\tb\r\nx: \x01\x7F\x1b[1m\rz: \xC2\x85\xFF\xC3\xA9\n").bytes,
            "title: a\tb\nx: ???[1m\nz: ???\xC3\xA9\n");
  EXPECT_EQ(YamlInput("").bytes, "");
  EXPECT_EQ(YamlInput("\x02").bytes, "?");
}

// Front matter is read from libyaml's parser events into a compact tree (front_matter.cpp). These
// are the YAML shapes where a node graph and an event stream could disagree, the schema loclint
// applies (YAML 1.2 core: values stay the strings written, only the null forms are null), and
// the exact positions of errors, which libyaml counts in code points and loclint in bytes.
#include <gtest/gtest.h>

#include "loclint/document.h"

using namespace loclint;

namespace {
std::shared_ptr<const Document> parse(std::string text, std::string path = "a.md") {
  return Document::parse(std::move(path), std::move(text));
}
std::shared_ptr<const Document> front(const std::string& yaml) { return parse("---\n" + yaml + "---\n# H\n"); }
}  // namespace

TEST(FrontMatterEvents, AliasIsTheAnchoredNodeWithItsLocation) {
  auto d = front("base: &b val\nother: *b\n");
  const auto& e = d->front_matter().entries;
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(e[1].value, "val");
  // An alias is the anchored node itself, so the value's mark is the anchor's.
  EXPECT_EQ(e[1].value_span, e[0].value_span);
}

TEST(FrontMatterEvents, AliasToASequenceKeepsItsItems) {
  auto d = front("a: &x [1, 2]\nb: *x\nnull-item: [a, ~, {m: 1}, b]\n");
  const auto& e = d->front_matter().entries;
  ASSERT_EQ(e.size(), 3u);
  EXPECT_FALSE(e[1].is_scalar);
  EXPECT_EQ(e[1].items, (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(e[2].items, (std::vector<std::string>{"a", "b"}));  // nulls and mappings are not scalar items
}

TEST(FrontMatterEvents, ComplexKeysAreEmptyAndDuplicatesKept) {
  auto d = front("? [complex, key]\n: value\ndup: 1\ndup: 2\n");
  const auto& e = d->front_matter().entries;
  ASSERT_EQ(e.size(), 3u);
  EXPECT_EQ(e[0].key, "");
  EXPECT_EQ(e[0].value, "value");
  EXPECT_EQ(e[1].key, "dup");
  EXPECT_EQ(e[2].value, "2");
}

TEST(FrontMatterEvents, SelfReferenceTerminates) {
  auto d = front("self: &s [a, *s]\n");
  ASSERT_EQ(d->front_matter().entries.size(), 1u);
  EXPECT_EQ(d->front_matter().entries[0].items, (std::vector<std::string>{"a"}));
}

TEST(FrontMatterEvents, NullsAndTags) {
  auto d = front("a: null\nb: ~\nc: 'null'\nd: !!str 12\ne: &n ~\nf: *n\n");
  const auto& e = d->front_matter().entries;
  ASSERT_EQ(e.size(), 6u);
  EXPECT_TRUE(e[0].is_null);
  EXPECT_TRUE(e[1].is_null);
  EXPECT_FALSE(e[2].is_null);
  EXPECT_EQ(e[2].value, "null");
  EXPECT_EQ(e[3].value, "12");
  EXPECT_TRUE(e[5].is_null);
}

TEST(FrontMatterEvents, UnknownAnchorIsAYamlError) {
  auto d = front("title: ok\nkey: *undefined\n");
  ASSERT_TRUE(d->front_matter().error);
  EXPECT_TRUE(d->front_matter().entries.empty());
  EXPECT_EQ(d->position(d->front_matter().error->offset).line, 3u);
}

TEST(FrontMatterEvents, OnlyTheFirstDocumentCounts) {
  auto d = parse("### YamlMime:FAQ\nmetadata:\n  title: a\n---\nmetadata:\n  title: b\n", "faq.yml");
  ASSERT_TRUE(d->front_matter().find("title"));
  EXPECT_EQ(d->front_matter().find("title")->value, "a");
}

TEST(FrontMatterEvents, YamlMimeMetadataThroughAnAliasOrAQuotedKey) {
  auto a = parse("### YamlMime:FAQ\nbase: &m\n  title: x\nmetadata: *m\n", "faq.yml");
  ASSERT_TRUE(a->front_matter().present);
  ASSERT_TRUE(a->front_matter().find("title"));
  EXPECT_EQ(a->position(a->front_matter().find("title")->key_span.begin), (Position{3, 3}));
  auto q = parse("### YamlMime:FAQ\n\"metadata\":\n  k: v\n", "faq.yml");
  ASSERT_TRUE(q->front_matter().find("k"));
  // The first `metadata` key wins, even when it is not a mapping.
  auto dup = parse("### YamlMime:FAQ\nmetadata: 1\nmetadata:\n  a: b\n", "faq.yml");
  EXPECT_TRUE(dup->front_matter().present);
  EXPECT_FALSE(dup->front_matter().is_mapping);
}

TEST(FrontMatterEvents, ValuesStayTheStringsWrittenAsInYaml12CoreSchema) {
  // YAML 1.1 reads `no`, `on`, `yes` as booleans and 012 as octal; loclint resolves no type, so
  // every value is the text written, as YAML 1.2's core schema reads `no`.
  auto d = front("robots: no\non: yes\nms.date: 2020-08-18\nid: 012\nratio: 1_000\nempty: ''\nnothing: Null\n");
  const auto& fm = d->front_matter();
  ASSERT_FALSE(fm.error);
  ASSERT_EQ(fm.entries.size(), 7u);
  EXPECT_EQ(fm.find("robots")->value, "no");
  EXPECT_EQ(fm.find("on")->value, "yes");
  EXPECT_EQ(fm.find("ms.date")->value, "2020-08-18");
  EXPECT_EQ(fm.find("id")->value, "012");
  EXPECT_EQ(fm.find("ratio")->value, "1_000");
  EXPECT_FALSE(fm.find("empty")->is_null);
  EXPECT_TRUE(fm.find("nothing")->is_null);
}

TEST(FrontMatterEvents, ErrorColumnIsInBytesAfterNonAsciiText) {
  // libyaml's column counts code points: "Café ünï" is 8 code points and 11 bytes.
  const std::string text = "---\ntitle: Café ünï: x\n---\n# H\n";
  auto d = parse(text);
  ASSERT_TRUE(d->front_matter().error);
  EXPECT_EQ(d->front_matter().error->offset, text.find("ï: x") + 2);
}

TEST(FrontMatterEvents, ErrorPositionWithCrlfLineEnds) {
  const std::string text = "---\r\ntitle: ok\r\ndescription: a: b\r\n---\r\n# H\r\n";
  auto d = parse(text);
  ASSERT_TRUE(d->front_matter().error);
  EXPECT_EQ(d->front_matter().error->offset, text.find("a: b") + 1);
}

TEST(FrontMatterEvents, ControlCharactersAreTextAsYamlCppReadThem) {
  // libyaml refuses the block for one of them; loclint reads them as '?' (their own rules report
  // them) and every key keeps its place.
  const std::string text = "---\ntitle: é ok\ndescription: bad\x01" "byte\x7F and \xC2\x92 quote\nms.date: 01/01/2020\n---\n# H\n";
  auto d = parse(text);
  ASSERT_FALSE(d->front_matter().error) << d->front_matter().error->message;
  EXPECT_EQ(d->front_matter().find("description")->value, "bad?byte? and ?? quote");
  EXPECT_EQ(d->front_matter().find("ms.date")->key_span.begin, text.find("ms.date"));
}

TEST(FrontMatterEvents, LineAndParagraphSeparatorsStayText) {
  // YAML 1.1 (libyaml) breaks lines at U+2028 and U+2029; the file's lines do not, and a title
  // pasted from a word processor holds them.
  const std::string ls = "\xE2\x80\xA8";
  const std::string text = "---\ntitle: \"a" + ls + "b\"\nplain: c" + ls + "d\nkey: v\n---\n# H\n";
  auto d = parse(text);
  ASSERT_FALSE(d->front_matter().error) << d->front_matter().error->message;
  EXPECT_EQ(d->front_matter().find("title")->value, "a" + ls + "b");
  EXPECT_EQ(d->front_matter().find("plain")->value, "c" + ls + "d");
  EXPECT_EQ(d->front_matter().find("key")->key_span.begin, text.find("key:"));
}

TEST(FrontMatterEvents, InvalidUtf8IsLeftToItsOwnRule) {
  // loclint/invalid-utf8 reports the byte; the front matter still parses, one defect one finding.
  auto d = front("title: Caf\xE9\ndescription: ok\n");
  ASSERT_FALSE(d->front_matter().error);
  EXPECT_EQ(d->front_matter().find("title")->value, "Caf?");
  EXPECT_EQ(d->front_matter().find("description")->value, "ok");
}

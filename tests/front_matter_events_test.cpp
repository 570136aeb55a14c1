// Front matter is read from yaml-cpp's parser events into a compact tree instead of through
// YAML::Load. These are the YAML shapes where a node graph and an event stream could disagree:
// the model must keep seeing exactly what YAML::Load produced.
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
  // YAML::Load resolves an alias to the anchored node itself, so the value's mark is the anchor's.
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

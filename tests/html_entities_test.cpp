// html_entities: character references decoded as the HTML specification defines them, through
// gumbo. The whole named table is compared with Python's copy of the WHATWG list when python3
// is there; the numeric rules are spelled out here from the specification.
#include "loclint/html_entities.h"

#include <gtest/gtest.h>

#include <sstream>

#include "loclint/text.h"
#include "process_util.h"

using namespace loclint;
using namespace loclint::testing;

namespace {

TEST(CharacterReference, NamedReferences) {
  EXPECT_EQ(decode_character_reference("&eacute;"), "é");
  EXPECT_EQ(decode_character_reference("&amp;"), "&");
  EXPECT_EQ(decode_character_reference("&nbsp;"), "\u00A0");
  EXPECT_EQ(decode_character_reference("&AElig;"), "Æ");           // first of the list
  EXPECT_EQ(decode_character_reference("&zwnj;"), "\u200C");        // last of the list
  EXPECT_EQ(decode_character_reference("&Afr;"), "\U0001D504");     // outside the BMP
  EXPECT_EQ(decode_character_reference("&NotEqualTilde;"), "\u2242\u0338");  // two code points
  EXPECT_EQ(decode_character_reference("&ThickSpace;"), "\u205F\u200A");
  EXPECT_EQ(decode_character_reference("&rarr;"), "→");
  // Names are case-sensitive, and a name the list does not have is text.
  EXPECT_EQ(decode_character_reference("&Eacute;"), "É");
  EXPECT_EQ(decode_character_reference("&EACUTE;"), "&EACUTE;");
  EXPECT_EQ(decode_character_reference("&bogus;"), "&bogus;");
  // A legacy name that only begins the reference: HTML text would read `&eacute` + "e;", but a
  // CommonMark reference is whole or nothing. `&semi;` is the one reference that decodes to ';'.
  EXPECT_EQ(decode_character_reference("&eacutee;"), "&eacutee;");
  EXPECT_EQ(decode_character_reference("&ampx;"), "&ampx;");
  EXPECT_EQ(decode_character_reference("&#233x;"), "&#233x;");
  EXPECT_EQ(decode_character_reference("&semi;"), ";");
}

TEST(CharacterReference, NumericReferences) {
  EXPECT_EQ(decode_character_reference("&#233;"), "é");
  EXPECT_EQ(decode_character_reference("&#xE9;"), "é");
  EXPECT_EQ(decode_character_reference("&#XE9;"), "é");
  EXPECT_EQ(decode_character_reference("&#0000233;"), "é");
  EXPECT_EQ(decode_character_reference("&#x1F600;"), "\U0001F600");
  // 0, surrogates and numbers past U+10FFFF: U+FFFD.
  EXPECT_EQ(decode_character_reference("&#0;"), "\uFFFD");
  EXPECT_EQ(decode_character_reference("&#xD800;"), "\uFFFD");
  EXPECT_EQ(decode_character_reference("&#xDFFF;"), "\uFFFD");
  EXPECT_EQ(decode_character_reference("&#x110000;"), "\uFFFD");
  EXPECT_EQ(decode_character_reference("&#99999999999;"), "\uFFFD");
  // Noncharacters and C0 controls are parse errors that keep their code point.
  EXPECT_EQ(decode_character_reference("&#xFFFE;"), "\uFFFE");
  EXPECT_EQ(decode_character_reference("&#1;"), "\x01");
  // 0x80-0x9F are read as Windows-1252, except the five it leaves undefined.
  const char32_t kC1[32] = {0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                            0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,   0x017D, 0x8F,
                            0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                            0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
  for (unsigned i = 0; i < 32; ++i) {
    std::string want;
    utf8::append(want, kC1[i]);
    EXPECT_EQ(decode_character_reference("&#" + std::to_string(0x80 + i) + ";"), want) << 0x80 + i;
  }
  // Not references at all.
  EXPECT_EQ(decode_character_reference("&#;"), "&#;");
  EXPECT_EQ(decode_character_reference("&#x;"), "&#x;");
  EXPECT_EQ(decode_character_reference("&<b>;"), "&<b>;");
  EXPECT_EQ(decode_character_reference("plain"), "plain");
}

TEST(AttributeValue, DecodesWithTheAttributeRules) {
  EXPECT_EQ(decode_attribute_value("caf&eacute;.md"), "café.md");
  EXPECT_EQ(decode_attribute_value("caf&#233;.md"), "café.md");
  EXPECT_EQ(decode_attribute_value("a&#32;b.md"), "a b.md");
  EXPECT_EQ(decode_attribute_value("page.md?a=1&amp;b=2"), "page.md?a=1&b=2");
  // A legacy name without ';' is decoded, but not before '=' or an alphanumeric: query strings.
  EXPECT_EQ(decode_attribute_value("x&copy y"), "x\u00A9 y");
  EXPECT_EQ(decode_attribute_value("?a=1&copy=2"), "?a=1&copy=2");
  EXPECT_EQ(decode_attribute_value("?a=1&notit=2"), "?a=1&notit=2");
  EXPECT_EQ(decode_attribute_value("say \"hi\" &amp; go"), "say \"hi\" & go");
  EXPECT_EQ(decode_attribute_value("it's &amp; go"), "it's & go");
  EXPECT_EQ(decode_attribute_value("no references"), "no references");
  EXPECT_EQ(decode_attribute_value(""), "");
}

// Every name of the WHATWG list (https://html.spec.whatwg.org/entities.json), as Python's
// html.entities.html5 carries it: 2,231 entries, 106 of them legacy names without ';'.
TEST(CharacterReference, EveryNamedReferenceOfTheSpecification) {
  if (!have_command("python3")) GTEST_SKIP() << "python3 is not installed: the whole table is not compared";
  ScratchDir dir;
  write_file(dir / "table.py",
             "import html.entities\n"
             "for name, text in html.entities.html5.items():\n"
             "    if name.endswith(';'): print('&' + name + '\\t' + text.encode('utf-8').hex())\n"
             "print('count\\t%d' % len(html.entities.html5))\n");
  Result r = run("python3 table.py", dir.path());
  ASSERT_EQ(r.exit, 0) << r.err;
  std::istringstream in(r.out);
  size_t with_semicolon = 0, wrong = 0;
  for (std::string line; std::getline(in, line);) {
    const size_t tab = line.find('\t');
    std::string name = line.substr(0, tab), hex = line.substr(tab + 1);
    if (name == "count") {
      EXPECT_EQ(hex, "2231");
      continue;
    }
    std::string want;
    for (size_t i = 0; i + 1 < hex.size(); i += 2) want += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
    ++with_semicolon;
    if (decode_character_reference(name) != want && ++wrong <= 10) ADD_FAILURE() << name;
  }
  EXPECT_EQ(with_semicolon, 2125u);
  EXPECT_EQ(wrong, 0u);
}

}  // namespace

// loclint/text.h: percent_decode (uriparser underneath), which link targets and the language
// server's file URIs go through; excerpt, the one quoting helper of messages; to_lower.
#include "loclint/text.h"

#include <gtest/gtest.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <string>

using loclint::excerpt;
using loclint::ExcerptStyle;
using loclint::percent_decode;
using loclint::to_lower;
namespace utf8 = loclint::utf8;

TEST(PercentDecode, DecodesEscapesOfEitherCase) {
  EXPECT_EQ(percent_decode("a%20b.md"), "a b.md");
  EXPECT_EQ(percent_decode("%4a%4A"), "JJ");
  EXPECT_EQ(percent_decode("%e2%82%ac"), "\u20ac");
  EXPECT_EQ(percent_decode("a%2Fb"), "a/b");
  EXPECT_EQ(percent_decode("x%41"), "xA");  // an escape that ends the text
  EXPECT_EQ(percent_decode(""), "");
}

// What the decoder before uriparser did, kept: link destinations in real trees hold stray `%`.
TEST(PercentDecode, KeepsMalformedEscapesAsWritten) {
  EXPECT_EQ(percent_decode("%zz"), "%zz");
  EXPECT_EQ(percent_decode("%"), "%");
  EXPECT_EQ(percent_decode("100%"), "100%");
  EXPECT_EQ(percent_decode("%2"), "%2");
  EXPECT_EQ(percent_decode("%g1%1g"), "%g1%1g");
  EXPECT_EQ(percent_decode("%%41"), "%A");
  EXPECT_EQ(percent_decode("%41%"), "A%");
  EXPECT_EQ(percent_decode("a+b"), "a+b");  // not form encoding
  EXPECT_EQ(percent_decode("%0d%0a"), "\r\n");  // no line-break conversion
}

TEST(PercentDecode, NulBytesPassThrough) {
  using namespace std::string_literals;
  EXPECT_EQ(percent_decode("%00x"), "\0x"s);
  EXPECT_EQ(percent_decode("a\0%41"s), "a\0A"s);
  EXPECT_EQ(percent_decode("%\0%4"s), "%\0%4"s);
}

// Prose (every family's default): line breaks and tabs fold to one space, none at either end.
TEST(MessageExcerpt, ProseFoldsLinesAndTruncatesByCodePoint) {
  EXPECT_EQ(excerpt("a\r\nb"), "a b");
  EXPECT_EQ(excerpt("\nabc\t"), "abc");
  EXPECT_EQ(excerpt("a\n\n\tb"), "a b");
  EXPECT_EQ(excerpt("éééé", 2), "éé…");
  EXPECT_EQ(excerpt("abc", 3), "abc");
  EXPECT_EQ(excerpt("abc\n\n", 3), "abc");  // trailing white space is no more text: no ellipsis
}

// Verbatim (the pair family: code lines, front-matter values): white space is kept and every
// control character escaped, so a tab that differs from the source's spaces shows.
TEST(MessageExcerpt, VerbatimEscapesControlsAndKeepsWhiteSpace) {
  EXPECT_EQ(excerpt("\tx = 1", 80, ExcerptStyle::Verbatim), "\\tx = 1");
  EXPECT_EQ(excerpt("a\r\nb", 80, ExcerptStyle::Verbatim), "a\\r\\nb");
  EXPECT_EQ(excerpt("  a  ", 80, ExcerptStyle::Verbatim), "  a  ");
  EXPECT_EQ(excerpt("x\u202Ey", 80, ExcerptStyle::Verbatim), "x\\u202ey");
  EXPECT_EQ(excerpt("\x1b[31m", 80, ExcerptStyle::Verbatim), "\\x1b[31m");
}

TEST(MessageExcerpt, VerbatimCutsByCodePointBeforeEscaping) {
  EXPECT_EQ(excerpt("éééé", 2, ExcerptStyle::Verbatim), "éé…");
  EXPECT_EQ(excerpt("abc", 3, ExcerptStyle::Verbatim), "abc");
  // The tab is one code point of the two kept, written as two characters.
  EXPECT_EQ(excerpt("\tab", 2, ExcerptStyle::Verbatim), "\\ta…");
  EXPECT_EQ(excerpt("ab\n", 2, ExcerptStyle::Verbatim), "ab…");  // a cut line break is still text cut
  EXPECT_EQ(excerpt("", 0, ExcerptStyle::Verbatim), "");
}

// to_lower() maps code point by code point where that is what ICU's full case mapping in the root
// locale does, and leaves the rest to ICU: the same string for every code point, between letters
// and alone, and for the two that take ICU's route (U+0130, and U+03A3 as final sigma).
TEST(Text, ToLowerIsIcuFullCaseMappingForEveryCodePoint) {
  auto icu_lower = [](const std::string& s) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
    u.toLower(icu::Locale::getRoot());
    std::string out;
    u.toUTF8String(out);
    return out;
  };
  size_t checked = 0;
  for (char32_t cp = 0x80; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    std::string one;
    utf8::append(one, cp);
    const std::string between = "A" + one + "Z";
    ASSERT_EQ(to_lower(between), icu_lower(between)) << std::hex << static_cast<uint32_t>(cp);
    ASSERT_EQ(to_lower(one), icu_lower(one)) << std::hex << static_cast<uint32_t>(cp);
    ++checked;
  }
  EXPECT_EQ(checked, 0x10FFFFu - 0x7Fu - 0x800u);
  EXPECT_EQ(to_lower("\u039F\u0394\u039F\u03A3 \u03A3\u039F\u03A6\u0399\u0391"), "\u03BF\u03B4\u03BF\u03C2 \u03C3\u03BF\u03C6\u03B9\u03B1");
  EXPECT_EQ(to_lower("\u0130stanbul"), "i\u0307stanbul");
  EXPECT_EQ(to_lower("\xC3\x89t\xE9 \xFF"), icu_lower("\xC3\x89t\xE9 \xFF"));  // ill-formed: ICU's U+FFFD
}

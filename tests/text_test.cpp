// loclint/text.h: percent_decode (uriparser underneath), which link targets and the language
// server's file URIs go through.
#include "loclint/text.h"

#include <gtest/gtest.h>

#include <string>

using loclint::percent_decode;

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

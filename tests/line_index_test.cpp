// The line index and the UTF-8 / ICU text helpers.
#include <gtest/gtest.h>

#include "loclint/text.h"

using namespace loclint;

TEST(LineIndex, LfCrlfAndCrEndLines) {
  std::string t = "a\nbb\r\nccc\rd";
  LineIndex li(t);
  ASSERT_EQ(li.line_count(), 4u);
  EXPECT_EQ(li.position(0), (Position{1, 1}));
  EXPECT_EQ(li.position(2), (Position{2, 1}));
  EXPECT_EQ(li.position(3), (Position{2, 2}));
  EXPECT_EQ(li.position(6), (Position{3, 1}));
  EXPECT_EQ(li.position(10), (Position{4, 1}));
  // A line's span never includes its line ending: no '\r' leaks.
  EXPECT_EQ(li.line_span(2), (Span{2, 4}));
  EXPECT_EQ(li.line_span(3), (Span{6, 9}));
  EXPECT_EQ(li.line_of(5), 2u);  // the '\n' of "\r\n" belongs to line 2
}

TEST(LineIndex, CrlfDoesNotShiftColumns) {
  std::string lf = "x\nabc def\n";
  std::string crlf = "x\r\nabc def\r\n";
  LineIndex a(lf), b(crlf);
  EXPECT_EQ(a.position(static_cast<uint32_t>(lf.find("def"))), b.position(static_cast<uint32_t>(crlf.find("def"))));
}

TEST(LineIndex, BomIsZeroWidth) {
  std::string t = "\xEF\xBB\xBF---\nx";
  LineIndex li(t);
  EXPECT_EQ(li.position(3), (Position{1, 1}));
  EXPECT_EQ(li.position(0), (Position{1, 1}));  // inside the BOM clamps to the first column
  EXPECT_EQ(li.position(4), (Position{1, 2}));
  EXPECT_EQ(li.line_start(1), 3u);
}

TEST(LineIndex, ColumnsInCodePointsUtf16AndBytes) {
  // "é" is 2 bytes / 1 UTF-16 unit, "日" 3 bytes / 1 unit, "😀" 4 bytes / 2 units.
  std::string t = "é日😀x";
  LineIndex li(t);
  uint32_t x = static_cast<uint32_t>(t.find('x'));
  EXPECT_EQ(li.position(x, ColumnUnit::CodePoint).column, 4u);
  EXPECT_EQ(li.position(x, ColumnUnit::Utf16).column, 5u);
  EXPECT_EQ(li.position(x, ColumnUnit::Byte).column, 10u);
}

TEST(LineIndex, InvalidBytesCountOneColumnEach) {
  std::string t = "a\xff\xfe" "b";
  LineIndex li(t);
  EXPECT_EQ(li.position(3).column, 4u);
}

TEST(LineIndex, OffsetPastEndIsClamped) {
  std::string t = "ab\n";
  LineIndex li(t);
  EXPECT_EQ(li.position(100), (Position{2, 1}));
  LineIndex empty{std::string_view()};
  EXPECT_EQ(empty.position(0), (Position{1, 1}));
  EXPECT_EQ(empty.line_count(), 1u);
}

TEST(Utf8, FindsInvalidSequences) {
  EXPECT_EQ(utf8::first_invalid("plain ascii"), std::string_view::npos);
  EXPECT_EQ(utf8::first_invalid("café 日本 😀"), std::string_view::npos);
  EXPECT_EQ(utf8::first_invalid("ab\xC0\xAF"), 2u);          // overlong '/'
  EXPECT_EQ(utf8::first_invalid("ab\xED\xA0\x80"), 2u);      // UTF-16 surrogate
  EXPECT_EQ(utf8::first_invalid("abc\xE6\x97"), 3u);         // truncated
  EXPECT_EQ(utf8::first_invalid("\xF4\x90\x80\x80"), 0u);    // above U+10FFFF
  EXPECT_EQ(utf8::first_invalid("caf\xE9"), 3u);             // Windows-1252
  EXPECT_EQ(utf8::length("é日😀"), 3u);
}

TEST(Text, EscapesControlCharacters) {
  EXPECT_EQ(escape_controls("a\nb\tc"), "a\\nb\\tc");
  EXPECT_EQ(escape_controls("\x1b[31mred"), "\\x1b[31mred");
  EXPECT_EQ(escape_controls("abc\xE2\x80\xAE" "cba"), "abc\\u202ecba");  // right-to-left override
  EXPECT_EQ(escape_controls("\xC2\x9B" "2J"), "\\u009b2J");               // C1 CSI
  EXPECT_EQ(escape_controls("é日😀"), "é日😀");
  EXPECT_EQ(escape_controls("bad\xff"), "bad\\ufffd");
}

TEST(Text, NormalizationAndCaseWithIcu) {
  EXPECT_EQ(nfkc("Set－MsolUser　＄true"), "Set-MsolUser $true");
  EXPECT_EQ(nfc("e\xCC\x81"), "é");
  EXPECT_EQ(to_lower("ПРИВЕТ World"), "привет world");
  EXPECT_EQ(std::string(trim("\xC2\xA0 text \n")), "text");
  EXPECT_TRUE(is_blank(" \t\xE3\x80\x80"));
}

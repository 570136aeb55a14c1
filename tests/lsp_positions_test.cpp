// LSP positions in UTF-16, UTF-8 and UTF-32 against byte offsets, and incremental changes.
#include "../linter/lsp/positions.h"

#include <gtest/gtest.h>

using namespace loclint::lsp;

namespace {

// "한 مر😀x": Hangul (3 bytes, 1 unit), space, two Arabic letters (2 bytes each), an emoji
// (4 bytes, a surrogate pair), then 'x'.
const std::string kLine = "\xED\x95\x9C \xD9\x85\xD8\xB1\xF0\x9F\x98\x80x";

TEST(Positions, OffsetsToPositionsInEachEncoding) {
  const std::string text = "ab\r\n" + kLine + "\rz\n";
  LineMap map(text);
  EXPECT_EQ(map.line_count(), 4u);  // "\r\n" and "\r" both end a line; an empty last line
  const uint32_t x = 4 + 3 + 1 + 4 + 4;  // the 'x'
  EXPECT_EQ(map.position(x, Encoding::Utf16), (LspPosition{1, 6}));
  EXPECT_EQ(map.position(x, Encoding::Utf8), (LspPosition{1, 12}));
  EXPECT_EQ(map.position(x, Encoding::Utf32), (LspPosition{1, 5}));
  EXPECT_EQ(map.position(x + 2, Encoding::Utf16), (LspPosition{2, 0}));  // after "\r": the next line
  // An offset inside the emoji maps to its start.
  EXPECT_EQ(map.position(x - 2, Encoding::Utf16), (LspPosition{1, 4}));
  EXPECT_EQ(map.position(100000, Encoding::Utf16), (LspPosition{3, 0}));  // clamped to the end
}

TEST(Positions, PositionsToOffsetsClampAsLspSays) {
  const std::string text = "ab\r\n" + kLine + "\rz\n";
  LineMap map(text);
  EXPECT_EQ(map.offset({1, 6}, Encoding::Utf16), 16u);
  EXPECT_EQ(map.offset({1, 12}, Encoding::Utf8), 16u);
  EXPECT_EQ(map.offset({1, 5}, Encoding::Utf32), 16u);
  EXPECT_EQ(map.offset({1, 5}, Encoding::Utf16), 12u);   // inside the surrogate pair: its start
  EXPECT_EQ(map.offset({0, 99}, Encoding::Utf16), 2u);   // past the line's end: before "\r\n"
  EXPECT_EQ(map.offset({9, 0}, Encoding::Utf16), static_cast<uint32_t>(text.size()));
}

TEST(Positions, IncrementalChangesInUtf16) {
  std::string text = kLine + "\nsecond\n";
  apply_change(text, {{0, 5}, {0, 5}}, "é", Encoding::Utf16);  // between the emoji's halves: before it
  EXPECT_EQ(text, "\xED\x95\x9C \xD9\x85\xD8\xB1" "é\xF0\x9F\x98\x80x\nsecond\n");
  apply_change(text, {{0, 1}, {1, 3}}, "", Encoding::Utf16);  // across a line ending
  EXPECT_EQ(text, "\xED\x95\x9C" "ond\n");
}

}  // namespace

// The fast paths of the core (memchr line index, word-at-a-time UTF-8 validation) must agree
// with the plain definitions they replace on every input, valid or not.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "loclint/text.h"
#include "loclint/workspace.h"

using namespace loclint;

namespace {

// The definition: ICU's rules applied one sequence at a time.
size_t reference_first_invalid(std::string_view t) {
  for (size_t i = 0; i < t.size();) {
    int len = utf8::sequence_length(t, i);
    if (len == 0) return i;
    i += static_cast<size_t>(len);
  }
  return std::string_view::npos;
}

std::vector<uint32_t> reference_line_starts(std::string_view t) {
  std::vector<uint32_t> starts{t.substr(0, 3) == "\xEF\xBB\xBF" ? 3u : 0u};
  for (size_t i = starts[0]; i < t.size(); ++i) {
    if (t[i] == '\n') starts.push_back(static_cast<uint32_t>(i + 1));
    if (t[i] == '\r') {
      if (i + 1 < t.size() && t[i + 1] == '\n') ++i;
      starts.push_back(static_cast<uint32_t>(i + 1));
    }
  }
  return starts;
}

// Random text biased towards what matters: ASCII runs, line ends, lead and continuation bytes.
std::string random_text(std::mt19937& rng, size_t max_len) {
  static const unsigned char pool[] = {'a', ' ', '\n', '\r', 0x80, 0xBF, 0xA0, 0x9F, 0xC0, 0xC2, 0xDF, 0xE0,
                                       0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0xBB};
  std::uniform_int_distribution<size_t> len(0, max_len), pick(0, sizeof pool - 1), run(0, 20);
  std::string s;
  size_t n = len(rng);
  while (s.size() < n) {
    if (run(rng) < 8) s.append(run(rng), 'x');  // an ASCII run, to exercise the 8-byte steps
    s += static_cast<char>(pool[pick(rng)]);
  }
  return s;
}

}  // namespace

TEST(FastPaths, FirstInvalidAgreesWithSequenceLength) {
  std::mt19937 rng(7);
  for (int i = 0; i < 20000; ++i) {
    std::string s = random_text(rng, 40);
    ASSERT_EQ(utf8::first_invalid(s), reference_first_invalid(s)) << testing::PrintToString(s);
  }
  // Every valid and invalid 2- and 3-byte shape, at every alignment against the 8-byte steps.
  for (unsigned a = 0x80; a < 0x100; ++a)
    for (unsigned b = 0x70; b < 0xC8; ++b)
      for (unsigned c : {0x41u, 0x80u, 0xBFu, 0xC0u})
        for (size_t pad = 0; pad < 9; ++pad) {
          std::string s(pad, 'x');
          s += static_cast<char>(a);
          s += static_cast<char>(b);
          s += static_cast<char>(c);
          ASSERT_EQ(utf8::first_invalid(s), reference_first_invalid(s)) << a << " " << b << " " << c;
        }
}

TEST(FastPaths, LineIndexAgreesWithByteLoop) {
  std::mt19937 rng(11);
  for (int i = 0; i < 5000; ++i) {
    std::string s = random_text(rng, 60);
    if (i % 3 == 0) s = "\xEF\xBB\xBF" + s;
    LineIndex li(s);
    std::vector<uint32_t> want = reference_line_starts(s);
    ASSERT_EQ(li.line_count(), want.size()) << testing::PrintToString(s);
    for (uint32_t l = 1; l <= want.size(); ++l) ASSERT_EQ(li.line_start(l), want[l - 1]);
  }
}

// absolute_normal's string normalization against std::filesystem's lexically_normal, on paths
// built from the pieces that matter: names, `.`, `..`, doubled and trailing separators.
TEST(FastPaths, NormalAbsoluteAgreesWithLexicallyNormal) {
  static const char* const pieces[] = {"a", "bc", ".", "..", "", "...", ".a", "a."};
  std::mt19937 rng(20);
  std::uniform_int_distribution<size_t> count(0, 7), pick(0, std::size(pieces) - 1), coin(0, 3);
  for (int round = 0; round < 50000; ++round) {
    std::string path = "/";
    const size_t n = count(rng);
    for (size_t k = 0; k < n; ++k) {
      path += pieces[pick(rng)];
      if (k + 1 < n || coin(rng) == 0) path += coin(rng) == 0 ? "//" : "/";
    }
    if (!path.starts_with("//"))
      ASSERT_EQ(normal_absolute(path), std::filesystem::path(path).lexically_normal().string()) << "path: " << path;
    // And absolute_normal as a whole, `//` at the start included (left to lexically_normal).
    ASSERT_EQ(absolute_normal(path).string(), std::filesystem::path(path).lexically_normal().string()) << "path: " << path;
    // A relative path, joined to the working folder.
    if (const std::string relative = path.substr(1); !relative.empty())
      ASSERT_EQ(absolute_normal(relative).string(), std::filesystem::absolute(relative).lexically_normal().string()) << "path: " << relative;
  }
  EXPECT_EQ(normal_absolute("/a/b/.."), "/a/");
  EXPECT_EQ(normal_absolute("/../a/./b//c/"), "/a/b/c/");
  EXPECT_EQ(normal_absolute("/"), "/");
}

// loclint/read_file.h: the one file reader, whole or the first `limit` bytes.
#include "loclint/read_file.h"

#include <gtest/gtest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using loclint::kMaxFileSize;
using loclint::read_file;

namespace {

class ReadFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("loclint-read-file-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
    return (dir_ / name).string();
  }
  fs::path dir_;
  std::string out, error;
  bool too_large = true;
};

TEST_F(ReadFile, WholeFile) {
  ASSERT_TRUE(read_file(write("a.md", "# A\n\ntext\n"), out, error, too_large));
  EXPECT_EQ(out, "# A\n\ntext\n");
  EXPECT_FALSE(too_large);
  ASSERT_TRUE(read_file(write("empty.md", ""), out, error, too_large));
  EXPECT_EQ(out, "");
}

TEST_F(ReadFile, LimitReadsThePrefixOnly) {
  const std::string path = write("a.md", "0123456789");
  ASSERT_TRUE(read_file(path, out, error, too_large, 4));
  EXPECT_EQ(out, "0123");
  ASSERT_TRUE(read_file(path, out, error, too_large, 100));
  EXPECT_EQ(out, "0123456789");
  ASSERT_TRUE(read_file(path, out, error, too_large, 0));
  EXPECT_EQ(out, "");
}

// A size of 0 from fstat (a /proc file) is probed, with or without a limit.
TEST_F(ReadFile, ProcFilesAreProbed) {
  ASSERT_TRUE(read_file("/proc/self/status", out, error, too_large));
  EXPECT_NE(out.find("Name:"), std::string::npos);
  ASSERT_TRUE(read_file("/proc/self/status", out, error, too_large, 5));
  EXPECT_EQ(out, "Name:");
}

TEST_F(ReadFile, OversizedFileIsTooLargeUnlessLimited) {
  const fs::path big = dir_ / "big.md";
  std::ofstream(big).put('x');
  fs::resize_file(big, kMaxFileSize + 1);  // sparse: no disk used
  EXPECT_FALSE(read_file(big.string(), out, error, too_large));
  EXPECT_TRUE(too_large);
  ASSERT_TRUE(read_file(big.string(), out, error, too_large, 3));
  EXPECT_FALSE(too_large);
  EXPECT_EQ(out, std::string("x\0\0", 3));
}

TEST_F(ReadFile, ErrorsAreReported) {
  EXPECT_FALSE(read_file((dir_ / "missing.md").string(), out, error, too_large));
  EXPECT_EQ(error, "No such file or directory");
  EXPECT_FALSE(too_large);
  EXPECT_FALSE(read_file(dir_.string(), out, error, too_large, 10));
  EXPECT_EQ(error, "is a directory");
}

// A FIFO without a writer is opened without blocking and reads as empty.
TEST_F(ReadFile, FifoWithoutWriterReadsEmpty) {
  const fs::path fifo = dir_ / "fifo.md";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  ASSERT_TRUE(read_file(fifo.string(), out, error, too_large));
  EXPECT_EQ(out, "");
  ASSERT_TRUE(read_file(fifo.string(), out, error, too_large, 16));
  EXPECT_EQ(out, "");
}

// A FIFO that a writer holds open would block a read until the writer writes: read on behalf
// of another file (the census), it is refused before any read.
TEST_F(ReadFile, RegularOnlyRefusesAFifoHeldOpen) {
  const fs::path fifo = dir_ / "held.md";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const int writer = ::open(fifo.c_str(), O_RDWR | O_NONBLOCK);  // a writer that never writes
  ASSERT_GE(writer, 0);
  EXPECT_FALSE(read_file(fifo.string(), out, error, too_large, 16, /*regular_only=*/true));
  EXPECT_EQ(error, "not a regular file");
  ::close(writer);
  const fs::path file = dir_ / "a.md";
  std::ofstream(file) << "---\ntitle: A\n---\n";
  ASSERT_TRUE(read_file(file.string(), out, error, too_large, 64, /*regular_only=*/true));
  EXPECT_EQ(out, "---\ntitle: A\n---\n");
}

}  // namespace

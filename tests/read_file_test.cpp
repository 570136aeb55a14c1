// loclint/read_file.h: the one file reader, whole or the first `limit` bytes, and read_whole_file
// for the files that configure a run (whole or not at all).
#include "loclint/read_file.h"

#include <gtest/gtest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

namespace fs = std::filesystem;
using loclint::kMaxFileSize;
using loclint::read_file;
using loclint::read_whole_file;

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
  EXPECT_EQ(error, "not a regular file (a FIFO)");
  ::close(writer);
  const fs::path file = dir_ / "a.md";
  std::ofstream(file) << "---\ntitle: A\n---\n";
  ASSERT_TRUE(read_file(file.string(), out, error, too_large, 64, /*regular_only=*/true));
  EXPECT_EQ(out, "---\ntitle: A\n---\n");
}

// ---- read_whole_file: a configuration file, a baseline, --dump, --files-from ------------------

TEST_F(ReadFile, WholeFileAtTheLimitIsReadAndOneByteMoreIsRefused) {
  const std::string at = write("at.yaml", std::string(1024, 'x'));
  std::optional<std::string> got = read_whole_file(at, 1024, true, error);
  ASSERT_TRUE(got) << error;
  EXPECT_EQ(got->size(), 1024u);
  const std::string over = write("over.yaml", std::string(1025, 'x'));
  EXPECT_FALSE(read_whole_file(over, 1024, true, error));
  EXPECT_EQ(error, "larger than 1 KiB (1024 bytes)");
  EXPECT_FALSE(read_whole_file(over, 1000, false, error));
  EXPECT_EQ(error, "larger than 1000 bytes");
  const std::string big = write("big.yaml", std::string((1u << 20) + 1, 'x'));
  EXPECT_FALSE(read_whole_file(big, loclint::kMaxConfigFileSize, true, error));
  EXPECT_EQ(error, "larger than 1 MiB (1048576 bytes)");
}

// At kMaxFileSize itself, read_file's own limit decides (sparse: nothing is written or read).
TEST_F(ReadFile, WholeFileOverTheLargestLimitIsRefused) {
  const fs::path big = dir_ / "big.md";
  std::ofstream(big).close();
  fs::resize_file(big, kMaxFileSize + 1);
  EXPECT_FALSE(read_whole_file(big.string(), kMaxFileSize + 100, false, error));
  EXPECT_EQ(error, "larger than 256 MiB (268435456 bytes)");
}

TEST_F(ReadFile, WholeFileSaysWhyItCannotRead) {
  EXPECT_FALSE(read_whole_file((dir_ / "missing.yaml").string(), 1024, true, error));
  EXPECT_EQ(error, "No such file or directory");
  EXPECT_FALSE(read_whole_file(dir_.string(), 1024, false, error));
  EXPECT_EQ(error, "is a directory");
  EXPECT_FALSE(read_whole_file(dir_.string(), 1024, true, error));
  EXPECT_EQ(error, "is a directory");
  EXPECT_FALSE(read_whole_file("/dev/null", 1024, true, error));
  EXPECT_EQ(error, "not a regular file (a character device)");
  const fs::path fifo = dir_ / "fifo.yaml";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_FALSE(read_whole_file(fifo.string(), 1024, true, error));
  EXPECT_EQ(error, "not a regular file (a FIFO)");
}

// Without regular_only a FIFO is read to its writer's end, as `--files-from <(command)` gives it.
TEST_F(ReadFile, WholeFileReadsAFifoToItsWritersEnd) {
  const fs::path fifo = dir_ / "list";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const int writer = ::open(fifo.c_str(), O_RDWR | O_NONBLOCK);  // holds the FIFO open, as a writer does
  ASSERT_GE(writer, 0);
  ASSERT_EQ(::write(writer, "a.md\nb.md\n", 10), 10);
  std::thread closer([writer] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    ::close(writer);
  });
  std::optional<std::string> got = read_whole_file(fifo.string(), 1024, false, error);
  closer.join();
  ASSERT_TRUE(got) << error;
  EXPECT_EQ(*got, "a.md\nb.md\n");
}

// A FIFO has no size to refuse it by: one byte past the limit is read, and refused.
TEST_F(ReadFile, WholeFileRefusesAFifoThatGivesMoreThanTheLimit) {
  const fs::path fifo = dir_ / "long";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const int writer = ::open(fifo.c_str(), O_RDWR | O_NONBLOCK);
  ASSERT_GE(writer, 0);
  ASSERT_EQ(::write(writer, "0123456789", 10), 10);
  // The writer stays open: a reader that read on past the limit would block until the watchdog
  // closes it, 30 s later.
  std::mutex m;
  std::condition_variable done;
  bool returned = false, watchdog_fired = false;
  std::thread watchdog([&] {
    std::unique_lock lock(m);
    watchdog_fired = !done.wait_for(lock, std::chrono::seconds(30), [&] { return returned; });
    ::close(writer);
  });
  EXPECT_FALSE(read_whole_file(fifo.string(), 8, false, error));
  {
    std::lock_guard lock(m);
    returned = true;
  }
  done.notify_one();
  watchdog.join();
  EXPECT_FALSE(watchdog_fired) << "the read blocked on the open writer past the limit";
  EXPECT_EQ(error, "larger than 8 bytes");
}

}  // namespace

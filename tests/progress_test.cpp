// ProgressLine: what it writes to its file descriptor, and when.
#include "loclint/progress.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <string>

using namespace loclint;

namespace {

// Everything written to the pipe so far.
std::string drain(int fd) {
  std::string out;
  char buf[4096];
  for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;) out.append(buf, static_cast<size_t>(n));
  return out;
}

struct Pipe {
  Pipe() {
    EXPECT_EQ(::pipe(fd), 0);
    ::fcntl(fd[0], F_SETFL, O_NONBLOCK);
  }
  ~Pipe() {
    ::close(fd[0]);
    ::close(fd[1]);
  }
  int fd[2];
};

TEST(ProgressLine, DrawsAfterTheDelayAtMostEveryTenthOfASecondAndErases) {
  Pipe p;
  {
    ProgressLine line(p.fd[1], std::chrono::milliseconds(0));
    line.update(1, 10);
    line.update(2, 10);  // within 100 ms of the last drawing: not drawn
    EXPECT_EQ(drain(p.fd[0]), "\r\x1b[Kloclint: 1/10 files");
    line.update(5, 10);
    line.update(4, 10);  // a worker that finished earlier reports late: the count never goes back
    line.finish();
    EXPECT_EQ(drain(p.fd[0]), "\r\x1b[K");
    line.finish();  // once is enough
    EXPECT_EQ(drain(p.fd[0]), "");
  }
  EXPECT_EQ(drain(p.fd[0]), "") << "the destructor erases only a line still drawn";
}

TEST(ProgressLine, NothingBeforeTheDelay) {
  Pipe p;
  ProgressLine line(p.fd[1], std::chrono::hours(1));
  for (size_t i = 1; i <= 1000; ++i) line.update(i, 1000);
  line.finish();
  EXPECT_EQ(drain(p.fd[0]), "");
}

TEST(ProgressLine, CountsGoForwardAcrossDrawings) {
  Pipe p;
  ProgressLine line(p.fd[1], std::chrono::milliseconds(0));
  line.update(3, 10);
  ::usleep(120 * 1000);
  line.update(2, 10);
  EXPECT_EQ(drain(p.fd[0]), "\r\x1b[Kloclint: 3/10 files\r\x1b[Kloclint: 3/10 files");
  line.finish();
}

}  // namespace

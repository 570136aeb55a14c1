// The LSP base protocol: Content-Length framing, what a broken header costs, writes.
#include "../linter/lsp/transport.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <thread>

using loclint::lsp::Transport;

namespace {

// A transport reading `input` from a pipe (written by a thread, so large inputs do not block).
struct Piped {
  explicit Piped(std::string input, size_t max_body = Transport::kMaxBody) {
    int in[2], out[2];
    EXPECT_EQ(::pipe(in), 0);
    EXPECT_EQ(::pipe(out), 0);
    read_out = out[0];
    transport = std::make_unique<Transport>(in[0], out[1], max_body);
    write_out = out[1];
    writer = std::thread([fd = in[1], input = std::move(input)] {
      size_t done = 0;
      while (done < input.size()) {
        ssize_t n = ::write(fd, input.data() + done, input.size() - done);
        if (n <= 0) break;
        done += static_cast<size_t>(n);
      }
      ::close(fd);
    });
  }
  ~Piped() {
    writer.join();
    ::close(read_out);
    ::close(write_out);
  }
  std::unique_ptr<Transport> transport;
  std::thread writer;
  int read_out, write_out;
};

std::string frame(const std::string& body) { return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body; }

TEST(Transport, ReadsFramedMessagesWithOptionalHeaders) {
  Piped p(frame("{\"a\":1}") + "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: 7\r\n\r\n{\"b\":2}" +
          frame("{\"c\":\"é\"}"));
  std::string body, error;
  ASSERT_EQ(p.transport->read(body, error), Transport::Read::Message);
  EXPECT_EQ(body, "{\"a\":1}");
  ASSERT_EQ(p.transport->read(body, error), Transport::Read::Message);
  EXPECT_EQ(body, "{\"b\":2}");
  ASSERT_EQ(p.transport->read(body, error), Transport::Read::Message);
  EXPECT_EQ(body, "{\"c\":\"é\"}");  // the length counts bytes, not characters
  EXPECT_EQ(p.transport->read(body, error), Transport::Read::End);
}

TEST(Transport, ABadHeaderCostsOneErrorThenTheNextMessageIsRead) {
  Piped p("Content-Length: 12x\r\n\r\n{\"junk\":true}" + frame("{\"ok\":1}") + "X-Other: 1\r\n\r\n" + frame("{\"ok\":2}") +
          "Content-Length: 5\r\nContent-Length: 6\r\n\r\n12345" + frame("{\"ok\":3}"));
  std::string body, error;
  EXPECT_EQ(p.transport->read(body, error), Transport::Read::BadHeader);
  EXPECT_EQ(error, "Content-Length '12x' is not a number");
  ASSERT_EQ(p.transport->read(body, error), Transport::Read::Message);
  EXPECT_EQ(body, "{\"ok\":1}");
  EXPECT_EQ(p.transport->read(body, error), Transport::Read::BadHeader);
  EXPECT_EQ(error, "no Content-Length field");
  ASSERT_EQ(p.transport->read(body, error), Transport::Read::Message);
  EXPECT_EQ(body, "{\"ok\":2}");
  EXPECT_EQ(p.transport->read(body, error), Transport::Read::BadHeader);
  EXPECT_EQ(error, "two different Content-Length fields");
  ASSERT_EQ(p.transport->read(body, error), Transport::Read::Message);
  EXPECT_EQ(body, "{\"ok\":3}");
}

// The value is quoted as messages quote text (excerpt): cut at 40 code points, never inside one.
TEST(Transport, ANonNumberIsQuotedCutByCodePoint) {
  std::string value;
  for (int i = 0; i < 50; ++i) value += "\u00e9";
  Piped p("Content-Length: " + value + "\r\n\r\n" + frame("{\"ok\":1}"));
  std::string body, error;
  EXPECT_EQ(p.transport->read(body, error), Transport::Read::BadHeader);
  EXPECT_EQ(error, "Content-Length '" + value.substr(0, 80) + "\u2026' is not a number");
  ASSERT_EQ(p.transport->read(body, error), Transport::Read::Message);
  EXPECT_EQ(body, "{\"ok\":1}");
}

TEST(Transport, AnOversizedBodyIsSkippedByItsLength) {
  // A limit of 1 MiB here (the server's is 512 MiB): the body crosses several reads.
  const size_t limit = 1u << 20, size = 3 * limit + 10;
  std::string input = "Content-Length: " + std::to_string(size) + "\r\n\r\n";
  input.append(size, 'x');
  input += frame("{\"after\":1}");
  Piped p(std::move(input), limit);
  std::string body, error;
  EXPECT_EQ(p.transport->read(body, error), Transport::Read::BadHeader);
  EXPECT_NE(error.find("over the limit"), std::string::npos) << error;
  ASSERT_EQ(p.transport->read(body, error), Transport::Read::Message);
  EXPECT_EQ(body, "{\"after\":1}");
}

TEST(Transport, TruncatedInputEnds) {
  Piped p("Content-Length: 100\r\n\r\n{\"short\"");
  std::string body, error;
  EXPECT_EQ(p.transport->read(body, error), Transport::Read::End);
}

TEST(Transport, WritesAFramedMessage) {
  Piped p("");
  p.transport->write("{\"x\":\"ü\"}");
  char buf[128];
  ssize_t n = ::read(p.read_out, buf, sizeof buf);
  ASSERT_GT(n, 0);
  EXPECT_EQ(std::string(buf, static_cast<size_t>(n)), "Content-Length: 10\r\n\r\n{\"x\":\"ü\"}");
}

}  // namespace

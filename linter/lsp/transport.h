// The base protocol of the Language Server Protocol 3.17: each message is a header part
// (`Content-Length: N` and optionally `Content-Type`, each field ending with "\r\n", the part
// ending with an empty line) followed by N bytes of UTF-8 JSON.
// https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#baseProtocol
#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>

namespace loclint::lsp {

class Transport {
 public:
  // The largest body read by default (bytes). A 50 MB document escaped as JSON stays far below.
  static constexpr size_t kMaxBody = 512u << 20;

  // Reads from `in_fd` and writes to `out_fd` (stdin and stdout for `loclint lsp`); bodies over
  // `max_body` bytes are skipped.
  Transport(int in_fd, int out_fd, size_t max_body = kMaxBody);

  enum class Read {
    Message,    // `body` holds one message
    BadHeader,  // a header part without a usable Content-Length; `error` says why
    End,        // the input ended (or failed) before a whole message
  };
  // Reads the next message. After BadHeader the reader skips ahead to the next
  // `Content-Length:` it sees, so one broken header costs one error, not the session; an
  // oversized body whose length is known is skipped without being kept in memory.
  Read read(std::string& body, std::string& error);

  // Writes one message (the header is added). Thread-safe; a closed output is ignored.
  void write(std::string_view body);

 private:
  // Makes at least one more byte available in buffer_; false at end of input.
  bool fill();
  // Finds `needle` (ASCII, case-insensitive) in buffer_ from pos_, reading as needed;
  // leaves pos_ at its start. False at end of input.
  bool skip_to(std::string_view needle);

  int in_fd_, out_fd_;
  size_t max_body_;
  std::string buffer_;
  size_t pos_ = 0;
  bool resync_ = false;
  std::mutex write_mutex_;
};

}  // namespace loclint::lsp

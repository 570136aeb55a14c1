#include "transport.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <string>

#include "loclint/text.h"  // excerpt

namespace loclint::lsp {

namespace {

constexpr size_t kMaxHeaderLine = 64u << 10;
constexpr size_t kChunk = 1u << 20;

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

}  // namespace

Transport::Transport(int in_fd, int out_fd, size_t max_body) : in_fd_(in_fd), out_fd_(out_fd), max_body_(max_body) {}

bool Transport::fill() {
  const size_t old = buffer_.size();
  buffer_.resize(old + kChunk);
  for (;;) {
    ssize_t n = ::read(in_fd_, buffer_.data() + old, kChunk);
    if (n < 0 && errno == EINTR) continue;
    buffer_.resize(old + (n > 0 ? static_cast<size_t>(n) : 0));
    return n > 0;
  }
}

bool Transport::skip_to(std::string_view needle) {
  for (;;) {
    auto it = std::search(buffer_.begin() + static_cast<std::ptrdiff_t>(pos_), buffer_.end(), needle.begin(), needle.end(),
                          [](char x, char y) { return lower(x) == lower(y); });
    if (it != buffer_.end()) {
      pos_ = static_cast<size_t>(it - buffer_.begin());
      return true;
    }
    // Keep a tail that may hold the needle's beginning.
    if (buffer_.size() - pos_ >= needle.size()) pos_ = buffer_.size() - (needle.size() - 1);
    if (!fill()) return false;
  }
}

Transport::Read Transport::read(std::string& body, std::string& error) {
  if (pos_ > 0) {
    buffer_.erase(0, pos_);
    pos_ = 0;
  }
  if (resync_) {
    if (!skip_to("content-length:")) return Read::End;
    resync_ = false;
  }
  long long length = -1;
  bool fields = false;
  std::string problem;
  for (;;) {
    size_t nl;
    while ((nl = buffer_.find('\n', pos_)) == std::string::npos) {
      if (buffer_.size() - pos_ > kMaxHeaderLine) {
        error = "a header line longer than 64 KiB";
        pos_ = buffer_.size();
        resync_ = true;
        return Read::BadHeader;
      }
      if (!fill()) return Read::End;
    }
    std::string_view line(buffer_.data() + pos_, nl - pos_);
    pos_ = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      if (!fields) continue;  // blank lines between messages
      break;
    }
    fields = true;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      if (problem.empty()) problem = "a header line without ':'";
      continue;
    }
    std::string_view name = trim(line.substr(0, colon)), value = trim(line.substr(colon + 1));
    if (!iequals(name, "Content-Length")) continue;  // Content-Type and unknown fields
    long long v = 0;
    bool digits = !value.empty() && value.size() <= 18 &&
                  std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digits)
      for (char c : value) v = v * 10 + (c - '0');
    if (!digits) {
      if (problem.empty())
        problem = "Content-Length '" + excerpt(value, 40, ExcerptStyle::Verbatim) + "' is not a number";
    } else if (length >= 0 && length != v) {
      if (problem.empty()) problem = "two different Content-Length fields";
    } else {
      length = v;
    }
  }
  if (problem.empty() && length < 0) problem = "no Content-Length field";
  if (!problem.empty()) {
    error = problem;
    resync_ = true;
    return Read::BadHeader;
  }
  const size_t want = static_cast<size_t>(length);
  if (want > max_body_) {
    // The length is known: drop exactly that many bytes and go on with the next message.
    size_t left = want;
    for (;;) {
      size_t have = std::min(left, buffer_.size() - pos_);
      pos_ += have;
      left -= have;
      if (left == 0) break;
      buffer_.clear();
      pos_ = 0;
      if (!fill()) return Read::End;
    }
    error = "a message of " + std::to_string(want) + " bytes, over the limit of " + std::to_string(max_body_) + " bytes";
    return Read::BadHeader;
  }
  while (buffer_.size() - pos_ < want) {
    if (buffer_.capacity() < pos_ + want) buffer_.reserve(pos_ + want + kChunk);
    if (!fill()) return Read::End;
  }
  body.assign(buffer_, pos_, want);
  pos_ += want;
  return Read::Message;
}

void Transport::write(std::string_view body) {
  std::string message = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  message.append(body);
  std::lock_guard lock(write_mutex_);
  size_t done = 0;
  while (done < message.size()) {
    ssize_t n = ::write(out_fd_, message.data() + done, message.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // the client went away; the read side will see the end
    done += static_cast<size_t>(n);
  }
}

}  // namespace loclint::lsp

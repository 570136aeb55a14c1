// Test and benchmark helper: runs `loclint lsp` as a child process with pipes and speaks raw
// JSON-RPC to it (Content-Length framing), with timeouts so a hung server fails a test instead
// of hanging it.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <deque>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace loclint::testing {

// Every wait below is this many times longer in the sanitizer build, which runs the server
// several times slower (as tests/hostile_test.cpp's bounds).
#if defined(__SANITIZE_ADDRESS__)
inline constexpr int kLspSlowdown = 4;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr int kLspSlowdown = 4;
#else
inline constexpr int kLspSlowdown = 1;
#endif
#else
inline constexpr int kLspSlowdown = 1;
#endif

class LspProcess {
 public:
  using json = nlohmann::json;

  // Starts `binary lsp args...` in `cwd` (empty: the current folder).
  LspProcess(const std::string& binary, std::vector<std::string> args = {}, const std::string& cwd = {}) {
    int in[2], out[2];
    if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0) return;
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(in[0], 0);
      ::dup2(out[1], 1);
      if (!cwd.empty() && ::chdir(cwd.c_str()) != 0) ::_exit(127);
      std::vector<char*> argv;
      argv.push_back(const_cast<char*>(binary.c_str()));
      static char lsp[] = "lsp";
      argv.push_back(lsp);
      for (std::string& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(binary.c_str(), argv.data());
      ::_exit(127);
    }
    ::close(in[0]);
    ::close(out[1]);
    to_ = in[1];
    from_ = out[0];
  }
  ~LspProcess() {
    close_input();
    if (from_ >= 0) ::close(from_);
    if (pid_ > 0 && !exited_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }

  // Writes raw bytes (a framed message, or anything broken on purpose).
  void write_raw(const std::string& bytes) {
    size_t done = 0;
    while (done < bytes.size()) {
      ssize_t n = ::write(to_, bytes.data() + done, bytes.size() - done);
      if (n <= 0) return;
      done += static_cast<size_t>(n);
    }
  }
  static std::string frame(const std::string& body) { return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body; }
  void send(const json& message) { write_raw(frame(message.dump())); }
  void request(long id, const std::string& method, json params = json::object()) {
    send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}});
  }
  void notify(const std::string& method, json params = json::object()) {
    send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
  }
  void close_input() {
    if (to_ >= 0) ::close(to_);
    to_ = -1;
  }

  // The next message from the server, or nullopt after `timeout` or at the end of its output.
  std::optional<json> next(std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
    auto deadline = std::chrono::steady_clock::now() + timeout * kLspSlowdown;
    for (;;) {
      if (auto m = parse_buffered()) return m;
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return std::nullopt;
      pollfd p{from_, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return std::nullopt;
      char chunk[65536];
      ssize_t n = ::read(from_, chunk, sizeof chunk);
      if (n <= 0) return std::nullopt;
      buffer_.append(chunk, static_cast<size_t>(n));
    }
  }
  // Messages until one satisfies `pred` (returned); the others are kept in `seen`.
  template <typename Pred>
  std::optional<json> wait_for(Pred pred, std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
    auto deadline = std::chrono::steady_clock::now() + timeout * kLspSlowdown;
    for (;;) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return std::nullopt;
      std::optional<json> m = next(left);
      if (!m) return std::nullopt;
      if (pred(*m)) return m;
      seen.push_back(std::move(*m));
    }
  }
  std::optional<json> response(long id, std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
    return wait_for([&](const json& m) { return m.contains("id") && m["id"] == id && !m.contains("method"); }, timeout);
  }
  // The next publishDiagnostics for `uri` (at `version`, when given).
  std::optional<json> diagnostics(const std::string& uri, std::optional<long> version = std::nullopt,
                                  std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
    return wait_for(
        [&](const json& m) {
          return m.value("method", "") == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri &&
                 (!version || m["params"].value("version", -1L) == *version);
        },
        timeout);
  }

  // Waits for the process to end; its exit code, or -1 after the timeout.
  int wait_exit(std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
    auto deadline = std::chrono::steady_clock::now() + timeout * kLspSlowdown;
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      pid_t r = ::waitpid(pid_, &status, WNOHANG);
      if (r == pid_) {
        exited_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      ::usleep(10000);
    }
    return -1;
  }

  // `initialize` (with `capabilities`) and `initialized`; the InitializeResult.
  json initialize(json capabilities = json::object(), const std::string& root_uri = {}) {
    json params = {{"processId", nullptr}, {"capabilities", std::move(capabilities)}};
    params["rootUri"] = root_uri.empty() ? json() : json(root_uri);
    request(1, "initialize", params);
    auto r = response(1);
    notify("initialized");
    return r ? *r : json();
  }

  std::vector<json> seen;

 private:
  std::optional<json> parse_buffered() {
    size_t header_end = buffer_.find("\r\n\r\n");
    if (header_end == std::string::npos) return std::nullopt;
    size_t cl = buffer_.find("Content-Length: ");
    if (cl == std::string::npos || cl > header_end) return std::nullopt;
    size_t length = std::stoul(buffer_.substr(cl + 16, header_end - cl - 16));
    if (buffer_.size() < header_end + 4 + length) return std::nullopt;
    json m = json::parse(buffer_.substr(header_end + 4, length));
    buffer_.erase(0, header_end + 4 + length);
    return m;
  }

  pid_t pid_ = -1;
  int to_ = -1, from_ = -1;
  bool exited_ = false;
  std::string buffer_;
};

// A file URI for an absolute path (percent-encoding what URIs do not allow).
inline std::string file_uri(const std::string& path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out = "file://";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace loclint::testing

// JSON-RPC 2.0 as the Language Server Protocol uses it: requests (with an id) get exactly one
// response, notifications get none; errors carry the codes of JSON-RPC and LSP 3.17.
//
// A Connection reads messages from a Transport and calls the handler registered for each
// method. A request's Reply may be completed later and from another thread (the server answers
// hover and code actions once the document's lint is done); `$/cancelRequest` answers a
// pending request with RequestCancelled at once.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>

#include "transport.h"

namespace loclint::lsp {

using json = nlohmann::json;

namespace error_code {
inline constexpr int kParseError = -32700;
inline constexpr int kInvalidRequest = -32600;
inline constexpr int kMethodNotFound = -32601;
inline constexpr int kInvalidParams = -32602;
inline constexpr int kInternalError = -32603;
inline constexpr int kServerNotInitialized = -32002;
inline constexpr int kRequestCancelled = -32800;
inline constexpr int kContentModified = -32801;
}  // namespace error_code

// Thrown by a handler to answer its request with an error.
struct RpcError : std::runtime_error {
  RpcError(int code, const std::string& message) : std::runtime_error(message), code(code) {}
  int code;
};

// One incoming message, checked against JSON-RPC 2.0.
struct Message {
  enum Kind { Request, Notification, Response } kind = Notification;
  json id;             // Request and Response: a number or a string
  std::string method;  // Request and Notification
  json params;         // Request and Notification: an object, an array, or null when absent
  json result_or_error;  // Response
  bool repaired = false;  // the body was not valid UTF-8 and was read with U+FFFD (see parse_message)
};

// Parses one body. On failure returns the error response to send instead (ParseError for text
// that is not JSON, InvalidRequest for JSON that is not a JSON-RPC 2.0 message; its id is the
// message's id when one can be read, else null).
//
// JSON text must be UTF-8 (RFC 8259 section 8.1). A body that is valid JSON except for bytes
// that are not UTF-8 is read with each such byte as U+FFFD and `repaired` set, so that an
// editor that sends a legacy-encoded buffer still gets diagnostics; the server tells the user.
std::variant<Message, json> parse_message(std::string_view body);

json make_response(const json& id, json result);
json make_error(const json& id, int code, std::string_view message, json data = nullptr);
json make_notification(std::string_view method, json params);
// Serializes without ever throwing: text that is not UTF-8 is written as U+FFFD.
std::string serialize(const json& message);

class Connection;

// The one answer to one request. Copyable; every copy is the same answer, and only the first
// result() or error() is sent. Thread-safe.
class Reply {
 public:
  void result(json value) const;
  void error(int code, std::string_view message) const;
  bool done() const;  // answered (or cancelled and answered with RequestCancelled)
  const json& id() const;

 private:
  friend class Connection;
  struct State {
    Connection* connection;
    json id;
    std::atomic<bool> done{false};
  };
  std::shared_ptr<State> state_;
};

class Connection {
 public:
  explicit Connection(Transport& transport);

  using RequestHandler = std::function<void(const json& params, const Reply& reply)>;
  using NotificationHandler = std::function<void(const json& params)>;
  void on_request(std::string method, RequestHandler handler);
  void on_notification(std::string method, NotificationHandler handler);

  // Asked before a message is dispatched. Returns nullopt to dispatch it, or an error: a request
  // is answered with it, a notification is dropped. (The LSP lifecycle: nothing before
  // `initialize`, nothing but `exit` after `shutdown`.)
  using Gate = std::function<std::optional<RpcError>(const Message&)>;
  void set_gate(Gate gate);
  // Called for problems that have no request to answer (a bad notification, a broken header,
  // a repaired body): the server shows them with window/logMessage.
  using Logger = std::function<void(std::string_view)>;
  void set_logger(Logger logger);

  // Reads and dispatches messages until the input ends or stop() is called.
  void serve();
  void stop() { stopped_ = true; }

  void notify(std::string_view method, json params);
  // A request to the client whose answer is not needed (client/registerCapability).
  void send_request(std::string_view method, json params);

  // Handles one body as serve() does (for tests and for serve itself).
  void dispatch(std::string_view body);
  // While a handler runs: whether its message was read with U+FFFD for bytes that are not UTF-8.
  bool repaired() const { return repaired_; }

 private:
  friend class Reply;
  void send(const json& message);
  void finished(const json& id);

  Transport& transport_;
  std::map<std::string, RequestHandler> requests_;
  std::map<std::string, NotificationHandler> notifications_;
  Gate gate_;
  Logger logger_;
  std::atomic<bool> stopped_{false};
  bool repaired_ = false;
  std::mutex pending_mutex_;
  std::map<std::string, std::weak_ptr<Reply::State>> pending_;  // by id.dump()
  long next_id_ = 1;
};

}  // namespace loclint::lsp

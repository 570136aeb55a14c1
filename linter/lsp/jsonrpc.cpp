#include "jsonrpc.h"

#include "loclint/text.h"

namespace loclint::lsp {

namespace {

// Each byte that does not start a valid UTF-8 sequence becomes U+FFFD.
std::string repair_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (size_t i = 0; i < text.size();) {
    int len = utf8::sequence_length(text, i);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(text.substr(i, static_cast<size_t>(len)));
      i += static_cast<size_t>(len);
    }
  }
  return out;
}

bool valid_id(const json& id) { return id.is_string() || id.is_number_integer() || id.is_number_unsigned(); }

}  // namespace

std::variant<Message, json> parse_message(std::string_view body) {
  Message m;
  json j;
  try {
    j = json::parse(body);
  } catch (const json::parse_error& e) {
    bool parsed = false;
    if (utf8::first_invalid(body) != std::string_view::npos) {
      try {
        j = json::parse(repair_utf8(body));
        parsed = m.repaired = true;
      } catch (const json::parse_error&) {
      }
    }
    if (!parsed) return make_error(nullptr, error_code::kParseError, std::string("Parse error: ") + e.what());
  }
  if (!j.is_object()) return make_error(nullptr, error_code::kInvalidRequest, "Invalid Request: a message is a JSON object");
  json id = j.contains("id") ? j["id"] : json();
  const json reply_id = valid_id(id) ? id : json();
  if (!j.contains("jsonrpc") || j["jsonrpc"] != "2.0")
    return make_error(reply_id, error_code::kInvalidRequest, "Invalid Request: \"jsonrpc\" must be \"2.0\"");
  if (j.contains("method")) {
    if (!j["method"].is_string()) return make_error(reply_id, error_code::kInvalidRequest, "Invalid Request: \"method\" must be a string");
    m.method = j["method"].get<std::string>();
    // `"params": null` is read as no params: clients send it for methods whose params are void.
    if (j.contains("params") && !j["params"].is_null()) {
      m.params = j["params"];
      if (!m.params.is_object() && !m.params.is_array())
        return make_error(reply_id, error_code::kInvalidRequest, "Invalid Request: \"params\" must be an object or an array");
    }
    if (j.contains("id")) {
      if (!valid_id(id)) return make_error(nullptr, error_code::kInvalidRequest, "Invalid Request: \"id\" must be an integer or a string");
      m.kind = Message::Request;
      m.id = id;
    } else {
      m.kind = Message::Notification;
    }
    return m;
  }
  if (j.contains("id") && (j.contains("result") != j.contains("error"))) {
    m.kind = Message::Response;
    m.id = id;
    m.result_or_error = j.contains("result") ? j["result"] : j["error"];
    return m;
  }
  return make_error(reply_id, error_code::kInvalidRequest, "Invalid Request: neither a request, a notification nor a response");
}

json make_response(const json& id, json result) { return {{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}}; }

json make_error(const json& id, int code, std::string_view message, json data) {
  json error = {{"code", code}, {"message", message}};
  if (!data.is_null()) error["data"] = std::move(data);
  return {{"jsonrpc", "2.0"}, {"id", id}, {"error", std::move(error)}};
}

json make_notification(std::string_view method, json params) {
  return {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

std::string serialize(const json& message) { return message.dump(-1, ' ', false, json::error_handler_t::replace); }

// ---- Reply ------------------------------------------------------------------------------------

void Reply::result(json value) const {
  if (!state_ || state_->done.exchange(true)) return;
  state_->connection->send(make_response(state_->id, std::move(value)));
  state_->connection->finished(state_->id);
}

void Reply::error(int code, std::string_view message) const {
  if (!state_ || state_->done.exchange(true)) return;
  state_->connection->send(make_error(state_->id, code, message));
  state_->connection->finished(state_->id);
}

bool Reply::done() const { return !state_ || state_->done.load(); }

const json& Reply::id() const {
  static const json null;
  return state_ ? state_->id : null;
}

// ---- Connection -------------------------------------------------------------------------------

Connection::Connection(Transport& transport) : transport_(transport) {}

void Connection::on_request(std::string method, RequestHandler handler) { requests_[std::move(method)] = std::move(handler); }
void Connection::on_notification(std::string method, NotificationHandler handler) {
  notifications_[std::move(method)] = std::move(handler);
}
void Connection::set_gate(Gate gate) { gate_ = std::move(gate); }
void Connection::set_logger(Logger logger) { logger_ = std::move(logger); }

void Connection::send(const json& message) { transport_.write(serialize(message)); }

void Connection::notify(std::string_view method, json params) { send(make_notification(method, std::move(params))); }

void Connection::send_request(std::string_view method, json params) {
  json m = make_notification(method, std::move(params));
  m["id"] = "loclint-" + std::to_string(next_id_++);
  send(m);
}

void Connection::finished(const json& id) {
  std::lock_guard lock(pending_mutex_);
  pending_.erase(id.dump());
}

void Connection::serve() {
  std::string body, error;
  while (!stopped_) {
    switch (transport_.read(body, error)) {
      case Transport::Read::End: return;
      case Transport::Read::BadHeader:
        // JSON-RPC has no error for a broken frame; the nearest is a parse error with no id.
        send(make_error(nullptr, error_code::kParseError, "Parse error: bad message header: " + error));
        if (logger_) logger_("bad message header: " + error);
        break;
      case Transport::Read::Message: dispatch(body); break;
    }
  }
}

void Connection::dispatch(std::string_view body) {
  auto parsed = parse_message(body);
  if (auto* err = std::get_if<json>(&parsed)) {
    send(*err);
    return;
  }
  Message& m = std::get<Message>(parsed);
  if (m.kind == Message::Response) return;  // answers to our registerCapability: nothing to do
  repaired_ = m.repaired;
  if (m.repaired && logger_)
    logger_("'" + m.method + "' carried text that is not valid UTF-8; each invalid byte was read as U+FFFD");
  if (gate_) {
    if (std::optional<RpcError> refused = gate_(m)) {
      if (m.kind == Message::Request) send(make_error(m.id, refused->code, refused->what()));
      return;
    }
  }
  if (m.kind == Message::Notification) {
    if (m.method == "$/cancelRequest") {
      if (!m.params.is_object() || !m.params.contains("id")) return;
      std::shared_ptr<Reply::State> state;
      {
        std::lock_guard lock(pending_mutex_);
        if (auto it = pending_.find(m.params["id"].dump()); it != pending_.end()) state = it->second.lock();
      }
      Reply r;
      r.state_ = state;
      if (state) r.error(error_code::kRequestCancelled, "request cancelled");
      return;
    }
    auto it = notifications_.find(m.method);
    if (it == notifications_.end()) return;  // unknown notifications are ignored (LSP: `$/` ones may be)
    try {
      it->second(m.params);
    } catch (const std::exception& e) {
      if (logger_) logger_("'" + m.method + "': " + e.what());
    }
    return;
  }
  auto it = requests_.find(m.method);
  if (it == requests_.end()) {
    send(make_error(m.id, error_code::kMethodNotFound, "Method not found: " + m.method));
    return;
  }
  Reply reply;
  reply.state_ = std::make_shared<Reply::State>();
  reply.state_->connection = this;
  reply.state_->id = m.id;
  {
    std::lock_guard lock(pending_mutex_);
    pending_[m.id.dump()] = reply.state_;
  }
  try {
    it->second(m.params, reply);
  } catch (const RpcError& e) {
    reply.error(e.code, e.what());
  } catch (const json::exception& e) {
    // A missing member or a member of the wrong type in params.
    reply.error(error_code::kInvalidParams, std::string("Invalid params: ") + e.what());
  } catch (const std::exception& e) {
    reply.error(error_code::kInternalError, std::string("Internal error: ") + e.what());
  }
}

}  // namespace loclint::lsp

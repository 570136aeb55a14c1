#include "server.h"

#include <fmt/format.h>

#include <csignal>

#include "loclint/rule_docs.h"
#include "loclint/version.h"
#include "server_internal.h"

namespace loclint::lsp {

std::string hover_text(const Rule& r, bool markdown) {
  // The page is Markdown, which reads well as plain text too; the link to it comes last.
  if (markdown) return fmt::format("{}\n[{} documentation]({})\n", rule_page(r), r.id, rule_doc_url(r));
  return fmt::format("{}\n{} documentation: {}\n", rule_page(r), r.id, rule_doc_url(r));
}

Server::Server(Transport& transport, ServerOptions options)
    : connection_(transport), options_(std::move(options)), engine_(options_.cli, options_.checks) {
  engine_.set_config_lookup([this](const std::string& path) { return config_for(path); });
  connection_.set_gate([this](const Message& m) { return gate(m); });
  connection_.set_logger([this](std::string_view text) { log(3, text); });
  connection_.on_request("initialize", [this](const json& p, const Reply& r) { initialize(p, r); });
  connection_.on_notification("initialized", [this](const json& p) { initialized(p); });
  connection_.on_request("shutdown", [this](const json&, const Reply& r) { shutdown(r); });
  connection_.on_notification("exit", [this](const json&) { connection_.stop(); });
  connection_.on_notification("textDocument/didOpen", [this](const json& p) { did_open(p); });
  connection_.on_notification("textDocument/didChange", [this](const json& p) { did_change(p); });
  connection_.on_notification("textDocument/didSave", [this](const json& p) { did_save(p); });
  connection_.on_notification("textDocument/didClose", [this](const json& p) { did_close(p); });
  connection_.on_notification("workspace/didChangeWatchedFiles", [this](const json&) { disk_changed(""); });
  connection_.on_notification("workspace/didChangeConfiguration", [](const json&) {});
  connection_.on_request("textDocument/hover", [this](const json& p, const Reply& r) { defer(p, r, &Server::hover); });
  connection_.on_request("textDocument/codeAction",
                         [this](const json& p, const Reply& r) { defer(p, r, &Server::code_action); });
}

int Server::run() {
  worker_ = std::thread([this] { work(); });
  connection_.serve();
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  worker_.join();
  // Requests still waiting for a lint get an answer all the same.
  for (auto& job : requests_) job.reply.error(error_code::kContentModified, "the server is exiting");
  for (auto& reply : shutdown_replies_) reply.result(nullptr);
  return state_ == State::ShutDown ? 0 : 1;
}

std::optional<RpcError> Server::gate(const Message& m) {
  if (m.method == "exit") return std::nullopt;
  if (state_ == State::Uninitialized && m.method != "initialize")
    return RpcError(error_code::kServerNotInitialized, "the server is not initialized: send 'initialize' first");
  if (state_ == State::ShutDown) return RpcError(error_code::kInvalidRequest, "the server is shut down: only 'exit' is accepted");
  return std::nullopt;
}

void Server::initialize(const json& params, const Reply& reply) {
  if (initialize_seen_) throw RpcError(error_code::kInvalidRequest, "'initialize' may be sent only once");
  if (!params.is_object()) throw RpcError(error_code::kInvalidParams, "Invalid params: 'initialize' takes an object");
  const json& caps = params.contains("capabilities") ? params["capabilities"] : json::object();
  if (!caps.is_object()) throw RpcError(error_code::kInvalidParams, "Invalid params: 'capabilities' must be an object");
  // positionEncoding: the client lists what it supports, most preferred first; UTF-16 is
  // mandatory for both sides, so it is the answer unless the client prefers another we know.
  encoding_ = Encoding::Utf16;
  if (auto enc = caps.value("/general/positionEncodings"_json_pointer, json()); enc.is_array()) {
    for (const json& e : enc) {
      if (!e.is_string()) continue;
      std::string name = e.get<std::string>();
      if (name == "utf-16") break;
      if (name == "utf-8") { encoding_ = Encoding::Utf8; break; }
      if (name == "utf-32") { encoding_ = Encoding::Utf32; break; }
    }
  }
  auto flag = [&](const char* pointer) {
    json v = caps.value(json::json_pointer(pointer), json());
    return v.is_boolean() && v.get<bool>();
  };
  document_changes_ = flag("/workspace/workspaceEdit/documentChanges");
  watch_files_ = flag("/workspace/didChangeWatchedFiles/dynamicRegistration");
  markdown_hover_ = false;
  if (auto formats = caps.value("/textDocument/hover/contentFormat"_json_pointer, json()); formats.is_array())
    for (const json& f : formats)
      if (f == "markdown") markdown_hover_ = true;
  initialize_seen_ = true;
  json result = {
      {"capabilities",
       {{"positionEncoding", encoding_name(encoding_)},
        {"textDocumentSync", {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
        {"hoverProvider", true},
        {"codeActionProvider", {{"codeActionKinds", {"quickfix", "source.fixAll.loclint"}}}}}},
      {"serverInfo", {{"name", "loclint"}, {"version", std::string(kVersion)}}}};
  reply.result(std::move(result));
  state_ = State::Running;
}

void Server::initialized(const json&) {
  if (!watch_files_) return;
  // Files changed outside the editor (git checkout, another tool) drop what the server cached
  // about the disk.
  json watchers = json::array();
  for (const char* glob : {"**/*.md", "**/*.yml", "**/*.yaml", "**/*.json"}) watchers.push_back({{"globPattern", glob}});
  connection_.send_request("client/registerCapability",
                           {{"registrations",
                             {{{"id", "loclint-watched-files"},
                               {"method", "workspace/didChangeWatchedFiles"},
                               {"registerOptions", {{"watchers", watchers}}}}}}});
}

// The answer waits until the worker has answered every request before it (LSP: the server
// answers shutdown once it is ready to exit).
void Server::shutdown(const Reply& reply) {
  state_ = State::ShutDown;
  {
    std::lock_guard lock(mutex_);
    shutdown_replies_.push_back(reply);
  }
  wake_.notify_all();
}

void Server::log(int type, std::string_view text) {
  connection_.notify("window/logMessage", {{"type", type}, {"message", "loclint: " + std::string(text)}});
}

void Server::show(int type, std::string_view text) {
  connection_.notify("window/showMessage", {{"type", type}, {"message", "loclint: " + std::string(text)}});
}

int serve(int in_fd, int out_fd, ServerOptions options) {
  // A client that goes away must end the server through the end of its input, not a signal.
  std::signal(SIGPIPE, SIG_IGN);
  Transport transport(in_fd, out_fd);
  Server server(transport, std::move(options));
  return server.run();
}

}  // namespace loclint::lsp

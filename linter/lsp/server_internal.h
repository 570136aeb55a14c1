// The language server's state and handlers (internal to linter/lsp/): one Server per `loclint
// lsp` run, its methods defined by what they serve: server.cpp (construction and the protocol's
// lifecycle), document_sync.cpp (open buffers and what their changes schedule), lint_worker.cpp
// (the worker thread: lints, published diagnostics, deferred requests), requests.cpp (hover and
// code actions).
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "jsonrpc.h"
#include "loclint/config_file.h"
#include "loclint/engine.h"
#include "loclint/fix.h"
#include "loclint/workspace.h"
#include "positions.h"
#include "server.h"

namespace loclint::lsp {

// LSP's JSON shapes of positions and ranges.
inline json to_json(LspPosition p) { return {{"line", p.line}, {"character", p.character}}; }
inline json to_json(const LspRange& r) { return {{"start", to_json(r.start)}, {"end", to_json(r.end)}}; }
inline LspPosition position_of(const json& j) { return {j.at("line").get<uint32_t>(), j.at("character").get<uint32_t>()}; }
inline LspRange range_of(const json& j) { return {position_of(j.at("start")), position_of(j.at("end"))}; }
class Server {
  Connection connection_;  // first: the handlers below refer to it

 public:
  Server(Transport& transport, ServerOptions options);
  int run();

 private:
  enum class State { Uninitialized, Running, ShutDown };

  struct OpenDocument {
    std::string path;
    int64_t version = 0;
    std::shared_ptr<const std::string> text;
    bool repaired = false;  // came with bytes that were not UTF-8 (see parse_message)
    int64_t anchors_version = -1;
    std::shared_ptr<const AnchorSet> anchors;  // for other documents' links (Overlay)
  };
  struct Results {
    int64_t version = 0;
    std::shared_ptr<const Document> doc;
    std::vector<Finding> findings;
    std::vector<LspRange> ranges;  // of each finding, in the negotiated encoding
    std::vector<json> diagnostics; // as published
  };
  using Handler = void (Server::*)(const std::string& uri, const json& params, const Reply& reply, const Results& results);
  struct RequestJob {
    std::string uri;
    int64_t version;
    json params;
    Reply reply;
    Handler handler;
  };

  // ---- lifecycle (server.cpp) ---------------------------------------------------------------
  std::optional<RpcError> gate(const Message& m);
  void initialize(const json& params, const Reply& reply);
  void initialized(const json&);
  void shutdown(const Reply& reply);
  void log(int type, std::string_view text);
  void show(int type, std::string_view text);

  // ---- documents (document_sync.cpp) ----------------------------------------------------------
  void did_open(const json& params);
  void did_change(const json& params);
  void did_save(const json& params);
  void did_close(const json& params);
  void disk_changed(const std::string& uri);
  void enqueue(const std::string& uri, bool others);
  void queue_lint(const std::string& uri);  // mutex_ held
  void defer(const json& params, const Reply& reply, Handler handler);

  // ---- the worker (lint_worker.cpp) ----------------------------------------------------------
  std::shared_ptr<const Config> config_for(const std::string& path);
  void work();
  void answer(RequestJob& job);
  std::shared_ptr<const Overlay> overlay(const std::string& linted_uri, const Document& linted);
  void lint(const std::string& uri);
  void publish(const std::string& uri, int64_t version, std::string_view text, std::shared_ptr<const Document> doc,
               std::vector<Finding> findings);

  // ---- requests (requests.cpp) -----------------------------------------------------------------
  void hover(const std::string&, const json& params, const Reply& reply, const Results& results);
  json workspace_edit(const std::string& uri, int64_t version, const Document& doc, const std::vector<TextEdit>& edits) const;
  void code_action(const std::string& uri, const json& params, const Reply& reply, const Results& results);

 private:
  ServerOptions options_;
  Engine engine_;
  State state_ = State::Uninitialized;
  bool initialize_seen_ = false;
  Encoding encoding_ = Encoding::Utf16;
  bool document_changes_ = false, watch_files_ = false, markdown_hover_ = false;

  std::mutex mutex_;  // documents_, results_ and the queues
  std::condition_variable wake_;
  bool stopping_ = false;
  std::map<std::string, OpenDocument> documents_;
  std::map<std::string, std::shared_ptr<const Results>> results_;
  std::deque<std::string> lint_queue_;
  std::set<std::string> queued_;
  std::deque<std::string> clear_;
  std::deque<RequestJob> requests_;
  std::deque<Reply> shutdown_replies_;
  bool workspace_stale_ = true;
  std::thread worker_;
  // The worker's own: what it knows of the disk and the configuration files.
  std::unique_ptr<Workspace> workspace_;
  std::unique_ptr<ConfigResolver> resolver_;
  std::set<std::string> shown_errors_;
};

}  // namespace loclint::lsp

#include "server.h"

#include <csignal>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <fmt/format.h>
#include <algorithm>
#include <map>
#include <set>
#include <thread>

#include "jsonrpc.h"
#include "loclint/text.h"
#include "loclint/config_file.h"
#include "loclint/core_rules.h"
#include "loclint/engine.h"
#include "loclint/fix.h"
#include "loclint/locate.h"
#include "loclint/read_file.h"
#include "loclint/rule_docs.h"
#include "loclint/workspace.h"
#include "positions.h"
#include "suppression_edit.h"

namespace loclint::lsp {

namespace fs = std::filesystem;

std::string hover_text(const Rule& r, bool markdown) {
  // The page is Markdown, which reads well as plain text too; the link to it comes last.
  if (markdown) return fmt::format("{}\n[{} documentation]({})\n", rule_page(r), r.id, rule_doc_url(r));
  return fmt::format("{}\n{} documentation: {}\n", rule_page(r), r.id, rule_doc_url(r));
}

namespace {

// The path of a document URI: `file:///a/b%20c.md` is /a/b c.md. Other schemes (an editor's
// `untitled:` buffers) get a name in the working folder, so they are linted with its config.
std::string uri_to_path(const std::string& uri) {
  std::string_view rest = uri;
  if (rest.starts_with("file://")) {
    rest.remove_prefix(7);
    size_t slash = rest.find('/');
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);  // drop any authority
  } else {
    size_t colon = rest.find(':');
    std::string name(colon == std::string_view::npos ? rest : rest.substr(colon + 1));
    std::replace(name.begin(), name.end(), '/', '_');
    if (!name.ends_with(".md")) name += ".md";
    std::error_code ec;
    return (fs::current_path(ec) / name).string();
  }
  return percent_decode(rest);
}

json to_json(LspPosition p) { return {{"line", p.line}, {"character", p.character}}; }
json to_json(const LspRange& r) { return {{"start", to_json(r.start)}, {"end", to_json(r.end)}}; }
LspPosition position_of(const json& j) { return {j.at("line").get<uint32_t>(), j.at("character").get<uint32_t>()}; }
LspRange range_of(const json& j) { return {position_of(j.at("start")), position_of(j.at("end"))}; }

int lsp_severity(Severity s) {
  switch (s) {
    case Severity::Error: return 1;
    case Severity::Warning: return 2;
    default: return 3;  // Information: a note is a hint to read, not a defect
  }
}

class Server {
  Connection connection_;  // first: the handlers below refer to it

 public:
  Server(Transport& transport, ServerOptions options)
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

  int run() {
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

  // ---- lifecycle ------------------------------------------------------------------------------

  std::optional<RpcError> gate(const Message& m) {
    if (m.method == "exit") return std::nullopt;
    if (state_ == State::Uninitialized && m.method != "initialize")
      return RpcError(error_code::kServerNotInitialized, "the server is not initialized: send 'initialize' first");
    if (state_ == State::ShutDown) return RpcError(error_code::kInvalidRequest, "the server is shut down: only 'exit' is accepted");
    return std::nullopt;
  }

  void initialize(const json& params, const Reply& reply) {
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
        {"serverInfo", {{"name", "loclint"}, {"version", "0.1.0"}}}};
    reply.result(std::move(result));
    state_ = State::Running;
  }

  void initialized(const json&) {
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
  void shutdown(const Reply& reply) {
    state_ = State::ShutDown;
    {
      std::lock_guard lock(mutex_);
      shutdown_replies_.push_back(reply);
    }
    wake_.notify_all();
  }

  void log(int type, std::string_view text) {
    connection_.notify("window/logMessage", {{"type", type}, {"message", "loclint: " + std::string(text)}});
  }
  void show(int type, std::string_view text) {
    connection_.notify("window/showMessage", {{"type", type}, {"message", "loclint: " + std::string(text)}});
  }

  // ---- documents ------------------------------------------------------------------------------

  static const std::string& uri_of(const json& params) { return params.at("textDocument").at("uri").get_ref<const std::string&>(); }

  void did_open(const json& params) {
    const json& td = params.at("textDocument");
    const std::string& uri = td.at("uri").get_ref<const std::string&>();
    OpenDocument doc;
    doc.path = uri_to_path(uri);
    doc.version = td.at("version").get<int64_t>();
    doc.text = std::make_shared<const std::string>(td.at("text").get<std::string>());
    doc.repaired = connection_.repaired();
    {
      std::lock_guard lock(mutex_);
      documents_[uri] = std::move(doc);
    }
    if (connection_.repaired()) show(2, "'" + uri + "' holds bytes that are not valid UTF-8; they are read as U+FFFD. Re-save the file as UTF-8.");
    enqueue(uri, true);
  }

  void did_change(const json& params) {
    const std::string& uri = uri_of(params);
    const json& changes = params.at("contentChanges");
    if (!changes.is_array()) throw RpcError(error_code::kInvalidParams, "'contentChanges' must be an array");
    std::shared_ptr<const std::string> before;
    {
      std::lock_guard lock(mutex_);
      auto it = documents_.find(uri);
      if (it == documents_.end()) {
        log(2, "didChange for a document that is not open: " + uri);
        return;
      }
      before = it->second.text;
    }
    // Apply outside the lock: on a large buffer this is the expensive part.
    std::string text = *before;
    for (const json& change : changes) {
      if (change.contains("range")) apply_change(text, range_of(change["range"]), change.at("text").get<std::string>(), encoding_);
      else text = change.at("text").get<std::string>();
    }
    {
      std::lock_guard lock(mutex_);
      auto it = documents_.find(uri);
      if (it == documents_.end()) return;
      it->second.text = std::make_shared<const std::string>(std::move(text));
      it->second.version = params.at("textDocument").at("version").get<int64_t>();
      it->second.repaired = it->second.repaired || connection_.repaired();
    }
    enqueue(uri, false);
  }

  void did_save(const json& params) { disk_changed(uri_of(params)); }

  void did_close(const json& params) {
    const std::string uri = uri_of(params);
    {
      std::lock_guard lock(mutex_);
      documents_.erase(uri);
      workspace_stale_ = true;
      clear_.push_back(uri);  // the worker publishes the empty list, after any lint of it in flight
      for (const auto& [other, doc] : documents_) queue_lint(other);
    }
    wake_.notify_all();
  }

  // Something on disk changed (a save, a watched file): forget what was cached about the disk
  // and lint every open document again (their links may resolve differently now).
  void disk_changed(const std::string& uri) {
    {
      std::lock_guard lock(mutex_);
      workspace_stale_ = true;
      if (!uri.empty()) queue_lint(uri);
      for (const auto& [other, doc] : documents_) queue_lint(other);
    }
    wake_.notify_all();
  }

  // `others`: the set of open documents changed, so links from the other ones may resolve differently.
  void enqueue(const std::string& uri, bool others) {
    {
      std::lock_guard lock(mutex_);
      queue_lint(uri);
      if (others)
        for (const auto& [other, doc] : documents_) queue_lint(other);
    }
    wake_.notify_all();
  }

  void queue_lint(const std::string& uri) {  // mutex_ held
    if (queued_.insert(uri).second) lint_queue_.push_back(uri);
  }

  // Hover and code actions need the findings of the version the request was made on: they are
  // answered by the worker after the lints queued before them.
  void defer(const json& params, const Reply& reply, Handler handler) {
    const std::string& uri = uri_of(params);
    {
      std::lock_guard lock(mutex_);
      auto it = documents_.find(uri);
      if (it == documents_.end()) {
        reply.result(handler == &Server::code_action ? json::array() : json());
        return;
      }
      requests_.push_back({uri, it->second.version, params, reply, handler});
    }
    wake_.notify_all();
  }

  // ---- the worker ---------------------------------------------------------------------------

  std::shared_ptr<const Config> config_for(const std::string& path) {
    if (!resolver_) return std::shared_ptr<const Config>(std::shared_ptr<const Config>(), &options_.cli);
    return resolver_->for_path(path);
  }

  void work() {
    for (;;) {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] {
        return stopping_ || !lint_queue_.empty() || !requests_.empty() || !clear_.empty() || !shutdown_replies_.empty();
      });
      if (stopping_) return;
      if (!clear_.empty()) {
        std::string uri = std::move(clear_.front());
        clear_.pop_front();
        results_.erase(uri);
        lock.unlock();
        connection_.notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", json::array()}});
        continue;
      }
      if (!lint_queue_.empty()) {
        std::string uri = std::move(lint_queue_.front());
        lint_queue_.pop_front();
        queued_.erase(uri);
        lock.unlock();
        lint(uri);
        continue;
      }
      if (requests_.empty()) {
        Reply reply = shutdown_replies_.front();
        shutdown_replies_.pop_front();
        lock.unlock();
        reply.result(nullptr);
        continue;
      }
      RequestJob job = std::move(requests_.front());
      requests_.pop_front();
      lock.unlock();
      answer(job);
    }
  }

  void answer(RequestJob& job) {
    if (job.reply.done()) return;  // cancelled
    std::shared_ptr<const Results> results;
    {
      std::lock_guard lock(mutex_);
      auto doc = documents_.find(job.uri);
      auto res = results_.find(job.uri);
      if (doc == documents_.end() || doc->second.version != job.version || res == results_.end() ||
          res->second->version != job.version) {
        // The document changed (or closed) after the request: its positions no longer hold.
        job.reply.error(error_code::kContentModified, "the document changed");
        return;
      }
      results = res->second;
    }
    try {
      (this->*job.handler)(job.uri, job.params, job.reply, *results);
    } catch (const RpcError& e) {
      job.reply.error(e.code, e.what());
    } catch (const json::exception& e) {
      job.reply.error(error_code::kInvalidParams, std::string("Invalid params: ") + e.what());
    } catch (const std::exception& e) {
      job.reply.error(error_code::kInternalError, std::string("Internal error: ") + e.what());
    }
  }

  // The overlay of every open buffer, computing the anchors of those changed since last time.
  std::shared_ptr<const Overlay> overlay(const std::string& linted_uri, const Document& linted) {
    struct Need {
      std::string uri, path;
      int64_t version;
      std::shared_ptr<const std::string> text;
    };
    std::vector<Need> needs;
    auto out = std::make_shared<Overlay>();
    {
      std::lock_guard lock(mutex_);
      for (const auto& [uri, doc] : documents_) {
        if (uri == linted_uri) continue;
        if (doc.anchors_version == doc.version && doc.anchors) out->add(doc.path, doc.anchors);
        else needs.push_back({uri, doc.path, doc.version, doc.text});
      }
    }
    for (const Need& n : needs) {
      auto anchors = std::make_shared<const AnchorSet>(anchor_set(*Document::parse(n.path, *n.text)));
      out->add(n.path, anchors);
      std::lock_guard lock(mutex_);
      if (auto it = documents_.find(n.uri); it != documents_.end() && it->second.version == n.version) {
        it->second.anchors = anchors;
        it->second.anchors_version = n.version;
      }
    }
    out->add(linted.path(), std::make_shared<const AnchorSet>(anchor_set(linted)));
    return out;
  }

  void lint(const std::string& uri) {
    std::string path;
    int64_t version;
    std::shared_ptr<const std::string> text;
    bool fresh_workspace = false;
    {
      std::lock_guard lock(mutex_);
      auto it = documents_.find(uri);
      if (it == documents_.end()) return;
      path = it->second.path;
      version = it->second.version;
      text = it->second.text;
      if (workspace_stale_ || !workspace_) fresh_workspace = true;
      workspace_stale_ = false;
    }
    if (fresh_workspace) {
      workspace_ = std::make_unique<Workspace>();
      resolver_.reset();
      if (!options_.no_config) {
        try {
          resolver_ = std::make_unique<ConfigResolver>(options_.cli, options_.config_file, options_.rules);
        } catch (const ConfigError& e) {
          show(1, e.what());
        }
      }
    }
    std::vector<Finding> findings;
    std::shared_ptr<const Document> doc;
    std::shared_ptr<const Config> config;
    try {
      config = engine_.config_for(path);
    } catch (const ConfigError& e) {
      // The command line stops at a bad .loclint.yaml (exit code 2); an editor says so once.
      if (shown_errors_.insert(e.what()).second) show(1, e.what());
      config.reset();
    }
    if (!config) {
      // Nothing is linted until the file is fixed.
    } else if (text->size() > kMaxFileSize) {
      findings.push_back(path_finding(path, kFileTooLarge, config->severity_of(kFileTooLarge),
                                      "document is larger than 256 MiB; it was not linted"));
    } else if (!engine_parses(path, *text)) {
      if (looks_binary(*text) && config->enabled(kBinaryFile))
        findings.push_back(path_finding(path, kBinaryFile, config->severity_of(kBinaryFile),
                                        "document looks binary (NUL byte in its first 8000 bytes); it was not linted"));
    } else {
      doc = Document::parse(path, *text);
      workspace_->set_overlay(overlay(uri, *doc));
      findings = engine_.lint_document(*doc, *workspace_, *config);
    }
    if (!doc) doc = Document::parse(path, std::string());
    publish(uri, version, *text, doc, std::move(findings));
  }

  void publish(const std::string& uri, int64_t version, std::string_view text, std::shared_ptr<const Document> doc,
               std::vector<Finding> findings) {
    auto results = std::make_shared<Results>();
    results->version = version;
    results->doc = std::move(doc);
    const LineMap map(text);
    json diagnostics = json::array();
    for (const Finding& f : findings) {
      LspRange range;
      if (!f.whole_file) {
        range.start = map.position(f.diagnostic.span.begin, encoding_);
        range.end = map.position(f.diagnostic.span.end, encoding_);
      }
      json d = {{"range", to_json(range)},
                {"severity", lsp_severity(f.diagnostic.severity)},
                {"code", f.diagnostic.rule->id},
                {"codeDescription", {{"href", rule_doc_url(*f.diagnostic.rule)}}},
                {"source", "loclint"},
                {"message", f.diagnostic.message}};
      results->ranges.push_back(range);
      results->diagnostics.push_back(d);
      diagnostics.push_back(std::move(d));
    }
    results->findings = std::move(findings);
    {
      std::lock_guard lock(mutex_);
      auto it = documents_.find(uri);
      // Only the current version's results are published; a newer version is queued already.
      if (it == documents_.end() || it->second.version != version) return;
      results_[uri] = std::move(results);
    }
    // Only this thread publishes, so diagnostics of one document arrive in order.
    connection_.notify("textDocument/publishDiagnostics", {{"uri", uri}, {"version", version}, {"diagnostics", diagnostics}});
  }

  // ---- requests -----------------------------------------------------------------------------

  static bool touches(const LspRange& r, LspPosition p) { return r.start <= p && p <= r.end; }
  static bool intersects(const LspRange& a, const LspRange& b) { return a.start <= b.end && b.start <= a.end; }

  void hover(const std::string&, const json& params, const Reply& reply, const Results& results) {
    const LspPosition at = position_of(params.at("position"));
    std::string text;
    std::set<const Rule*> seen;
    std::optional<LspRange> range;
    for (size_t i = 0; i < results.findings.size(); ++i) {
      if (!touches(results.ranges[i], at)) continue;
      const Rule* rule = results.findings[i].diagnostic.rule;
      if (!range) range = results.ranges[i];
      if (!seen.insert(rule).second) continue;
      if (!text.empty()) text += markdown_hover_ ? "\n---\n\n" : "\n";
      text += hover_text(*rule, markdown_hover_);
    }
    if (text.empty()) {
      reply.result(nullptr);
      return;
    }
    json result = {{"contents", {{"kind", markdown_hover_ ? "markdown" : "plaintext"}, {"value", text}}}};
    if (range) result["range"] = to_json(*range);
    reply.result(std::move(result));
  }

  json workspace_edit(const std::string& uri, int64_t version, const Document& doc, const std::vector<TextEdit>& edits) const {
    const LineMap map(doc.text());
    json list = json::array();
    for (const TextEdit& e : edits)
      list.push_back({{"range", to_json(LspRange{map.position(e.span.begin, encoding_), map.position(e.span.end, encoding_)})},
                      {"newText", e.replacement}});
    if (document_changes_)
      return {{"documentChanges", {{{"textDocument", {{"uri", uri}, {"version", version}}}, {"edits", list}}}}};
    return {{"changes", {{uri, list}}}};
  }

  void code_action(const std::string& uri, const json& params, const Reply& reply, const Results& results) {
    const LspRange wanted = range_of(params.at("range"));
    // context.only: the kinds the client asks for (a kind matches its sub-kinds).
    auto wants = [&](std::string_view kind) {
      json only = params.value("/context/only"_json_pointer, json());
      if (!only.is_array()) return true;
      for (const json& k : only)
        if (k.is_string()) {
          std::string_view prefix = k.get_ref<const std::string&>();
          if (kind == prefix || (kind.starts_with(prefix) && kind[prefix.size()] == '.')) return true;
        }
      return false;
    };
    json actions = json::array();
    std::set<std::pair<std::string_view, uint32_t>> disabled;  // (rule, line) offered already
    for (size_t i = 0; i < results.findings.size() && wants("quickfix"); ++i) {
      if (!intersects(results.ranges[i], wanted)) continue;
      const Finding& f = results.findings[i];
      const json& diagnostic = results.diagnostics[i];
      if (f.diagnostic.fix)
        actions.push_back({{"title", f.diagnostic.fix->title},
                           {"kind", "quickfix"},
                           {"diagnostics", {diagnostic}},
                           {"isPreferred", true},
                           {"edit", workspace_edit(uri, results.version, *results.doc, f.diagnostic.fix->edits)}});
      if (f.whole_file || !disabled.emplace(f.diagnostic.rule->id, results.ranges[i].start.line).second) continue;
      if (auto edit = disable_rule_edit(*results.doc, f.diagnostic.span.begin, f.diagnostic.rule->id))
        actions.push_back(
            {{"title", fmt::format("Disable {} for this {}", f.diagnostic.rule->id, edit->whole_file ? "file" : "line")},
             {"kind", "quickfix"},
             {"diagnostics", {diagnostic}},
             {"edit", workspace_edit(uri, results.version, *results.doc, {edit->edit})}});
    }
    if (wants("source.fixAll.loclint")) {
      // Every fix of the document that does not overlap an earlier one (as `loclint --fix`'s first pass).
      std::vector<TextEdit> edits;
      std::vector<const Fix*> chosen;
      for (const Finding& f : results.findings) {
        if (!f.diagnostic.fix) continue;
        const Fix& fix = *f.diagnostic.fix;
        if (std::any_of(chosen.begin(), chosen.end(), [&](const Fix* c) { return fixes_overlap(*c, fix); })) continue;
        chosen.push_back(&fix);
        edits.insert(edits.end(), fix.edits.begin(), fix.edits.end());
      }
      std::sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) { return a.span.begin < b.span.begin; });
      if (!edits.empty())
        actions.push_back({{"title", "Apply every loclint fix in this document"},
                           {"kind", "source.fixAll.loclint"},
                           {"edit", workspace_edit(uri, results.version, *results.doc, edits)}});
    }
    reply.result(std::move(actions));
  }

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

}  // namespace

int serve(int in_fd, int out_fd, ServerOptions options) {
  // A client that goes away must end the server through the end of its input, not a signal.
  std::signal(SIGPIPE, SIG_IGN);
  Transport transport(in_fd, out_fd);
  Server server(transport, std::move(options));
  return server.run();
}

}  // namespace loclint::lsp

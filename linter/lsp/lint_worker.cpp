// The server's worker thread: it lints the queued documents (each with the configuration and
// the open buffers in front of the disk), publishes their diagnostics and answers the requests
// deferred until the findings they ask about exist.
#include "loclint/core_rules.h"
#include "loclint/locate.h"
#include "loclint/read_file.h"
#include "loclint/rule_docs.h"
#include "server_internal.h"

namespace loclint::lsp {

namespace {

int lsp_severity(Severity s) {
  switch (s) {
    case Severity::Error: return 1;
    case Severity::Warning: return 2;
    default: return 3;  // Information: a note is a hint to read, not a defect
  }
}

}  // namespace

std::shared_ptr<const Config> Server::config_for(const std::string& path) {
  if (!resolver_) return std::shared_ptr<const Config>(std::shared_ptr<const Config>(), &options_.cli);
  return resolver_->for_path(path);
}

void Server::work() {
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

void Server::answer(RequestJob& job) {
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
std::shared_ptr<const Overlay> Server::overlay(const std::string& linted_uri, const Document& linted) {
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

void Server::lint(const std::string& uri) {
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
    workspace_->set_census_cache_dir(options_.census_cache_dir);
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

void Server::publish(const std::string& uri, int64_t version, std::string_view text, std::shared_ptr<const Document> doc,
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

}  // namespace loclint::lsp

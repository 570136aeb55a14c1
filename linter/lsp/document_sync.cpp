// Open buffers: what an editor's textDocument/did* notifications change, and the lints (and
// deferred requests) each change schedules for the worker.
#include <algorithm>
#include <filesystem>

#include "loclint/text.h"
#include "server_internal.h"

namespace loclint::lsp {

namespace fs = std::filesystem;

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

const std::string& uri_of(const json& params) { return params.at("textDocument").at("uri").get_ref<const std::string&>(); }

}  // namespace

void Server::did_open(const json& params) {
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

void Server::did_change(const json& params) {
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

void Server::did_save(const json& params) { disk_changed(uri_of(params)); }

void Server::did_close(const json& params) {
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
void Server::disk_changed(const std::string& uri) {
  {
    std::lock_guard lock(mutex_);
    workspace_stale_ = true;
    if (!uri.empty()) queue_lint(uri);
    for (const auto& [other, doc] : documents_) queue_lint(other);
  }
  wake_.notify_all();
}

// `others`: the set of open documents changed, so links from the other ones may resolve differently.
void Server::enqueue(const std::string& uri, bool others) {
  {
    std::lock_guard lock(mutex_);
    queue_lint(uri);
    if (others)
      for (const auto& [other, doc] : documents_) queue_lint(other);
  }
  wake_.notify_all();
}

void Server::queue_lint(const std::string& uri) {  // mutex_ held
  if (queued_.insert(uri).second) lint_queue_.push_back(uri);
}

// Hover and code actions need the findings of the version the request was made on: they are
// answered by the worker after the lints queued before them.
void Server::defer(const json& params, const Reply& reply, Handler handler) {
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

}  // namespace loclint::lsp

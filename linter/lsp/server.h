// `loclint lsp`: a Language Server Protocol 3.17 server over stdio.
//
// Documents are synced in full or incrementally; each open, change and save schedules a lint
// on one worker thread, so reading messages never waits for a lint. Only the newest version of
// a document is linted (versions that arrive while a lint runs are coalesced) and results for a
// version that is no longer current are never published. Links resolve against the tree on disk
// with the open buffers in front of it (Overlay). Each document uses the configuration the
// command line would use (the nearest .loclint.yaml, under the command line's options).
//
// Methods: initialize, initialized, shutdown, exit, textDocument/didOpen, didChange, didSave,
// didClose, textDocument/hover, textDocument/codeAction, workspace/didChangeWatchedFiles,
// workspace/didChangeConfiguration (ignored), $/cancelRequest; the server sends
// textDocument/publishDiagnostics, window/logMessage, window/showMessage and, when the client
// allows it, client/registerCapability (file watchers).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "loclint/check.h"
#include "loclint/config.h"

namespace loclint::lsp {

struct ServerOptions {
  std::vector<Check> checks;
  std::vector<const Rule*> rules;     // every known rule: hover text and .loclint.yaml validation
  Config cli;                         // the command line's settings, applied over each .loclint.yaml
  std::filesystem::path config_file;  // --config (empty: the nearest .loclint.yaml)
  bool no_config = false;             // --no-config
  std::filesystem::path census_cache_dir;  // the metadata census's cache (empty: none; --no-cache)
};

// Serves until `exit` or the end of input and returns the exit code LSP 3.17 prescribes:
// 0 when `shutdown` came before `exit`, 1 otherwise (also when the input just ends).
int serve(int in_fd, int out_fd, ServerOptions options);

// The hover text of a finding of `rule`: its page (what `loclint --explain` prints) and a link to
// the published page (rule_doc_url, the address SARIF's helpUri and codeDescription use), as
// Markdown or as plain text.
std::string hover_text(const Rule& rule, bool markdown);

}  // namespace loclint::lsp

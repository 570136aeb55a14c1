// The engine's work queue for one run: the files to lint, handed to the worker threads in order,
// and the documents parsed early because another file of the run links to them. Such a target
// is parsed whole (once) for its anchors and kept, within a memory budget, until a worker takes
// it, so each file of the run is parsed once.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "loclint/document.h"
#include "loclint/workspace.h"

namespace loclint {

class WorkQueue : public AnchorParser {
 public:
  // `files` as the engine names them (findings carry these paths); index = position.
  explicit WorkQueue(const std::vector<std::string>& files);

  // The next file to lint: `index` and, when it was parsed early, its document (else null).
  // A document parsed early goes first, to free it. False when every file was handed out.
  bool next(size_t& index, std::shared_ptr<const Document>& doc);

  // Parses a link target whose bytes the workspace read for its anchors. A file of this run not
  // yet handed out is parsed under its engine name and kept for a worker.
  std::shared_ptr<const AnchorSet> parse_anchors(const std::string& file, std::string bytes) override;

  // Documents parsed early and handed to a worker (parsed once, not twice).
  size_t handed_over() const {
    std::lock_guard lock(mutex_);
    return handed_over_;
  }

 private:
  struct Planned {
    std::string display;  // the path as the engine names it
    bool claimed = false;
    std::shared_ptr<const Document> parsed;  // parsed for its anchors, waiting for a worker
  };
  // Hands `p` to a worker (the caller holds the lock).
  bool claim(Planned& p, std::shared_ptr<const Document>& doc);

  mutable std::mutex mutex_;
  std::vector<Planned> plan_;
  std::unordered_map<std::string, size_t> index_;  // absolute normal path -> index
  std::vector<size_t> waiting_;                     // indexes whose `parsed` is set
  size_t waiting_bytes_ = 0;
  size_t next_ = 0;         // the next index in file order
  size_t handed_over_ = 0;
};

}  // namespace loclint

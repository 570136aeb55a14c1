#include "work_queue.h"

#include "loclint/engine.h"

namespace loclint {

namespace {
// Parsed documents waiting for a worker hold at most this much text (their models are a few
// times larger); past it, targets are parsed for their anchors alone.
constexpr size_t kWaitingBudget = 16u << 20;
}  // namespace

WorkQueue::WorkQueue(const std::vector<std::string>& files) {
  plan_.reserve(files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    plan_.push_back({files[i], false, nullptr});
    index_.emplace(absolute_normal_string(files[i]), i);
  }
}

bool WorkQueue::next(size_t& index, std::shared_ptr<const Document>& doc) {
  for (;;) {
    std::lock_guard lock(mutex_);
    while (!waiting_.empty()) {
      index = waiting_.back();
      waiting_.pop_back();
      Planned& p = plan_[index];
      if (p.claimed || !p.parsed) continue;
      return claim(p, doc);
    }
    index = next_++;
    if (index >= plan_.size()) return false;
    Planned& p = plan_[index];
    if (p.claimed) continue;  // already handed out from the waiting documents
    if (p.parsed) std::erase(waiting_, index);
    return claim(p, doc);
  }
}

bool WorkQueue::claim(Planned& p, std::shared_ptr<const Document>& doc) {
  p.claimed = true;
  if (p.parsed) {
    waiting_bytes_ -= p.parsed->text().size();
    doc = std::move(p.parsed);
    ++handed_over_;
  }
  return true;
}

std::shared_ptr<const AnchorSet> WorkQueue::parse_anchors(const std::string& file, std::string bytes) {
  size_t planned = SIZE_MAX;
  std::string display;
  {
    std::lock_guard lock(mutex_);
    if (auto it = index_.find(file); it != index_.end() && !plan_[it->second].claimed && waiting_bytes_ < kWaitingBudget) {
      planned = it->second;
      display = plan_[planned].display;
    }
  }
  if (planned == SIZE_MAX || !engine_parses(display, bytes))
    return std::make_shared<const AnchorSet>(anchor_set(*Document::parse(file, std::move(bytes))));
  std::shared_ptr<const Document> doc = Document::parse(display, std::move(bytes));
  auto set = std::make_shared<const AnchorSet>(anchor_set(*doc));
  std::lock_guard lock(mutex_);
  Planned& p = plan_[planned];
  if (!p.claimed) {
    waiting_bytes_ += doc->text().size();
    p.parsed = std::move(doc);
    waiting_.push_back(planned);
  }
  return set;
}

}  // namespace loclint

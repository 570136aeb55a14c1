#include "loclint/pairing.h"

#include <fmt/format.h>

#include "loclint/alignment.h"
#include "loclint/engine.h"
#include "loclint/read_file.h"
#include "loclint/workspace.h"

namespace loclint {

namespace {

// Source documents kept parsed at once, counted in bytes of text (their models are a few times
// larger). A source is normally asked for by one translation; several locales linted in one
// run (Hugo's `de` and `fr` beside `en`) ask again, usually while it is still kept.
constexpr size_t kSourceBudget = 32u << 20;

bool is_document_name(const fs::path& p) {
  std::string ext = lower_ascii(p.extension().string());
  return ext == ".md" || ext == ".markdown" || ext == ".yml" || ext == ".yaml" || ext == ".mdx";
}

}  // namespace

std::string Pair::where(uint32_t source_offset) const {
  if (!source) return source_name;
  return fmt::format("{}:{}", source_name, source->position(source_offset).line);
}

const Alignment& Pair::alignment() const {
  std::call_once(aligned_, [this] {
    alignment_ = source && translation ? std::make_shared<const Alignment>(align(*translation, *source))
                                       : std::make_shared<const Alignment>();
  });
  return *alignment_;
}

SourceChange Pair::source_change() const {
  if (!source_commit_ || !history_ || state != PairState::Paired) return {};
  return history_->change(source_commit_->value, source_path);
}

Strictness Pair::strictness() const {
  if (source_version_ == PairingSettings::SourceVersion::Translated) return Strictness::Full;
  switch (source_change().state) {
    case SourceChange::State::Unchanged:
      return source_version_ == PairingSettings::SourceVersion::Unknown ? Strictness::Safe : Strictness::Full;
    case SourceChange::State::Changed: return Strictness::None;
    case SourceChange::State::UnknownCommit:
    case SourceChange::State::NotTracked: return Strictness::Safe;
  }
  return Strictness::Safe;
}

SourceHistory& Pairing::history(const fs::path& source_root) {
  std::unique_lock lock(mutex_);
  auto& slot = histories_[source_root.string()];
  if (!slot) slot = std::make_unique<SourceHistory>(source_root);
  return *slot;
}

Pairing::Pairing(Workspace& workspace) : workspace_(workspace) {}
Pairing::~Pairing() = default;

std::shared_ptr<const Pair> Pairing::pair_of(const Document& doc, const Config& config) {
  // A side-by-side document carries its source in itself.
  if (!config.source_root || !doc.segments().empty()) return nullptr;
  const fs::path file = absolute_normal(doc.path());
  auto m = source_place(file, config, workspace_.repo_of(file)->root);
  // The source itself (a repository linted whole, with its source language inside it).
  if (!m || m->path == file) return nullptr;
  auto pair = std::make_shared<Pair>();
  pair->translation = &doc;
  pair->source_root = absolute_normal(*config.source_root);
  pair->locale = m->locale;
  pair->source_version_ = config.pairing.source_version;
  fs::path actual;
  Workspace::PathState state = workspace_.stat(m->path, &actual);
  pair->source_path = state == Workspace::PathState::CaseMismatch ? absolute_normal(actual) : m->path;
  pair->source_name = pair->source_path.lexically_relative(pair->source_root).generic_string();
  if (pair->source_name.empty() || pair->source_name.starts_with("..")) pair->source_name = pair->source_path.string();
  if (state != Workspace::PathState::Missing) pair->source = source_document(pair->source_path);
  if (pair->source) {
    pair->state = PairState::Paired;
    for (const std::string& key : config.pairing.source_commit_keys) {
      const FrontMatterEntry* e = doc.front_matter().find_path(key);
      if (e && e->is_scalar && !e->is_null && !e->value.empty()) {
        pair->source_commit_ = e;
        pair->history_ = &history(pair->source_root);
        break;
      }
    }
  } else {
    if (state != Workspace::PathState::Missing) return nullptr;  // there, but not a document: not ours to judge
    pair->state = PairState::MissingSource;
    std::string ext = lower_ascii(m->path.extension().string());
    if (ext == ".md" || ext == ".yml") {
      fs::path other = m->path;
      other.replace_extension(ext == ".md" ? ".yml" : ".md");
      if (workspace_.stat(other) != Workspace::PathState::Missing)
        pair->source_moved_to = other.lexically_relative(pair->source_root).generic_string();
    }
  }
  std::unique_lock lock(mutex_);
  ++(pair->state == PairState::Paired ? paired_ : missing_);
  return pair;
}

std::shared_ptr<const Document> Pairing::source_document(const fs::path& path) {
  const std::string key = absolute_normal(path).string();
  {
    std::shared_lock lock(mutex_);
    if (auto it = documents_.find(key); it != documents_.end()) return it->second;
  }
  if (!is_document_name(path)) return nullptr;
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return nullptr;
  std::string bytes, error;
  bool too_large = false;
  if (!read_file(key, bytes, error, too_large) || !engine_parses(key, bytes)) return nullptr;
  // Parsed outside the lock: two threads asking for one source at once may both parse it (the
  // same source is rarely asked for twice at the same time); the first one kept wins.
  std::shared_ptr<const Document> doc = Document::parse(path.string(), std::move(bytes));
  std::unique_lock lock(mutex_);
  auto [it, inserted] = documents_.emplace(key, doc);
  if (!inserted) return it->second;
  loaded_order_.push_back(key);
  loaded_bytes_ += doc->text().size();
  while (loaded_bytes_ > kSourceBudget && loaded_order_.size() > 1) {
    auto old = documents_.find(loaded_order_.front());
    loaded_bytes_ -= old->second->text().size();
    documents_.erase(old);
    loaded_order_.pop_front();
  }
  return doc;
}

size_t Pairing::paired() const {
  std::shared_lock lock(mutex_);
  return paired_;
}

size_t Pairing::missing() const {
  std::shared_lock lock(mutex_);
  return missing_;
}

}  // namespace loclint

// Pairing: the source-language document that a monolingual translation translates.
//
// A side-by-side document carries both languages; a monolingual one (the `live` branch of a
// localized docs repository, Hugo's `content/de/`, Docusaurus' `i18n/de/...`, MkDocs'
// `page.de.md`, MDN's `files/ja/`) has its source in another tree or another file. With a
// source root (`--source-root DIR` or `source-root:` in `.loclint.yaml`) every document of the
// run that has no segments is paired with the document at its place in the source tree
// (source_layout.h: the same path relative to the roots, or the first `pairing.paths` template
// that matches).
// A document whose source path is the document itself (Hugo's `content/en/` when the whole
// repository is linted) is a source, not a translation: it is not paired.
//
// Checks ask `Env::pair` (check.h); they never read the source tree themselves. Source
// documents are parsed once per run and shared by all threads.
#pragma once

#include <cstdint>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "loclint/config.h"
#include "loclint/document.h"
#include "loclint/source_layout.h"
#include "loclint/source_history.h"

namespace loclint {

class Workspace;
struct Alignment;
namespace fs = std::filesystem;

enum class PairState : uint8_t {
  Paired,         // the source document was found and parsed: `Pair::source` is set
  MissingSource,  // the layout names a source path that holds no document
};

// How much of a paired document may be compared with its source.
enum class Strictness : uint8_t {
  // The source is the version that was translated (the translation names its source commit and
  // git says the file has not changed since, or `pairing.source-version: translated`): every
  // difference is the translation's.
  Full,
  // The version is unknown (no commit named, the source tree is not in git, or git does not have
  // the commit): the source may be older or newer than what was translated, so a block, a section
  // or a key added or removed may be an edit of the source. Only what the translation altered (an
  // anchor of the source changed in case, spacing, form or a few characters) is compared.
  Safe,
  // The source changed since the named commit: pair/stale-translation says so, once.
  None,
};

// A document of the run and its source document. Made by Pairing::pair_of for one document
// and alive while that document is linted.
class Pair {
 public:
  PairState state = PairState::MissingSource;
  const Document* translation = nullptr;  // the document this pair was made for
  fs::path source_root;                   // absolute, lexically normal
  fs::path source_path;                   // absolute, lexically normal
  std::string source_name;                // source_path relative to source_root, forward slashes
  std::string locale;                     // what `{locale}` matched; empty for the same-path layout
  std::shared_ptr<const Document> source; // Paired only
  // The source's other extension holds a document (`faq.md` translated, `faq.yml` in the
  // source): the name of that file, for the MissingSource message.
  std::string source_moved_to;

  // `business-central/foo.md:42`: where a byte offset of the source is, for messages.
  std::string where(uint32_t source_offset) const;

  // The block alignment of `translation` with `source` (alignment.h), computed on first use.
  // Paired only.
  const Alignment& alignment() const;

  // The entry of the translation's front matter that names the source commit it was made from
  // (the first of `pairing.source-commit-key` present with a non-empty scalar value), or nullptr.
  const FrontMatterEntry* source_commit() const { return source_commit_; }
  // What changed in the source file since that commit (source_history.h): NotTracked without a
  // named commit or outside git. Paired only; git runs once per distinct commit and run.
  SourceChange source_change() const;
  // How much may be compared: from `pairing.source-version` and source_change().
  Strictness strictness() const;

 private:
  friend class Pairing;
  PairingSettings::SourceVersion source_version_ = PairingSettings::SourceVersion::Auto;
  const FrontMatterEntry* source_commit_ = nullptr;
  SourceHistory* history_ = nullptr;
  mutable std::once_flag aligned_;
  mutable std::shared_ptr<const Alignment> alignment_;
};

class Pairing {
 public:
  explicit Pairing(Workspace& workspace);
  ~Pairing();
  Pairing(const Pairing&) = delete;
  Pairing& operator=(const Pairing&) = delete;

  // The pair of a document of the run under its configuration; null when the document is not
  // paired (no source root, side-by-side segments, no template matches, or it is the source).
  std::shared_ptr<const Pair> pair_of(const Document& doc, const Config& config);

  // The document at `path` in a source tree, parsed once per run (kept within a memory budget,
  // then parsed again when asked again); null when it cannot be read or is not a document.
  std::shared_ptr<const Document> source_document(const fs::path& path);

  // Counts for the run summary: documents paired, and translations whose source is missing.
  size_t paired() const;
  size_t missing() const;

 private:
  SourceHistory& history(const fs::path& source_root);

  Workspace& workspace_;
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const Document>> documents_;
  std::deque<std::string> loaded_order_;  // oldest first, for eviction
  size_t loaded_bytes_ = 0;
  std::unordered_map<std::string, std::unique_ptr<SourceHistory>> histories_;  // by source root
  size_t paired_ = 0, missing_ = 0;
};

}  // namespace loclint

// What a check is: a pure function of a Document and its Env that reports to a Reporter.
//
// A check does no I/O and prints nothing. Everything outside the file (does this path exist,
// what locale is this tree, where is the source-language tree) comes from Env.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "loclint/config.h"
#include "loclint/diagnostic.h"
#include "loclint/document.h"
#include "loclint/pairing.h"
#include "loclint/workspace.h"

namespace loclint {

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void report(Diagnostic diagnostic) = 0;

  void report(const Rule& rule, Span span, std::string message, std::string source_text = {},
              std::string source_location = {}) {
    Diagnostic d = Diagnostic::of(rule, span, std::move(message), std::move(source_text));
    d.source_location = std::move(source_location);
    report(std::move(d));
  }
  // A finding the source has too (see Origin): `source_text` quotes the source's side of it.
  void report_inherited(const Rule& rule, Span span, std::string message, std::string source_text) {
    Diagnostic d = Diagnostic::of(rule, span, std::move(message), std::move(source_text));
    d.origin = Origin::Inherited;
    report(std::move(d));
  }
  // Counts one occurrence of a run-level note. A reporter that shows no run summary ignores it.
  virtual void count(const SummaryNote&) {}
};

struct Env {
  Env(const Config& c, Workspace& w, const Pair* p = nullptr) : config(c), workspace(w), pair(p) {}

  const Config& config;
  Workspace& workspace;  // thread-safe; shared by every file of the run
  // The document's source document when the run pairs trees (pairing.h): null when there is no
  // source root or the document is side-by-side, else Paired (with `source`) or MissingSource.
  const Pair* pair = nullptr;

  // What several checks of this document need and one makes (metadata's expectations: the
  // docset's census, the scope, the keys): the first that asks stores it under the address of a
  // static of its own, the others take it. One Env per document, its checks run one after
  // another on one thread (Engine::lint_document), so no lock.
  template <typename T, typename Make>
  const T& shared(const void* tag, Make make) const {
    for (const auto& [t, value] : shared_)
      if (t == tag) return *static_cast<const T*>(value.get());
    auto value = std::make_shared<const T>(make());
    const T& ref = *value;
    shared_.emplace_back(tag, std::move(value));
    return ref;
  }

 private:
  mutable std::vector<std::pair<const void*, std::shared_ptr<const void>>> shared_;
};

struct Check {
  std::vector<const Rule*> rules;   // every rule this check may report; it runs when one is enabled
  std::function<void(const Document&, const Env&, Reporter&)> run;
};

}  // namespace loclint

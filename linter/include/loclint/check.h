// What a check is: a pure function of a Document and its Env that reports to a Reporter.
//
// A check does no I/O and prints nothing. Everything outside the file (does this path exist,
// what locale is this tree, where is the source-language tree) comes from Env.
#pragma once

#include <functional>
#include <string>
#include <string_view>
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
  const Config& config;
  Workspace& workspace;  // thread-safe; shared by every file of the run
  // The document's source document when the run pairs trees (pairing.h): null when there is no
  // source root or the document is side-by-side, else Paired (with `source`) or MissingSource.
  const Pair* pair = nullptr;
};

struct Check {
  std::vector<const Rule*> rules;   // every rule this check may report; it runs when one is enabled
  std::function<void(const Document&, const Env&, Reporter&)> run;
};

}  // namespace loclint

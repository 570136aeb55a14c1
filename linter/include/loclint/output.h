// Output formats. Every format renders the same Finding model; each states its column unit.
//
//   compiler    path:line:col: severity: message [rule]          (people, Vim, Emacs, VS Code)
//   json        one object per diagnostic, positions in --column-unit
//   sarif       SARIF 2.1.0 for GitHub code scanning
//   github      GitHub Actions workflow commands (annotations on a pull request)
//   checkstyle  Checkstyle XML (reviewdog, Jenkins warnings-ng, GitLab converters)
//   junit       JUnit XML (CI test reports)
//
// Every format is injection-safe: text from a document (quoted in messages) can never break a
// line of compiler output, start a workflow command, or end an XML attribute.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "loclint/diagnostic.h"
#include "loclint/run.h"
#include "loclint/version.h"

namespace loclint {

struct RenderOptions {
  ColumnUnit column_unit = ColumnUnit::CodePoint;
  bool color = false;
  std::vector<const Rule*> rules;  // every known rule (SARIF rules[])
  // Folder that URIs are made relative to (SARIF: the repository root). Relative finding paths
  // are taken relative to `working_dir` first. Both empty: paths are used as given.
  std::string base_dir;
  std::string working_dir;
  std::string tool_version = std::string(kVersion);
  std::string docs_url = std::string(kDocsUrl);  // where docs/rules/ is published (SARIF helpUri)
  // Threads a renderer may format with (the run's -j); the output is the same for any number.
  unsigned jobs = 1;
};

class Renderer {
 public:
  virtual ~Renderer() = default;
  // Called once with everything; formats that stream can print as they go in the future.
  virtual void render(const std::vector<Finding>& findings, const RunStats& stats) = 0;
};

std::vector<std::string> output_formats();
// nullptr for an unknown format.
std::unique_ptr<Renderer> make_renderer(std::string_view format, std::ostream& out, const RenderOptions& options);

// `N errors, M warnings in K files`.
std::string summary_line(const RunStats& stats);
// One line per run-level note: `note: 331 image links not checked: ...`.
std::vector<std::string> summary_note_lines(const RunStats& stats);

// The path of a finding as a URI reference relative to options.base_dir (forward slashes,
// percent-encoded), or an absolute `file://` URI when it lies outside. `relative` tells which.
std::string finding_uri(const std::string& path, const RenderOptions& options, bool* relative = nullptr);
// The same path relative to options.base_dir, not encoded (absolute when it lies outside).
std::string repo_relative_path(const std::string& path, const RenderOptions& options, bool* relative = nullptr);

}  // namespace loclint

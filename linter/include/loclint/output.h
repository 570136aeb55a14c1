// Output formats. Every format renders the same Finding model.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "loclint/diagnostic.h"
#include "loclint/engine.h"

namespace loclint {

struct RenderOptions {
  ColumnUnit column_unit = ColumnUnit::CodePoint;
  bool color = false;
  std::vector<const Rule*> rules;  // every known rule (SARIF rules[])
  std::string base_dir;            // for repo-relative URIs
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

}  // namespace loclint

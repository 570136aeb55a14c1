#include "loclint/output.h"

#include <fmt/format.h>

namespace loclint {

namespace {

Position start_of(const Finding& f, ColumnUnit unit) {
  switch (unit) {
    case ColumnUnit::Utf16: return f.start_utf16;
    case ColumnUnit::Byte: return f.start_byte;
    default: return f.start;
  }
}

// path:line:col: severity: message [rule]
class CompilerRenderer : public Renderer {
 public:
  CompilerRenderer(std::ostream& out, const RenderOptions& o) : out_(out), o_(o) {}
  void render(const std::vector<Finding>& findings, const RunStats&) override {
    for (const Finding& f : findings) {
      Position p = start_of(f, o_.column_unit);
      std::string_view sev = to_string(f.diagnostic.severity);
      std::string path = escape_controls(f.path);
      std::string message = escape_controls(f.diagnostic.message);
      if (o_.color) {
        const char* c = f.diagnostic.severity == Severity::Error     ? "\x1b[1;31m"
                        : f.diagnostic.severity == Severity::Warning ? "\x1b[1;35m"
                                                                     : "\x1b[1;36m";
        out_ << fmt::format("\x1b[1m{}:{}:{}:\x1b[0m {}{}:\x1b[0m {} \x1b[2m[{}]\x1b[0m\n", path, p.line, p.column, c,
                            sev, message, f.diagnostic.rule->id);
      } else {
        out_ << fmt::format("{}:{}:{}: {}: {} [{}]\n", path, p.line, p.column, sev, message, f.diagnostic.rule->id);
      }
    }
  }

 private:
  std::ostream& out_;
  RenderOptions o_;
};

}  // namespace

std::vector<std::string> output_formats() { return {"compiler"}; }

std::unique_ptr<Renderer> make_renderer(std::string_view format, std::ostream& out, const RenderOptions& options) {
  if (format == "compiler") return std::make_unique<CompilerRenderer>(out, options);
  return nullptr;
}

std::string summary_line(const RunStats& s) {
  auto plural = [](size_t n, std::string_view word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); };
  std::string line = plural(s.errors, "error") + ", " + plural(s.warnings, "warning");
  if (s.notes) line += ", " + plural(s.notes, "note");
  line += " in " + plural(s.files, "file");
  return line;
}

}  // namespace loclint

// `compiler`: path:line:col: severity: message [rule] -- what gcc prints, so Vim's errorformat,
// Emacs' compilation mode and VS Code's problem matchers read it as they are.
#include <fmt/format.h>

#include "render_util.h"

namespace loclint::output {

namespace {

class CompilerRenderer : public Renderer {
 public:
  CompilerRenderer(std::ostream& out, const RenderOptions& o) : out_(out), o_(o) {}
  void render(const std::vector<Finding>& findings, const RunStats&) override {
    // Lines are formatted into one buffer and written a block at a time: one stream write per
    // 64 KiB, not per finding (thousands of findings on a tree of API pages).
    fmt::memory_buffer buffer;
    auto flush = [&] {
      out_.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      buffer.clear();
    };
    for (const Finding& f : findings) {
      Position p = start_of(f, o_.column_unit);
      std::string_view sev = to_string(f.diagnostic.severity);
      std::string path = safe_text(f.path);
      std::string message = message_text(f.diagnostic);
      if (o_.color) {
        const char* c = f.diagnostic.severity == Severity::Error     ? "\x1b[1;31m"
                        : f.diagnostic.severity == Severity::Warning ? "\x1b[1;35m"
                                                                     : "\x1b[1;36m";
        fmt::format_to(std::back_inserter(buffer), "\x1b[1m{}:{}:{}:\x1b[0m {}{}:\x1b[0m {} \x1b[2m[{}]\x1b[0m\n", path, p.line,
                       p.column, c, sev, message, f.diagnostic.rule->id);
      } else {
        fmt::format_to(std::back_inserter(buffer), "{}:{}:{}: {}: {} [{}]\n", path, p.line, p.column, sev, message,
                       f.diagnostic.rule->id);
      }
      if (buffer.size() >= (64u << 10)) flush();
    }
    flush();
  }

 private:
  std::ostream& out_;
  RenderOptions o_;
};

}  // namespace

std::unique_ptr<Renderer> make_compiler(std::ostream& out, const RenderOptions& o) {
  return std::make_unique<CompilerRenderer>(out, o);
}

}  // namespace loclint::output

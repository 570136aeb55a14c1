// `compiler`: path:line:col: severity: message [rule] -- what gcc prints, so Vim's errorformat,
// Emacs' compilation mode and VS Code's problem matchers read it as they are.
#include <fmt/format.h>

#include <algorithm>
#include <system_error>
#include <thread>
#include <vector>

#include "render_util.h"

namespace loclint::output {

namespace {

class CompilerRenderer : public Renderer {
 public:
  CompilerRenderer(std::ostream& out, const RenderOptions& o) : out_(out), o_(o) {}
  void render(const std::vector<Finding>& findings, const RunStats&) override {
    // Lines are formatted into buffers and written a buffer at a time, not a line at a time
    // (thousands of findings on a tree of API pages). Findings are taken in rounds of kRound
    // (at most a few MB of text held); a round is split among the run's jobs into parts of at
    // least kPerThread findings (so from 2 x kPerThread on), since printing is otherwise the
    // longest serial part of such a run. The buffers are written in order: the output is the
    // same for any number of jobs.
    constexpr size_t kRound = 16384, kPerThread = 1024;
    for (size_t begin = 0; begin < findings.size(); begin += kRound) {
      const size_t end = std::min(findings.size(), begin + kRound);
      const size_t parts = std::clamp<size_t>((end - begin) / kPerThread, 1, std::max(1u, o_.jobs));
      std::vector<fmt::memory_buffer> buffers(parts);
      auto part = [&](size_t k) {
        const size_t from = begin + (end - begin) * k / parts, to = begin + (end - begin) * (k + 1) / parts;
        for (size_t i = from; i < to; ++i) format(findings[i], buffers[k]);
      };
      std::vector<std::thread> helpers;
      try {
        for (size_t k = 1; k < parts; ++k) helpers.emplace_back(part, k);
      } catch (const std::system_error&) {
        // No thread to be had (a process limit): this thread formats the parts left.
      }
      part(0);
      for (size_t k = helpers.size() + 1; k < parts; ++k) part(k);
      for (auto& t : helpers) t.join();
      for (const auto& b : buffers) out_.write(b.data(), static_cast<std::streamsize>(b.size()));
    }
  }

 private:
  void format(const Finding& f, fmt::memory_buffer& buffer) const {
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
  }

  std::ostream& out_;
  RenderOptions o_;
};

}  // namespace

std::unique_ptr<Renderer> make_compiler(std::ostream& out, const RenderOptions& o) {
  return std::make_unique<CompilerRenderer>(out, o);
}

}  // namespace loclint::output

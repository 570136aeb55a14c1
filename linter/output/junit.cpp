// `junit`: JUnit XML for CI test-report views (GitLab, Jenkins, Azure Pipelines).
// One <testsuite> per file with findings, one failed <testcase> per finding (named after the
// rule and position, classname the path); a clean run is one passing test case, so the report
// is never empty. The failure text is the compiler-format line.
#include <fmt/format.h>
#include <tinyxml2.h>

#include "render_util.h"

namespace loclint::output {

namespace {

class JunitRenderer : public Renderer {
 public:
  JunitRenderer(std::ostream& out, const RenderOptions& o) : out_(out), o_(o) {}
  void render(const std::vector<Finding>& findings, const RunStats& stats) override {
    tinyxml2::XMLPrinter p;
    p.PushDeclaration("xml version=\"1.0\" encoding=\"UTF-8\"");
    size_t total = std::max<size_t>(findings.size(), 1);
    p.OpenElement("testsuites");
    p.PushAttribute("name", "loclint");
    p.PushAttribute("tests", static_cast<uint64_t>(total));
    p.PushAttribute("failures", static_cast<uint64_t>(findings.size()));
    if (findings.empty()) {
      p.OpenElement("testsuite");
      p.PushAttribute("name", "loclint");
      p.PushAttribute("tests", 1);
      p.PushAttribute("failures", 0);
      p.OpenElement("testcase");
      p.PushAttribute("name", fmt::format("{} file{} linted", stats.files, stats.files == 1 ? "" : "s").c_str());
      p.PushAttribute("classname", "loclint");
      p.CloseElement();
      p.CloseElement();
    }
    for (size_t i = 0; i < findings.size();) {
      size_t j = i;
      while (j < findings.size() && findings[j].path == findings[i].path) ++j;
      std::string path = safe_text(findings[i].path);
      p.OpenElement("testsuite");
      p.PushAttribute("name", path.c_str());
      p.PushAttribute("tests", static_cast<uint64_t>(j - i));
      p.PushAttribute("failures", static_cast<uint64_t>(j - i));
      for (; i < j; ++i) {
        const Finding& f = findings[i];
        Position s = start_of(f, o_.column_unit);
        std::string message = message_text(f.diagnostic);
        std::string where = f.whole_file ? path : fmt::format("{}:{}:{}", path, s.line, s.column);
        p.OpenElement("testcase");
        p.PushAttribute("name", (f.whole_file ? std::string(f.diagnostic.rule->id)
                                              : fmt::format("{} at {}:{}", f.diagnostic.rule->id, s.line, s.column))
                                    .c_str());
        p.PushAttribute("classname", path.c_str());
        if (!f.whole_file) {
          p.PushAttribute("file", path.c_str());
          p.PushAttribute("line", static_cast<unsigned>(s.line));
        }
        p.OpenElement("failure");
        p.PushAttribute("message", message.c_str());
        p.PushAttribute("type", std::string(to_string(f.diagnostic.severity)).c_str());
        p.PushText(fmt::format("{}: {}: {} [{}]", where, to_string(f.diagnostic.severity), message, f.diagnostic.rule->id).c_str());
        p.CloseElement();
        p.CloseElement();
      }
      p.CloseElement();
    }
    p.CloseElement();
    out_ << p.CStr();
  }

 private:
  std::ostream& out_;
  RenderOptions o_;
};

}  // namespace

std::unique_ptr<Renderer> make_junit(std::ostream& out, const RenderOptions& o) { return std::make_unique<JunitRenderer>(out, o); }

}  // namespace loclint::output

// `checkstyle`: Checkstyle XML, read by reviewdog, Jenkins' warnings-ng and many CI converters.
//   <checkstyle version="4.3"><file name="PATH"><error line="L" column="C" severity="error"
//     message="..." source="family/rule"/></file></checkstyle>
// tinyxml2 escapes markup characters; safe_text removes the control characters XML 1.0 cannot
// carry at all. Findings about a whole file have no line or column attribute.
#include <tinyxml2.h>

#include "render_util.h"

namespace loclint::output {

namespace {

std::string_view checkstyle_severity(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    default: return "info";
  }
}

class CheckstyleRenderer : public Renderer {
 public:
  CheckstyleRenderer(std::ostream& out, const RenderOptions& o) : out_(out), o_(o) {}
  void render(const std::vector<Finding>& findings, const RunStats&) override {
    tinyxml2::XMLPrinter p;
    p.PushDeclaration("xml version=\"1.0\" encoding=\"UTF-8\"");
    p.OpenElement("checkstyle");
    p.PushAttribute("version", "4.3");
    const std::string* open_path = nullptr;
    for (const Finding& f : findings) {
      if (!open_path || *open_path != f.path) {
        if (open_path) p.CloseElement();
        p.OpenElement("file");
        p.PushAttribute("name", safe_text(f.path).c_str());
        open_path = &f.path;
      }
      p.OpenElement("error");
      if (!f.whole_file) {
        Position s = start_of(f, o_.column_unit);
        p.PushAttribute("line", static_cast<unsigned>(s.line));
        p.PushAttribute("column", static_cast<unsigned>(s.column));
      }
      p.PushAttribute("severity", std::string(checkstyle_severity(f.diagnostic.severity)).c_str());
      p.PushAttribute("message", message_text(f.diagnostic).c_str());
      p.PushAttribute("source", std::string(f.diagnostic.rule->id).c_str());
      p.CloseElement();
    }
    if (open_path) p.CloseElement();
    p.CloseElement();
    out_ << p.CStr();
  }

 private:
  std::ostream& out_;
  RenderOptions o_;
};

}  // namespace

std::unique_ptr<Renderer> make_checkstyle(std::ostream& out, const RenderOptions& o) {
  return std::make_unique<CheckstyleRenderer>(out, o);
}

}  // namespace loclint::output

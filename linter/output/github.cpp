// `github`: GitHub Actions workflow commands, shown as annotations on the pull request:
//   ::error file=PATH,line=L,col=C,endLine=L,endColumn=C,title=RULE::MESSAGE
// Escapes as GitHub's runner defines them: in the message `%`, CR and LF; in property values
// also `:` and `,`. Document text is escaped by safe_text first, so no line of this output can be
// anything but one annotation (a crafted message cannot start a `::set-env` or `::add-mask`).
#include <fmt/format.h>

#include "render_util.h"

namespace loclint::output {

namespace {

std::string escape_data(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      default: out += c;
    }
  }
  return out;
}

std::string escape_property(std::string_view s) {
  std::string out;
  for (char c : escape_data(s)) {
    switch (c) {
      case ':': out += "%3A"; break;
      case ',': out += "%2C"; break;
      default: out += c;
    }
  }
  return out;
}

std::string_view command(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    default: return "notice";
  }
}

class GithubRenderer : public Renderer {
 public:
  GithubRenderer(std::ostream& out, const RenderOptions& o) : out_(out), o_(o) {}
  void render(const std::vector<Finding>& findings, const RunStats&) override {
    for (const Finding& f : findings) {
      std::string props = "file=" + escape_property(safe_text(repo_relative_path(f.path, o_)));
      if (!f.whole_file) {
        Position s = start_of(f, o_.column_unit), e = end_of(f, o_.column_unit);
        props += fmt::format(",line={},col={}", s.line, s.column);
        // GitHub draws a range only within one line; endColumn is inclusive there.
        if (e.line == s.line && e.column > s.column)
          props += fmt::format(",endLine={},endColumn={}", e.line, e.column - 1);
      }
      props += ",title=" + escape_property(f.diagnostic.rule->id);
      out_ << "::" << command(f.diagnostic.severity) << " " << props
           << "::" << escape_data(message_text(f.diagnostic)) << "\n";
    }
  }

 private:
  std::ostream& out_;
  RenderOptions o_;
};

}  // namespace

std::unique_ptr<Renderer> make_github(std::ostream& out, const RenderOptions& o) {
  return std::make_unique<GithubRenderer>(out, o);
}

}  // namespace loclint::output

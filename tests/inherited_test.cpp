// Findings inherited from the source (Origin::Inherited): the engine applies --inherited /
// `inherited:` to them in one place, whatever the rule; the exit code ignores inherited notes;
// every format marks them (the golden files of output_test show each format's rendering).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "loclint/config_file.h"
#include "loclint/engine.h"
#include "loclint/output.h"
#include "process_util.h"
#include "registry.h"

namespace fs = std::filesystem;
using namespace loclint;
using namespace loclint::testing;

namespace {

const Rule kErrorRule{.id = "test/copied-markup", .severity = Severity::Error, .summary = "s", .checks = "c",
                      .why = "w", .fires = {.text = "x"}};
const Rule kWarningRule{.id = "test/copied-text", .severity = Severity::Warning, .summary = "s", .checks = "c",
                        .why = "w", .fires = {.text = "x"}};

// A check that reports one finding of each origin on the word "copied" of every document.
Check both_origins(const Rule& rule) {
  return Check{{&rule}, [&rule](const Document& doc, const Env&, Reporter& r) {
                 uint32_t at = static_cast<uint32_t>(doc.text().find("copied"));
                 r.report(rule, {at, at + 6}, "broken by the translation");
                 r.report_inherited(rule, {at, at + 6}, "present in the source too", "copied");
               }};
}

std::vector<Finding> lint(Config config, const Rule& rule = kErrorRule) {
  Engine engine(config, {both_origins(rule)});
  Workspace ws;
  auto doc = Document::parse("doc.md", "text copied here\n");
  return engine.lint_document(*doc, ws);
}

const Finding* inherited_of(const std::vector<Finding>& fs) {
  for (const Finding& f : fs)
    if (f.diagnostic.inherited()) return &f;
  return nullptr;
}

TEST(Inherited, DefaultIsANoteWithTheSourceQuoted) {
  auto fs = lint({});
  ASSERT_EQ(fs.size(), 2u);
  const Finding* f = inherited_of(fs);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->diagnostic.severity, Severity::Note);
  EXPECT_EQ(f->diagnostic.source_text, "copied");
  // The translation's own finding keeps its rule's severity.
  for (const Finding& g : fs)
    if (!g.diagnostic.inherited()) EXPECT_EQ(g.diagnostic.severity, Severity::Error);
}

TEST(Inherited, OffDropsOnlyTheInheritedFindings) {
  Config c;
  c.inherited = InheritedLevel::Off;
  auto fs = lint(c);
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_FALSE(fs[0].diagnostic.inherited());
}

TEST(Inherited, RaisedButNeverAboveTheRulesOwnSeverity) {
  Config c;
  c.inherited = InheritedLevel::Warning;
  EXPECT_EQ(inherited_of(lint(c))->diagnostic.severity, Severity::Warning);
  c.inherited = InheritedLevel::Error;
  EXPECT_EQ(inherited_of(lint(c))->diagnostic.severity, Severity::Error);
  EXPECT_EQ(inherited_of(lint(c, kWarningRule))->diagnostic.severity, Severity::Warning);
  c.severity["test/copied-markup"] = Severity::Note;
  EXPECT_EQ(inherited_of(lint(c))->diagnostic.severity, Severity::Note);
}

TEST(Inherited, ADisabledRuleReportsNeither) {
  Config c;
  c.enable = {{"test", false}};
  EXPECT_TRUE(lint(c).empty());
}

TEST(Inherited, ExitCodeIgnoresInheritedNotesUnlessRaised) {
  Diagnostic d = Diagnostic::of(kErrorRule, {}, "m");
  d.origin = Origin::Inherited;
  d.severity = Severity::Note;
  EXPECT_FALSE(fails(FailOn::Note, d));
  d.severity = Severity::Warning;
  EXPECT_TRUE(fails(FailOn::Warning, d));
  EXPECT_FALSE(fails(FailOn::Error, d));
  d.origin = Origin::Translation;
  d.severity = Severity::Note;
  EXPECT_TRUE(fails(FailOn::Note, d));
}

TEST(Inherited, ConfigFileKeyIsValidatedAndTheCommandLineWins) {
  ScratchDir dir;
  write_file(dir / ".loclint.yaml", "inherited: warning\n");
  Config f = load_config_file(dir / ".loclint.yaml", checks::all_rules());
  EXPECT_EQ(f.inherited, InheritedLevel::Warning);
  EXPECT_EQ(merge_configs(f, Config{}).inherited, InheritedLevel::Warning);
  Config cli;
  cli.inherited = InheritedLevel::Off;
  EXPECT_EQ(merge_configs(f, cli).inherited, InheritedLevel::Off);

  write_file(dir / ".loclint.yaml", "inherited: loud\n");
  try {
    load_config_file(dir / ".loclint.yaml", checks::all_rules());
    ADD_FAILURE() << "no error for 'inherited: loud'";
  } catch (const ConfigError& e) {
    EXPECT_TRUE(std::string(e.what()).ends_with(":1:12: 'inherited': expected off, note, warning or error")) << e.what();
  }
}

std::string render(std::string_view format, const std::vector<Finding>& fs) {
  std::ostringstream out;
  RenderOptions o;
  o.rules = {&kErrorRule};
  RunStats s;
  s.files = 1;
  s.count_severities(fs);
  make_renderer(format, out, o)->render(fs, s);
  return out.str();
}

TEST(Inherited, EveryFormatMarksIt) {
  auto fs = lint({});
  std::string compiler = render("compiler", fs);
  EXPECT_NE(compiler.find("doc.md:1:6: note: present in the source too (inherited from the source) [test/copied-markup]\n"),
            std::string::npos) << compiler;
  EXPECT_NE(compiler.find("doc.md:1:6: error: broken by the translation [test/copied-markup]\n"), std::string::npos);

  auto json = nlohmann::json::parse(render("json", fs));
  int marked = 0;
  for (const auto& d : json["diagnostics"])
    if (d.value("origin", "") == "inherited") {
      ++marked;
      EXPECT_EQ(d["message"], "present in the source too");
      EXPECT_EQ(d["severity"], "note");
      EXPECT_EQ(d["sourceText"], "copied");
    }
  EXPECT_EQ(marked, 1);
  EXPECT_EQ(json["summary"]["inherited"], 1);

  auto sarif = nlohmann::json::parse(render("sarif", fs));
  marked = 0;
  for (const auto& r : sarif["runs"][0]["results"])
    if (r.contains("properties") && r["properties"]["origin"] == "inherited") {
      ++marked;
      EXPECT_EQ(r["level"], "note");
    }
  EXPECT_EQ(marked, 1);

  for (std::string_view f : {"github", "checkstyle", "junit"})
    EXPECT_NE(render(f, fs).find("present in the source too (inherited from the source)"), std::string::npos) << f;

  RunStats s;
  s.files = 1;
  s.count_severities(fs);
  EXPECT_EQ(summary_line(s), "1 error, 0 warnings, 1 note (1 inherited from the source) in 1 file");
}

// End to end with a real check: a `</br>` copied into both halves of a segment.
TEST(InheritedCli, CopiedEndTagIsANoteThatDoesNotFailTheRun) {
  ScratchDir dir;
  write_file(dir / ".loclint.yaml", kTitleOnlyConfig);
  write_file(dir / "a.md",
             "---\ntitle: T\n---\n\n<span data-ttu-id=\"f4053-101\">Un + </br> deux.</span><span class=\"sxs-lookup\">"
             "<span data-stu-id=\"f4053-101\">One + </br> two.</span></span>\n");
  const std::string loclint = sh_quote(LOCLINT_BINARY);
  Result r = run(loclint + " --fail-on note a.md", dir.path());
  EXPECT_EQ(r.exit, 0) << r.out << r.err;
  EXPECT_EQ(r.out,
            "a.md:5:36: note: end tag '</br>' in translation span 'f4053-101' closes nothing; it was copied from the "
            "source (inherited from the source) [segment/unclosed-span]\n");
  EXPECT_NE(r.err.find("1 note (1 inherited from the source)"), std::string::npos) << r.err;

  r = run(loclint + " --inherited warning --fail-on warning a.md", dir.path());
  EXPECT_EQ(r.exit, 1);
  EXPECT_NE(r.out.find(": warning: end tag '</br>'"), std::string::npos) << r.out;

  write_file(dir / ".loclint.yaml", std::string(kTitleOnlyConfig) + "inherited: off\n");
  r = run(loclint + " --fail-on note a.md", dir.path());
  EXPECT_EQ(r.exit, 0);
  EXPECT_EQ(r.out, "");
  r = run(loclint + " --inherited error a.md", dir.path());  // the command line wins
  EXPECT_EQ(r.exit, 1);
  EXPECT_NE(r.out.find(": error: end tag '</br>'"), std::string::npos) << r.out;
}

TEST(InheritedCli, BadValueIsAUsageError) {
  ScratchDir dir;
  write_file(dir / "a.md", "---\ntitle: T\n---\n\nText.\n");
  Result r = run(sh_quote(LOCLINT_BINARY) + " --no-config --inherited loud a.md", dir.path());
  EXPECT_EQ(r.exit, 2) << r.err;
}

}  // namespace

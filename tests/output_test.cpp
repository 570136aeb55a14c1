// The output formats: golden files for every format, and injection safety.
//
// The findings come from a small document with hostile text (terminal escapes, a newline, a
// forged workflow command, XML markup, a bidi override, invalid UTF-8, characters outside the
// BMP) and a path with a space, a comma and a colon. To refresh the golden files after an
// intended change: LOCLINT_UPDATE_GOLDEN=1 ./build/output_test, then review the diff.
#include <gtest/gtest.h>
#include <tinyxml2.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "loclint/document.h"
#include "loclint/core_rules.h"
#include "loclint/locate.h"
#include "loclint/output.h"

namespace fs = std::filesystem;
using namespace loclint;

namespace {

const fs::path kGolden = fs::path(LOCLINT_SOURCE_DIR) / "tests" / "golden" / "output";

const Rule kTestError{.id = "test/error-rule", .severity = Severity::Error, .summary = "an error for the tests",
                      .checks = "Checks.", .why = "Explained.", .fires = {.text = "example"}};
const Rule kTestWarning{.id = "test/warning-rule", .severity = Severity::Warning, .summary = "a warning for the tests",
                        .checks = "Checks <b>&</b>.", .why = "Explained.", .fires = {.text = "a \"quoted\" example"}};
const Rule kTestNote{.id = "test/note-rule", .severity = Severity::Note, .summary = "a note for the tests",
                     .checks = "Checks.", .why = "Explained.", .fires = {.text = "example"}};

// Line 3 holds an emoji before the finding, so code point, UTF-16 and byte columns differ.
const std::string kText =
    "---\ntitle: T\n---\n"
    "\xF0\x9F\x98\x80 \xC3\xA9t\xC3\xA9 target here\n"
    "second line\n";

const Rule& unreadable_rule() {
  for (const Rule* r : core_rules())
    if (r->id == "loclint/unreadable-file") return *r;
  throw std::logic_error("no loclint/unreadable-file");
}

Diagnostic diag(const Rule& rule, Span span, std::string message, std::string source = {}) {
  return Diagnostic::of(rule, span, std::move(message), std::move(source));
}

std::vector<Finding> sample_findings() {
  auto doc = Document::parse("docs/a b,c:d.md", kText);
  uint32_t target = static_cast<uint32_t>(kText.find("target"));
  uint32_t second = static_cast<uint32_t>(kText.find("second"));
  std::vector<Finding> out;
  out.push_back(locate(*doc, diag(kTestError, {target, target + 6},
                                  "command differs: 'a\x1b]0;pwned\x07' in translation, 'b\nc' in source",
                                  "source \x1b[31mred")));
  out.push_back(locate(*doc, diag(kTestWarning, {target, target + 6},
                                  "markup <b attr=\"&amp;\">&</b> and 100% %0A, commas: colons")));
  out.push_back(locate(*doc, diag(kTestNote, {second, second},
                                  "forged\r\n::set-env name=X::Y and \xE2\x80\xAE bidi and bad \xFF byte")));
  // A finding the source has too: every format marks it (Origin::Inherited).
  Diagnostic inherited = diag(kTestError, {second, second + 6}, "end tag '</a>' closes nothing", "</a> in source");
  inherited.origin = Origin::Inherited;
  inherited.severity = Severity::Note;
  out.push_back(locate(*doc, std::move(inherited)));
  auto other = Document::parse("docs/\xC3\xA9t\xC3\xA9.md", "line\n");
  out.push_back(locate(*other, diag(kTestError, {0, 4}, "plain message")));
  out.push_back(path_finding("missing dir/x.md", unreadable_rule(), Severity::Error, "cannot read file: No such file"));
  return out;
}

RunStats sample_stats(const std::vector<Finding>& f) {
  RunStats s;
  s.files = 3;
  s.count_severities(f);
  return s;
}

RenderOptions options(ColumnUnit unit = ColumnUnit::CodePoint) {
  RenderOptions o;
  o.column_unit = unit;
  o.rules = {&kTestError, &kTestNote, &kTestWarning, &unreadable_rule()};
  o.base_dir = "/repo";
  o.working_dir = "/repo";
  // Fixed here, so the golden files do not change with the build's version or docs address.
  o.tool_version = "0.1.0";
  o.docs_url = "https://loclint.test/docs/rules/";
  return o;
}

std::string render(std::string_view format, const std::vector<Finding>& findings, const RenderOptions& o) {
  std::ostringstream out;
  auto r = make_renderer(format, out, o);
  EXPECT_NE(r, nullptr) << format;
  if (r) r->render(findings, sample_stats(findings));
  return out.str();
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void expect_golden(const std::string& name, const std::string& actual) {
  fs::path file = kGolden / name;
  if (std::getenv("LOCLINT_UPDATE_GOLDEN")) {
    std::ofstream(file, std::ios::binary) << actual;
    return;
  }
  ASSERT_TRUE(fs::exists(file)) << file << " is missing (LOCLINT_UPDATE_GOLDEN=1 writes it)";
  EXPECT_EQ(actual, read(file)) << "output differs from " << file;
}

struct GoldenCase {
  std::string format;
  ColumnUnit unit;
  std::string file;
};

void PrintTo(const GoldenCase& c, std::ostream* os) { *os << c.file; }

class GoldenTest : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(GoldenTest, MatchesGoldenFile) {
  const GoldenCase& c = GetParam();
  expect_golden(c.file, render(c.format, sample_findings(), options(c.unit)));
}

INSTANTIATE_TEST_SUITE_P(
    Formats, GoldenTest,
    ::testing::Values(GoldenCase{"compiler", ColumnUnit::CodePoint, "compiler.txt"},
                      GoldenCase{"compiler", ColumnUnit::Utf16, "compiler-utf16.txt"},
                      GoldenCase{"compiler", ColumnUnit::Byte, "compiler-byte.txt"},
                      GoldenCase{"json", ColumnUnit::CodePoint, "json.json"},
                      GoldenCase{"sarif", ColumnUnit::CodePoint, "sarif.sarif"},
                      GoldenCase{"sarif", ColumnUnit::Utf16, "sarif-utf16.sarif"},
                      GoldenCase{"github", ColumnUnit::CodePoint, "github.txt"},
                      GoldenCase{"checkstyle", ColumnUnit::CodePoint, "checkstyle.xml"},
                      GoldenCase{"junit", ColumnUnit::CodePoint, "junit.xml"}),
    [](const auto& info) {
      std::string n = info.param.file;
      for (char& ch : n)
        if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
      return n;
    });

TEST(Output, EveryFormatHasAGoldenFileAndAnEmptyRun) {
  for (const std::string& f : output_formats()) {
    std::string empty = render(f, {}, options());
    if (f == "compiler" || f == "github") EXPECT_EQ(empty, "") << f;
    else EXPECT_FALSE(empty.empty()) << f;
  }
  EXPECT_EQ(make_renderer("nope", std::cout, options()), nullptr);
}

TEST(Output, CompilerAndGithubPrintOneLinePerFindingWithNoControlCharacter) {
  auto findings = sample_findings();
  for (std::string format : {"compiler", "github"}) {
    std::string out = render(format, findings, options());
    size_t lines = std::count(out.begin(), out.end(), '\n');
    EXPECT_EQ(lines, findings.size()) << format;
    for (unsigned char c : out) EXPECT_TRUE(c == '\n' || (c >= 0x20 && c != 0x7F)) << format << " byte " << int(c);
    EXPECT_EQ(out.find("\xE2\x80\xAE"), std::string::npos) << "bidi override printed raw by " << format;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);) {
      if (format == "github") {
        // Nothing but the one annotation command may start a line.
        EXPECT_TRUE(line.starts_with("::error ") || line.starts_with("::warning ") || line.starts_with("::notice "))
            << line;
        EXPECT_EQ(line.find("::set-env"), line.find("::set-env"));  // present only inside the message...
        EXPECT_GT(line.find("::", 2), line.find(" ")) << line;      // ...after the properties
      }
    }
  }
}

// Compiler output of many findings is formatted on the run's jobs in parts (at least 1,024
// findings a part, rounds of 16,384) and written in order: the same bytes for any -j, for a count
// that fills neither a part nor a round evenly.
TEST(Output, CompilerOutputIsTheSameForAnyNumberOfJobs) {
  std::vector<Finding> many;
  const std::vector<Finding> sample = sample_findings();
  for (size_t i = 0; many.size() < 40000; ++i) {
    Finding f = sample[i % sample.size()];
    f.path = "docs/" + std::to_string(i) + ".md";
    many.push_back(std::move(f));
  }
  RenderOptions one = options();
  const std::string serial = render("compiler", many, one);
  EXPECT_EQ(static_cast<size_t>(std::count(serial.begin(), serial.end(), '\n')), many.size());
  EXPECT_NE(serial.find("docs/39999.md:"), std::string::npos);
  for (unsigned jobs : {2u, 3u, 8u}) {
    RenderOptions o = options();
    o.jobs = jobs;
    EXPECT_EQ(render("compiler", many, o), serial) << jobs << " jobs";
  }
}

TEST(Output, GithubEscapesPropertiesAndData) {
  std::string out = render("github", sample_findings(), options());
  EXPECT_NE(out.find("file=docs/a b%2Cc%3Ad.md,"), std::string::npos) << out;
  EXPECT_NE(out.find("100%25 %250A, commas: colons"), std::string::npos) << out;
  EXPECT_NE(out.find("title=test/error-rule::"), std::string::npos) << out;
}

TEST(Output, XmlFormatsParseAndKeepTheMessage) {
  auto findings = sample_findings();
  for (std::string format : {"checkstyle", "junit"}) {
    std::string out = render(format, findings, options());
    tinyxml2::XMLDocument doc;
    ASSERT_EQ(doc.Parse(out.c_str(), out.size()), tinyxml2::XML_SUCCESS) << format << ": " << doc.ErrorStr();
    // The markup in the message survives as text, not as elements.
    EXPECT_NE(out.find("markup &lt;b attr=&quot;&amp;amp;&quot;&gt;&amp;&lt;/b&gt;"), std::string::npos) << out;
    // XML 1.0 cannot carry C0 controls even escaped.
    for (unsigned char c : out) EXPECT_TRUE(c == '\n' || c >= 0x20) << format << " byte " << int(c);
  }
  tinyxml2::XMLDocument doc;
  std::string out = render("checkstyle", findings, options());
  doc.Parse(out.c_str());
  const tinyxml2::XMLElement* file = doc.RootElement()->FirstChildElement("file");
  ASSERT_NE(file, nullptr);
  EXPECT_STREQ(file->Attribute("name"), "docs/a b,c:d.md");
  const tinyxml2::XMLElement* err = file->FirstChildElement("error");
  EXPECT_EQ(err->IntAttribute("line"), 4);
  EXPECT_EQ(err->IntAttribute("column"), 7);
  EXPECT_STREQ(err->Attribute("message"), "command differs: 'a\\x1b]0;pwned\\x07' in translation, 'b\\nc' in source");
}

TEST(Output, JsonAndSarifAreValidJsonWithStatedUnits) {
  auto findings = sample_findings();
  auto json = nlohmann::json::parse(render("json", findings, options(ColumnUnit::Utf16)));
  EXPECT_EQ(json["columnUnit"], "utf16");
  EXPECT_EQ(json["diagnostics"].size(), findings.size());
  EXPECT_EQ(json["diagnostics"][0]["start"]["column"], 8);  // the emoji is 2 UTF-16 units, 1 code point
  EXPECT_EQ(json["diagnostics"][0]["end"]["column"], 14);
  EXPECT_EQ(json["diagnostics"][0]["sourceText"], "source \\x1b[31mred");
  EXPECT_FALSE(json["diagnostics"][5].contains("start"));  // a whole-file finding has no position

  auto sarif = nlohmann::json::parse(render("sarif", findings, options()));
  EXPECT_EQ(sarif["runs"][0]["columnKind"], "unicodeCodePoints");
  auto sarif16 = nlohmann::json::parse(render("sarif", findings, options(ColumnUnit::Utf16)));
  EXPECT_EQ(sarif16["runs"][0]["columnKind"], "utf16CodeUnits");
  EXPECT_EQ(sarif16["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"], 8);
}

TEST(Output, FindingUriIsRepoRelativeWithForwardSlashes) {
  RenderOptions o;
  o.base_dir = "/repo";
  o.working_dir = "/repo/docs";
  bool rel = false;
  EXPECT_EQ(finding_uri("a b/c.md", o, &rel), "docs/a%20b/c.md");
  EXPECT_TRUE(rel);
  EXPECT_EQ(finding_uri("./x/../y.md", o), "docs/y.md");
  EXPECT_EQ(finding_uri("/repo/z/\xC3\xA9.md", o), "z/%C3%A9.md");
  EXPECT_EQ(finding_uri("/elsewhere/q.md", o, &rel), "file:///elsewhere/q.md");
  EXPECT_FALSE(rel);
  EXPECT_EQ(finding_uri("../../outside.md", o, &rel), "file:///outside.md");
}

}  // namespace

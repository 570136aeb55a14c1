// ci/new-rule, run in a scratch copy of the tree: the files it writes and registers, and that
// what it generates compiles (with the build's own compile flags, from compile_commands.json).
// ci/new-rule --self-test (run by ci/test) goes further: it builds the scratch tree, makes the new
// rule fire, and runs the fixture, docs and example tests there.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "process_util.h"

namespace fs = std::filesystem;
using namespace loclint::testing;

namespace {

const fs::path kSource = LOCLINT_SOURCE_DIR;
const fs::path kBuild = fs::path(LOCLINT_BINARY).parent_path();

// The parts of the tree the script reads and writes.
void copy_tree(const fs::path& to) {
  for (const char* part : {"checks", "fixtures", "docs", "ci", "README.md"})
    fs::copy(kSource / part, to / part, fs::copy_options::recursive);
}

// The build's command for `source` (a file of the real tree), made to check `scratch_file`'s syntax.
std::string syntax_check_command(const fs::path& source, const fs::path& scratch_file) {
  const auto db = nlohmann::json::parse(slurp(kBuild / "compile_commands.json"));
  for (const auto& entry : db) {
    if (fs::path(entry["file"].get<std::string>()) != source) continue;
    std::string cmd = entry["command"];
    size_t o = cmd.find(" -o ");
    size_t end = cmd.find(' ', o + 4);
    cmd.erase(o, end - o);
    size_t c = cmd.rfind(" -c ");
    cmd = cmd.substr(0, c) + " -fsyntax-only " + sh_quote(scratch_file.string());
    return "cd " + sh_quote(entry["directory"].get<std::string>()) + " && " + cmd;
  }
  return {};
}

TEST(NewRule, WritesRegistersAndCompiles) {
  ScratchDir dir;
  copy_tree(dir.path());
  Result r = run("ci/new-rule metadata/sample-defect --no-docs", dir.path());
  ASSERT_EQ(r.exit, 0) << r.err;
  const std::string source = slurp(dir / "checks/metadata/sample_defect.cpp");
  EXPECT_NE(source.find("const Rule kSampleDefect{"), std::string::npos);
  EXPECT_NE(source.find(".id = \"metadata/sample-defect\""), std::string::npos);
  EXPECT_NE(source.find("void check_sample_defect(const Document& doc, const Env& env, Reporter& out) {"), std::string::npos);
  const std::string fixture = slurp(dir / "fixtures/metadata/sample-defect.md");
  EXPECT_NE(fixture.find("<!-- expect@-1 metadata/sample-defect: "), std::string::npos);
  EXPECT_NE(fixture.find("<!-- no-expect@-1 metadata/sample-defect -->"), std::string::npos);
  EXPECT_NE(slurp(dir / "checks/metadata/metadata.h").find("extern const Rule kSampleDefect;\nvoid check_sample_defect("),
            std::string::npos);
  EXPECT_NE(slurp(dir / "checks/metadata/checks.cpp").find("{{&kSampleDefect}, check_sample_defect},"), std::string::npos);
  // Nothing else of the family changed.
  for (const char* f : {"checks/metadata/syntax.cpp", "checks/metadata/scope.cpp", "README.md"})
    EXPECT_EQ(slurp(dir / f), slurp(kSource / f)) << f;

  for (const auto& [real, generated] : {std::pair{"checks/metadata/checks.cpp", "checks/metadata/sample_defect.cpp"},
                                        std::pair{"checks/metadata/checks.cpp", "checks/metadata/checks.cpp"}}) {
    std::string cmd = syntax_check_command(kSource / real, dir / generated);
    if (cmd.empty()) GTEST_SKIP() << "no compile_commands.json entry for " << real;
    Result c = run(cmd);
    EXPECT_EQ(c.exit, 0) << generated << " does not compile:\n" << c.err;
  }
}

TEST(NewRule, RefusesWhatIsNotANewRuleOfAFamily) {
  ScratchDir dir;
  copy_tree(dir.path());
  EXPECT_EQ(run("ci/new-rule metadata/syntax --no-docs", dir.path()).exit, 2);        // exists
  EXPECT_EQ(run("ci/new-rule nofamily/some-rule --no-docs", dir.path()).exit, 2);    // no such family
  EXPECT_EQ(run("ci/new-rule metadata/Bad_Name --no-docs", dir.path()).exit, 2);     // not kebab-case
  EXPECT_EQ(run("ci/new-rule metadata --no-docs", dir.path()).exit, 2);
  EXPECT_FALSE(fs::exists(dir / "checks/metadata/bad_name.cpp"));
}

}  // namespace

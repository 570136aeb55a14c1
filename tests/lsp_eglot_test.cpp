// A second real LSP client: Emacs's eglot (Debian `emacs-nox`, `elpa-eglot`, `elpa-markdown-mode`)
// runs the eglot setup snippet of the README as it is, in batch, opens a document with Korean,
// emoji and Arabic before the findings, applies the fixes of code/command-mismatch (the seed's
// command) and link/backslash through code actions, and saves the buffer (tests/editors/eglot.el).
// Skips only when Emacs or eglot is absent (`ci/setup --test-tools` installs them).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "process_util.h"
#include "readme_snippets.h"

namespace fs = std::filesystem;
using namespace loclint::testing;
using json = nlohmann::json;

namespace {

const fs::path kSource = LOCLINT_SOURCE_DIR;
const std::string kBinary = LOCLINT_BINARY;

bool have_eglot() {
  if (!have_command("emacs")) return false;
  Result r = run("emacs --batch --eval \"(progn (package-initialize) (require 'eglot) (require 'markdown-mode))\"",
                 fs::temp_directory_path());
  return r.exit == 0;
}

TEST(LspEglot, DiagnosticsFixesAndTheSavedFile) {
  if (!have_eglot())
    GTEST_SKIP() << "emacs with eglot and markdown-mode is not installed (Debian emacs-nox, elpa-eglot, "
                    "elpa-markdown-mode; ci/setup --test-tools)";
  // The README's Emacs setup block (snippet lsp-eglot), as it is.
  ScratchDir tmp;
  write_editor_workspace(tmp.path(), "lsp-eglot", "setup.el");
  const std::string command_line =
      "<span data-ttu-id=\"f4053-101\">مرحبا Set-MsolCompanySettings{}-AllowEmailVerifiedUsers $true</span>"
      "<span class=\"sxs-lookup\"><span data-stu-id=\"f4053-101\">Run Set-MsolCompanySettings -AllowEmailVerifiedUsers "
      "$true</span></span>\n";
  auto document = [&](const char* slash, const char* space) {
    std::string line = command_line;
    line.replace(line.find("{}"), 2, space);
    return std::string("---\ntitle: Titre\n---\n\n한국어 [링크](missing-ko.md)\n😀 voir [la page](sub") + slash +
           "page.md)\n" + line;
  };
  write_file(tmp / "doc.md", document("\\", ""));

  const std::string env = "PATH=" + sh_quote(fs::path(kBinary).parent_path().string()) + ":\"$PATH\" HOME=" +
                          sh_quote(tmp.path().string()) +
                          " LOCLINT_SETUP=setup.el LOCLINT_DOC=doc.md LOCLINT_OUT=out.json LOCLINT_FIX_LINE=7";
  Result r = run(env + " timeout 180 emacs --batch -l " + sh_quote((kSource / "tests/editors/eglot.el").string()),
                 tmp.path());
  ASSERT_TRUE(fs::exists(tmp / "out.json")) << "emacs exit " << r.exit << "\n" << r.out << r.err;
  json out = json::parse(slurp(tmp / "out.json"));
  ASSERT_EQ(out["status"], "ok") << out.dump(1) << "\n" << r.err;
  EXPECT_EQ(out["server"], "loclint");

  // Eglot turns the server's UTF-16 columns into character columns of its buffer: the emoji is
  // two UTF-16 units and one character, so a server that counted anything else is off by one.
  std::map<std::pair<int, int>, json> diagnostics;
  for (const json& d : out["on_open"]) diagnostics[{d["line"], d["col"]}] = d;
  auto at = [&](int line, int col) { return diagnostics.count({line, col}) ? diagnostics[{line, col}] : json(); };
  ASSERT_EQ(out["on_open"].size(), 3u) << out["on_open"].dump(1);
  ASSERT_FALSE(at(5, 9).is_null()) << out["on_open"].dump(1);  // after "한국어 [링크](" (3 + 1 + 1 + 2 + 2)
  EXPECT_EQ(at(5, 9)["end_col"], 22);                      // "missing-ko.md"
  EXPECT_EQ(at(5, 9)["type"], "eglot-error");
  ASSERT_FALSE(at(6, 7).is_null()) << out["on_open"].dump(1);  // "[la page]" after "😀 voir " (1 + 1 + 4 + 1)
  EXPECT_EQ(at(6, 7)["type"], "eglot-warning");
  EXPECT_NE(at(6, 7)["text"].get<std::string>().find("[link/backslash]"), std::string::npos);
  ASSERT_FALSE(at(7, 36).is_null()) << out["on_open"].dump(1);  // after the 30-character tag and "مرحبا "
  EXPECT_NE(at(7, 36)["text"].get<std::string>().find("[code/command-mismatch]"), std::string::npos);
  EXPECT_EQ(out["after_fixes"].size(), 1u) << out["after_fixes"].dump(1);

  // The saved file: both fixes, nothing else.
  EXPECT_EQ(slurp(tmp / "doc.md"), document("/", " "));
  Result cli = run(sh_quote(kBinary) + " doc.md", tmp.path());
  EXPECT_EQ(cli.exit, 1) << cli.out << cli.err;
  EXPECT_EQ(std::count(cli.out.begin(), cli.out.end(), '\n'), 1) << cli.out;
}

}  // namespace

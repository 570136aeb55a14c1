// A real LSP client: Neovim's built-in one (Debian `neovim`, headless) runs the setup snippet
// of the README as it is, opens a document with Korean, Arabic and emoji before the findings,
// applies two code actions and writes the buffer (tests/editors/lsp.lua). Skips only when nvim
// is absent (`ci/setup --test-tools` installs it).
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

TEST(LspNeovim, DiagnosticsCodeActionsAndTheWrittenFile) {
  if (!have_command("nvim")) GTEST_SKIP() << "nvim is not installed (Debian package neovim; ci/setup --test-tools)";
  // The README's Neovim setup block (snippet lsp-neovim), as it is.
  ScratchDir tmp;
  write_editor_workspace(tmp.path(), "lsp-neovim", "setup.lua");
  const std::string doc =
      "---\n"
      "title: Titre\n"
      "---\n"
      "\n"
      "한국어 [링크](missing-ko.md)\n"
      "مرحبا [رابط](missing-ar.md)\n"
      "😀 voir [la page](sub\\page.md)\n"
      "- premier\n"
      "- deuxième [x](absent.md)\n";
  write_file(tmp / "doc.md", doc);

  const std::string env = "PATH=" + sh_quote(fs::path(kBinary).parent_path().string()) + ":\"$PATH\" HOME=" +
                          sh_quote(tmp.path().string()) + " XDG_CONFIG_HOME=" + sh_quote((tmp / "config").string()) +
                          " XDG_DATA_HOME=" + sh_quote((tmp / "data").string()) + " XDG_STATE_HOME=" +
                          sh_quote((tmp / "state").string()) + " LOCLINT_SETUP=setup.lua LOCLINT_DOC=doc.md" +
                          " LOCLINT_OUT=out.json LOCLINT_ITEM_LINE=8";
  Result r = run(env + " timeout 180 nvim --headless --clean -u " + sh_quote((kSource / "tests/editors/lsp.lua").string()),
                 tmp.path());
  ASSERT_TRUE(fs::exists(tmp / "out.json")) << "nvim exit " << r.exit << "\n" << r.out << r.err;
  json out = json::parse(slurp(tmp / "out.json"));
  ASSERT_EQ(out["status"], "ok") << out.dump(1);
  EXPECT_EQ(out["client"]["name"], "loclint");
  EXPECT_EQ(out["client"]["offset_encoding"], "utf-16");

  // Neovim turns the server's UTF-16 columns into byte columns of its buffer: if the server
  // counted anything else, these would be off.
  std::map<std::pair<std::string, int>, json> at;
  for (const json& d : out["on_open"]) at[{d["code"], d["lnum"]}] = d;
  auto get = [&](const char* code, int line) { return at[{code, line}]; };
  ASSERT_TRUE(at.count({"link/missing-file", 4})) << out["on_open"].dump(1);
  EXPECT_EQ(get("link/missing-file", 4)["col"], 19);      // after "한국어 [링크](" (9 + 1 + 1 + 6 + 2 bytes)
  EXPECT_EQ(get("link/missing-file", 4)["end_col"], 32);  // "missing-ko.md"
  EXPECT_EQ(get("link/missing-file", 5)["col"], 22);      // after "مرحبا [رابط](" (10 + 1 + 1 + 8 + 2 bytes)
  EXPECT_EQ(get("link/backslash", 6)["col"], 10);         // "[la page]" after "😀 voir " (4 + 1 + 5 bytes)
  EXPECT_EQ(get("link/missing-file", 8)["col"], 16);      // after "- deuxième [x](" (2 + 9 + 1 + 4 bytes)
  EXPECT_EQ(get("link/backslash", 6)["severity"], 2);     // vim.diagnostic.severity.WARN
  EXPECT_EQ(get("link/missing-file", 4)["severity"], 1);  // ERROR
  EXPECT_EQ(get("link/missing-file", 4)["source"], "loclint");

  // The written file: the backslash fixed, the comment inside the list item before the second one.
  const std::string expected =
      "---\n"
      "title: Titre\n"
      "---\n"
      "\n"
      "한국어 [링크](missing-ko.md)\n"
      "مرحبا [رابط](missing-ar.md)\n"
      "😀 voir [la page](sub/page.md)\n"
      "- premier\n"
      "  <!-- loclint-disable-next-line link/missing-file -->\n"
      "- deuxième [x](absent.md)\n";
  EXPECT_EQ(slurp(tmp / "doc.md"), expected);
  // And the command line agrees: only the two findings nobody suppressed are left.
  Result cli = run(sh_quote(kBinary) + " doc.md", tmp.path());
  EXPECT_EQ(cli.exit, 1) << cli.out << cli.err;
  EXPECT_EQ(std::count(cli.out.begin(), cli.out.end(), '\n'), 2) << cli.out;
}

}  // namespace

// Paired trees end to end: the real binary on a localized docfx repository beside a git
// repository of its source, and on the Hugo, Docusaurus, MkDocs and MDN layouts; and --dump.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "process_util.h"

namespace fs = std::filesystem;
using namespace loclint::testing;

namespace {

const std::string kBinary = LOCLINT_BINARY;

// The lines of stdout, without the path prefix `DIR/`.
std::vector<std::string> lines(const std::string& out) {
  std::vector<std::string> v;
  size_t i = 0;
  while (i < out.size()) {
    size_t e = out.find('\n', i);
    if (e == std::string::npos) e = out.size();
    v.push_back(out.substr(i, e - i));
    i = e + 1;
  }
  return v;
}

const char* kSourceA =
    "---\ntitle: Set up payments\nms.topic: how-to\nms.service: payments\n---\n"
    "# Set up payments\n\nYou can set up [payment methods](methods.md) for 3 banks.\n\n"
    "## Alpha\n\nAlpha text with [b](b.md).\n\n"
    "```powershell\n# Connect first\nConnect-Bank -Name \"Contoso\" -Region 2\nGet-Item -LiteralPath C:\\temp\n```\n\n"
    "## Beta\n\nBeta text with [c](c.md) and 42.\n\n"
    "## Gamma\n\nGamma text with [d](d.md).\n\n"
    "```bash\nls -la /tmp\n```\n";

class Docfx : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!have_command("git")) GTEST_SKIP() << "git is not installed";
    write_file(dir / "en/docs/a.md", kSourceA);
    write_file(dir / "en/docs/b.md", "---\ntitle: B\n---\n# B\n\nSee [a](a.md).\n");
    write_file(dir / "en/docs/c.md", "---\ntitle: C\n---\n# C\n\n## Old\n\nText.\n");
    git(dir / "en", "init -q");
    git(dir / "en", "add -A");
    git(dir / "en", "commit -q -m one");
    commit = git(dir / "en", "rev-parse HEAD");
    write_file(dir / "en/docs/c.md", "---\ntitle: C\n---\n# C\n\n## Old\n\nText.\n\n## New\n\nMore text.\n");
    git(dir / "en", "commit -q -am two");

    write_file(dir / "it/.openpublishing.publish.config.json", "{\"docsets_to_publish\": []}");
    const std::string sync = "ms.sourcegitcommit: " + commit + "\n";
    // a.md: in sync with its source (the file did not change since the commit it names), but
    // the translation lost Beta, altered a line of code, dropped the bash block, re-typed ms.topic.
    write_file(dir / "it/docs/a.md",
               "---\ntitle: Impostare i pagamenti\nms.topic: procedura\nms.service: payments\n" + sync + "---\n"
               "# <a name=\"set-up-payments\"></a>Impostare i pagamenti\n\n"
               "Puoi impostare i [metodi di pagamento](methods.md) per 3 banche.\n\n"
               "## <a name=\"alpha\"></a>Alfa\n\nTesto alfa con [b](b.md).\n\n"
               "```powershell\n# Connettersi prima\nConnect-Bank -Name \"Contoso\" -Region 2\nGet-Item -Percorso C:\\temp\n```\n\n"
               "## <a name=\"gamma\"></a>Gamma\n\nTesto gamma con [d](d.md).\n\n"
               "## <a name=\"solo-qui\"></a>Solo qui\n\nTesto aggiunto.\n");
    // b.md: in sync and faithful: nothing to say.
    write_file(dir / "it/docs/b.md", "---\ntitle: B\n" + sync + "---\n# <a name=\"b\"></a>B\n\nVedi [a](a.md).\n");
    // c.md: its source changed after the commit it names.
    write_file(dir / "it/docs/c.md", "---\ntitle: C\n" + sync + "---\n# C\n\n## Vecchio\n\nTesto.\n");
    // new.md: no source at all.
    write_file(dir / "it/docs/new.md", "---\ntitle: Nuovo\n---\n# Nuovo\n");
  }
  ScratchDir dir;
  std::string commit;
};

TEST_F(Docfx, EveryPairRuleOnAGitSource) {
  Result r = run(kBinary + " --no-config --disable all --enable pair --source-root en it", dir.path());
  EXPECT_EQ(r.exit, 1) << r.err;
  const std::string c = commit.substr(0, 12);
  EXPECT_EQ(lines(r.out),
            std::vector<std::string>({
                "it/docs/a.md:3:11: error: 'ms.topic' is 'procedura' in translation, 'how-to' in source (docs/a.md:3) "
                "[pair/front-matter-mismatch]",
                "it/docs/a.md:18:1: error: code differs from source beyond comments: 'Get-Item -Percorso C:\\temp' in "
                "translation, 'Get-Item -LiteralPath C:\\temp' in source (docs/a.md:17) [pair/code-block-mismatch]",
                "it/docs/a.md:21:1: warning: section '## Beta' of the source has no counterpart in the translation "
                "(docs/a.md:20) [pair/missing-section]",
                "it/docs/a.md:25:1: warning: code block of the source has no counterpart in the translation: 'ls -la "
                "/tmp' (docs/a.md:29) [pair/missing-code-block]",
                "it/docs/a.md:25:4: warning: section '## Solo qui' has no counterpart in the source 'docs/a.md' "
                "[pair/extra-section]",
                "it/docs/c.md:3:21: warning: the source changed after the commit this translation names "
                "(ms.sourcegitcommit: " + c + "…): 4 lines of 'docs/c.md' changed, the first under '## Old' "
                "(docs/c.md:9) [pair/stale-translation]",
                "it/docs/new.md:1:1: note: no source document for this translation: 'docs/new.md' is not in the source "
                "tree [pair/missing-source]",
            }));
}

// One site per layout, configured in its .loclint.yaml, each with a translation that altered a
// line of code and added a section. The sources are not git repositories: only what the
// translation altered is reported (a section added may be the source's edit).
struct Layout {
  std::string name, config, source, translation, source_name;  // source_name: relative to the source root
};

TEST(Layouts, EveryLayoutPairsAndComparesWhatTheTranslationAltered) {
  const std::string source = "---\ntitle: Install\nuid: install-guide\n---\n# Install\n\nRun [the tool](tool.md).\n\n"
                             "```bash\n# update first\nsudo apt-get install -y tool\n```\n";
  const std::string translation = "---\ntitle: Installieren\nuid: install-anleitung\n---\n# Installieren\n\n"
                                  "Führen Sie [das Werkzeug](tool.md) aus.\n\n"
                                  "```bash\n# zuerst aktualisieren\nsudo apt-get installieren -y tool\n```\n\n"
                                  "## Hinweise\n\nNur hier.\n";
  const std::vector<Layout> layouts = {
      {"hugo", "source-root: .\npairing:\n  paths: [{translation: 'content/{locale}/{path}', source: 'content/en/{path}'}]\n",
       "content/en/docs/install.md", "content/de/docs/install.md", "content/en/docs/install.md"},
      {"docusaurus",
       "source-root: .\npairing:\n  paths:\n    - translation: 'i18n/{locale}/docusaurus-plugin-content-docs/current/{path}'\n"
       "      source: 'docs/{path}'\n",
       "docs/install.md", "i18n/de/docusaurus-plugin-content-docs/current/install.md", "docs/install.md"},
      {"mkdocs", "source-root: .\npairing:\n  paths: [{translation: 'docs/{path}.{locale}.md', source: 'docs/{path}.md'}]\n",
       "docs/install.md", "docs/install.de.md", "docs/install.md"},
      {"mdn", "source-root: ../content\npairing:\n  paths: [{translation: 'files/{locale}/{path}', source: 'files/en-us/{path}'}]\n",
       "../content/files/en-us/install/index.md", "files/de/install/index.md", "files/en-us/install/index.md"},
  };
  for (const Layout& l : layouts) {
    SCOPED_TRACE(l.name);
    ScratchDir dir;
    const fs::path site = dir / "site";
    write_file(site / ".loclint.yaml", l.config);
    write_file((site / l.source).lexically_normal(), source);
    write_file(site / l.translation, translation);
    Result r = run(kBinary + " --disable all --enable pair .", site);
    EXPECT_EQ(lines(r.out),
              std::vector<std::string>({
                  "./" + l.translation + ":3:6: error: 'uid' is 'install-anleitung' in translation, 'install-guide' in "
                                         "source (" + l.source_name + ":3) [pair/front-matter-mismatch]",
                  "./" + l.translation + ":11:1: error: code differs from source beyond comments: 'sudo apt-get "
                                         "installieren -y tool' in translation, 'sudo apt-get install -y tool' in source (" +
                      l.source_name + ":11) [pair/code-block-mismatch]",
              }))
        << r.err;
  }
}

// `pairing.source-version: translated` says the source tree is the version that was translated
// although nothing names a commit: what the translation lacks or adds is then its own.
TEST(SourceVersion, TranslatedComparesEverything) {
  ScratchDir dir;
  write_file(dir / "en/a.md", "# Title\n\nText.\n\n## Gone\n\nOnly here.\n");
  write_file(dir / "it/a.md", "# <a name=\"title\"></a>Titolo\n\nTesto.\n");
  Result r = run(kBinary + " --no-config --disable all --enable pair --source-root en it", dir.path());
  EXPECT_EQ(r.exit, 0) << r.out << r.err;  // the version is unknown: a section removed may be the source's edit
  write_file(dir / "it/.loclint.yaml", "pairing:\n  source-version: translated\n");
  r = run(kBinary + " --disable all --enable pair --source-root en it", dir.path());
  EXPECT_EQ(lines(r.out), std::vector<std::string>({"it/a.md:4:1: warning: section '## Gone' of the source has no "
                                                    "counterpart in the translation (a.md:5) [pair/missing-section]"}))
      << r.err;
}

TEST(Dump, ShowsThePairAndItsAlignment) {
  ScratchDir dir;
  write_file(dir / "en/a.md", "# Title\n\nText with [a link](x.md) and 42.\n\n## Gone\n\nOnly here.\n");
  write_file(dir / "it/.loclint.yaml", "source-root: ../en\n");
  write_file(dir / "it/a.md", "# <a name=\"title\"></a>Titolo\n\nTesto con [un collegamento](x.md) e 42.\n");
  Result r = run(kBinary + " --dump it/a.md", dir.path());
  ASSERT_EQ(r.exit, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_TRUE(j.contains("pair"));
  EXPECT_EQ(j["pair"]["state"], "paired");
  EXPECT_EQ(j["pair"]["source"], "a.md");
  const auto& a = j["pair"]["alignment"];
  EXPECT_EQ(a["one_to_one"], 2);
  ASSERT_EQ(a["sections"].size(), 2u);
  EXPECT_EQ(a["sections"][1]["move"], "0-1");
  ASSERT_EQ(a["blocks"].size(), 4u);
  EXPECT_EQ(a["blocks"][1]["move"], "1-1");
  EXPECT_EQ(a["blocks"][1]["translation"][0]["line"], 3);
  EXPECT_EQ(a["blocks"][1]["source"][0]["line"], 3);
  EXPECT_EQ(a["blocks"][1]["shared"], 2);  // the link and the number
  EXPECT_EQ(a["blocks"][1]["confident"], true);
  // Unpaired: no `pair`.
  r = run(kBinary + " --no-config --dump it/a.md", dir.path());
  EXPECT_FALSE(nlohmann::json::parse(r.out).contains("pair"));
  // What cannot be read is said, exit 2 (read_whole_file, as a run reads a document).
  r = run(kBinary + " --no-config --dump it/none.md", dir.path());
  EXPECT_EQ(r.exit, 2);
  EXPECT_EQ(r.err, "loclint: --dump: cannot read it/none.md: No such file or directory\n");
  r = run(kBinary + " --no-config --dump it", dir.path());
  EXPECT_EQ(r.exit, 2);
  EXPECT_EQ(r.err, "loclint: --dump: cannot read it: is a directory\n");
}

}  // namespace

// Pairing: path templates of every supported layout, the source document of a translation in
// real trees on disk (docfx, Hugo, Docusaurus, MkDocs, MDN), what is not paired, the shared
// source-document cache, front-matter paths, and the `pairing:` key of .loclint.yaml.
#include <gtest/gtest.h>

#include <thread>

#include "loclint/config_file.h"
#include "loclint/pairing.h"
#include "loclint/workspace.h"
#include "process_util.h"
#include "registry.h"

namespace fs = std::filesystem;
using namespace loclint;
using namespace loclint::testing;

namespace {

struct Match {
  bool ok = false;
  std::string rest, locale;
};
Match match(std::string_view tmpl, std::string_view path) {
  Match m;
  m.ok = match_path_template(tmpl, path, m.rest, m.locale);
  return m;
}

TEST(PathTemplate, FolderLayouts) {
  // Hugo
  Match m = match("content/{locale}/{path}", "content/de/docs/setup.md");
  EXPECT_TRUE(m.ok);
  EXPECT_EQ(m.locale, "de");
  EXPECT_EQ(m.rest, "docs/setup.md");
  EXPECT_EQ(fill_path_template("content/en/{path}", m.rest, m.locale), "content/en/docs/setup.md");
  // Docusaurus
  m = match("i18n/{locale}/docusaurus-plugin-content-docs/current/{path}",
            "i18n/pt-BR/docusaurus-plugin-content-docs/current/intro/a.md");
  EXPECT_TRUE(m.ok);
  EXPECT_EQ(m.locale, "pt-BR");
  EXPECT_EQ(m.rest, "intro/a.md");
  // MDN
  m = match("files/{locale}/{path}", "files/zh-cn/web/api/index.md");
  EXPECT_TRUE(m.ok);
  EXPECT_EQ(m.locale, "zh-cn");
  EXPECT_EQ(fill_path_template("files/en-us/{path}", m.rest, ""), "files/en-us/web/api/index.md");
  // Not a locale folder, or another folder.
  EXPECT_FALSE(match("content/{locale}/{path}", "content/images/a.md").ok);
  EXPECT_FALSE(match("content/{locale}/{path}", "static/de/a.md").ok);
  EXPECT_FALSE(match("content/{locale}/{path}", "content/de").ok);  // {path} is never empty
}

TEST(PathTemplate, FileNameSuffixes) {
  // MkDocs (mkdocs-static-i18n, suffix structure)
  Match m = match("docs/{path}.{locale}.md", "docs/guide/install.fr.md");
  EXPECT_TRUE(m.ok);
  EXPECT_EQ(m.rest, "guide/install");
  EXPECT_EQ(m.locale, "fr");
  EXPECT_EQ(fill_path_template("docs/{path}.md", m.rest, m.locale), "docs/guide/install.md");
  // Dots in the name stay in {path}; the locale is the last dotted part.
  m = match("{path}.{locale}.md", "release.v2.zh_CN.md");
  EXPECT_TRUE(m.ok);
  EXPECT_EQ(m.rest, "release.v2");
  EXPECT_EQ(m.locale, "zh_CN");
  // The source file itself has no locale part.
  EXPECT_FALSE(match("docs/{path}.{locale}.md", "docs/guide/install.md").ok);
  EXPECT_FALSE(match("{path}.{locale}.md", "notes.v2.md").ok);  // `v2` is no language code
}

class Tree : public ::testing::Test {
 protected:
  ScratchDir dir;
  Workspace ws;

  std::shared_ptr<const Document> doc(const fs::path& p) {
    return Document::parse(p.string(), slurp(p));
  }
  std::shared_ptr<const Pair> pair(const fs::path& p, const Config& c) {
    keep_.push_back(doc(p));
    return ws.pairing().pair_of(*keep_.back(), c);
  }

 private:
  std::vector<std::shared_ptr<const Document>> keep_;
};

TEST_F(Tree, DocfxSamePathBesideTheSourceRepository) {
  // A localized repository (publish config at its root) and the English one beside it.
  write_file(dir / "loc/.openpublishing.publish.config.json", "{\"docsets_to_publish\": []}");
  write_file(dir / "loc/docs/a.md", "# Titolo\n\nTesto.\n");
  write_file(dir / "loc/docs/new.md", "# Nuovo\n");
  write_file(dir / "loc/docs/faq.md", "# FAQ\n");
  write_file(dir / "loc/docs/Case.md", "# Caso\n");
  write_file(dir / "loc/docs/sxs.md",
             "<span data-ttu-id=\"a1b2c-101\">Ciao</span><span class=\"sxs-lookup\"><span data-stu-id=\"a1b2c-101\">Hi</span></span>\n");
  write_file(dir / "en/docs/a.md", "# Title\n\nText.\n");
  write_file(dir / "en/docs/faq.yml", "### YamlMime:FAQ\ntitle: FAQ\n");
  write_file(dir / "en/docs/case.md", "# Case\n");
  write_file(dir / "en/docs/sxs.md", "Hi\n");
  Config c;
  c.source_root = dir / "en";

  auto p = pair(dir / "loc/docs/a.md", c);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->state, PairState::Paired);
  EXPECT_EQ(p->source_name, "docs/a.md");
  ASSERT_TRUE(p->source);
  EXPECT_EQ(p->source->headings().at(0).text, "Title");
  EXPECT_EQ(p->where(p->source->headings().at(0).span.begin), "docs/a.md:1");

  p = pair(dir / "loc/docs/new.md", c);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->state, PairState::MissingSource);
  EXPECT_EQ(p->source_name, "docs/new.md");
  EXPECT_FALSE(p->source);

  // The source became a YamlMime page: still missing, and the message can say where it went.
  p = pair(dir / "loc/docs/faq.md", c);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->state, PairState::MissingSource);
  EXPECT_EQ(p->source_moved_to, "docs/faq.yml");

  // Letter case differs: the same page.
  p = pair(dir / "loc/docs/Case.md", c);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->state, PairState::Paired);
  EXPECT_EQ(p->source_name, "docs/case.md");

  // Side-by-side documents carry their source; without a source root nothing is paired.
  EXPECT_FALSE(pair(dir / "loc/docs/sxs.md", c));
  EXPECT_FALSE(pair(dir / "loc/docs/a.md", Config{}));

  // Any file of the tree maps by the same layout (for links to images and includes).
  EXPECT_EQ(source_place(dir / "loc/docs/media/x.png", c, ws.repo_of(dir / "loc/docs/a.md")->root)->path,
            absolute_normal(dir / "en/docs/media/x.png"));
  EXPECT_EQ(ws.pairing().paired(), 2u);
  EXPECT_EQ(ws.pairing().missing(), 2u);
}

TEST_F(Tree, EveryTemplateLayoutFromTheConfigurationFile) {
  // One repository holding its source language and a translation, each layout in a subfolder
  // with its own .loclint.yaml (templates are relative to the file's folder).
  write_file(dir / "hugo/.loclint.yaml",
             "source-root: .\npairing:\n  paths:\n    - {translation: 'content/{locale}/{path}', source: 'content/en/{path}'}\n");
  write_file(dir / "hugo/content/en/docs/a.md", "# A\n");
  write_file(dir / "hugo/content/de/docs/a.md", "# A (de)\n");
  write_file(dir / "docusaurus/.loclint.yaml",
             "source-root: .\npairing:\n  paths:\n"
             "    - {translation: 'i18n/{locale}/docusaurus-plugin-content-docs/current/{path}', source: 'docs/{path}'}\n"
             "    - {translation: 'i18n/{locale}/docusaurus-plugin-content-blog/{path}', source: 'blog/{path}'}\n");
  write_file(dir / "docusaurus/docs/intro.md", "# Intro\n");
  write_file(dir / "docusaurus/blog/post.md", "# Post\n");
  write_file(dir / "docusaurus/i18n/fr/docusaurus-plugin-content-docs/current/intro.md", "# Intro (fr)\n");
  write_file(dir / "docusaurus/i18n/fr/docusaurus-plugin-content-blog/post.md", "# Billet\n");
  write_file(dir / "mkdocs/.loclint.yaml",
             "source-root: .\npairing:\n  paths: [{translation: 'docs/{path}.{locale}.md', source: 'docs/{path}.md'}]\n");
  write_file(dir / "mkdocs/docs/index.md", "# Home\n");
  write_file(dir / "mkdocs/docs/index.es.md", "# Inicio\n");
  // MDN: translated-content beside a checkout of mdn/content.
  write_file(dir / "translated-content/.loclint.yaml",
             "source-root: ../content\npairing:\n  paths: [{translation: 'files/{locale}/{path}', source: 'files/en-us/{path}'}]\n");
  write_file(dir / "translated-content/files/ja/web/index.md", "---\ntitle: Web\nl10n:\n  sourceCommit: abc\n---\n# Web\n");
  write_file(dir / "content/files/en-us/web/index.md", "---\ntitle: Web\n---\n# Web\n");

  ConfigResolver resolver(Config{}, {}, checks::all_rules());
  auto check = [&](const std::string& translation, const std::string& source, const std::string& locale) {
    SCOPED_TRACE(translation);
    auto p = pair(dir / translation, *resolver.for_path(dir / translation));
    ASSERT_TRUE(p);
    EXPECT_EQ(p->state, PairState::Paired);
    EXPECT_EQ(p->source_path, absolute_normal(dir / source));
    EXPECT_EQ(p->locale, locale);
  };
  check("hugo/content/de/docs/a.md", "hugo/content/en/docs/a.md", "de");
  check("docusaurus/i18n/fr/docusaurus-plugin-content-docs/current/intro.md", "docusaurus/docs/intro.md", "fr");
  check("docusaurus/i18n/fr/docusaurus-plugin-content-blog/post.md", "docusaurus/blog/post.md", "fr");
  check("mkdocs/docs/index.es.md", "mkdocs/docs/index.md", "es");
  check("translated-content/files/ja/web/index.md", "content/files/en-us/web/index.md", "ja");
  // The source documents themselves are not translations (their source path is themselves, or
  // no template matches them).
  for (const char* source : {"hugo/content/en/docs/a.md", "docusaurus/docs/intro.md", "mkdocs/docs/index.md"}) {
    SCOPED_TRACE(source);
    EXPECT_FALSE(pair(dir / source, *resolver.for_path(dir / source)));
  }
}

TEST_F(Tree, SourceDocumentsAreParsedOncePerRunAcrossThreads) {
  write_file(dir / "en/a.md", "# Title\n");
  std::vector<std::shared_ptr<const Document>> got(8);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < got.size(); ++i)
    threads.emplace_back([&, i] { got[i] = ws.pairing().source_document(dir / "en/a.md"); });
  for (auto& t : threads) t.join();
  ASSERT_TRUE(got[0]);
  // Concurrent first requests may parse twice; the kept one is then handed to every later asker.
  auto later = ws.pairing().source_document(dir / "en/./a.md");
  EXPECT_TRUE(std::any_of(got.begin(), got.end(), [&](const auto& d) { return d == later; }));
  EXPECT_EQ(ws.pairing().source_document(dir / "en/a.md"), later);
  EXPECT_FALSE(ws.pairing().source_document(dir / "en/missing.md"));
  write_file(dir / "en/logo.png", "PNG");
  EXPECT_FALSE(ws.pairing().source_document(dir / "en/logo.png"));
}

TEST(FrontMatterPath, DottedKeysAndNestedMappings) {
  auto d = Document::parse("a.md",
                           "---\nms.sourcegitcommit: 0123\nl10n:\n  sourceCommit: 4567\n  nested:\n    deep: x\n---\n# T\n");
  const FrontMatter& fm = d->front_matter();
  ASSERT_TRUE(fm.find_path("ms.sourcegitcommit"));
  EXPECT_EQ(fm.find_path("ms.sourcegitcommit")->value, "0123");
  ASSERT_TRUE(fm.find_path("l10n.sourceCommit"));
  EXPECT_EQ(fm.find_path("l10n.sourceCommit")->value, "4567");
  EXPECT_EQ(d->slice(fm.find_path("l10n.sourceCommit")->value_span), "4567");
  ASSERT_TRUE(fm.find_path("l10n.nested.deep"));
  EXPECT_EQ(fm.find_path("l10n.nested.deep")->value, "x");
  EXPECT_FALSE(fm.find_path("l10n.missing"));
  EXPECT_FALSE(fm.find_path("l10n.sourceCommit.more"));
  EXPECT_FALSE(fm.find_path("l10"));
}

std::string load_error(const std::string& yaml) {
  ScratchDir dir;
  write_file(dir / ".loclint.yaml", yaml);
  try {
    load_config_file(dir / ".loclint.yaml", checks::all_rules());
  } catch (const ConfigError& e) {
    std::string m = e.what();
    return m.substr(m.find(".loclint.yaml") + 13);
  }
  return "no error";
}

TEST(PairingConfig, LoadsAndValidates) {
  ScratchDir dir;
  write_file(dir / "docs/.loclint.yaml",
             "source-root: ../en\npairing:\n  paths:\n    - translation: 'content/{locale}/{path}'\n      source: 'content/en/{path}'\n"
             "  source-commit-key: l10n.sourceCommit\n");
  Config c = load_config_file(dir / "docs/.loclint.yaml", checks::all_rules());
  ASSERT_EQ(c.pairing.paths.size(), 1u);
  EXPECT_EQ(c.pairing.paths[0].translation, "content/{locale}/{path}");
  EXPECT_EQ(c.pairing.paths[0].source, "content/en/{path}");
  EXPECT_EQ(c.pairing.source_commit_keys, std::vector<std::string>({"l10n.sourceCommit"}));
  EXPECT_EQ(c.pairing.base, absolute_normal(dir / "docs"));
  // The defaults.
  EXPECT_EQ(Config{}.pairing.source_commit_keys, std::vector<std::string>({"ms.sourcegitcommit", "l10n.sourceCommit"}));

  EXPECT_EQ(load_error("pairing:\n  path: []\n"), ":2:3: 'pairing': unknown key 'path' (known keys: paths, source-commit-key, source-version)");
  EXPECT_EQ(load_error("pairing:\n  paths:\n    - {translation: '{locale}/{path}', src: x}\n"),
            ":3:40: 'pairing.paths': unknown key 'src' (known keys: translation, source)");
  EXPECT_EQ(load_error("pairing:\n  paths:\n    - {translation: '{locale}/{path}'}\n"), ":3:7: 'pairing.paths': missing 'source'");
  EXPECT_EQ(load_error("pairing:\n  paths:\n    - {translation: '{lang}/{path}', source: '{path}'}\n"),
            ":3:21: 'pairing.paths.translation': unknown placeholder '{lang}' (known: {locale}, {path})");
  EXPECT_EQ(load_error("pairing:\n  paths:\n    - {translation: '{locale}/x.md', source: 'x.md'}\n"),
            ":3:21: 'pairing.paths.translation': '{locale}/x.md' must contain {path} exactly once");
  EXPECT_EQ(load_error("pairing:\n  paths:\n    - {translation: '{locale}/{path}', source: 'src/{locale}/{path}'}\n"),
            ":3:7: 'pairing.paths.source': the source has one locale; {locale} belongs to 'translation'");
  EXPECT_EQ(load_error("pairing:\n  paths: {translation: a}\n"),
            ":2:10: 'pairing.paths': expected a list of {translation, source} mappings");
  EXPECT_EQ(load_error("pairing: [a]\n"), ":1:10: 'pairing': expected a mapping");
  EXPECT_EQ(Config{}.pairing.source_version, PairingSettings::SourceVersion::Auto);
  write_file(dir / "v/.loclint.yaml", "pairing:\n  source-version: translated\n");
  EXPECT_EQ(load_config_file(dir / "v/.loclint.yaml", checks::all_rules()).pairing.source_version,
            PairingSettings::SourceVersion::Translated);
  EXPECT_EQ(load_error("pairing:\n  source-version: latest\n"),
            ":2:19: 'pairing.source-version': expected auto, translated or unknown");
}

}  // namespace

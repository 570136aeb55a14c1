// End-to-end tests: the built loclint binary on real files.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace fs = std::filesystem;

namespace {

struct Result {
  int code = -1;
  std::string out, err;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void write(const fs::path& p, const std::string& bytes) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << bytes;
}

std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/loclint-cli-XXXXXX";
    dir_ = mkdtemp(tmpl);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs loclint with `args` (already shell-quoted where needed) from the temp folder.
  Result run(const std::string& args) {
    fs::path out = dir_ / ".out", err = dir_ / ".err";
    std::string cmd = "cd " + quote(dir_.string()) + " && " + quote(LOCLINT_BINARY) + " " + args + " >" +
                      quote(out.string()) + " 2>" + quote(err.string()) + " </dev/null";
    int status = std::system(cmd.c_str());
    Result r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = slurp(out);
    r.err = slurp(err);
    fs::remove(out);
    fs::remove(err);
    return r;
  }

  fs::path dir_;
};

// Complete front matter, as a real article carries it (see fixtures/README.md).
const std::string kGoodFrontMatter =
    "---\ntitle: Titre de l'article\n"
    "description: Une description assez longue pour satisfaire la règle de longueur, entre soixante-quinze et trois cents caractères.\n"
    "ms.date: 08/18/2020\nms.topic: how-to\nauthor: author\nms.author: alias\nms.contentlocale: fr-FR\n"
    "ms.translationtype: MT\nms.locfileid: \"94381407\"\nms.lasthandoff: 11/09/2020\n"
    "ms.openlocfilehash: 6bf3e3af8e0d1d87a63f86e892d8bddcd74b6460\n"
    "ms.sourcegitcommit: 0e142b4fbb044fe8dd2dbc7d13ab70a1a91b9f60\n---\n\n";
const std::string kBadYaml = "---\ntitle: Titre: sous-titre\n---\n\n# Article\n";

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> v;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) v.push_back(l);
  return v;
}

}  // namespace

TEST_F(Cli, CompilerFormatWithRelativePathAndSummary) {
  write(dir_ / "docs/a.md", kBadYaml);
  Result r = run("docs/a.md");
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out, "docs/a.md:2:13: error: front matter is not valid YAML: mapping values are not allowed in this context [metadata/syntax]\n");
  EXPECT_EQ(r.err, "1 error, 0 warnings in 1 file\n");
}

// The release build allocates with mimalloc (CMakeLists.txt: LOCLINT_MIMALLOC), linked so that it
// replaces malloc wherever the binary runs; the sanitizer build keeps the sanitizers' allocator.
// mimalloc prints its heap statistics at exit when MIMALLOC_SHOW_STATS is set; glibc's malloc
// prints nothing.
TEST_F(Cli, AllocatesWithMimallocInTheReleaseBuild) {
  write(dir_ / "docs/a.md", kGoodFrontMatter + "# Titre\n\nUn paragraphe.\n");
  ASSERT_EQ(setenv("MIMALLOC_SHOW_STATS", "1", 1), 0);
  Result r = run("--no-config docs");
  unsetenv("MIMALLOC_SHOW_STATS");
  EXPECT_EQ(r.code, 0) << r.out;
  const bool stats = r.err.find("heap stats:") != std::string::npos && r.err.find("committed:") != std::string::npos;
  EXPECT_EQ(stats, LOCLINT_WITH_MIMALLOC == 1) << r.err;
}

// One article linted with more jobs than files has its link targets parsed for their anchors on
// the spare jobs first: the findings are those of -j 1.
TEST_F(Cli, SpareJobsParseLinkTargetsWithTheSameFindings) {
  std::string links;
  for (int i = 0; i < 24; ++i) {
    write(dir_ / "docs" / ("p" + std::to_string(i) + ".md"), kGoodFrontMatter + "# Titre " + std::to_string(i) + "\n");
    links += "- [page " + std::to_string(i) + "](p" + std::to_string(i) + ".md#titre-" + std::to_string(i % 20) + ")\n";
  }
  write(dir_ / "docs/index.md", kGoodFrontMatter + "# Index\n\n" + links);
  Result one = run("--no-config -j 1 docs/index.md");
  EXPECT_EQ(one.code, 0) << one.out;  // warnings
  EXPECT_EQ(std::count(one.out.begin(), one.out.end(), '\n'), 4) << one.out;  // p20..p23 lack #titre-0..3
  EXPECT_NE(one.out.find("no anchor '#titre-0' in 'p20.md'"), std::string::npos) << one.out;
  for (const char* jobs : {"2", "4"}) {
    Result many = run(std::string("--no-config -j ") + jobs + " docs/index.md");
    EXPECT_EQ(many.out, one.out) << jobs;
    EXPECT_EQ(many.code, one.code) << jobs;
  }
}

TEST_F(Cli, EveryLineHasTheCompilerShape) {
  write(dir_ / "a.md", kBadYaml);
  write(dir_ / "b.md", "Caf\xe9 au lait\n");
  Result r = run(".");
  static const std::regex shape(R"(^[^:\n]+:\d+:\d+: (error|warning|note): [^\n]+ \[[a-z0-9-]+/[a-z0-9-]+\]$)");
  auto lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 2u) << r.out;
  for (const auto& l : lines) EXPECT_TRUE(std::regex_match(l, shape)) << l;
}

TEST_F(Cli, ExitCodes) {
  write(dir_ / "clean.md", kGoodFrontMatter + "Rien à signaler.\n");
  write(dir_ / "bad.md", kBadYaml);
  EXPECT_EQ(run("clean.md").code, 0);
  EXPECT_EQ(run("bad.md").code, 1);
  EXPECT_EQ(run("--fail-on never bad.md").code, 0);
  EXPECT_EQ(run("--no-such-option clean.md").code, 2);
  EXPECT_EQ(run("").code, 2);  // no path
  EXPECT_EQ(run("--enable no/such-rule clean.md").code, 2);
  EXPECT_EQ(run("--severity metadata/syntax=fatal clean.md").code, 2);
  EXPECT_EQ(run("--jobs 0 clean.md").code, 2);
  EXPECT_EQ(run("--option metadata/missing-key.requierd=title clean.md").code, 2);  // typo in the option name
  EXPECT_EQ(run("--option metadata/missing-key.required=title clean.md").code, 0);
}

TEST_F(Cli, UnreadablePathIsReportedAndTheRestStillPrints) {
  write(dir_ / "bad.md", kBadYaml);
  Result r = run("missing.md bad.md");
  EXPECT_EQ(r.code, 2);
  auto lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 2u) << r.out;
  EXPECT_EQ(lines[0], "bad.md:2:13: error: front matter is not valid YAML: mapping values are not allowed in this context [metadata/syntax]");
  EXPECT_EQ(lines[1], "missing.md:1:1: error: cannot read path: No such file or directory [loclint/unreadable-file]");
}

TEST_F(Cli, FailOnWarning) {
  std::string text = kGoodFrontMatter + std::string(9000, 'a') + "\n" + std::string("x\0y\n", 4);
  write(dir_ / "nul.md", text);
  Result r = run("nul.md");
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("nul.md:17:2: warning: NUL byte in a text document [loclint/nul-byte]"), std::string::npos) << r.out;
  EXPECT_EQ(run("--fail-on warning nul.md").code, 1);
}

TEST_F(Cli, SortedAndIdenticalForAnyJobCount) {
  for (int i = 0; i < 40; ++i) {
    std::string name = "d" + std::to_string(i % 4) + "/f" + std::to_string(i) + ".md";
    std::string body = (i % 3 == 0 ? kBadYaml : kGoodFrontMatter) + "ligne\n";
    for (int k = 0; k < i % 5; ++k) body += "caf\xe9 " + std::to_string(k) + "\n";
    write(dir_ / name, body);
  }
  Result one = run("-j 1 .");
  Result four = run("-j 4 .");
  EXPECT_EQ(one.code, 1);
  EXPECT_EQ(one.out, four.out);
  EXPECT_EQ(one.err, four.err);
  auto lines = lines_of(one.out);
  EXPECT_GT(lines.size(), 60u);
  // Sorted by path, then line.
  std::vector<std::pair<std::string, int>> keys;
  for (const auto& l : lines) {
    size_t a = l.find(':');
    size_t b = l.find(':', a + 1);
    keys.emplace_back(l.substr(0, a), std::stoi(l.substr(a + 1, b - a - 1)));
  }
  EXPECT_TRUE(std::is_sorted(keys.begin(), keys.end()));
}

TEST_F(Cli, BinaryFilesAndEmptyFoldersAreReported) {
  write(dir_ / "docs/image.md", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  write(dir_ / "docs/bad.md", kBadYaml);
  fs::create_directories(dir_ / "empty");
  write(dir_ / "empty/notes.txt", "not a document");
  Result r = run("docs empty");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("docs/bad.md:2:13: error"), std::string::npos);
  EXPECT_NE(r.out.find("docs/image.md:1:1: warning: file looks binary"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("empty:1:1: warning: no Markdown or YamlMime document found"), std::string::npos) << r.out;
}

TEST_F(Cli, IncludeAndExcludeGlobs) {
  write(dir_ / "docs/a.md", kBadYaml);
  write(dir_ / "docs/includes/b.md", kBadYaml);
  write(dir_ / "docs/TOC.yml", "- name: x\n  href: a.md\n");
  write(dir_ / "docs/faq.yml", "### YamlMime:FAQ\nmetadata:\n  title: [unclosed\n");
  Result all = run("docs");
  EXPECT_EQ(lines_of(all.out).size(), 3u) << all.out;  // TOC.yml is not an article
  EXPECT_EQ(all.err, "3 errors, 0 warnings in 3 files\n");
  Result ex = run("--exclude 'includes/**' docs");
  EXPECT_EQ(lines_of(ex.out).size(), 2u) << ex.out;
  Result in = run("--include '*.yml' docs");
  EXPECT_EQ(lines_of(in.out).size(), 1u) << in.out;
  EXPECT_NE(in.out.find("docs/faq.yml:"), std::string::npos);
}

TEST_F(Cli, RuleSelectionAndSeverities) {
  write(dir_ / "bad.md", kBadYaml);
  Result off = run("--disable metadata bad.md");
  EXPECT_EQ(off.code, 0);
  EXPECT_EQ(off.out, "");
  Result warn = run("--severity metadata/syntax=warning bad.md");
  EXPECT_EQ(warn.code, 0);
  EXPECT_NE(warn.out.find(": warning: front matter"), std::string::npos);
  Result back = run("--disable metadata --enable metadata/syntax bad.md");
  EXPECT_EQ(back.code, 1);
}

TEST_F(Cli, ListRulesAndExplain) {
  Result list = run("--list-rules");
  EXPECT_EQ(list.code, 0);
  EXPECT_NE(list.out.find("metadata/syntax"), std::string::npos);
  EXPECT_NE(list.out.find("loclint/invalid-utf8"), std::string::npos);
  for (const auto& l : lines_of(list.out)) EXPECT_TRUE(l.find('/') != std::string::npos) << l;
  Result ex = run("--explain metadata/syntax");
  EXPECT_EQ(ex.code, 0);
  // The rule's page of docs/rules/, as generated from its constant.
  EXPECT_TRUE(ex.out.starts_with("# metadata/syntax\n")) << ex.out;
  EXPECT_NE(ex.out.find("## Example"), std::string::npos);
  EXPECT_EQ(run("--explain no/such").code, 2);
}

TEST_F(Cli, ControlCharactersNeverReachTheTerminal) {
  std::string name = "evil\x1b[2J\nname.md";
  write(dir_ / name, kBadYaml);
  Result r = run(".");
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos);
  EXPECT_EQ(lines_of(r.out).size(), 1u) << r.out;  // the newline in the name is escaped
  EXPECT_NE(r.out.find("evil\\x1b[2J\\nname.md:2:13"), std::string::npos) << r.out;
}

TEST_F(Cli, HostileInputsNeverCrash) {
  write(dir_ / "h/empty.md", "");
  write(dir_ / "h/bom.md", "\xEF\xBB\xBF");
  write(dir_ / "h/dashes.md", "---\n");
  write(dir_ / "h/long-line.md", kGoodFrontMatter + std::string(1 << 20, 'x') + "\n");
  std::string nested;
  for (int i = 0; i < 10000; ++i) nested += std::string(static_cast<size_t>(i % 50), ' ') + "- item\n";
  write(dir_ / "h/lists.md", nested);
  write(dir_ / "h/quotes.md", std::string(10000, '>') + " deep\n");
  write(dir_ / "h/spans.md", std::string(20000, '<') + "span data-ttu-id=\"a-1\">" + std::string(5000, '*') + "\n");
  Result r = run("h");
  EXPECT_LT(r.code, 2) << r.err;
  EXPECT_NE(r.err.find("in 7 files"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("h/dashes.md:1:1: error: front matter is never closed"), std::string::npos) << r.out;
}

TEST_F(Cli, FiftyMegabyteFile) {
  std::string seg = "<span data-ttu-id=\"abcde-1\">Texte traduit.</span><span class=\"sxs-lookup\"><span data-stu-id=\"abcde-1\">Translated text.</span></span>\n\n";
  std::string body = kGoodFrontMatter;
  body.reserve(50u << 20);
  while (body.size() < (50u << 20)) body += seg;
  write(dir_ / "big.md", body);
  Result r = run("--stats big.md");
  EXPECT_LT(r.code, 2) << r.err;
  EXPECT_NE(r.err.find("in 1 file"), std::string::npos) << r.err;
}

TEST_F(Cli, InstallPutsTheBinaryInBin) {
  fs::path build = fs::path(LOCLINT_BINARY).parent_path();
  std::string cmd = "cmake --install " + quote(build.string()) + " --prefix " + quote((dir_ / "inst").string()) + " >/dev/null";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  EXPECT_TRUE(fs::exists(dir_ / "inst/bin/loclint"));
  std::string version = "cd " + quote(dir_.string()) + " && inst/bin/loclint --version >/dev/null";
  EXPECT_EQ(std::system(version.c_str()), 0);
}

TEST_F(Cli, RealCorpusRunsToTheEnd) {
  fs::path corpus = fs::path(LOCLINT_SOURCE_DIR) / "../shared/corpus/partner-center-pr.fr-fr";
  if (!fs::exists(corpus)) GTEST_SKIP() << "the shared corpus is not next to this checkout";
  Result r = run("--stats " + quote(corpus.string()));
  EXPECT_LT(r.code, 2) << r.err;
  EXPECT_NE(r.err.find("32360 segments"), std::string::npos) << r.err;
}

// The publish config is the publishing model. A stale one (docset folders that are gone) is
// reported once, on the config, whatever number of articles ran; its articles are still linked.
TEST_F(Cli, StalePublishConfigIsReportedOnceAndArticlesAreStillChecked) {
  write(dir_ / ".openpublishing.publish.config.json",
        "{\n  \"docsets_to_publish\": [\n"
        "    {\"docset_name\": \"fin\", \"build_source_folder\": \"financials\"},\n"
        "    {\"docset_name\": \"acc\", \"build_source_folder\": \"accountant\"}\n  ]\n}\n");
  write(dir_ / "business-central/a.md", "# A\n\nVoir [la page](product-get-started.md).\n");
  write(dir_ / "business-central/b.md", "# B\n\nVoir [A](a.md).\n");
  // The repository's README, translated like everything else, was in no docset of the config:
  // not an article (metadata/missing-front-matter), while an article of the folders is one.
  const std::string segment = "<span data-ttu-id=\"f4053-101\">Lisez-moi.</span><span class=\"sxs-lookup\">"
                              "<span data-stu-id=\"f4053-101\">Read me.</span></span>\n";
  write(dir_ / "README.md", "# Lisez-moi\n\n" + segment);
  write(dir_ / "business-central/c.md", "# C\n\n" + segment);
  Result readme = run("--no-config --enable metadata/missing-front-matter --disable link,segment,code,pair,loclint .");
  EXPECT_EQ(readme.out.find("README.md"), std::string::npos) << readme.out;
  EXPECT_NE(readme.out.find("business-central/c.md:1:1: error: article without front matter"), std::string::npos)
      << readme.out;
  fs::remove(dir_ / "README.md");
  fs::remove(dir_ / "business-central/c.md");
  Result r = run("--no-config --disable metadata business-central");
  EXPECT_EQ(r.code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find(".openpublishing.publish.config.json:3:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("'financials', 'accountant' do not exist"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("business-central/a.md:3:"), std::string::npos) << r.out;
  std::regex stale("stale-publish-config");
  EXPECT_EQ(std::distance(std::sregex_iterator(r.out.begin(), r.out.end(), stale), std::sregex_iterator()), 1) << r.out;
}

// A localized tree falls back to its source-language repository (`_repo.en-us`): a page missing
// here is counted in one note without --source-root, and resolved in the source tree with it.
// A dependent repository that is not on disk is counted, never reported.
TEST_F(Cli, FallbackAndDependentRepositoriesAreCountedOrResolvedInTheSourceTree) {
  const std::string config =
      "{\"docsets_to_publish\": [{\"docset_name\": \"d\", \"build_source_folder\": \"docs\"}],\n"
      " \"dependent_repositories\": [{\"path_to_root\": \"_repo.en-us\", \"url\": \"u\"},\n"
      "   {\"path_to_root\": \"docs/common\", \"url\": \"v\"}]}\n";
  write(dir_ / "loc/.openpublishing.publish.config.json", config);
  write(dir_ / "loc/docs/a.md",
        "# A\n\n[anglaise](english-only.md), [partagée](common/shared.md), [nulle part](nowhere.md).\n");
  write(dir_ / "en/docs/english-only.md", "# English only\n");
  write(dir_ / "en/docs/a.md", "# A\n");
  Result without = run("--no-config --disable metadata loc");
  EXPECT_EQ(without.code, 0) << without.out;
  EXPECT_EQ(without.out, "");
  EXPECT_NE(without.err.find("2 links to pages not in this tree not checked"), std::string::npos) << without.err;
  EXPECT_NE(without.err.find("1 link into another repository not checked"), std::string::npos) << without.err;
  // The source article lacks the link: without knowing that it is the version translated, the
  // link is counted (the next test); declared the translated version, it is the translation's.
  Result unknown = run("--no-config --disable metadata --source-root en loc");
  EXPECT_EQ(unknown.out.find("nowhere.md"), std::string::npos) << unknown.out;
  EXPECT_NE(unknown.err.find("1 link its source article does not have, to a target in neither tree, not checked"),
            std::string::npos) << unknown.err;
  Result with = run("--no-config --disable metadata --source-root en --source-version translated loc");
  EXPECT_EQ(with.code, 1) << with.out;
  EXPECT_EQ(with.out.find("english-only"), std::string::npos) << with.out;
  EXPECT_NE(with.out.find("link target 'nowhere.md' does not exist in this tree nor in the source tree"),
            std::string::npos) << with.out;
  // An article the source tree does not have (a source tree of another date): not judged there.
  write(dir_ / "loc/docs/new.md", "# Nouveau\n\n[nulle part](nowhere.md).\n");
  // (pair/missing-source says, as a note, that it has no source: not what this test is about.)
  Result newer = run("--no-config --disable metadata,pair --source-root en --source-version translated loc/docs/new.md");
  EXPECT_EQ(newer.out, "");
  EXPECT_NE(newer.err.find("1 link of an article the source tree lacks not checked"), std::string::npos) << newer.err;
}

// A docset folder a dependent repository is checked out into (quantum-docs: docset `articles`,
// dependent repository `articles/quantum`) is made by the build: not stale; a docset folder that
// is simply gone still is.
TEST_F(Cli, ADocsetFolderADependentRepositoryIsCheckedOutIntoIsNotStale) {
  write(dir_ / "loc/api/a.md", "# A\n");
  auto config = [&](const std::string& second) {
    write(dir_ / "loc/.openpublishing.publish.config.json",
          "{\"docsets_to_publish\": [{\"docset_name\": \"api\", \"build_source_folder\": \"api\"},\n"
          "  {\"docset_name\": \"docs\", \"build_source_folder\": \"" + second + "\"}],\n"
          " \"dependent_repositories\": [{\"path_to_root\": \"articles/quantum\", \"url\": \"u\"}]}\n");
  };
  config("articles");
  Result r = run("--no-config --disable metadata loc");
  EXPECT_EQ(r.out.find("stale-publish-config"), std::string::npos) << r.out;
  config("gone");
  r = run("--no-config --disable metadata loc");
  EXPECT_NE(r.out.find("docset folder 'gone' does not exist"), std::string::npos) << r.out;
}

// A translated tree without a docfx.json of its own is built with its source repository's: the
// keys that docfx.json supplies (a Json.NET config, trailing commas and all) are on the page; and
// an include into a folder of the source repository that this one lacks is the fallback's, not
// another repository's.
TEST_F(Cli, ATranslatedTreeWithoutDocfxJsonIsBuiltWithItsSourceRepositorys) {
  write(dir_ / "loc/.openpublishing.publish.config.json",
        "{\"docsets_to_publish\": [{\"docset_name\": \"d\", \"build_source_folder\": \"docs\"}],\n"
        " \"dependent_repositories\": [{\"path_to_root\": \"_repo.en-us\", \"url\": \"u\"}]}\n");
  write(dir_ / "loc/docs/a.md", kGoodFrontMatter + "# A\n\n[!INCLUDE [tip](../archive/includes/tip.md)]\n");
  std::string english = kGoodFrontMatter;
  english.replace(english.find("ms.contentlocale: fr-FR\n"), 24, "ms.service: contoso\n");
  write(dir_ / "en/docs/a.md", english + "# A\n\n[!INCLUDE [tip](../archive/includes/tip.md)]\n");
  // The docset's other articles carry the key (so that it is one the tree keeps).
  std::string sibling = kGoodFrontMatter;
  sibling.replace(sibling.find("ms.topic"), 0, "ms.service: contoso\n");
  for (const char* name : {"b.md", "c.md"}) {
    write(dir_ / "loc/docs" / name, sibling + "# B\n");
    write(dir_ / "en/docs" / name, english + "# B\n");
  }
  write(dir_ / "en/archive/includes/tip.md", "A tip.\n");
  const std::string docfx = "{\"build\": {\"globalMetadata\": {\"ms.service\": \"contoso\",},}}\n";
  write(dir_ / "en/docs/docfx.json", docfx);
  const std::string args = "--no-config --source-root en --source-version translated --disable pair loc/docs/a.md";
  Result r = run(args);
  EXPECT_EQ(r.out.find("missing required key 'ms.service'"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("include '../archive/includes/tip.md' exists only in the source tree"), std::string::npos) << r.out;
  Result without_source = run("--no-config --disable pair,metadata loc/docs/a.md");
  EXPECT_NE(without_source.err.find("1 include not in this tree not checked"), std::string::npos) << without_source.err;
  EXPECT_EQ(without_source.err.find("another repository"), std::string::npos) << without_source.err;
  // Without that docfx.json the source article's key is the translation's to carry.
  fs::remove(dir_ / "en/docs/docfx.json");
  r = run(args);
  EXPECT_NE(r.out.find("missing required key 'ms.service'"), std::string::npos) << r.out;
}

// With --source-root and no git to say which version of the source was translated, a link the
// source article lacks, to a target in neither tree, may be the translated version's: counted.
// A link the translation altered (its block matches the source block but for letter case, white
// space or fullwidth forms) is the translation's: reported with the source's destination. A
// source dated before the translation is an older version: nothing is attributed. Declared the
// translated version, every such link is the translation's.
TEST_F(Cli, LinksTheSourceArticleLacksAreTheTranslationsOnlyWhenTheVersionIsKnown) {
  write(dir_ / "loc/.openpublishing.publish.config.json",
        "{\"docsets_to_publish\": [{\"docset_name\": \"d\", \"build_source_folder\": \"docs\", \"locale\": \"it-it\"}]}\n");
  write(dir_ / "en/docs/a.md", "---\nms.date: 01/01/2021\n---\n# A\n\n![Capture](media/shot.png)\n");
  // The new image in a section the source lacks (the aligner's 1-0 step): no counterpart.
  write(dir_ / "loc/docs/a.md",
        "---\nms.date: 01/01/2021\n---\n# A\n\n![Capture](media/Shot.png)\n\n## Novità\n\n![Nuova](media/new.png)\n");
  const std::string run_it = "--no-config --disable metadata,pair,code --source-root en loc/docs/a.md";
  Result r = run(run_it);
  EXPECT_EQ(r.out,
            "loc/docs/a.md:6:12: error: image 'media/Shot.png' exists neither in this tree nor in the source tree; "
            "the source article has 'media/shot.png' there (docs/a.md:6) [link/missing-image]\n")
      << r.err;
  EXPECT_NE(r.err.find("1 link its source article does not have, to a target in neither tree, not checked"),
            std::string::npos) << r.err;
  Result full = run(run_it + " --source-version translated");
  EXPECT_EQ(lines_of(full.out).size(), 2u) << full.out;
  write(dir_ / "en/docs/a.md", "---\nms.date: 01/01/2020\n---\n# A\n\n![Capture](media/shot.png)\n");
  Result older = run(run_it);
  EXPECT_EQ(older.out, "") << older.out;
  EXPECT_NE(older.err.find("2 links their source articles do not have"), std::string::npos) << older.err;
}

// Issue 14, principle 1: a monolingual translation copies its link destinations from its source
// article, as written. Without that article, a destination's letter case, backslashes or moved
// target cannot be blamed on the translation: counted in one note per rule, not reported. With
// the source article they are compared: the translation's own are reported, the shared ones are
// inherited. (A side-by-side file carries its source: fixtures/link/case-mismatch.md.)
TEST_F(Cli, LinkDestinationsAsWrittenAreAttributedOnlyWithTheSource) {
  write(dir_ / "loc/.openpublishing.publish.config.json",
        "{\"docsets_to_publish\": [{\"docset_name\": \"d\", \"build_source_folder\": \"docs\", \"locale\": \"fr-fr\"}]}\n");
  write(dir_ / "loc/.openpublishing.redirection.json",
        "{\"redirections\": [{\"source_path\": \"docs/old.md\", \"redirect_url\": \"/d/page\"}]}\n");
  const std::string links = "[casse](Page.md), [barre](sub\\page.md), [déplacée](old.md).\n";
  write(dir_ / "loc/docs/a.md", "# A\n\n" + links);
  write(dir_ / "loc/docs/page.md", "# Page\n");
  write(dir_ / "loc/docs/sub/page.md", "# Page\n");
  Result without = run("--no-config --disable metadata loc/docs/a.md");
  EXPECT_EQ(without.code, 0) << without.out;
  EXPECT_EQ(without.out, "");
  for (const char* note : {"1 link in another letter case than its target not reported",
                           "1 link written with backslashes not reported", "1 link to a moved page not reported"})
    EXPECT_NE(without.err.find(note), std::string::npos) << note << "\n" << without.err;
  // The same tree declared English (--locale): a source article, reported plainly.
  Result source = run("--no-config --disable metadata --locale en-us loc/docs/a.md");
  EXPECT_EQ(lines_of(source.out).size(), 3u) << source.out;
  // The source article has the same links: inherited, as notes.
  write(dir_ / "en/docs/a.md", "# A\n\n" + links);
  Result same = run("--no-config --disable metadata,pair --source-root en loc/docs/a.md");
  EXPECT_EQ(lines_of(same.out).size(), 3u) << same.out;
  for (const std::string& line : lines_of(same.out))
    EXPECT_NE(line.find("(inherited from the source)"), std::string::npos) << line;
  // The source article links correctly: the translation broke them.
  write(dir_ / "en/docs/a.md", "# A\n\n[case](page.md), [slash](sub/page.md), [moved](page.md).\n");
  Result broke = run("--no-config --disable metadata,pair --source-root en loc/docs/a.md");
  ASSERT_EQ(lines_of(broke.out).size(), 3u) << broke.out;
  EXPECT_EQ(broke.out.find("inherited"), std::string::npos) << broke.out;
  EXPECT_NE(broke.out.find("[link/case-mismatch]"), std::string::npos) << broke.out;
  EXPECT_NE(broke.out.find("[link/backslash]"), std::string::npos) << broke.out;
  EXPECT_NE(broke.out.find("[link/redirected]"), std::string::npos) << broke.out;
  // The source article lacks the link altogether (a TOC entry an older source TOC lacks): it may be
  // the translated version's, counted; reported when the source is declared the version translated.
  write(dir_ / "en/docs/a.md", "# A\n\nNo links here.\n");
  write(dir_ / "loc/docs/a.md", "# A\n\nAucun lien ici.\n\n[casse](Page.md)\n");
  Result other = run("--no-config --disable metadata,pair --source-root en loc/docs/a.md");
  EXPECT_EQ(other.out.find("[link/case-mismatch]"), std::string::npos) << other.out;
  EXPECT_NE(other.err.find("1 link in another letter case than its target, to a destination its source article does not have, not reported"),
            std::string::npos)
      << other.err;
  Result translated = run("--no-config --disable metadata,pair --source-root en --source-version translated loc/docs/a.md");
  EXPECT_NE(translated.out.find("[link/case-mismatch]"), std::string::npos) << translated.out;
  // A destination the source article has, written in its letter case, is the translation's even
  // when the block around it differs (a link of the paragraph dropped).
  write(dir_ / "en/docs/a.md", "# A\n\n[the target](page.md) and [the other page](sub/page.md).\n");
  write(dir_ / "loc/docs/a.md", "# A\n\n[la cible](Page.md).\n");
  Result dropped = run("--no-config --disable metadata,pair --source-root en loc/docs/a.md");
  EXPECT_NE(dropped.out.find("[link/case-mismatch]"), std::string::npos) << dropped.out;
}

// A backslashed link whose target is missing: the backslashes are counted (as above), and the
// missing target is still decided by the step of its kind, as for the same link written with
// '/': the count must not hide a broken link.
TEST_F(Cli, CountedBackslashesDoNotHideAMissingTarget) {
  write(dir_ / "loc/.openpublishing.publish.config.json",
        "{\"docsets_to_publish\": [{\"docset_name\": \"d\", \"build_source_folder\": \"docs\", \"locale\": \"fr-fr\"}]}\n");
  write(dir_ / "loc/docs/a.md", "# A\n\n[absente](sub\\nope.md), [absente aussi](sub/nope.md).\n");
  Result r = run("--no-config --disable metadata loc/docs/a.md");
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_NE(r.out.find("a.md:3:1: error: link target 'sub\\nope.md' does not exist"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("a.md:3:41: error: link target 'sub/nope.md' does not exist"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("1 link written with backslashes not reported"), std::string::npos) << r.err;
}

// The same attribution where only the pairing template names the locale (Hugo's `content/fr/`,
// no publish config, no locale in a folder's name): an article the source tree lacks is a
// translation without its source; the source tree's own articles are sources, reported plainly.
TEST_F(Cli, ALocaleNamedOnlyByThePairingTemplateMarksATranslatedTree) {
  write(dir_ / "site/.loclint.yaml",
        "source-root: .\npairing:\n  paths: [{translation: 'content/{locale}/{path}', source: 'content/en/{path}'}]\n");
  const std::string links = "[casse](Page.md), [barre](sub\\page.md).\n";
  write(dir_ / "site/content/fr/nouveau.md", "# Nouveau\n\n" + links);
  for (const char* tree : {"site/content/fr", "site/content/en"})  // the targets, in both trees
    for (const char* page : {"page.md", "sub/page.md"}) write(dir_ / tree / page, "# Page\n");
  write(dir_ / "site/content/en/english.md", "# English\n\n" + links);
  Result r = run("--disable metadata,pair site/content");
  EXPECT_EQ(r.out.find("nouveau.md"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("english.md:3:9: warning:"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("1 link in another letter case than its target not reported"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("1 link written with backslashes not reported"), std::string::npos) << r.err;
}

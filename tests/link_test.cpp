// checks/link beyond the fixtures: heading ids as docfx makes them, the anchor set, the
// run-level image tally, and resolution that does not depend on which files were named.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "loclint/engine.h"
#include "registry.h"

namespace fs = std::filesystem;
using namespace loclint;

namespace {

const fs::path kLinkFixtures = fs::path(LOCLINT_SOURCE_DIR) / "fixtures" / "link";

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

TEST(HeadingSlug, FollowsMarkdigGitHubMode) {
  // docfx's own test of its default (AutoIdentifierOptions.GitHub).
  EXPECT_EQ(heading_slug("This - is a &@! heading _ with . and ! -"), "this---is-a--heading-_-with--and---");
  EXPECT_EQ(heading_slug("Étapes suivantes"), "étapes-suivantes");
  // All-ASCII text skips ICU; mixed text goes through it: the same lowercasing either way.
  // Nothing is trimmed (UrilizeAsGfm): white space at either end comes only from text after or
  // before inline HTML (`### <a name="x"> </a>Filter` is "-filter"), and a space is a '-' there too.
  EXPECT_EQ(heading_slug("  API Reference_v2 (Preview)\t"), "--api-reference_v2-preview");
  EXPECT_EQ(heading_slug("Étapes SUIVANTES 2: API"), "étapes-suivantes-2-api");
  EXPECT_EQ(heading_slug("ÉTÉ İSTANBUL"), "été-istanbul");  // the combining dot of i̇ is dropped
  EXPECT_EQ(heading_slug("次の手順"), "次の手順");
  EXPECT_EQ(heading_slug("Дальнейшие действия"), "дальнейшие-действия");
  EXPECT_EQ(heading_slug("L’espace partenaires (PGA)"), "lespace-partenaires-pga");
  EXPECT_EQ(heading_slug("Compte\u00A0: emplacement"), "compte-emplacement");  // no-break space dropped
  EXPECT_EQ(heading_slug("a\tb"), "ab");
}

TEST(AnchorSet, NumbersRepeatsAndAcceptsWholeSideBySideText) {
  auto doc = Document::parse("a.md",
                             "# Next steps\n\n## Next steps\n\n"
                             "## <a name=\"prereq\"></a><span data-ttu-id=\"a-1\">Prérequis</span>"
                             "<span class=\"sxs-lookup\"><span data-stu-id=\"a-1\">Prerequisites</span></span>\n");
  AnchorSet set = anchor_set(*doc);
  for (const char* id : {"next-steps", "next-steps-1", "prereq", "prérequis", "prérequisprerequisites"})
    EXPECT_TRUE(set.contains(id)) << id;
  EXPECT_FALSE(set.contains("next-steps-2"));
  EXPECT_FALSE(set.contains("Next-steps"));
}

TEST(AnchorSet, RepeatedHeadingsTakeTheNextFreeNumber) {
  // "Intro 1" takes intro-1 first, so the second "Intro" moves on to intro-2, and the third to
  // intro-3; 20 000 equal headings are numbered without a quadratic search.
  auto doc = Document::parse("a.md", "# Intro 1\n\n# Intro\n\n# Intro\n\n# Intro\n");
  AnchorSet set = anchor_set(*doc);
  for (const char* id : {"intro-1", "intro", "intro-2", "intro-3"}) EXPECT_TRUE(set.contains(id)) << id;
  EXPECT_FALSE(set.contains("intro-4"));
  std::string many;
  for (int i = 0; i < 20000; ++i) many += "## Same\n";
  AnchorSet big = anchor_set(*Document::parse("b.md", many));
  EXPECT_TRUE(big.contains("same-19999"));
  EXPECT_FALSE(big.contains("same-20000"));
}

TEST(LinkCheck, ImagesWithoutSourceRootAreTalliedNotReported) {
  Config config;
  Engine engine(config, checks::all_checks());
  Workspace workspace;
  fs::path path = kLinkFixtures / "missing-image.md";
  auto doc = Document::parse(path.string(), read(path));
  NoteCounts notes;
  auto findings = engine.lint_document(*doc, workspace, config, &notes);
  EXPECT_TRUE(std::none_of(findings.begin(), findings.end(),
                           [](const Finding& f) { return f.diagnostic.rule->id == "link/missing-image"; }));
  // absent.png twice, nowhere.png, lightbox.png (once for the image and its enlarged view),
  // linked.png, and the two that exist only in the source tree.
  ASSERT_EQ(notes.counts().size(), 1u);
  EXPECT_EQ(notes.counts()[0].first->rule->id, "link/missing-image");
  EXPECT_EQ(notes.counts()[0].second, 7u);
}

TEST(LinkCheck, DisabledRuleTalliesNothing) {
  Config config;
  config.enable.emplace_back("link/missing-image", false);
  Engine engine(config, checks::all_checks());
  Workspace workspace;
  fs::path path = kLinkFixtures / "missing-image.md";
  auto doc = Document::parse(path.string(), read(path));
  NoteCounts notes;
  engine.lint_document(*doc, workspace, config, &notes);
  EXPECT_TRUE(notes.empty());
}

TEST(LinkCheck, ResolutionDoesNotDependOnTheFilesNamed) {
  Config config;
  config.enable.emplace_back("all", false);
  config.enable.emplace_back("link", true);
  Engine engine(config, checks::all_checks());
  fs::path file = kLinkFixtures / "missing-anchor.md";
  RunResult alone = engine.run({file.string()}, 1);
  RunResult all = engine.run({kLinkFixtures.string()}, 2);
  std::vector<std::string> a, b;
  for (const Finding& f : alone.findings) a.push_back(std::to_string(f.start.line) + f.diagnostic.message);
  for (const Finding& f : all.findings)
    if (f.path == file.string()) b.push_back(std::to_string(f.start.line) + f.diagnostic.message);
  EXPECT_FALSE(a.empty());
  EXPECT_EQ(a, b);
}

TEST(LinkCheck, TargetParsedOnceForManyLinks) {
  Config config;
  Engine engine(config, checks::all_checks());
  Workspace workspace;
  for (const char* name : {"missing-anchor.md", "case-mismatch.md"}) {
    fs::path path = kLinkFixtures / name;
    auto doc = Document::parse(path.string(), read(path));
    engine.lint_document(*doc, workspace);
  }
  // targets/page.md and targets/Mixed-Case.md, however many links point at them.
  EXPECT_EQ(workspace.documents_loaded(), 2u);
}

// With spare jobs (one article linted with -j 2), the link checker has its targets parsed for
// their anchors first: only pages whose fragment check_anchor looks up (not `#top`, not a docfx
// `#tab/`), each once, with the same findings as without spare jobs.
TEST(LinkCheck, SpareJobsParseOnlyTheTargetsWhoseAnchorsAreLookedUp) {
  char tmpl[] = "/tmp/loclint-prefetch-XXXXXX";
  const fs::path dir = mkdtemp(tmpl);
  for (const char* name : {"top.md", "tab.md", "a.md", "b.md", "c.md"}) std::ofstream(dir / name) << "# Section\n";
  const fs::path article = dir / "index.md";
  const std::string text =
      "# Index\n\n[t](top.md#top) [u](tab.md#tab/windows) [a](a.md#section) [b](b.md#missing) [c](c.md#section)\n";
  std::ofstream(article) << text;
  Config config;
  config.enable.emplace_back("all", false);
  config.enable.emplace_back("link", true);
  Engine engine(config, checks::all_checks());
  auto messages = [&](unsigned spare, size_t& loaded) {
    Workspace workspace;
    workspace.set_spare_jobs(spare);
    auto doc = Document::parse(article.string(), text);
    std::vector<std::string> out;
    for (const Finding& f : engine.lint_document(*doc, workspace)) out.push_back(f.diagnostic.message);
    loaded = workspace.documents_loaded();
    return out;
  };
  size_t serial = 0, prefetched = 0;
  const std::vector<std::string> without = messages(0, serial), with = messages(1, prefetched);
  EXPECT_EQ(with, without);
  ASSERT_EQ(with.size(), 1u);
  EXPECT_NE(with[0].find("'#missing'"), std::string::npos) << with[0];
  EXPECT_EQ(serial, 3u);      // a, b and c: top.md and tab.md are never looked into
  EXPECT_EQ(prefetched, 3u);  // the same three, parsed ahead
  fs::remove_all(dir);
}

}  // namespace

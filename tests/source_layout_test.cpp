// source_place (source_layout.h): where a file of a translated tree sits in its source tree, for
// pairing, the link checker's fallback and the metadata rules' source article; and
// in_includes_folder (workspace.h).
#include <gtest/gtest.h>

#include "loclint/source_layout.h"
#include "loclint/workspace.h"
#include "process_util.h"

namespace fs = std::filesystem;
using namespace loclint;
using namespace loclint::testing;

namespace {

// No file is read: the paths need not exist.
const fs::path kRepo = "/w/loc";
const fs::path kEnglish = "/w/en";

TEST(SourcePlace, SamePathBelowTheRepositoryRoot) {
  Config c;
  c.source_root = kEnglish;
  auto p = source_place("/w/loc/docs/a.md", c, kRepo);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->path, fs::path("/w/en/docs/a.md"));
  EXPECT_EQ(p->locale, "");
  // Any file: an image, an include, a folder; written unnormalized.
  EXPECT_EQ(source_place("/w/loc/docs/./media/../media/x.png", c, kRepo)->path, fs::path("/w/en/docs/media/x.png"));
  // A source root given relative is made absolute.
  c.source_root = "en";
  EXPECT_EQ(source_place("/w/loc/a.md", c, kRepo)->path, absolute_normal("en/a.md"));
}

TEST(SourcePlace, NothingWithoutASourceRootOrOutsideTheBase) {
  Config c;
  EXPECT_FALSE(source_place("/w/loc/a.md", c, kRepo));
  c.source_root = kEnglish;
  EXPECT_FALSE(source_place("/w/other/a.md", c, kRepo));  // climbs out of the repository
}

TEST(SourcePlace, TheConfigurationFolderComesBeforeTheRepositoryRoot) {
  // A .loclint.yaml in a subfolder of the repository set the source root: paths are relative
  // to that folder, for every caller alike.
  Config c;
  c.source_root = kEnglish;
  c.pairing.base = "/w/loc/docs";
  EXPECT_EQ(source_place("/w/loc/docs/a.md", c, kRepo)->path, fs::path("/w/en/a.md"));
  EXPECT_FALSE(source_place("/w/loc/README.md", c, kRepo));  // outside that folder
}

TEST(SourcePlace, NoRepositoryMeansTheWorkingFolder) {
  Config c;
  c.source_root = kEnglish;
  EXPECT_EQ(source_place(absolute_normal("docs/a.md"), c, {})->path, fs::path("/w/en/docs/a.md"));
  EXPECT_EQ(source_place("docs/a.md", c, {})->path, fs::path("/w/en/docs/a.md"));  // made absolute first
}

TEST(SourcePlace, FirstMatchingTemplateWins) {
  Config c;
  c.source_root = "/w/content";
  c.pairing.base = "/w/translated-content";
  c.pairing.paths = {{"files/{locale}/{path}", "files/en-us/{path}"}, {"{path}.{locale}.md", "{path}.md"}};
  auto p = source_place("/w/translated-content/files/ja/web/index.md", c, {});
  ASSERT_TRUE(p);
  EXPECT_EQ(p->path, fs::path("/w/content/files/en-us/web/index.md"));
  EXPECT_EQ(p->locale, "ja");
  // An image of a page maps by the same template.
  EXPECT_EQ(source_place("/w/translated-content/files/ja/web/shot.png", c, {})->path,
            fs::path("/w/content/files/en-us/web/shot.png"));
  p = source_place("/w/translated-content/notes.fr.md", c, {});
  ASSERT_TRUE(p);
  EXPECT_EQ(p->path, fs::path("/w/content/notes.md"));
  EXPECT_EQ(p->locale, "fr");
  EXPECT_FALSE(source_place("/w/translated-content/README.md", c, {}));  // no template matches
}

TEST(SourcePlace, ASourceFileIsPlacedOnItself) {
  // Hugo linted whole: `content/en/` is the source; Pairing, not the layout, says it is no
  // translation.
  Config c;
  c.source_root = "/w/site";
  c.pairing.base = "/w/site";
  c.pairing.paths = {{"content/{locale}/{path}", "content/en/{path}"}};
  EXPECT_EQ(source_place("/w/site/content/en/a.md", c, {})->path, fs::path("/w/site/content/en/a.md"));
  EXPECT_EQ(source_place("/w/site/content/de/a.md", c, {})->path, fs::path("/w/site/content/en/a.md"));
}

// End to end: with `pairing.paths`, the link checker and the metadata rules look where pairing
// looks. Before source_place they looked at the same path below the source root
// (`content/files/ja/...`), found no article there, and judged nothing.
TEST(SourcePlace, LinksAndMetadataFollowTheTemplatesLikePairing) {
  ScratchDir dir;
  write_file(dir / "translated-content/.git/HEAD", "ref: refs/heads/main\n");  // the repository root
  write_file(dir / "translated-content/.loclint.yaml",
             "source-root: ../content\npairing:\n  paths: [{translation: 'files/{locale}/{path}', source: 'files/en-us/{path}'}]\n"
             "  source-version: translated\n");  // so that a link the source lacks is reported
  write_file(dir / "translated-content/files/ja/web/index.md",
             "---\ntitle: Web\n---\n\n# Web\n\n![Capture](shot.png)\n\n![Autre](gone.png)\n\n[Guide](guide.md)\n");
  // Most articles carry ms.topic, so a source article's ms.topic is required of its translation.
  write_file(dir / "translated-content/files/ja/web/a.md", "---\ntitle: A\nms.topic: guide\n---\n\n# A\n");
  write_file(dir / "translated-content/files/ja/web/b.md", "---\ntitle: B\nms.topic: guide\n---\n\n# B\n");
  write_file(dir / "content/files/en-us/web/index.md", "---\ntitle: Web\nms.topic: guide\n---\n\n# Web\n");
  write_file(dir / "content/files/en-us/web/shot.png", "");
  write_file(dir / "content/files/en-us/web/guide.md", "---\ntitle: Guide\n---\n\n# Guide\n");
  Result r = run(sh_quote(LOCLINT_BINARY) + " --disable pair files/ja/web/index.md", dir / "translated-content");
  EXPECT_EQ(r.out,
            "files/ja/web/index.md:1:1: error: missing required key 'ms.topic' (a topic type such as how-to); the "
            "source article has it [metadata/missing-key]\n"
            "files/ja/web/index.md:9:10: error: image 'gone.png' exists neither in this tree nor in the source tree "
            "[link/missing-image]\n")
      << r.err;
  EXPECT_EQ(r.err.find("not checked"), std::string::npos) << r.err;
}

// A repository linted whole with its source inside it (Hugo: `content/en/` beside `content/de/`):
// the English article is placed on itself, so it is a source. Its own broken link is its own
// error, not inherited from anything; the German copy of the link is inherited from it.
TEST(SourcePlace, ASourceArticleOwnsItsDefects) {
  ScratchDir dir;
  write_file(dir / ".git/HEAD", "ref: refs/heads/main\n");
  write_file(dir / ".loclint.yaml",
             "source-root: .\npairing:\n  paths: [{translation: 'content/{locale}/{path}', source: 'content/en/{path}'}]\n");
  write_file(dir / "content/en/a.md", "---\ntitle: A\n---\n\n# A\n\n[x](missing.md)\n");
  write_file(dir / "content/de/a.md", "---\ntitle: A\n---\n\n# A\n\n[x](missing.md)\n");
  Result r = run(sh_quote(LOCLINT_BINARY) + " content", dir.path());
  EXPECT_EQ(r.out,
            "content/de/a.md:7:5: note: link target 'missing.md' does not exist in this tree nor in the source tree "
            "(inherited from the source) [link/missing-file]\n"
            "content/en/a.md:7:5: error: link target 'missing.md' does not exist [link/missing-file]\n")
      << r.err;
  EXPECT_EQ(r.exit, 1);
}

TEST(IncludesFolder, AnyFolderBelowTheRootInAnyLetterCase) {
  EXPECT_TRUE(in_includes_folder("/w/loc/docs/includes/a.md", kRepo));
  EXPECT_TRUE(in_includes_folder("/w/loc/Includes/sub/a.md", kRepo));
  EXPECT_TRUE(in_includes_folder("/w/loc/docs/INCLUDES", kRepo));  // a folder met while walking
  EXPECT_FALSE(in_includes_folder("/w/loc/docs/a.md", kRepo));
  EXPECT_FALSE(in_includes_folder("/w/loc/docs/includes.md", kRepo));
  EXPECT_FALSE(in_includes_folder("/w/loc/docs/my-includes/a.md", kRepo));
  // A checkout under some `includes` folder is not in one.
  EXPECT_FALSE(in_includes_folder("/home/includes/loc/docs/a.md", "/home/includes/loc"));
  // Without a root, every component of the path as given.
  EXPECT_TRUE(in_includes_folder("/home/includes/loc/docs/a.md", {}));
  EXPECT_TRUE(in_includes_folder("includes/a.md", {}));
  EXPECT_FALSE(in_includes_folder("docs/a.md", {}));
}

}  // namespace

// The workspace's caches: stat() answers once per path, the same for a target however it is
// written; anchors() parses a target once, even when threads ask at the same time, and a target
// the run lints too is handed over to the engine instead of being parsed again.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include "loclint/check.h"
#include "loclint/document.h"
#include "loclint/sharded_map.h"
#include "loclint/workspace.h"
#include "../linter/engine/work_queue.h"

namespace fs = std::filesystem;
using namespace loclint;

namespace {
class WorkspaceCache : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/loclint-ws-XXXXXX";
    dir_ = mkdtemp(tmpl);
    fs::create_directories(dir_ / "a" / "Sub");
    std::ofstream(dir_ / "a" / "Sub" / "Page.md") << "# Title\n\n<a name=\"x\"></a>\n";
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};
}  // namespace

TEST_F(WorkspaceCache, StatIsTheSameHoweverThePathIsWritten) {
  Workspace ws;
  fs::path actual;
  EXPECT_EQ(ws.stat(dir_ / "a/Sub/Page.md", &actual), Workspace::PathState::Exists);
  EXPECT_EQ(actual, dir_ / "a/Sub/Page.md");
  for (int round = 0; round < 2; ++round) {  // the second round is answered from the cache
    fs::path via = dir_ / "a/Sub/../Sub/./Page.md";
    fs::path got;
    EXPECT_EQ(ws.stat(via, &got), Workspace::PathState::Exists);
    EXPECT_EQ(got, dir_ / "a/Sub/Page.md");
    fs::path lower;
    EXPECT_EQ(ws.stat(dir_ / "a/sub/page.md", &lower), Workspace::PathState::CaseMismatch);
    EXPECT_EQ(lower, dir_ / "a/Sub/Page.md");
    fs::path untouched = "unchanged";
    EXPECT_EQ(ws.stat(dir_ / "a/missing.md", &untouched), Workspace::PathState::Missing);
    EXPECT_EQ(untouched, "unchanged");  // a missing path leaves `actual` alone
    EXPECT_EQ(ws.stat(dir_ / "a/missing.md"), Workspace::PathState::Missing);
  }
}

TEST_F(WorkspaceCache, AnchorsParsedOnceAcrossThreads) {
  Workspace ws;
  std::vector<std::thread> threads;
  std::vector<std::shared_ptr<const AnchorSet>> got(8);
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] { got[t] = ws.anchors(t % 2 ? dir_ / "a/Sub/Page.md" : dir_ / "a/Sub/../Sub/Page.md"); });
  for (auto& th : threads) th.join();
  ASSERT_TRUE(got[0]);
  for (const auto& s : got) EXPECT_EQ(s, got[0]);  // one set, shared
  EXPECT_TRUE(got[0]->contains("title"));
  EXPECT_TRUE(got[0]->contains("x"));
  EXPECT_EQ(ws.documents_loaded(), 1u);
  EXPECT_EQ(ws.anchors(dir_ / "a/none.md"), nullptr);  // unreadable: null, as before
}

TEST_F(WorkspaceCache, TargetOfThisRunIsHandedOverNotParsedTwice) {
  std::ofstream(dir_ / "a" / "Other.md") << "# Other\n";
  Workspace ws;
  std::string page = (dir_ / "a/Sub/Page.md").string();
  std::string other = (dir_ / "a/Other.md").string();
  WorkQueue queue({other, page});
  ws.set_anchor_parser(&queue);
  // A link in Other.md to Page.md#x parses Page.md whole and keeps it for the engine.
  ASSERT_TRUE(ws.anchors(dir_ / "a/Sub/../Sub/Page.md"));
  EXPECT_EQ(ws.documents_loaded(), 1u);
  std::shared_ptr<const Document> doc;
  size_t index = 99;
  ASSERT_TRUE(queue.next(index, doc));  // Page.md goes first, to free it
  EXPECT_EQ(index, 1u);
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->path(), page);  // named as the engine names it: findings carry this path
  doc.reset();
  ASSERT_TRUE(queue.next(index, doc));  // Other.md: nothing waiting, the engine reads it
  EXPECT_EQ(index, 0u);
  EXPECT_EQ(doc, nullptr);
  EXPECT_FALSE(queue.next(index, doc));  // Page.md was already handed out: not twice
  EXPECT_EQ(queue.handed_over(), 1u);
  // The engine parsed Other.md itself and gave its anchors: a link to it needs no parse.
  auto parsed = Document::parse(other, "# Other\n");
  ws.add_anchors(*parsed);
  auto set = ws.anchors(dir_ / "a/Other.md");
  ASSERT_TRUE(set);
  EXPECT_TRUE(set->contains("other"));
  EXPECT_EQ(ws.documents_loaded(), 1u);
}

TEST_F(WorkspaceCache, FileHandedOutIsNotKeptForTheEngine) {
  Workspace ws;
  WorkQueue queue({(dir_ / "a/Sub/Page.md").string()});
  ws.set_anchor_parser(&queue);
  std::shared_ptr<const Document> doc;
  size_t index;
  ASSERT_TRUE(queue.next(index, doc));  // the engine is already linting it
  ASSERT_TRUE(ws.anchors(dir_ / "a/Sub/Page.md"));
  EXPECT_FALSE(queue.next(index, doc));  // parsed for its anchors only
  EXPECT_EQ(queue.handed_over(), 0u);
}

TEST(AbsoluteNormal, SameAsTheStandardLibraryOnEveryShape) {
  for (const char* p : {"/", "/a", "/a/b.md", "/a/b/", "/a//b", "//a/b", "/a/./b", "/a/../b", "/a/b/..",
                        "/a/b/.", "/.hidden/x.md", "/a/..b/c", "/a/b../c", "a/b.md", "./a", "../x/y", "", "."}) {
    std::error_code ec;
    fs::path expected = fs::path(p).is_absolute() ? fs::path(p) : fs::absolute(p, ec);
    EXPECT_EQ(absolute_normal(p), expected.lexically_normal()) << p;
  }
}

TEST_F(WorkspaceCache, PlaceOfIsComputedOncePerPath) {
  Workspace ws;
  std::string page = (dir_ / "a/Sub/../Sub/Page.md").string();
  auto place = ws.place_of(page);
  ASSERT_TRUE(place && place->repo);
  EXPECT_EQ(place->file, dir_ / "a/Sub/Page.md");
  EXPECT_EQ(place->docset, nullptr);  // no publish config here
  EXPECT_EQ(ws.place_of(page), place);
}

// What several checks of one document share is made by the first that asks and handed to the
// others; another tag is another value, and another document's Env starts empty.
TEST(EnvShared, MadeOncePerTagAndDocument) {
  Config config;
  Workspace workspace;
  static const char kA = 0, kB = 0;
  int made = 0;
  auto make = [&] { return ++made; };
  Env env(config, workspace);
  const int& first = env.shared<int>(&kA, make);
  EXPECT_EQ(first, 1);
  EXPECT_EQ(&env.shared<int>(&kA, make), &first);
  EXPECT_EQ(env.shared<int>(&kB, make), 2);
  EXPECT_EQ(first, 1);  // still there after another value was added
  Env next(config, workspace);
  EXPECT_EQ(next.shared<int>(&kA, make), 3);
  EXPECT_EQ(made, 3);
}

// The sharded map under the workspace's caches: the first value inserted for a key is the one
// every thread gets back, and get_or_make makes a key's value once however many threads ask.
TEST(ShardedMapTest, FirstInsertWinsAndMakeRunsOncePerKey) {
  ShardedMap<int, 4> map;
  EXPECT_FALSE(map.find("a").has_value());
  EXPECT_EQ(map.emplace("a", 1), 1);
  EXPECT_EQ(map.emplace("a", 2), 1);  // already there: the map's value comes back
  map.assign("a", 3);
  EXPECT_EQ(map.find("a"), 3);
  EXPECT_TRUE(map.contains("a"));

  std::atomic<int> made{0};
  std::vector<std::thread> threads;
  std::vector<int> got(8 * 200);
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      for (int k = 0; k < 200; ++k)
        got[t * 200 + k] = map.get_or_make("key" + std::to_string(k), [&] { return 1000 * (++made) + k; });
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(made.load(), 200);  // one make per key, not per thread
  for (int t = 1; t < 8; ++t)
    for (int k = 0; k < 200; ++k) EXPECT_EQ(got[t * 200 + k], got[k]);
}

// A document whose links name fragments of many pages has them parsed on the run's spare jobs
// first (one file linted with -j 2): each once, a missing one as null, and anchors() then answers
// from the cache. Without spare jobs prefetch_anchors() parses nothing.
TEST_F(WorkspaceCache, PrefetchParsesEachTargetOnceOnTheSpareJobs) {
  std::vector<fs::path> targets;
  for (int i = 0; i < 12; ++i) {
    targets.push_back(dir_ / "a" / ("p" + std::to_string(i) + ".md"));
    std::ofstream(targets.back()) << "# Heading " << i << "\n";
  }
  targets.push_back(dir_ / "a" / "missing.md");
  Workspace idle;
  idle.prefetch_anchors(targets);
  EXPECT_EQ(idle.documents_loaded(), 0u);
  Workspace ws;
  ws.set_spare_jobs(3);
  ws.prefetch_anchors(targets);
  EXPECT_EQ(ws.documents_loaded(), 12u);
  for (int i = 0; i < 12; ++i) {
    auto set = ws.anchors(targets[static_cast<size_t>(i)]);
    ASSERT_TRUE(set);
    EXPECT_TRUE(set->contains("heading-" + std::to_string(i)));
  }
  EXPECT_EQ(ws.anchors(targets.back()), nullptr);
  EXPECT_EQ(ws.documents_loaded(), 12u);
}

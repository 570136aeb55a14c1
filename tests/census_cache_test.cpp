// The census cache (linter/census_cache.cpp): a second census of a folder reads no article and
// counts the same; a changed, added or deleted article is seen; a bad cache file is an empty
// cache; racy files are not stored; the CLI writes nowhere with --no-cache or an empty
// LOCLINT_CACHE_DIR, and says nothing when the cache folder cannot be written.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "loclint/census_cache.h"
#include "loclint/workspace.h"
#include "process_util.h"

namespace fs = std::filesystem;
using namespace loclint;
using loclint::testing::Result;
using loclint::testing::run;
using loclint::testing::ScratchDir;
using loclint::testing::sh_quote;
using loclint::testing::slurp;
using loclint::testing::write_file;

namespace {

constexpr size_t kArticles = 5;  // the articles and non-articles SetUp writes that the census reads

class CensusCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    write("docs/docfx.json", R"({"build": {"globalMetadata": {"ms.service": "x"}}})");
    write(".openpublishing.publish.config.json",
          R"({"docsets_to_publish": [{"docset_name": "d", "build_source_folder": "docs", "locale": "fr-fr"}]})");
    write("docs/a.md", "---\ntitle: A\nms.date: 01/02/2021\n---\n# A\n\nSee [the page](missing.md).\n");
    write("docs/b.md", "---\ntitle: B\nms.date:\n---\n# B\n");
    write("docs/sub/c.md", "---\ntitle: C\nauthor: me\n---\n# C\n");
    write("docs/api.md", "---\nuid: N.T\ntitle: T\n---\n# T\n");  // a generated page: not counted, still cached
    write("docs/hub.yml", "### YamlMime:Hub\ntitle: Hub\nmetadata:\n  title: Hub\n  ms.topic: hub-page\n");
  }
  void write(const std::string& rel, const std::string& text) { write_file(tree_ / rel, text); }
  fs::path docs() const { return fs::canonical(tree_.path()) / "docs"; }
  fs::path cache_file() const { return CensusCache::file_of(cache_.path(), docs()); }

  // A census of the docset by a new workspace (a new run), files modified at any time stored.
  std::shared_ptr<const KeyCensus> census(Workspace& ws, int64_t racy_window_ns = 0) {
    ws.set_census_cache_dir(cache_.path(), racy_window_ns);
    return ws.key_census(docs() / "a.md");
  }
  // Lets the file system clock pass a timestamp tick, so that a file written next has a new mtime
  // and ctime (the racy window is 0 in most tests here).
  static void next_tick() { std::this_thread::sleep_for(std::chrono::milliseconds(30)); }

  ScratchDir tree_, cache_;
};

void expect_same(const KeyCensus& a, const KeyCensus& b) {
  EXPECT_EQ(a.folder, b.folder);
  EXPECT_EQ(a.articles.files, b.articles.files);
  EXPECT_EQ(a.articles.carried, b.articles.carried);
  ASSERT_EQ(a.yaml_mime.size(), b.yaml_mime.size());
  for (const auto& [type, tally] : a.yaml_mime) {
    EXPECT_EQ(tally.files, b.of(type).files) << type;
    EXPECT_EQ(tally.carried, b.of(type).carried) << type;
  }
}

// The census without any cache.
std::shared_ptr<const KeyCensus> uncached(const fs::path& file) {
  Workspace ws;
  return ws.key_census(file);
}

}  // namespace

TEST_F(CensusCacheTest, SecondCensusReadsNoArticleAndCountsTheSame) {
  Workspace first;
  auto one = census(first);
  EXPECT_EQ(first.census_files_read(), kArticles);
  EXPECT_EQ(first.census_files_cached(), 0u);
  ASSERT_TRUE(fs::exists(cache_file()));
  EXPECT_EQ(one->articles.files, 3u);  // a, b, sub/c; not the uid page
  EXPECT_EQ(one->of("Hub").files, 1u);

  Workspace second;
  auto two = census(second);
  EXPECT_EQ(second.census_files_read(), 0u);
  EXPECT_EQ(second.census_files_cached(), kArticles);
  expect_same(*one, *two);
  expect_same(*uncached(docs() / "a.md"), *two);
}

TEST_F(CensusCacheTest, ChangedArticleIsReadAgainAndItsNewKeysCount) {
  Workspace first;
  census(first);
  next_tick();
  write("docs/b.md", "---\ntitle: B\nms.date: 03/04/2022\nms.custom: new\n---\n# B\n");  // new content and size
  Workspace second;
  auto two = census(second);
  EXPECT_EQ(second.census_files_read(), 1u);
  EXPECT_DOUBLE_EQ(two->articles.share("ms.date"), 2.0 / 3);
  EXPECT_DOUBLE_EQ(two->articles.share("ms.custom"), 1.0 / 3);
  expect_same(*uncached(docs() / "a.md"), *two);

  // The same size, and the mtime a tool put back: the ctime still tells.
  const fs::path a = docs() / "a.md";
  const auto mtime = fs::last_write_time(a);
  const auto size = fs::file_size(a);
  next_tick();
  write("docs/a.md", "---\ntitle: A\nms.dato: 01/02/2021\n---\n# A\n\nSee [the page](missing.md).\n");
  ASSERT_EQ(fs::file_size(a), size);
  fs::last_write_time(a, mtime);
  Workspace third;
  auto three = census(third);
  EXPECT_EQ(third.census_files_read(), 1u);
  EXPECT_DOUBLE_EQ(three->articles.share("ms.dato"), 1.0 / 3);
  EXPECT_DOUBLE_EQ(three->articles.share("ms.date"), 1.0 / 3);
  expect_same(*uncached(a), *three);
}

TEST_F(CensusCacheTest, AddedAndDeletedArticles) {
  Workspace first;
  census(first);
  fs::remove(docs() / "b.md");
  write("docs/sub/d.md", "---\ntitle: D\nms.topic: article\n---\n# D\n");
  Workspace second;
  auto two = census(second);
  EXPECT_EQ(second.census_files_read(), 1u);  // d.md
  EXPECT_EQ(two->articles.files, 3u);         // a, sub/c, sub/d
  EXPECT_DOUBLE_EQ(two->articles.share("ms.topic"), 1.0 / 3);
  expect_same(*uncached(docs() / "a.md"), *two);
  // The deleted file's entry is gone and the new one is kept: the next run reads nothing.
  Workspace third;
  expect_same(*census(third), *two);
  EXPECT_EQ(third.census_files_read(), 0u);
}

TEST_F(CensusCacheTest, BadCacheFilesAreEmptyCaches) {
  Workspace first;
  const auto reference = census(first);
  const std::string good = slurp(cache_file());
  const nlohmann::json doc = nlohmann::json::from_cbor(good);
  auto changed = [&](const std::string& field, const nlohmann::json& value) {
    nlohmann::json d = doc;
    d[field] = value;
    std::vector<uint8_t> bytes = nlohmann::json::to_cbor(d);
    return std::string(bytes.begin(), bytes.end());
  };
  nlohmann::json bad_index = doc;
  bad_index["keys"] = nlohmann::json::array();  // every filled key's index is out of range
  const std::vector<uint8_t> bad_index_bytes = nlohmann::json::to_cbor(bad_index);
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"corrupt", "not CBOR at all \xff\xfe"},
      {"truncated", good.substr(0, good.size() / 2)},
      {"empty", ""},
      {"another version", changed("format", CensusCache::kFormatVersion + 1)},
      {"another folder", changed("folder", (docs() / "sub").string())},
      {"another loclint", changed("loclint", nlohmann::json::array({1, 2}))},
      {"files of another shape", changed("files", nlohmann::json::array({nlohmann::json::array({"a.md", 1})}))},
      {"an index out of range", std::string(bad_index_bytes.begin(), bad_index_bytes.end())},
      // An array header claiming 2^64-1 elements: nlohmann_json throws for it even when asked
      // not to (out_of_range 408); uncaught, it ended every run.
      {"an impossible array size", std::string("\x9b\xff\xff\xff\xff\xff\xff\xff\xff", 9)},
  };
  for (const auto& [what, bytes] : bad) {
    SCOPED_TRACE(what);
    std::ofstream(cache_file(), std::ios::binary | std::ios::trunc) << bytes;
    Workspace ws;
    auto c = census(ws);
    EXPECT_EQ(ws.census_files_read(), kArticles);  // every article read, none taken from the file
    expect_same(*reference, *c);
    // And it is written anew.
    Workspace next;
    census(next);
    EXPECT_EQ(next.census_files_read(), 0u);
  }
}

TEST_F(CensusCacheTest, RacyFileIsNotStored) {
  // The tree is older than the window (the sleep only makes it older, whatever the machine's
  // load); b.md is rewritten with a modification time within it whenever the census starts (an
  // hour ahead: a clock set back, a file from another machine).
  const int64_t window = 500'000'000;
  std::this_thread::sleep_for(std::chrono::milliseconds(1000));
  write("docs/b.md", "---\ntitle: B\nms.date: 05/06/2023\n---\n# B\n");
  fs::last_write_time(docs() / "b.md", fs::file_time_type::clock::now() + std::chrono::hours(1));
  Workspace first;
  census(first, window);
  EXPECT_EQ(first.census_files_read(), kArticles);
  Workspace second;
  census(second, window);
  EXPECT_EQ(second.census_files_read(), 1u);  // b.md again: it was not stored
  EXPECT_EQ(second.census_files_cached(), kArticles - 1);
}

TEST_F(CensusCacheTest, WithoutCacheFolderNothingIsWritten) {
  Workspace ws;
  ws.key_census(docs() / "a.md");
  EXPECT_EQ(ws.census_files_read(), kArticles);
  EXPECT_TRUE(fs::is_empty(cache_.path()));
}

TEST_F(CensusCacheTest, OldestCacheFilesAreEvicted) {
  const auto old = fs::file_time_type::clock::now() - std::chrono::hours(24);
  for (size_t i = 0; i < CensusCache::kMaxCacheFiles + 8; ++i) {
    const fs::path f = cache_.path() / ("census-old" + std::to_string(i) + ".cbor");
    write_file(f, "x");
    fs::last_write_time(f, old + std::chrono::seconds(i));
  }
  write_file(cache_.path() / "unrelated.txt", "kept");
  Workspace ws;
  census(ws);
  size_t caches = 0;
  for (const auto& e : fs::directory_iterator(cache_.path())) caches += e.path().filename().string().starts_with("census-");
  EXPECT_EQ(caches, CensusCache::kMaxCacheFiles);
  EXPECT_TRUE(fs::exists(cache_file()));
  EXPECT_FALSE(fs::exists(cache_.path() / "census-old0.cbor"));  // the least recently used go
  EXPECT_TRUE(fs::exists(cache_.path() / ("census-old" + std::to_string(CensusCache::kMaxCacheFiles + 7) + ".cbor")));
  EXPECT_TRUE(fs::exists(cache_.path() / "unrelated.txt"));
}

// ---- the loclint executable ---------------------------------------------------------------------

namespace {
// Runs loclint on the tree's a.md with `env` (assignments for env(1)) in front.
Result run_loclint(const std::string& env, const std::string& args, const fs::path& tree) {
  return run("env " + env + " " + sh_quote(LOCLINT_BINARY) + " --no-config " + args + " docs/a.md", tree);
}
size_t files_in(const fs::path& dir) {
  std::error_code ec;
  size_t n = 0;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) n += it->is_regular_file();
  return n;
}
}  // namespace

TEST_F(CensusCacheTest, CliUsesTheCacheFolderAndStatsSaySo) {
  const std::string env = "LOCLINT_CACHE_DIR=" + sh_quote(cache_.path().string());
  Result cold = run_loclint(env, "--stats", tree_.path());
  EXPECT_NE(cold.err.find("metadata census: 5 articles read, 0 from the cache"), std::string::npos) << cold.err;
  EXPECT_EQ(files_in(cache_.path()), 1u);
  // The files were written less than 2 s ago: racy, so not yet stored; a later run stores them.
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  run_loclint(env, "", tree_.path());
  Result warm = run_loclint(env, "--stats", tree_.path());
  EXPECT_NE(warm.err.find("metadata census: 0 articles read, 5 from the cache"), std::string::npos) << warm.err;
  EXPECT_EQ(warm.out, cold.out);
  EXPECT_EQ(warm.exit, cold.exit);
}

TEST_F(CensusCacheTest, CliWritesNothingWithNoCacheOrAnEmptyCacheDir) {
  ScratchDir home;
  const std::string home_only = "-u XDG_CACHE_HOME -u LOCLINT_CACHE_DIR HOME=" + sh_quote(home.path().string());
  Result with = run_loclint(home_only, "", tree_.path());
  EXPECT_EQ(files_in(home.path() / ".cache/loclint"), 1u);  // the default place: the test can fail
  fs::remove_all(home.path() / ".cache");
  Result no_cache = run_loclint(home_only, "--no-cache", tree_.path());
  Result empty_dir = run_loclint(home_only + " LOCLINT_CACHE_DIR=", "", tree_.path());
  EXPECT_EQ(files_in(home.path()), 0u);
  EXPECT_EQ(no_cache.out, with.out);
  EXPECT_EQ(empty_dir.out, with.out);
  // XDG_CACHE_HOME comes before HOME.
  Result xdg = run_loclint(home_only + " XDG_CACHE_HOME=" + sh_quote((home.path() / "xdg").string()), "", tree_.path());
  EXPECT_EQ(files_in(home.path() / "xdg/loclint"), 1u);
  EXPECT_EQ(xdg.out, with.out);
}

TEST_F(CensusCacheTest, CliSaysNothingWhenTheCacheFolderCannotBeWritten) {
  // A folder below a regular file cannot be made, whoever runs the test (root included).
  write_file(cache_.path() / "file", "x");
  Result without = run_loclint("LOCLINT_CACHE_DIR=", "", tree_.path());
  Result unwritable = run_loclint("LOCLINT_CACHE_DIR=" + sh_quote((cache_.path() / "file/cache").string()), "", tree_.path());
  EXPECT_EQ(unwritable.out, without.out);
  EXPECT_EQ(unwritable.err, without.err);
  EXPECT_EQ(unwritable.exit, without.exit);
  EXPECT_NE(without.out, "");  // there are findings to compare
}

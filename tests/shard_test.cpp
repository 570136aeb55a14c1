// `--shard K/N`: every file in exactly one shard, the same split everywhere, and the union of the
// shards' output is the full run's output.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "../checks/registry.h"
#include "loclint/engine.h"

namespace fs = std::filesystem;
using namespace loclint;

namespace {

class Shard : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/loclint-shard-XXXXXX";
    dir_ = mkdtemp(tmpl);
    // 60 articles in nested folders; each has an invalid UTF-8 byte (a core finding, whatever
    // check families exist) and a link to its neighbour, which may sit in another shard.
    for (int i = 0; i < 60; ++i) {
      fs::path p = dir_ / ("docs/part" + std::to_string(i % 4)) / ("article-" + std::to_string(i) + ".md");
      fs::create_directories(p.parent_path());
      std::ofstream(p, std::ios::binary) << "---\ntitle: T\n---\n# Article " << i << "\n\nbad \xC3( byte, see [next](article-"
                                         << (i + 4) % 60 << ".md).\n";
    }
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::vector<std::string> discover(const std::vector<std::string>& inputs, unsigned k, unsigned n) {
    Config config;
    config.shard_index = k;
    config.shard_count = n;
    Engine engine(config, {});
    return engine.discover(inputs).files;
  }

  std::string run(const std::string& args) {
    fs::path out = dir_ / ".out";
    std::string cmd = "cd '" + dir_.string() + "' && '" LOCLINT_BINARY "' " + args + " >'" + out.string() + "' 2>/dev/null";
    int status = std::system(cmd.c_str());
    EXPECT_TRUE(WIFEXITED(status));
    std::ifstream in(out);
    std::stringstream ss;
    ss << in.rdbuf();
    fs::remove(out);
    return ss.str();
  }

  fs::path dir_;
};

std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> v;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) v.push_back(l);
  return v;
}

}  // namespace

TEST_F(Shard, EveryFileInExactlyOneShard) {
  std::vector<std::string> all = discover({(dir_ / "docs").string()}, 1, 1);
  ASSERT_EQ(all.size(), 60u);
  for (unsigned n : {2u, 3u, 7u, 61u}) {
    std::multiset<std::string> seen;
    for (unsigned k = 1; k <= n; ++k)
      for (const std::string& f : discover({(dir_ / "docs").string()}, k, n)) seen.insert(f);
    EXPECT_EQ(seen, std::multiset<std::string>(all.begin(), all.end())) << n << " shards";
  }
  // Not all in one shard: the hash spreads them.
  EXPECT_LT(discover({(dir_ / "docs").string()}, 1, 2).size(), 60u);
  EXPECT_GT(discover({(dir_ / "docs").string()}, 1, 2).size(), 0u);
}

TEST_F(Shard, SplitDependsOnTheRelativePathNotWhereTheTreeIs) {
  // The same tree under another absolute path (another CI checkout) shards the same way.
  fs::create_directories(dir_ / "elsewhere");
  fs::copy(dir_ / "docs", dir_ / "elsewhere/docs", fs::copy_options::recursive);
  for (unsigned k = 1; k <= 3; ++k) {
    std::vector<std::string> a = discover({(dir_ / "docs").string()}, k, 3);
    std::vector<std::string> b = discover({(dir_ / "elsewhere/docs").string()}, k, 3);
    for (auto& f : a) f = fs::path(f).lexically_relative(dir_ / "docs").string();
    for (auto& f : b) f = fs::path(f).lexically_relative(dir_ / "elsewhere/docs").string();
    EXPECT_EQ(a, b);
  }
}

TEST_F(Shard, AFileGivenTwiceIsStillInOneShard) {
  std::string docs = (dir_ / "docs").string();
  std::string one = (dir_ / "docs/part1/article-1.md").string();
  int count = 0;
  for (unsigned k = 1; k <= 5; ++k) {
    auto files = discover({docs, one}, k, 5);
    count += static_cast<int>(std::count(files.begin(), files.end(), one));
  }
  EXPECT_EQ(count, 1);
}

TEST_F(Shard, UnionOfShardOutputsIsTheFullRun) {
  std::vector<std::string> full = lines(run("-j 2 docs"));
  ASSERT_GE(full.size(), 60u);  // one invalid-utf8 finding per article at least
  std::vector<std::string> joined;
  for (unsigned k = 1; k <= 3; ++k) {
    std::vector<std::string> part = lines(run("-j 2 --shard " + std::to_string(k) + "/3 docs"));
    EXPECT_LT(part.size(), full.size());
    joined.insert(joined.end(), part.begin(), part.end());
  }
  std::sort(joined.begin(), joined.end());
  std::sort(full.begin(), full.end());
  // Same lines, none twice: links into other shards resolve, since the workspace is the disk.
  EXPECT_EQ(joined, full);
}

TEST_F(Shard, BadShardIsAUsageError) {
  for (const char* bad : {"0/3", "4/3", "1/0", "x", "1/3x", "1/"}) {
    std::string cmd = "'" LOCLINT_BINARY "' --shard " + std::string(bad) + " '" + dir_.string() + "' >/dev/null 2>&1";
    int status = std::system(cmd.c_str());
    EXPECT_EQ(WEXITSTATUS(status), 2) << bad;
  }
}

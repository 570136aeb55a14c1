// A string-keyed map shared by every thread of a run, read far more often than written: the
// workspace's caches (stat() answers, places, folder listings, anchor sets). It is split into
// shards, each a std::unordered_map behind its own reader-writer lock, chosen by the key's hash,
// so that a thread inserting a key blocks only the readers of one shard, not of every cache.
//
// Why (issue 20): with one lock over all of the workspace's caches, the two threads of a `-j 2`
// run over the Business Central tree (1,050 files, 0.13 s) went to sleep on it about 500 times,
// nearly all in stat() of link targets (perf record -e sched:sched_switch), and `-j 2` ran only
// 1.4 to 1.6 times faster than `-j 1`.
//
// Values are copied out (they are small: shared_ptrs, a stat answer), never referenced while
// another thread may insert.
#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <utility>

namespace loclint {

template <class V, size_t kShards = 32>
class ShardedMap {
 public:
  // The value of `key`, or nothing.
  std::optional<V> find(const std::string& key) const {
    const Shard& s = shard(key);
    std::shared_lock lock(s.mutex);
    if (auto it = s.map.find(key); it != s.map.end()) return it->second;
    return std::nullopt;
  }
  bool contains(const std::string& key) const { return find(key).has_value(); }

  // Inserts `value` unless `key` has one; returns the value the map holds for `key` (another
  // thread's, when it inserted first).
  V emplace(const std::string& key, V value) {
    Shard& s = shard(key);
    std::unique_lock lock(s.mutex);
    return s.map.emplace(key, std::move(value)).first->second;
  }

  // Sets the value of `key`, replacing any.
  void assign(const std::string& key, V value) {
    Shard& s = shard(key);
    std::unique_lock lock(s.mutex);
    s.map.insert_or_assign(key, std::move(value));
  }

  // The value of `key`; when it has none, `make()` is called under the shard's lock (keep it
  // cheap: it blocks the shard) and its result inserted.
  template <class Make>
  V get_or_make(const std::string& key, Make&& make) {
    if (auto v = find(key)) return *std::move(v);
    Shard& s = shard(key);
    std::unique_lock lock(s.mutex);
    auto it = s.map.find(key);
    if (it == s.map.end()) it = s.map.emplace(key, make()).first;
    return it->second;
  }

 private:
  struct Shard {
    mutable std::shared_mutex mutex;
    std::unordered_map<std::string, V> map;
  };
  Shard& shard(const std::string& key) { return shards_[std::hash<std::string>{}(key) % kShards]; }
  const Shard& shard(const std::string& key) const { return shards_[std::hash<std::string>{}(key) % kShards]; }
  std::array<Shard, kShards> shards_;
};

}  // namespace loclint

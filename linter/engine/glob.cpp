#include "loclint/glob.h"

#include <string>
#include <vector>

namespace loclint {

namespace {
// Dynamic programming over (glob offset, path offset), from the ends: O(glob x path) time, no
// recursion. Backtracking over stars was exponential (`*a*a*a*a*a*a*b` against a long name took
// minutes), and globs come from .loclint.yaml files that anyone can commit.
bool glob_matches(std::string_view g, std::string_view p) {
  // `*.md`, the default include and most configured ones: a star then literal text, matched by
  // the path's end without the table (a star does not match '/').
  if (g.size() > 1 && g[0] == '*' && g.substr(1).find_first_of("*?") == std::string_view::npos) {
    const std::string_view tail = g.substr(1);
    return p.ends_with(tail) && p.substr(0, p.size() - tail.size()).find('/') == std::string_view::npos;
  }
  // Stars pair up left to right (`**` `**` `*`) and `**` `**` matches what `**` does, so a long run
  // of stars means what its first four or five mean. Every other character consumes one path byte
  // but for the '/' of `**/` (zero segments): a glob with more of those than the path has bytes
  // cannot match.
  std::string glob;
  size_t consumed = 0, run = 0;
  for (size_t i = 0; i < g.size();) {
    if (g[i] == '*') {
      run = 0;
      while (i < g.size() && g[i] == '*') ++run, ++i;
      glob.append(run < 4 ? run : 4 + run % 2, '*');
      continue;
    }
    if (!(g[i] == '/' && run >= 2 && run % 2 == 0)) ++consumed;
    run = 0;
    glob += g[i++];
  }
  if (consumed > p.size()) return false;
  // The literal text before the first wildcard must start the path, and the literal text after
  // the last star must end it: most globs of a docfx.json (`admin/**/*.md`) fail there, before
  // the table below is built.
  const size_t first_wild = glob.find_first_of("*?");
  if (first_wild == std::string::npos) return glob == p;
  if (p.substr(0, first_wild) != std::string_view(glob).substr(0, first_wild)) return false;
  std::string_view tail = std::string_view(glob).substr(glob.rfind('*') + 1);
  if (tail.starts_with('/') && glob.size() - tail.size() >= 2 && glob[glob.size() - tail.size() - 2] == '*')
    tail.remove_prefix(1);  // the '/' of `**/` may match nothing
  if (tail.find('?') == std::string_view::npos && !p.ends_with(tail)) return false;
  const size_t n = p.size();
  // row(gi)[pi]: does glob[gi..] match p[pi..]? Each row needs the rows up to 3 further on.
  std::vector<char> table(4 * (n + 1), 0);
  struct Row {
    char* data;
    char& operator[](size_t i) const { return data[i]; }
  };
  auto row = [&](size_t gi) { return Row{table.data() + (gi % 4) * (n + 1)}; };
  for (size_t pi = 0; pi <= n; ++pi) row(glob.size())[pi] = pi == n;
  for (size_t gi = glob.size(); gi-- > 0;) {
    const Row cur = row(gi);
    std::string_view rest = std::string_view(glob).substr(gi);
    if (rest.starts_with("**/")) {  // zero or more whole segments
      const Row next = row(gi + 3);
      bool after_slash = false;
      for (size_t pi = n + 1; pi-- > 0;) {
        if (pi < n && p[pi] == '/' && next[pi + 1]) after_slash = true;
        cur[pi] = next[pi] || after_slash;
      }
    } else if (rest.starts_with("**")) {  // anything, '/' included
      const Row next = row(gi + 2);
      bool any = false;
      for (size_t pi = n + 1; pi-- > 0;) cur[pi] = any = any || next[pi];
    } else if (rest[0] == '*') {  // anything within a segment
      const Row next = row(gi + 1);
      for (size_t pi = n + 1; pi-- > 0;) cur[pi] = next[pi] || (pi < n && p[pi] != '/' && cur[pi + 1]);
    } else {
      const Row next = row(gi + 1);
      for (size_t pi = n + 1; pi-- > 0;)
        cur[pi] = pi < n && (rest[0] == '?' ? p[pi] != '/' : rest[0] == p[pi]) && next[pi + 1];
    }
  }
  return row(0)[0];
}
}  // namespace

bool glob_match(std::string_view glob, std::string_view path) {
  if (glob.find('/') == std::string_view::npos) {
    size_t slash = path.rfind('/');
    if (slash != std::string_view::npos) path = path.substr(slash + 1);
  } else if (!glob.empty() && glob[0] == '/') {
    glob.remove_prefix(1);
  }
  while (path.starts_with("./")) path.remove_prefix(2);
  return glob_matches(glob, path);
}

}  // namespace loclint

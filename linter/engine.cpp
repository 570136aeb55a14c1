#include "loclint/engine.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <thread>
#include <unordered_map>

#include "loclint/suppression.h"
#include "loclint/workspace.h"

namespace loclint {

namespace fs = std::filesystem;

namespace {

const Rule kUnreadable{
    "loclint/unreadable-file", Severity::Error, "a path given to loclint could not be read",
    "loclint could not open or read this path (it does not exist, permissions forbid it, or it "
    "disappeared during the run). Nothing in it was checked. The run goes on with the other files "
    "and exits with code 2, because the tool could not do its job completely.",
    "loclint docs/missing.md"};
const Rule kBinary{"loclint/binary-file", Severity::Warning, "a file that looks binary was skipped",
                   "The file has a NUL byte in its first 8000 bytes (the same test git uses), so it is not a "
                   "text document and was not linted. Remove it from the docs tree or exclude it with "
                   "--exclude or the `exclude` list of .loclint.yaml.",
                   "an image saved with a .md extension"};
const Rule kInvalidUtf8{"loclint/invalid-utf8", Severity::Error, "bytes that are not valid UTF-8",
                        "Docs are published as UTF-8. These bytes are not valid UTF-8 (a file saved in a legacy "
                        "code page, a truncated multi-byte character, an overlong or surrogate sequence), so "
                        "readers would see replacement characters. Re-save the file as UTF-8. The rest of the "
                        "file is still linted.",
                        "caf\\xE9 saved in Windows-1252"};
const Rule kNulByte{"loclint/nul-byte", Severity::Warning, "a NUL byte inside a text document",
                    "A NUL byte (U+0000) appears in the document. Markdown renders it as a replacement "
                    "character and many tools stop reading at it. It is usually left over from a broken "
                    "conversion or merge; delete it.",
                    "text\\0text"};
const Rule kTooLarge{"loclint/file-too-large", Severity::Error, "a file too large to lint",
                     "The file is larger than loclint's limit (256 MiB), far beyond any real article; it "
                     "was not linted. Exclude it if it is not documentation.",
                     "a 300 MB generated dump named .md"};
const Rule kNoDocuments{"loclint/no-documents", Severity::Warning, "a folder with no document to lint",
                        "A folder given on the command line holds no Markdown article and no YamlMime YAML file "
                        "matching the include and exclude globs, so nothing was checked there. Check the path "
                        "and the globs.",
                        "loclint images/"};

constexpr size_t kMaxFileSize = 256u << 20;
constexpr size_t kMaxLineText = 4096;  // Finding::line_text
constexpr size_t kBinaryProbe = 8000;   // a NUL byte in the first 8000 bytes: a binary file

std::string to_forward(std::string s) {
  std::replace(s.begin(), s.end(), '\\', '/');
  return s;
}

bool is_yaml(std::string_view p) {
  return p.ends_with(".yml") || p.ends_with(".yaml") || p.ends_with(".YML") || p.ends_with(".YAML");
}
bool is_markdown(std::string_view p) {
  return p.ends_with(".md") || p.ends_with(".MD") || p.ends_with(".markdown");
}

}  // namespace

bool read_file(const std::string& path, std::string& out, std::string& error, bool& too_large) {
  too_large = false;
  // O_NONBLOCK: opening a FIFO without a writer blocks forever; non-blocking, it opens at once
  // and reads as empty. Reads are blocking again (a pipe given as a path still works).
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    error = std::strerror(errno);
    return false;
  }
  if (int flags = ::fcntl(fd, F_GETFL); flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    error = std::strerror(errno);
    ::close(fd);
    return false;
  }
  if (S_ISDIR(st.st_mode)) {
    error = "is a directory";
    ::close(fd);
    return false;
  }
  if (static_cast<size_t>(st.st_size) > kMaxFileSize) {
    too_large = true;
    ::close(fd);
    return false;
  }
  out.clear();
  out.resize(static_cast<size_t>(st.st_size));
  auto fail = [&] {
    error = std::strerror(errno);
    ::close(fd);
    return false;
  };
  size_t got = 0;
  while (true) {
    if (got == out.size()) {
      if (out.size() >= kMaxFileSize) break;
      // The expected size is read: probe for more in a small buffer, so that the usual end of
      // file does not zero-fill (and free) a 64 KiB tail for every file.
      char probe[512];
      ssize_t n = ::read(fd, probe, sizeof probe);
      if (n < 0) {
        if (errno == EINTR) continue;
        return fail();
      }
      if (n == 0) break;
      out.append(probe, static_cast<size_t>(n));  // the file grew, or st_size was 0 (a pipe, /proc)
      got += static_cast<size_t>(n);
      out.resize(out.size() + 65536);
      continue;
    }
    ssize_t n = ::read(fd, out.data() + got, out.size() - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail();
    }
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  out.resize(got);
  ::close(fd);
  if (got > kMaxFileSize) {
    too_large = true;
    return false;
  }
  return true;
}

namespace {

class CollectingReporter : public Reporter {
 public:
  CollectingReporter(const Config& config, std::vector<Diagnostic>& out) : config_(config), out_(out) {}
  using Reporter::report;
  void report(Diagnostic d) override {
    if (!d.rule || !config_.enabled(*d.rule)) return;
    // A check may report a milder case of a defect below its rule's default (an include found
    // only in the source tree); the user's --severity for the rule or its family still wins.
    const bool overridden = config_.severity.count(std::string(d.rule->id)) ||
                            config_.severity.count(std::string(d.rule->family()));
    if (overridden || d.severity > d.rule->severity) d.severity = config_.severity_of(*d.rule);
    out_.push_back(std::move(d));
  }

 private:
  const Config& config_;
  std::vector<Diagnostic>& out_;
};

void sort_findings(std::vector<Finding>& v) {
  std::stable_sort(v.begin(), v.end(), [](const Finding& a, const Finding& b) {
    if (a.start.line != b.start.line) return a.start.line < b.start.line;
    if (a.start.column != b.start.column) return a.start.column < b.start.column;
    if (a.diagnostic.rule->id != b.diagnostic.rule->id) return a.diagnostic.rule->id < b.diagnostic.rule->id;
    return a.diagnostic.message < b.diagnostic.message;
  });
}

}  // namespace

const std::vector<const Rule*>& core_rules() {
  static const std::vector<const Rule*> rules = {&kBinary,  &kTooLarge,   &kInvalidUtf8,
                                                 &kNoDocuments, &kNulByte, &kUnreadable,
                                                 &unused_suppression_rule()};
  return rules;
}

namespace {
// Dynamic programming over (glob offset, path offset), from the ends: O(glob x path) time, no
// recursion. Backtracking over stars was exponential (`*a*a*a*a*a*a*b` against a long name took
// minutes), and globs come from .loclint.yaml files that anyone can commit.
bool glob_matches(std::string_view g, std::string_view p) {
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
  const size_t n = p.size();
  // row(gi)[pi]: does glob[gi..] match p[pi..]? Each row needs the rows up to 3 further on.
  std::vector<std::vector<char>> rows(4, std::vector<char>(n + 1, 0));
  auto row = [&](size_t gi) -> std::vector<char>& { return rows[gi % 4]; };
  for (size_t pi = 0; pi <= n; ++pi) row(glob.size())[pi] = pi == n;
  for (size_t gi = glob.size(); gi-- > 0;) {
    std::vector<char>& cur = row(gi);
    std::string_view rest = std::string_view(glob).substr(gi);
    if (rest.starts_with("**/")) {  // zero or more whole segments
      const std::vector<char>& next = row(gi + 3);
      bool after_slash = false;
      for (size_t pi = n + 1; pi-- > 0;) {
        if (pi < n && p[pi] == '/' && next[pi + 1]) after_slash = true;
        cur[pi] = next[pi] || after_slash;
      }
    } else if (rest.starts_with("**")) {  // anything, '/' included
      const std::vector<char>& next = row(gi + 2);
      bool any = false;
      for (size_t pi = n + 1; pi-- > 0;) cur[pi] = any = any || next[pi];
    } else if (rest[0] == '*') {  // anything within a segment
      const std::vector<char>& next = row(gi + 1);
      for (size_t pi = n + 1; pi-- > 0;) cur[pi] = next[pi] || (pi < n && p[pi] != '/' && cur[pi + 1]);
    } else {
      const std::vector<char>& next = row(gi + 1);
      for (size_t pi = n + 1; pi-- > 0;)
        cur[pi] = pi < n && (rest[0] == '?' ? p[pi] != '/' : rest[0] == p[pi]) && next[pi + 1];
    }
  }
  return row(0)[0];
}
}  // namespace

unsigned shard_of(std::string_view relative_path, unsigned count) {
  if (count <= 1) return 0;
  uint64_t h = 14695981039346656037ull;
  for (char c : relative_path) {
    h ^= static_cast<uint8_t>(c);
    h *= 1099511628211ull;
  }
  return static_cast<unsigned>(h % count);
}

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

Finding path_finding(const std::string& path, const Rule& rule, Severity severity, std::string message) {
  Finding f;
  f.path = path;
  f.diagnostic.rule = &rule;
  f.diagnostic.severity = severity;
  f.diagnostic.message = std::move(message);
  f.start = f.end = f.start_utf16 = f.end_utf16 = f.start_byte = f.end_byte = Position{1, 1};
  f.fingerprint = std::string(rule.id) + "|" + path;
  f.whole_file = true;
  return f;
}

namespace {

// The line and column of an offset in the three column units.
struct Located {
  Position codepoint, utf16, byte;
};

Located position_of(const Document& doc, uint32_t offset) {
  return {doc.position(offset), doc.position(offset, ColumnUnit::Utf16), doc.position(offset, ColumnUnit::Byte)};
}

// Positions of many offsets of one document. Columns are counted from the line start, so locating
// k findings on one long line one by one costs k times the line: 100 000 findings on a 1 MB line
// would take minutes. Here the offsets are sorted and each line is walked once.
class PositionTable {
 public:
  PositionTable(const Document& doc, std::vector<uint32_t> offsets) {
    std::sort(offsets.begin(), offsets.end());
    offsets.erase(std::unique(offsets.begin(), offsets.end()), offsets.end());
    const std::string_view text = doc.text();
    entries_.reserve(offsets.size());
    uint32_t line = 0, at = 0;  // the cursor: `cur` is the position of offset `at`
    Located cur{};
    for (uint32_t off : offsets) {
      const uint32_t l = doc.lines().line_of(off);
      const uint32_t start = doc.lines().line_start(l);
      if (l != line) {
        line = l;
        at = start;
        cur = Located{{l, 1}, {l, 1}, {l, 1}};
      }
      // Count on from the previous offset of the line, as LineIndex::position counts from the
      // line start (an invalid byte is one column; a sequence the offset falls inside
      // counts, without moving the cursor into its middle).
      Located result = cur;
      while (at < off) {
        const int len = utf8::sequence_length(text, at);
        const uint32_t step = len == 0 ? 1u : static_cast<uint32_t>(len);
        const uint32_t u16 = len == 4 ? 2u : 1u;
        result.codepoint.column = cur.codepoint.column + 1;
        result.utf16.column = cur.utf16.column + u16;
        if (at + step > off) break;
        cur.codepoint.column += 1;
        cur.utf16.column += u16;
        at += step;
      }
      result.byte = {l, off > start ? off - start + 1 : 1};  // inside the BOM: column 1
      if (at == off) result = Located{cur.codepoint, cur.utf16, result.byte};
      entries_.push_back({off, result});
    }
  }
  const Located& at(uint32_t offset) const {
    auto it = std::lower_bound(entries_.begin(), entries_.end(), offset,
                               [](const auto& e, uint32_t o) { return e.first < o; });
    return it->second;
  }

 private:
  std::vector<std::pair<uint32_t, Located>> entries_;
};

Diagnostic clamped(Diagnostic d, uint32_t size) {
  d.span.begin = std::min(d.span.begin, size);
  d.span.end = std::clamp(d.span.end, d.span.begin, size);
  return d;
}

Finding located(const Document& doc, Diagnostic d, const Located& start, const Located& end) {
  Finding f;
  f.path = doc.path();
  f.start = start.codepoint;
  f.end = end.codepoint;
  f.start_utf16 = start.utf16;
  f.end_utf16 = end.utf16;
  f.start_byte = start.byte;
  f.end_byte = end.byte;
  // Every finding keeps its line for context; a 1 MB line must not be copied per finding.
  std::string_view line = doc.slice(doc.lines().line_span(f.start.line));
  if (line.size() > kMaxLineText) {
    size_t cut = kMaxLineText;
    while (cut > 0 && (static_cast<uint8_t>(line[cut]) & 0xC0) == 0x80) --cut;  // a character boundary
    line = line.substr(0, cut);
  }
  f.line_text = std::string(line);
  std::string_view involved = doc.slice(d.span);
  if (involved.size() > 200) involved = involved.substr(0, 200);
  f.fingerprint = std::string(d.rule->id) + "|" + doc.path() + "|" + std::string(involved) + "|" + d.message;
  f.diagnostic = std::move(d);
  return f;
}

}  // namespace

Finding locate(const Document& doc, Diagnostic d) {
  d = clamped(std::move(d), static_cast<uint32_t>(doc.text().size()));
  Located start = position_of(doc, d.span.begin), end = position_of(doc, d.span.end);
  return located(doc, std::move(d), start, end);
}


Engine::Engine(const Config& config, std::vector<Check> checks) : config_(config), checks_(std::move(checks)) {
  known_rules_ = core_rules();
  for (const Check& c : checks_)
    for (const Rule* r : c.rules)
      if (std::find(known_rules_.begin(), known_rules_.end(), r) == known_rules_.end()) known_rules_.push_back(r);
}

void Engine::set_config_lookup(ConfigLookup lookup) { config_lookup_ = std::move(lookup); }

std::shared_ptr<const Config> Engine::config_for(const std::string& path) const {
  if (config_lookup_) return config_lookup_(path);
  return std::shared_ptr<const Config>(std::shared_ptr<const Config>(), &config_);  // not owned
}

std::vector<Finding> Engine::lint_document(const Document& doc, Workspace& workspace) const {
  return lint_document(doc, workspace, config_);
}

std::vector<Finding> Engine::lint_document(const Document& doc, Workspace& workspace, const Config& config) const {
  std::vector<Diagnostic> diags;
  CollectingReporter reporter(config, diags);
  for (const InputProblem& p : doc.input_problems()) {
    if (p.kind == InputProblem::InvalidUtf8) {
      std::string bytes;
      static const char* hex = "0123456789ABCDEF";
      for (uint32_t i = p.offset; i < doc.text().size() && i < p.offset + 4; ++i) {
        uint8_t c = static_cast<uint8_t>(doc.text()[i]);
        if (i > p.offset && c < 0x80) break;
        if (!bytes.empty()) bytes += ' ';
        bytes += "0x";
        bytes += hex[c >> 4];
        bytes += hex[c & 15];
      }
      reporter.report(kInvalidUtf8, {p.offset, p.offset + 1}, "invalid UTF-8 byte sequence (" + bytes + ")");
    } else {
      reporter.report(kNulByte, {p.offset, p.offset + 1}, "NUL byte in a text document");
    }
  }
  std::shared_ptr<const Pair> pair = workspace.pairing().pair_of(doc, config);
  Env env{config, workspace, pair.get()};
  for (const Check& check : checks_) {
    bool any = std::any_of(check.rules.begin(), check.rules.end(), [&](const Rule* r) { return config.enabled(*r); });
    if (any) check.run(doc, env, reporter);
  }
  // Suppressions apply to what the checks reported, centrally, after every check ran.
  for (Diagnostic& u : apply_suppressions(doc, diags, config, known_rules_)) reporter.report(std::move(u));
  std::vector<Finding> out;
  out.reserve(diags.size());
  const uint32_t size = static_cast<uint32_t>(doc.text().size());
  std::vector<uint32_t> offsets;
  offsets.reserve(diags.size() * 2);
  for (Diagnostic& d : diags) {
    d = clamped(std::move(d), size);
    offsets.push_back(d.span.begin);
    offsets.push_back(d.span.end);
  }
  PositionTable table(doc, std::move(offsets));
  for (Diagnostic& d : diags) {
    const Located& start = table.at(d.span.begin);
    const Located& end = table.at(d.span.end);
    out.push_back(located(doc, std::move(d), start, end));
  }
  sort_findings(out);
  return out;
}

namespace {
bool looks_binary(std::string_view bytes) {
  return std::memchr(bytes.data(), 0, std::min<size_t>(bytes.size(), kBinaryProbe)) != nullptr;
}
// TOC.yml and friends: YAML files that are not documents.
bool yaml_but_not_document(std::string_view path, std::string_view bytes) {
  return is_yaml(path) && !Document::is_yaml_mime(bytes);
}
}  // namespace

bool engine_parses(std::string_view path, std::string_view bytes) {
  return !looks_binary(bytes) && !yaml_but_not_document(path, bytes);
}

std::vector<Finding> Engine::lint_file(const std::string& path, std::shared_ptr<const Document> doc,
                                       Workspace& workspace, RunStats& stats) const {
  // This file's configuration: the nearest .loclint.yaml with the command line on top.
  std::shared_ptr<const Config> config = config_for(path);
  if (!doc) {
    std::string bytes, error;
    bool too_large = false;
    if (!read_file(path, bytes, error, too_large)) {
      if (too_large)
        return {path_finding(path, kTooLarge, config->severity_of(kTooLarge),
                             "file is larger than 256 MiB; it was not linted")};
      stats.tool_failure = true;
      return {path_finding(path, kUnreadable, config->severity_of(kUnreadable), "cannot read file: " + error)};
    }
    stats.bytes += bytes.size();
    if (looks_binary(bytes)) {
      if (!config->enabled(kBinary)) return {};
      return {path_finding(path, kBinary, config->severity_of(kBinary),
                           "file looks binary (NUL byte in its first 8000 bytes); it was not linted")};
    }
    if (yaml_but_not_document(path, bytes)) return {};  // not parsed
    doc = Document::parse(path, std::move(bytes));
    workspace.add_anchors(*doc);
  } else {
    stats.bytes += doc->text().size();
  }
  ++stats.files;
  stats.segments += doc->segments().size();
  return lint_document(*doc, workspace, *config);
}

Engine::Discovery Engine::discover(const std::vector<std::string>& inputs) const {
  Discovery out;
  std::vector<std::string> include = config_.include;
  if (include.empty()) include = {"*.md", "*.yml"};
  auto excluded = [&](std::string_view rel) {
    return std::any_of(config_.exclude.begin(), config_.exclude.end(), [&](const std::string& g) { return glob_match(g, rel); });
  };
  auto included = [&](std::string_view rel) {
    return std::any_of(include.begin(), include.end(), [&](const std::string& g) { return glob_match(g, rel); });
  };
  // The include/exclude of the .loclint.yaml that applies to a file, relative to its folder.
  auto config_selects = [&](const std::string& path) {
    std::shared_ptr<const Config> c = config_for(path);
    if (c->file_include.empty() && c->file_exclude.empty()) return true;
    std::string rel = absolute_normal(path).lexically_relative(absolute_normal(c->file).parent_path()).generic_string();
    auto any = [&](const std::vector<std::string>& globs) {
      return std::any_of(globs.begin(), globs.end(), [&](const std::string& g) { return glob_match(g, rel); });
    };
    return (c->file_include.empty() || any(c->file_include)) && !any(c->file_exclude);
  };
  std::unordered_map<std::string, std::string> shard_key;  // display path -> path relative to its input
  for (const std::string& input : inputs) {
    std::error_code ec;
    fs::file_status st = fs::status(input, ec);
    if (ec || !fs::exists(st)) {
      out.tool_failure = true;
      out.findings.push_back(path_finding(input, kUnreadable, config_.severity_of(kUnreadable),
                                          "cannot read path: " + (ec ? ec.message() : std::string("No such file or directory"))));
      continue;
    }
    if (!fs::is_directory(st)) {
      std::string rel = to_forward(input);
      if (!excluded(rel) && config_selects(input)) {
        out.files.push_back(input);
        shard_key.emplace(input, rel);
      }
      continue;
    }
    size_t before = out.files.size();
    fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      out.tool_failure = true;
      out.findings.push_back(path_finding(input, kUnreadable, config_.severity_of(kUnreadable), "cannot read folder: " + ec.message()));
      continue;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) {
        out.tool_failure = true;
        out.findings.push_back(path_finding(input, kUnreadable, config_.severity_of(kUnreadable), "cannot read folder: " + ec.message()));
        break;
      }
      const fs::path& p = it->path();
      std::string name = p.filename().string();
      std::error_code sec;
      bool dir = it->is_directory(sec);
      if (dir) {
        // Hidden folders (.git) and dependency folders are never documentation.
        if ((name.size() > 1 && name[0] == '.') || name == "node_modules") it.disable_recursion_pending();
        continue;
      }
      if (!is_markdown(name) && !is_yaml(name)) continue;
      std::string rel = to_forward(p.lexically_relative(input).string());
      if (!included(rel) || excluded(rel) || !config_selects(p.string())) continue;
      // A FIFO, socket or device named like a document (left by a broken tool) is not a document;
      // reading it could block or never end. Dangling symlinks go on to be reported by lint_file.
      fs::file_status fst = it->status(sec);
      if (!sec && fs::exists(fst) && !fs::is_regular_file(fst)) {
        out.tool_failure = true;
        out.findings.push_back(path_finding(p.string(), kUnreadable, config_.severity_of(kUnreadable),
                                            "not a regular file (a FIFO, socket or device); it was not read"));
        continue;
      }
      out.files.push_back(p.string());
      shard_key.emplace(out.files.back(), std::move(rel));
    }
    if (out.files.size() == before)
      out.findings.push_back(path_finding(input, kNoDocuments, config_.severity_of(kNoDocuments),
                                          "no Markdown or YamlMime document found in this folder"));
  }
  std::sort(out.files.begin(), out.files.end());
  out.files.erase(std::unique(out.files.begin(), out.files.end()), out.files.end());
  if (config_.shard_count > 1) {
    // After de-duplication, so a file reached through two inputs is still in exactly one shard
    // (keyed by the first input that found it).
    std::erase_if(out.files, [&](const std::string& f) {
      return shard_of(shard_key.at(f), config_.shard_count) != config_.shard_index - 1;
    });
  }
  return out;
}

RunResult Engine::run(const std::vector<std::string>& inputs, unsigned jobs) const {
  RunResult result;
  Discovery disc = discover(inputs);
  result.stats.tool_failure = disc.tool_failure;
  Workspace workspace;
  workspace.plan(disc.files);
  const size_t n = disc.files.size();
  std::vector<std::vector<Finding>> per_file(n);
  std::vector<RunStats> per_thread(std::max(1u, jobs));
  std::atomic<size_t> next{0};
  auto worker = [&](unsigned t) {
    for (;;) {
      size_t i;
      std::shared_ptr<const Document> doc;
      // A document another file's links made the workspace parse goes first, to free it.
      if (!workspace.take_waiting(i, doc)) {
        if ((i = next.fetch_add(1)) >= n) break;
        if (!workspace.claim(i, doc)) continue;  // already linted from the waiting documents
      }
      per_file[i] = lint_file(disc.files[i], std::move(doc), workspace, per_thread[t]);
    }
  };
  unsigned threads = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(std::max<size_t>(n, 1))));
  if (threads == 1) {
    worker(0);
  } else {
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker, t);
    for (auto& th : pool) th.join();
  }
  for (const RunStats& s : per_thread) {
    result.stats.files += s.files;
    result.stats.segments += s.segments;
    result.stats.bytes += s.bytes;
    result.stats.tool_failure |= s.tool_failure;
  }
  // Findings about paths (discovery) go with the path they name, in path order.
  std::vector<Finding> all = std::move(disc.findings);
  for (auto& v : per_file)
    for (auto& f : v) all.push_back(std::move(f));
  std::stable_sort(all.begin(), all.end(), [](const Finding& a, const Finding& b) {
    if (a.path != b.path) return a.path < b.path;
    if (a.start.line != b.start.line) return a.start.line < b.start.line;
    if (a.start.column != b.start.column) return a.start.column < b.start.column;
    if (a.diagnostic.rule->id != b.diagnostic.rule->id) return a.diagnostic.rule->id < b.diagnostic.rule->id;
    return a.diagnostic.message < b.diagnostic.message;
  });
  for (const Finding& f : all) {
    switch (f.diagnostic.severity) {
      case Severity::Error: ++result.stats.errors; break;
      case Severity::Warning: ++result.stats.warnings; break;
      case Severity::Note: ++result.stats.notes; break;
    }
  }
  result.findings = std::move(all);
  result.stats.unchecked_images = workspace.unchecked_images();
  return result;
}

}  // namespace loclint

// Hostile input: loclint runs unattended on docs trees it does not control. Every input here must
// give normal findings or a clear diagnostic, within bounded time and memory, and never hide the
// findings of the other files of the run (README: "What loclint guarantees on bad input").
//
// Most tests run the built binary (LOCLINT_BINARY) on a temporary tree holding the hostile file
// and a witness file with a known finding; big inputs are generated here, never committed.
// The small hostile documents with exact expectations live in fixtures/input/.
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <regex>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>
#include <tinyxml2.h>

#include "loclint/engine.h"
#include "loclint/glob.h"
#include "loclint/locate.h"
#include "loclint/output.h"
#include "registry.h"

namespace fs = std::filesystem;
using namespace loclint;

namespace {

// Bounds for one run on inputs of about 1 MB. Generous, because the bugs they guard against
// (quadratic scans, unbounded copies, blocking opens) cost minutes and gigabytes. The sanitizer
// build is several times slower, so its bounds are four times wider (a 100 000-segment file took
// 126 s there on a machine loaded eight times over, against 60 s allowed).
#if defined(__SANITIZE_ADDRESS__)
constexpr int kSlowdown = 4;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr int kSlowdown = 4;
#else
constexpr int kSlowdown = 1;
#endif
#else
constexpr int kSlowdown = 1;
#endif
constexpr int kTimeoutSeconds = 60 * kSlowdown;
constexpr double kMaxSeconds = 30 * kSlowdown;
constexpr long kMaxRssKb = 2L * 1024 * 1024;

const std::string kFrontMatter =
    "---\ntitle: Titre\ndescription: Une description.\nms.date: 08/18/2020\nms.topic: how-to\n"
    "ms.contentlocale: fr-FR\nms.locfileid: \"94381407\"\n---\n\n";
const std::string kSegment =
    "<span data-ttu-id=\"f4053-120\">texte traduit</span><span class=\"sxs-lookup\">"
    "<span data-stu-id=\"f4053-120\">source text</span></span>";
// A front matter block that is never closed: a metadata/syntax error at 1:1 with today's rules.
const std::string kWitness = "---\ntitle: témoin\n";

struct LintRun {
  int exit_code = -1;
  int signal = 0;
  bool timed_out = false;
  double seconds = 0;
  long max_rss_kb = 0;
  std::string out, err;
  std::vector<std::string> lines;  // stdout split on '\n'
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void write(const fs::path& p, const std::string& bytes) {
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << bytes;
}

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "loclint-hostile-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) std::abort();
    path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);  // does not follow symlinks, so loops are harmless
  }
  const fs::path& path() const { return path_; }
  fs::path operator/(const std::string& name) const { return path_ / name; }

 private:
  fs::path path_;
};

// Runs the loclint binary with a time limit; stdout and stderr go to files (a full pipe must
// not be what stops it). Sanitizer reports get their own exit code so they cannot pass as
// "findings" (exit 1).
// `as_user`: the uid (and gid) the child drops to before it runs loclint (root ignores modes:
// the unreadable-folder cases need another user). Exit code 127 when it could not run.
LintRun run_loclint(const std::vector<std::string>& args, std::optional<uid_t> as_user = std::nullopt) {
  TempDir io;
  const std::string out_path = (io / "stdout").string(), err_path = (io / "stderr").string();
  auto start = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    int o = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int e = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int in = ::open("/dev/null", O_RDONLY);
    dup2(o, 1), dup2(e, 2), dup2(in, 0);
    setenv("ASAN_OPTIONS", "exitcode=86:detect_stack_use_after_return=0", 0);
    setenv("UBSAN_OPTIONS", "exitcode=86:print_stacktrace=1", 0);
    if (as_user && (setgroups(0, nullptr) != 0 || setgid(*as_user) != 0 || setuid(*as_user) != 0)) _exit(127);
    std::vector<char*> argv;
    std::string binary = LOCLINT_BINARY;
    argv.push_back(binary.data());
    std::vector<std::string> copy = args;
    for (std::string& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  LintRun r;
  int status = 0;
  struct rusage usage {};
  while (true) {
    pid_t done = wait4(pid, &status, WNOHANG, &usage);
    if (done == pid) break;
    if (std::chrono::steady_clock::now() - start > std::chrono::seconds(kTimeoutSeconds)) {
      kill(pid, SIGKILL);
      wait4(pid, &status, 0, &usage);
      r.timed_out = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.max_rss_kb = usage.ru_maxrss;
  if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
  r.out = slurp(out_path);
  r.err = slurp(err_path);
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) r.lines.push_back(line);
  return r;
}

// What every run must satisfy, whatever the input: it ended by itself, in time, within memory,
// with an exit code of the tool (0, 1 or 2), one well-formed diagnostic per line, no control
// character in the output, and the summary line.
void expect_well_formed(const LintRun& r) {
  EXPECT_FALSE(r.timed_out) << "killed after " << kTimeoutSeconds << " s";
  EXPECT_EQ(r.signal, 0) << "killed by signal " << r.signal << "\n" << r.err;
  EXPECT_TRUE(r.exit_code >= 0 && r.exit_code <= 2) << "exit code " << r.exit_code << "\n" << r.err.substr(0, 4000);
  EXPECT_LT(r.seconds, kMaxSeconds);
  EXPECT_LT(r.max_rss_kb, kMaxRssKb);
  EXPECT_EQ(r.err.find("Sanitizer"), std::string::npos) << r.err.substr(0, 4000);
  EXPECT_EQ(r.err.find("runtime error"), std::string::npos) << r.err.substr(0, 4000);
  static const std::regex diagnostic(R"(^.+:[0-9]+:[0-9]+: (error|warning|note): .+ \[[a-z0-9-]+/[a-z0-9-]+\]$)");
  for (const std::string& line : r.lines) {
    EXPECT_TRUE(std::regex_match(line, diagnostic)) << "malformed line: " << line.substr(0, 300);
    for (unsigned char c : line) EXPECT_TRUE(c >= 0x20 && c != 0x7F) << "control byte in: " << line.substr(0, 300);
  }
  EXPECT_NE(r.err.find(" in "), std::string::npos) << "no summary line on stderr: " << r.err.substr(0, 1000);
}

size_t count_lines_with(const LintRun& r, const std::string& a, const std::string& b = "") {
  size_t n = 0;
  for (const std::string& line : r.lines)
    if (line.find(a) != std::string::npos && line.find(b) != std::string::npos) ++n;
  return n;
}

// The witness's finding must print, once, whatever the other files of the run did.
void expect_witness(const LintRun& r) {
  EXPECT_EQ(count_lines_with(r, "witness.md:1:1: error: ", "[metadata/syntax]"), 1u)
      << "the other file's finding is missing:\n" << r.out.substr(0, 4000);
}

// What a run_with_unreadable run prints: the witness, one error for the folder (named by a path
// ending in `named`), nothing of the folder's `secret.md`, exit code 2.
void expect_folder_reported(const LintRun& r, const std::string& named) {
  expect_well_formed(r);
  expect_witness(r);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(count_lines_with(r, named + ":1:1: error: cannot read folder: Permission denied", "[loclint/unreadable-file]"), 1u) << r.out;
  EXPECT_EQ(r.out.find("secret.md"), std::string::npos) << r.out;
}

// Runs loclint with `args` while `folder` denies reading: as nobody when the tests run as root
// (whom modes do not stop; exit code 127 when that cannot run), the folder's mode restored after.
LintRun run_with_unreadable(const fs::path& folder, const std::vector<std::string>& args) {
  fs::permissions(folder, fs::perms::none);
  std::optional<uid_t> as_user;
  if (geteuid() == 0) as_user = 65534;
  LintRun r = run_loclint(args, as_user);
  fs::permissions(folder, fs::perms::owner_all);
  return r;
}

// Lints a tree holding `files` (name -> bytes) and the witness; returns the run.
LintRun lint_tree(const std::vector<std::pair<std::string, std::string>>& files, TempDir& dir) {
  write(dir / "witness.md", kWitness);
  for (const auto& [name, bytes] : files) write(dir / name, bytes);
  return run_loclint({"-j", "2", dir.path().string()});
}

LintRun lint_one(const std::string& name, const std::string& bytes) {
  TempDir dir;
  LintRun r = lint_tree({{name, bytes}}, dir);
  expect_well_formed(r);
  expect_witness(r);
  return r;
}

// ---- small and degenerate files -----------------------------------------------------------

TEST(HostileInput, EmptyFile) {
  LintRun r = lint_one("empty.md", "");
  EXPECT_EQ(count_lines_with(r, "empty.md:", "[loclint/"), 0u);
}

TEST(HostileInput, OnlyByteOrderMark) {
  LintRun r = lint_one("bom.md", "\xEF\xBB\xBF");
  EXPECT_EQ(count_lines_with(r, "bom.md:", "[loclint/"), 0u);
}

TEST(HostileInput, OnlyDashes) {
  LintRun r = lint_one("dashes.md", "---");
  EXPECT_EQ(count_lines_with(r, "dashes.md:1:1: error:", "[metadata/syntax]"), 1u) << r.out;
}

TEST(HostileInput, NulByteAtStartMeansBinary) {
  LintRun r = lint_one("binary.md", std::string("PK\x03\x04\0\0\0garbage", 14));
  EXPECT_EQ(count_lines_with(r, "binary.md:1:1: warning: file looks binary", "[loclint/binary-file]"), 1u) << r.out;
}

TEST(HostileInput, NulByteLaterIsLocated) {
  std::string text = kFrontMatter + repeat("Une ligne de texte ordinaire.\n", 400) + "avant" + std::string(1, '\0') + "après\n";
  LintRun r = lint_one("nul.md", text);
  EXPECT_EQ(count_lines_with(r, "nul.md:410:6: warning: NUL byte", "[loclint/nul-byte]"), 1u) << r.out;
}

TEST(HostileInput, InvalidUtf8InsideASegment) {
  std::string seg = "<span data-ttu-id=\"a-1\">caf\xE9</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-1\">coffee</span></span>\n";
  LintRun r = lint_one("latin1.md", kFrontMatter + seg);
  // Line 10, column of the 0xE9 byte: 24 bytes of tag, then "caf".
  EXPECT_EQ(count_lines_with(r, "latin1.md:10:28: error: invalid UTF-8 byte sequence (0xE9)", "[loclint/invalid-utf8]"), 1u)
      << r.out;
}

TEST(HostileInput, OverlongSurrogateAndOutOfRangeUtf8) {
  std::string text = kFrontMatter + "overlong slash \xC0\xAF here\n\nsurrogate \xED\xA0\x80 here\n\nbeyond U+10FFFF \xF4\x90\x80\x80 here\n"
                                    "\nfive bytes \xF8\x88\x80\x80\x80 here\n";
  LintRun r = lint_one("overlong.md", text);
  EXPECT_EQ(count_lines_with(r, "overlong.md:10:16: error: invalid UTF-8 byte sequence (0xC0 0xAF)"), 1u) << r.out;
  EXPECT_EQ(count_lines_with(r, "overlong.md:12:11: error: invalid UTF-8 byte sequence (0xED 0xA0 0x80)"), 1u) << r.out;
  EXPECT_EQ(count_lines_with(r, "overlong.md:14:17: error: invalid UTF-8 byte sequence (0xF4 0x90 0x80 0x80)"), 1u) << r.out;
  EXPECT_EQ(count_lines_with(r, "overlong.md:16:12: error: invalid UTF-8", "[loclint/invalid-utf8]"), 1u) << r.out;
}

TEST(HostileInput, MergeConflictMarkers) {
  std::string in_front_matter = "---\n<<<<<<< HEAD\ntitle: Titre A\n=======\ntitle: Titre B\n>>>>>>> branche\n---\n\n# Titre\n";
  LintRun r = lint_one("conflict-yaml.md", in_front_matter);
  EXPECT_EQ(count_lines_with(r, "conflict-yaml.md:", "[metadata/syntax]"), 1u) << r.out;
  std::string in_body = kFrontMatter + "# Titre\n\n<<<<<<< HEAD\n" + kSegment + "\n=======\n" + kSegment +
                        "\n>>>>>>> 1a2b3c4 (traduction)\n\nSuite.\n";
  lint_one("conflict-body.md", in_body);
}

TEST(HostileInput, UnclosedCommentsAndSpans) {
  lint_one("comment.md", kFrontMatter + "Texte.\n\n<!-- jamais fermé\n\n# Titre\n\n" + kSegment + "\n");
  lint_one("inline-comment.md", kFrontMatter + "Texte <!-- jamais fermé " + kSegment + "\n");
  lint_one("span.md", kFrontMatter + "<span data-ttu-id=\"a-1\">jamais fermé\n\n<span class=\"sxs-lookup\">"
                                     "<span data-stu-id=\"a-2\">nor this\n\n</span></span></span>\n");
}

// ---- size and depth -----------------------------------------------------------------------

TEST(HostileInput, OneMegabyteSingleLines) {
  const size_t mb = 1 << 20;
  lint_one("text.md", kFrontMatter + repeat("mot ", mb / 4) + "\n");
  lint_one("segments.md", kFrontMatter + repeat(kSegment, mb / kSegment.size()) + "\n");
  lint_one("heading.md", kFrontMatter + "# " + repeat(kSegment, mb / kSegment.size()) + "\n");
  // Unterminated constructs that a scanner could re-scan to the end of the line for each start.
  lint_one("comments.md", kFrontMatter + repeat("<!--", mb / 4) + "\n");
  lint_one("comments-block.md", kFrontMatter + "<div>\n" + repeat("<!x <!-- <a b='", mb / 16) + "\n");
  lint_one("open-spans.md", kFrontMatter + repeat("<span data-ttu-id=\"a\">", mb / 22) + "\n");
  lint_one("code.md", kFrontMatter + repeat("`", mb) + "\n");
  lint_one("brackets.md", kFrontMatter + repeat("[", mb / 2) + repeat("](", mb / 4) + "\n");
  lint_one("emphasis.md", kFrontMatter + repeat("*_", mb / 2) + "\n");
  lint_one("directives.md", kFrontMatter + repeat(":::image source=\"a.png\" ", mb / 24) + "\n");
  lint_one("crlf.md", kFrontMatter + repeat("\r", mb) + "x\n");
}

TEST(HostileInput, HundredThousandSegments) {
  std::string paragraphs, headings;
  for (int i = 0; i < 100000; ++i) paragraphs += kSegment + "\n\n";
  lint_one("paragraphs.md", kFrontMatter + paragraphs);
  for (int i = 0; i < 100000; ++i) headings += "## " + kSegment + "\n";
  lint_one("headings.md", kFrontMatter + headings);
  std::string table = "| a | b |\n|---|---|\n";
  for (int i = 0; i < 30000; ++i) table += "| " + kSegment + " | " + kSegment + " |\n";
  lint_one("table.md", kFrontMatter + table);
}

TEST(HostileInput, TenThousandDeepNesting) {
  const size_t depth = 10000;
  lint_one("quotes.md", kFrontMatter + repeat(">", depth) + " " + kSegment + "\n");
  lint_one("quotes-lines.md", kFrontMatter + [&] {
    std::string s;
    for (size_t i = 1; i <= 2000; ++i) s += repeat("> ", i) + "x\n";  // deepening line by line
    return s;
  }());
  lint_one("lists.md", kFrontMatter + repeat("- ", depth) + kSegment + "\n");
  lint_one("ordered.md", kFrontMatter + repeat("1. ", depth) + "x\n");
  lint_one("mixed.md", kFrontMatter + repeat("> - ", depth / 2) + "x\n");
  lint_one("html.md", kFrontMatter + repeat("<span>", depth) + kSegment + repeat("</span>", depth) + "\n");
  lint_one("links.md", kFrontMatter + repeat("[", depth) + "x" + repeat("](y)", depth) + "\n");
  // YAML: libyaml keeps its nesting on a heap stack; the unclosed flow is one syntax error, not a
  // stack overflow, and the tree is read to a depth of 8 only.
  LintRun r = lint_one("yaml-flow.md", "---\ntitle: " + repeat("[", depth) + "\n---\n");
  EXPECT_EQ(count_lines_with(r, "yaml-flow.md:", "[metadata/syntax]"), 1u) << r.out;
  lint_one("yaml-block.md", [&] {
    std::string s = "---\n";
    for (size_t i = 0; i < 1500; ++i) s += std::string(i, ' ') + "k:\n";
    return s + "---\n";
  }());
}

// ---- the file system ----------------------------------------------------------------------

TEST(HostileInput, HugeFileIsRefusedWithoutReadingIt) {
  // Sparse: 257 MiB on paper, nothing on disk. Refused from its size, before any read.
  TempDir dir;
  write(dir / "witness.md", kWitness);
  write(dir / "huge.md", "---\n");
  fs::resize_file(dir / "huge.md", 257u << 20);
  LintRun r = run_loclint({dir.path().string()});
  expect_well_formed(r);
  expect_witness(r);
  EXPECT_EQ(count_lines_with(r, "huge.md:1:1: error: file is larger than 256 MiB", "[loclint/file-too-large]"), 1u) << r.out;
  EXPECT_LT(r.max_rss_kb, 256L * 1024);
}


TEST(HostileInput, FileThatVanishedIsReportedAndTheRestPrints) {
  // Discovered (the directory entry is there) but gone when read: a dangling symlink is the
  // deterministic form of a file deleted during the run.
  TempDir dir;
  write(dir / "witness.md", kWitness);
  fs::create_symlink(dir / "deleted-meanwhile.md", dir / "vanished.md");
  LintRun r = run_loclint({dir.path().string()});
  expect_well_formed(r);
  expect_witness(r);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(count_lines_with(r, "vanished.md:1:1: error: cannot read file: No such file", "[loclint/unreadable-file]"), 1u)
      << r.out;
}

TEST(HostileInput, UnreadableFileIsReportedAndTheRestPrints) {
  TempDir dir;
  write(dir / "witness.md", kWitness);
  if (geteuid() != 0) {
    write(dir / "secret.md", kFrontMatter);
    fs::permissions(dir / "secret.md", fs::perms::none);
    LintRun r = run_loclint({dir.path().string()});
    expect_well_formed(r);
    expect_witness(r);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(count_lines_with(r, "secret.md:1:1: error: cannot read file: Permission denied"), 1u) << r.out;
  }
  // As root, permissions do not stop reads; a read error still can: /proc/self/mem fails with EIO
  // at offset 0. Given explicitly, it is read like any file named on the command line.
  if (!fs::exists("/proc/self/mem")) GTEST_SKIP() << "no /proc here: the read-error case cannot be produced";
  LintRun r = run_loclint({"/proc/self/mem", dir.path().string()});
  expect_well_formed(r);
  expect_witness(r);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(count_lines_with(r, "/proc/self/mem:1:1: error: cannot read file:", "[loclint/unreadable-file]"), 1u) << r.out;
  if (geteuid() == 0) std::cout << "note: running as root, so chmod 000 cannot make a file unreadable; "
                                   "the read error of /proc/self/mem stands in for it\n";
}

TEST(HostileInput, FifoNamedLikeADocumentDoesNotBlock) {
  TempDir dir;
  write(dir / "witness.md", kWitness);
  ASSERT_EQ(mkfifo((dir / "pipe.md").c_str(), 0600), 0);
  LintRun r = run_loclint({dir.path().string()});
  expect_well_formed(r);
  expect_witness(r);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(count_lines_with(r, "pipe.md:1:1: error: not a regular file", "[loclint/unreadable-file]"), 1u) << r.out;
}

TEST(HostileInput, DirectorySymlinkLoops) {
  TempDir dir;
  write(dir / "witness.md", kWitness);
  fs::create_directories(dir / "a" / "b");
  fs::create_directory_symlink(dir.path(), dir / "a" / "b" / "to-root");
  fs::create_directory_symlink("..", dir / "a" / "up");
  fs::create_directory_symlink(".", dir / "a" / "self");
  fs::create_symlink("loop.md", dir / "loop.md");  // a symlink to itself: ELOOP
  LintRun r = run_loclint({dir.path().string()});
  expect_well_formed(r);
  expect_witness(r);  // once: symlinked folders are not followed, so nothing is linted twice
  EXPECT_EQ(count_lines_with(r, "loop.md:1:1: error: cannot read file: Too many levels of symbolic links"), 1u) << r.out;
  // A symlink given on the command line is followed, and the loops below it still are not.
  LintRun via_link = run_loclint({(dir / "a" / "b" / "to-root").string()});
  expect_well_formed(via_link);
  expect_witness(via_link);
}

// The folder walk (POSIX readdir with the entry types it gives): what it enters, follows and
// skips. Every unterminated front matter below is a finding on its own line, so each file linted
// shows once, by name.
TEST(HostileInput, FolderWalkEntersFollowsAndSkipsWhatItShould) {
  TempDir dir;
  write(dir / "witness.md", kWitness);
  fs::create_directories(dir / "docs" / "deep" / "deeper");
  fs::create_directories(dir / ".git");
  fs::create_directories(dir / "node_modules" / "pkg");
  fs::create_directories(dir / "elsewhere");
  write(dir / "docs" / "deep" / "deeper" / "found.md", kWitness);
  write(dir / ".git" / "hidden.md", kWitness);
  write(dir / "node_modules" / "pkg" / "dependency.md", kWitness);
  write(dir / "elsewhere" / "outside.md", kWitness);
  fs::create_symlink("deep/deeper/found.md", dir / "docs" / "alias.md");  // a link to a document is one
  fs::create_directory_symlink("../elsewhere", dir / "docs" / "linked-folder");  // a linked folder is not entered
  write(dir / "docs" / "notes.txt", kWitness);  // not named like a document
  LintRun r = run_loclint({(dir / "docs").string()});
  expect_well_formed(r);
  EXPECT_EQ(count_lines_with(r, "/docs/deep/deeper/found.md:1:1: error: ", "[metadata/syntax]"), 1u) << r.out;
  EXPECT_EQ(count_lines_with(r, "/docs/alias.md:1:1: error: ", "[metadata/syntax]"), 1u) << r.out;
  EXPECT_EQ(r.out.find("outside.md"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("notes.txt"), std::string::npos) << r.out;
  // From the top: hidden folders and node_modules are never searched.
  LintRun top = run_loclint({dir.path().string()});
  expect_well_formed(top);
  expect_witness(top);
  EXPECT_EQ(count_lines_with(top, "outside.md:1:1: error: ", "[metadata/syntax]"), 1u) << top.out;  // once, not via the link
  EXPECT_EQ(top.out.find("hidden.md"), std::string::npos) << top.out;
  EXPECT_EQ(top.out.find("dependency.md"), std::string::npos) << top.out;
  // A trailing slash on the folder names the files with one slash between.
  LintRun slash = run_loclint({(dir / "docs").string() + "/"});
  EXPECT_EQ(count_lines_with(slash, "/docs/deep/deeper/found.md:1:1: error: ", "[metadata/syntax]"), 1u) << slash.out;
  EXPECT_EQ(slash.out.find("docs//"), std::string::npos) << slash.out;
  // A folder below that cannot be read is reported (its files are not linted), and the rest
  // still prints; run as nobody when the tests run as root, whom modes do not stop.
  fs::create_directories(dir / "locked");
  write(dir / "locked" / "secret.md", kWitness);
  for (const fs::path& p : {dir.path(), dir / "docs", dir / "docs" / "deep", dir / "docs" / "deep" / "deeper", dir / "elsewhere"})
    fs::permissions(p, fs::perms::all);
  for (const fs::path& p : {dir / "witness.md", dir / "docs" / "deep" / "deeper" / "found.md", dir / "elsewhere" / "outside.md"})
    fs::permissions(p, fs::perms::all);
  LintRun locked = run_with_unreadable(dir / "locked", {"--no-cache", dir.path().string()});
  if (locked.exit_code == 127) GTEST_SKIP() << "loclint could not be run as another user here: " << locked.err;
  expect_folder_reported(locked, "/locked");
}

// A folder named on the command line that cannot be read: one error naming it, not a silent
// empty walk (std::filesystem's skip_permission_denied skipped the root too), and the rest runs.
TEST(HostileInput, UnreadableFolderGivenIsReportedOnceAndTheRestPrints) {
  TempDir dir;
  fs::permissions(dir.path(), fs::perms::all);  // another user may look inside
  write(dir / "witness.md", kWitness);
  fs::permissions(dir / "witness.md", fs::perms::all);
  fs::create_directories(dir / "locked");
  write(dir / "locked" / "secret.md", kWitness);
  LintRun r = run_with_unreadable(dir / "locked", {"--no-cache", (dir / "locked").string(), (dir / "witness.md").string()});
  if (r.exit_code == 127) GTEST_SKIP() << "loclint could not be run as another user here: " << r.err;
  expect_folder_reported(r, "locked");
  EXPECT_EQ(r.out.find("no Markdown or YamlMime document"), std::string::npos) << r.out;
}

TEST(HostileInput, FileNamesWithSpacesColonsNewlinesAndNonAscii) {
  TempDir dir;
  const std::vector<std::string> names = {"with space.md", "co:lon:1:2.md", "new\nline.md", "café 日本語 ملف.md",
                                          "esc\x1b[31mred.md", "tab\there.md", "bidi\xE2\x80\xAE" "dm.md"};
  for (const std::string& n : names) write(dir / n, kWitness);
  write(dir / "witness.md", kWitness);
  LintRun r = run_loclint({dir.path().string()});
  expect_well_formed(r);
  expect_witness(r);
  // One line per file: names are escaped, so none can split or forge a diagnostic line.
  EXPECT_EQ(count_lines_with(r, "[metadata/syntax]"), names.size() + 1) << r.out;
  for (const std::string& line : r.lines) EXPECT_EQ(line.rfind(dir.path().string(), 0), 0u) << "forged line: " << line;
  EXPECT_EQ(count_lines_with(r, "/with space.md:1:1: error:"), 1u) << r.out;
  EXPECT_EQ(count_lines_with(r, "/co:lon:1:2.md:1:1: error:"), 1u) << r.out;
  EXPECT_EQ(count_lines_with(r, "/new\\nline.md:1:1: error:"), 1u) << r.out;
  EXPECT_EQ(count_lines_with(r, "/café 日本語 ملف.md:1:1: error:"), 1u) << r.out;
  EXPECT_EQ(count_lines_with(r, "/esc\\x1b[31mred.md:1:1: error:"), 1u) << r.out;
  EXPECT_EQ(count_lines_with(r, "/tab\\there.md:1:1: error:"), 1u) << r.out;
  EXPECT_EQ(count_lines_with(r, "/bidi\\u202edm.md:1:1: error:"), 1u) << r.out;
}

// Every hostile input of this file in one tree, one run: each file gets its diagnostics and none
// stops the others.
TEST(HostileInput, AllTogetherInOneRun) {
  TempDir dir;
  write(dir / "witness.md", kWitness);
  write(dir / "empty.md", "");
  write(dir / "bom.md", "\xEF\xBB\xBF");
  write(dir / "dashes.md", "---");
  write(dir / "binary.md", std::string("\0\0\0", 3));
  write(dir / "latin1.md", kFrontMatter + "caf\xE9\n");
  write(dir / "long.md", kFrontMatter + repeat("<!--", 1 << 18) + "\n");
  write(dir / "deep.md", kFrontMatter + repeat("> ", 10000) + "x\n");
  write(dir / "conflict.md", "---\n<<<<<<< HEAD\ntitle: a\n=======\ntitle: b\n>>>>>>> x\n---\n");
  write(dir / "sub dir/na:me\n.md", kWitness);
  fs::create_symlink("gone.md", dir / "vanished.md");
  ASSERT_EQ(mkfifo((dir / "pipe.md").c_str(), 0600), 0);
  fs::create_directory_symlink("..", dir / "sub dir" / "up");
  LintRun r = run_loclint({"-j", "2", dir.path().string()});
  expect_well_formed(r);
  expect_witness(r);
  EXPECT_EQ(r.exit_code, 2);  // unreadable paths make it a tool failure, after printing everything
  for (const char* expected : {"dashes.md:1:1: error:", "binary.md:1:1: warning:", "latin1.md:10:4: error:",
                               "conflict.md:", "na:me\\n.md:1:1: error:", "vanished.md:1:1: error:", "pipe.md:1:1: error:"})
    EXPECT_EQ(count_lines_with(r, expected), 1u) << expected << "\n" << r.out;
}

// ---- the engine and the renderers, through the library --------------------------------------

const Rule kQuote{.id = "test/quote", .severity = Severity::Warning, .summary = "quotes document text"};

// A check that quotes document text in its messages, as parity checks do.
Check quoting_check(std::function<void(const Document&, Reporter&)> body) {
  return Check{{&kQuote}, [body](const Document& doc, const Env&, Reporter& r) { body(doc, r); }};
}

std::vector<Finding> lint_text(const std::string& path, const std::string& text, Check check) {
  Config config;
  Engine engine(config, {std::move(check)});
  Workspace workspace;
  auto doc = Document::parse(path, text);
  std::vector<Finding> findings = engine.lint_document(*doc, workspace);
  // Only the test check's findings (the crafted text is also invalid UTF-8, a core finding).
  std::erase_if(findings, [](const Finding& f) { return f.diagnostic.rule != &kQuote; });
  return findings;
}

std::string render(const std::string& format, const std::vector<Finding>& findings, bool color = false) {
  std::ostringstream out;
  RenderOptions options;
  options.color = color;
  options.rules = checks::all_rules();
  options.rules.push_back(&kQuote);
  RunStats stats;
  stats.files = 1;
  auto renderer = make_renderer(format, out, options);
  if (!renderer) return {};
  renderer->render(findings, stats);
  return out.str();
}

// Text that would drive a terminal or forge a diagnostic if printed raw.
const std::string kCrafted =
    "a\x1b[2J\x1b]0;owned\x07 b\r\nfake.md:1:1: error: forged [x/y]\n\xC2\x9B" "31m \xE2\x80\xAE" "evil \xE2\x80\xA8 \x7F \xFF end";

TEST(OutputSafety, CompilerFormatEscapesQuotedDocumentText) {
  auto findings = lint_text("doc\nwith\x1b[1mname.md", "x " + kCrafted + "\n", quoting_check([](const Document& doc, Reporter& r) {
                              r.report(kQuote, {2, static_cast<uint32_t>(doc.text().size() - 1)},
                                       "text '" + std::string(doc.text().substr(2, doc.text().size() - 3)) + "' in translation");
                            }));
  ASSERT_EQ(findings.size(), 1u);
  for (bool color : {false, true}) {
    std::string out = render("compiler", findings, color);
    ASSERT_FALSE(out.empty());
    EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 1) << out;
    EXPECT_EQ(out.back(), '\n');
    // Raw control sequences from the document never reach the output; their escapes do.
    EXPECT_EQ(out.find("\x1b[2J"), std::string::npos);
    EXPECT_EQ(out.find("\x1b]0;"), std::string::npos);
    EXPECT_EQ(out.find('\r'), std::string::npos);
    EXPECT_EQ(out.find('\x07'), std::string::npos);
    EXPECT_EQ(out.find("\xC2\x9B"), std::string::npos);
    EXPECT_EQ(out.find("\xE2\x80\xAE"), std::string::npos);
    EXPECT_EQ(out.find("\xE2\x80\xA8"), std::string::npos);
    EXPECT_EQ(out.find('\x7F'), std::string::npos);
    EXPECT_EQ(out.find('\xFF'), std::string::npos);
    for (const char* escaped : {"\\x1b[2J", "\\r\\nfake.md:1:1: error: forged", "\\u009b31m", "\\u202eevil", "\\u2028", "\\x7f",
                                "\\ufffd end", "doc\\nwith\\x1b[1mname.md:1:3:"})
      EXPECT_NE(out.find(escaped), std::string::npos) << escaped << " not in " << out;
    if (!color) {
      for (unsigned char c : out.substr(0, out.size() - 1)) EXPECT_TRUE(c >= 0x20 && c != 0x7F);
    }
  }
}

// Every format keeps the crafted text inert: JSON and SARIF stay valid JSON whose messages hold no
// control character, XML stays well-formed without control characters (XML 1.0 forbids them even
// as character references), GitHub annotations stay one workflow command per finding, and no
// format lets a raw escape sequence or a forged compiler line through. The assertions are keyed
// on the format's name, so each applies as soon as its format is registered.
bool has_control(std::string_view s, bool allow_whitespace) {
  for (unsigned char c : s) {
    if (allow_whitespace && (c == '\t' || c == '\n' || c == '\r')) continue;
    if (c < 0x20 || c == 0x7F) return true;
  }
  return false;
}

void collect_strings(const nlohmann::json& j, std::vector<std::string>& out) {
  if (j.is_string()) out.push_back(j.get<std::string>());
  if (j.is_object()) {
    for (const auto& [k, v] : j.items()) {
      out.push_back(k);
      collect_strings(v, out);
    }
  }
  if (j.is_array()) {
    for (const auto& v : j) collect_strings(v, out);
  }
}

TEST(OutputSafety, EveryFormatSurvivesCraftedText) {
  auto findings = lint_text("crafted\x1b[0m\nname.md", kCrafted + "\n", quoting_check([](const Document& doc, Reporter& r) {
                              r.report(kQuote, {0, 5}, "quoted '" + std::string(doc.text()) + "'");
                            }));
  ASSERT_EQ(findings.size(), 1u);
  for (const std::string& format : output_formats()) {
    SCOPED_TRACE("format " + format);
    std::string out = render(format, findings);
    EXPECT_FALSE(out.empty());
    EXPECT_EQ(out.find('\x1b'), std::string::npos) << "raw ESC in output";
    EXPECT_EQ(out.find("\nfake.md:1:1: error: forged"), std::string::npos) << "forged line";
    EXPECT_NE(out.find("forged"), std::string::npos) << "the message is missing";
    if (format == "json" || format == "sarif") {
      nlohmann::json j = nlohmann::json::parse(out, nullptr, false);
      ASSERT_FALSE(j.is_discarded()) << "not valid JSON:\n" << out;
      EXPECT_FALSE(has_control(out, true)) << "raw control character in JSON text";
      // Messages are escaped text; paths stay raw in JSON (JSON-escaped) so tools can open them.
      std::vector<std::string> strings;
      collect_strings(j, strings);
      size_t messages = 0;
      for (const std::string& str : strings) {
        if (str.find("forged") == std::string::npos) continue;
        ++messages;
        EXPECT_FALSE(has_control(str, false)) << str;
      }
      EXPECT_GE(messages, 1u);
      if (format == "sarif") {
        EXPECT_EQ(j.value("version", ""), "2.1.0");
      }
    } else if (format == "github") {
      std::istringstream lines(out);
      size_t n = 0;
      for (std::string line; std::getline(lines, line); ++n) {
        EXPECT_TRUE(line.starts_with("::warning ") || line.starts_with("::error ") || line.starts_with("::notice "))
            << line;
        EXPECT_FALSE(has_control(line, false)) << line;
      }
      EXPECT_EQ(n, findings.size()) << out;
    } else if (format == "checkstyle" || format == "junit") {
      tinyxml2::XMLDocument xml;
      EXPECT_EQ(xml.Parse(out.data(), out.size()), tinyxml2::XML_SUCCESS) << out;
      EXPECT_FALSE(has_control(out, true)) << out;
      std::string lower = to_lower(out);
      for (const char* ref : {"&#x1b;", "&#27;", "&#x7;", "&#7;"})
        EXPECT_EQ(lower.find(ref), std::string::npos) << ref << " in " << out;
    } else if (format != "compiler") {
      ADD_FAILURE() << "no output-safety assertions for this format yet: add them here";
    }
  }
}

// The engine locates findings per line in one pass: 100 000 findings on a 1 MB line are located
// in bounded time and memory, with the columns LineIndex gives.
TEST(HostileEngine, HundredThousandFindingsOnOneLongLine) {
  std::string text = "\xEF\xBB\xBF" + repeat("é€😀x", 100000) + "\nfin\n";  // 2 + 3 + 4 + 1 bytes a unit
  auto start = std::chrono::steady_clock::now();
  auto findings = lint_text("long.md", text, quoting_check([](const Document& doc, Reporter& r) {
                              for (uint32_t i = 0; i < 100000; ++i) {
                                uint32_t off = 3 + i * 10 + (i % 4 == 3 ? 1 : 0);  // some inside a sequence
                                r.report(kQuote, {off, off + 10}, "finding");
                              }
                              r.report(kQuote, {static_cast<uint32_t>(doc.text().size()), 0}, "at the end");
                            }));
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, kMaxSeconds);
  ASSERT_EQ(findings.size(), 100001u);
  auto doc = Document::parse("long.md", text);
  for (size_t k = 0; k < findings.size(); k += 997) {
    const Finding& f = findings[k];
    for (ColumnUnit u : {ColumnUnit::CodePoint, ColumnUnit::Utf16, ColumnUnit::Byte}) {
      Position want_start = doc->position(f.diagnostic.span.begin, u);
      Position want_end = doc->position(f.diagnostic.span.end, u);
      Position got_start = u == ColumnUnit::CodePoint ? f.start : u == ColumnUnit::Utf16 ? f.start_utf16 : f.start_byte;
      Position got_end = u == ColumnUnit::CodePoint ? f.end : u == ColumnUnit::Utf16 ? f.end_utf16 : f.end_byte;
      EXPECT_EQ(got_start, want_start) << "finding " << k;
      EXPECT_EQ(got_end, want_end) << "finding " << k;
    }
    EXPECT_LE(f.line_text.size(), 4096u);
  }
}

// Files read for another file's sake (link targets for anchors, the publishing config) are
// never FIFOs: opening one would block the run forever.
TEST(HostileEngine, WorkspaceNeverOpensFifos) {
  TempDir dir;
  write(dir / "article.md", kFrontMatter);
  ASSERT_EQ(mkfifo((dir / "target.md").c_str(), 0600), 0);
  ASSERT_EQ(mkfifo((dir / ".openpublishing.publish.config.json").c_str(), 0600), 0);
  auto done = std::make_shared<std::promise<bool>>();
  std::future<bool> result = done->get_future();
  std::thread([done, d = dir.path()] {
    Workspace ws;
    bool ok = ws.anchors(d / "target.md") == nullptr;  // what the link check reads targets with
    ok = ok && ws.repo_of(d / "article.md")->docsets.empty();
    done->set_value(ok);
  }).detach();
  if (result.wait_for(std::chrono::seconds(20)) != std::future_status::ready) {
    ADD_FAILURE() << "the workspace blocked opening a FIFO";
    // Unblock the reader so the process can end: a writer that opens and closes at once.
    for (const char* name : {"target.md", ".openpublishing.publish.config.json"}) {
      int fd = ::open((dir / name).c_str(), O_WRONLY | O_NONBLOCK);
      if (fd >= 0) ::close(fd);
    }
    result.wait_for(std::chrono::seconds(5));
    return;
  }
  EXPECT_TRUE(result.get());
}

// Globs come from the command line and from .loclint.yaml files committed to the repository.
// Backtracking over `*a*a*a...` was exponential (minutes for one name); matching is now a table.
TEST(HostileEngine, GlobsMatchInBoundedTime) {
  EXPECT_TRUE(glob_match("**/a*.md", "x/y/abc.md"));
  EXPECT_TRUE(glob_match("*.md", "dir/x.md"));  // no '/': the file name alone
  EXPECT_FALSE(glob_match("a/*.md", "a/b/c.md"));
  EXPECT_TRUE(glob_match("a/**/c.md", "a/c.md"));
  EXPECT_TRUE(glob_match("a/**/c.md", "a/b/d/c.md"));
  EXPECT_FALSE(glob_match("a?b.md", "a/b.md"));
  EXPECT_TRUE(glob_match("a*a*a*a*a*a*a*a*a.md", repeat("a", 60) + ".md"));
  auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(glob_match("*a*a*a*a*a*a*a*a*a*a*a*b", repeat("a", 200)));
  EXPECT_FALSE(glob_match("**a**a**a**a**a**a**a**b", repeat("a/", 100)));
  EXPECT_FALSE(glob_match(repeat("*a", 20000), repeat("a", 1000)));
  EXPECT_TRUE(glob_match(repeat("*a", 500), repeat("a", 1000)));
  EXPECT_FALSE(glob_match(repeat("x", 100000), repeat("x", 99999)));  // no recursion per character
  EXPECT_TRUE(glob_match(repeat("*", 100000) + "/" + repeat("?", 4000), repeat("y/", 50) + repeat("z", 4000)));
  EXPECT_TRUE(glob_match("a/***/b.md", "a/x/y/b.md"));  // a run of stars is `**`
  EXPECT_TRUE(glob_match("**", "a/b/c.md"));
  EXPECT_TRUE(glob_match("**/*.md", "c.md"));
  EXPECT_FALSE(glob_match("", "a.md"));
  // The literal ends are checked before the table: a docfx.json's `fileMetadata` globs.
  EXPECT_FALSE(glob_match("admin/**/*.md", "business/admin/a.md"));
  EXPECT_TRUE(glob_match("admin/**/*.md", "admin/a.md"));
  EXPECT_FALSE(glob_match("admin/**/*.md", "admin/a.yml"));
  EXPECT_TRUE(glob_match("admin/**/", "admin/"));          // the '/' of `**/` may match nothing
  EXPECT_TRUE(glob_match("docs/**/x?", "docs/a/xy"));      // a '?' in the tail: the table decides
  EXPECT_TRUE(glob_match("a/b.md", "a/b.md"));
  EXPECT_FALSE(glob_match("a/b.md", "a/c.md"));
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), kMaxSeconds);
}

}  // namespace

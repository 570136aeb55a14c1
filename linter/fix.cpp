#include "loclint/fix.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>

#include "loclint/diff.h"

namespace loclint {

namespace fs = std::filesystem;

bool valid_fix(const Fix& fix, size_t text_size, uint32_t content_start) {
  if (fix.edits.empty()) return false;
  for (size_t i = 0; i < fix.edits.size(); ++i) {
    const Span s = fix.edits[i].span;
    if (s.begin > s.end || s.end > text_size || s.begin < content_start) return false;
    if (i > 0) {
      const Span p = fix.edits[i - 1].span;
      if (s.begin < p.end || (s.begin == p.begin)) return false;  // unsorted, overlapping, or two inserts at one place
    }
  }
  return true;
}

namespace {
bool edits_overlap(Span a, Span b) {
  if (a.begin == b.begin) return true;  // same start: at least one is an insertion there, order undefined
  return a.begin < b.end && b.begin < a.end;
}
bool ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}
}  // namespace

bool fixes_overlap(const Fix& a, const Fix& b) {
  for (const TextEdit& x : a.edits)
    for (const TextEdit& y : b.edits)
      if (edits_overlap(x.span, y.span)) return true;
  return false;
}

AppliedFixes apply_fixes(std::string_view text, const std::vector<const Fix*>& fixes, bool utf8) {
  AppliedFixes out;
  std::vector<const Fix*> order;
  for (const Fix* f : fixes) {
    bool ok = f && valid_fix(*f, text.size());
    if (ok && !utf8)
      ok = std::all_of(f->edits.begin(), f->edits.end(), [](const TextEdit& e) { return ascii(e.replacement); });
    if (ok) order.push_back(f);
    else ++out.refused;
  }
  // The earliest fix wins an overlap; the same input always makes the same choice.
  std::stable_sort(order.begin(), order.end(), [](const Fix* a, const Fix* b) {
    return a->edits.front().span.begin < b->edits.front().span.begin;
  });
  std::vector<const Fix*> chosen;
  std::vector<const TextEdit*> edits;
  for (const Fix* f : order) {
    bool clash = std::any_of(chosen.begin(), chosen.end(), [&](const Fix* c) { return fixes_overlap(*c, *f); });
    // The same edits reported twice (two rules, one repair) are one fix.
    bool same = std::any_of(chosen.begin(), chosen.end(), [&](const Fix* c) { return c->edits == f->edits; });
    if (same) continue;
    if (clash) {
      ++out.deferred;
      continue;
    }
    chosen.push_back(f);
    for (const TextEdit& e : f->edits) edits.push_back(&e);
  }
  std::sort(edits.begin(), edits.end(), [](const TextEdit* a, const TextEdit* b) { return a->span.begin < b->span.begin; });
  out.applied = chosen.size();
  out.text.reserve(text.size());
  size_t at = 0;
  for (const TextEdit* e : edits) {
    out.text.append(text.substr(at, e->span.begin - at));
    out.text.append(e->replacement);
    at = e->span.end;
  }
  out.text.append(text.substr(at));
  return out;
}

// ---- unified diff ---------------------------------------------------------------------------

namespace {

// Lines with their terminators ('\n' ends a line, as for diff; a '\r' before it is content).
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

std::string range(size_t start, size_t count) {
  // diff -u: "start,count", "start" for one line; an empty range names the line before it.
  if (count == 1) return std::to_string(start + 1);
  return fmt::format("{},{}", count == 0 ? start : start + 1, count);
}

}  // namespace

std::string unified_diff(std::string_view old_text, std::string_view new_text, std::string_view old_label,
                         std::string_view new_label) {
  if (old_text == new_text) return {};
  const std::vector<std::string_view> a = split_lines(old_text), b = split_lines(new_text);
  const std::vector<EditOp> ops = edit_script(a, b);

  // Each op with the old and new line index it stands at.
  struct Step {
    EditOp op;
    size_t i, j;
  };
  std::vector<Step> steps;
  steps.reserve(ops.size());
  for (size_t i = 0, j = 0, s = 0; s < ops.size(); ++s) {
    steps.push_back({ops[s], i, j});
    if (ops[s] != EditOp::Insert) ++i;
    if (ops[s] != EditOp::Delete) ++j;
  }
  constexpr size_t kContext = 3;
  std::string out = fmt::format("--- {}\n+++ {}\n", old_label, new_label);
  auto line = [&](char prefix, std::string_view text) {
    out += prefix;
    out.append(text);
    if (text.empty() || text.back() != '\n') out += "\n\\ No newline at end of file\n";
  };
  size_t s = 0;
  while (s < steps.size()) {
    while (s < steps.size() && steps[s].op == EditOp::Equal) ++s;
    if (s == steps.size()) break;
    size_t first = s >= kContext ? s - kContext : 0;
    // Extend while the next change is within two contexts of equal lines.
    size_t last = s;  // last changed step in the hunk
    for (size_t t = s + 1; t < steps.size(); ++t) {
      if (steps[t].op == EditOp::Equal) {
        if (t - last > 2 * kContext) break;
        continue;
      }
      last = t;
    }
    size_t end = std::min(steps.size(), last + 1 + kContext);
    size_t old_count = 0, new_count = 0;
    for (size_t t = first; t < end; ++t) {
      if (steps[t].op != EditOp::Insert) ++old_count;
      if (steps[t].op != EditOp::Delete) ++new_count;
    }
    out += fmt::format("@@ -{} +{} @@\n", range(steps[first].i, old_count), range(steps[first].j, new_count));
    for (size_t t = first; t < end; ++t) {
      switch (steps[t].op) {
        case EditOp::Equal: line(' ', a[steps[t].i]); break;
        case EditOp::Delete: line('-', a[steps[t].i]); break;
        case EditOp::Insert: line('+', b[steps[t].j]); break;
      }
    }
    s = end;
  }
  return out;
}

// ---- writing --------------------------------------------------------------------------------

bool write_file_atomically(const std::string& path, std::string_view bytes, std::string& error) {
  std::error_code ec;
  // Replace what a symbolic link points at, not the link.
  fs::path target = fs::is_symlink(path, ec) ? fs::canonical(path, ec) : fs::path(path);
  if (ec) {
    error = ec.message();
    return false;
  }
  struct stat st {};
  if (::stat(target.c_str(), &st) != 0) {
    error = std::strerror(errno);
    return false;
  }
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::string name = ".";  // appended, not `"." + ...`: GCC 12 warns falsely about that (-Wrestrict, bug 105329)
  name += target.filename().string();
  name += ".loclint-XXXXXX";
  std::string tmp = (dir / name).string();
  int fd = ::mkstemp(tmp.data());
  if (fd < 0) {
    error = std::string("cannot create a temporary file beside it: ") + std::strerror(errno);
    return false;
  }
  auto fail = [&](const char* what) {
    error = std::string(what) + ": " + std::strerror(errno);
    ::close(fd);
    ::unlink(tmp.c_str());
    return false;
  };
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("cannot write the temporary file");
    }
    done += static_cast<size_t>(n);
  }
  if (::fchmod(fd, st.st_mode & 07777) != 0) return fail("cannot set permissions");
  if (::fsync(fd) != 0) return fail("cannot flush the temporary file");
  if (::close(fd) != 0) {
    error = std::string("cannot close the temporary file: ") + std::strerror(errno);
    ::unlink(tmp.c_str());
    return false;
  }
  if (::rename(tmp.c_str(), target.c_str()) != 0) {
    error = std::string("cannot replace the file: ") + std::strerror(errno);
    ::unlink(tmp.c_str());
    return false;
  }
  return true;
}

}  // namespace loclint

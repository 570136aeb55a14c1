// The format registry and what every format shares.
#include "loclint/output.h"

#include <fmt/format.h>

#include <filesystem>

#include "render_util.h"

namespace loclint {

namespace output {

Position start_of(const Finding& f, ColumnUnit unit) {
  switch (unit) {
    case ColumnUnit::Utf16: return f.start_utf16;
    case ColumnUnit::Byte: return f.start_byte;
    default: return f.start;
  }
}

Position end_of(const Finding& f, ColumnUnit unit) {
  switch (unit) {
    case ColumnUnit::Utf16: return f.end_utf16;
    case ColumnUnit::Byte: return f.end_byte;
    default: return f.end;
  }
}

std::string_view unit_name(ColumnUnit unit) {
  switch (unit) {
    case ColumnUnit::Utf16: return "utf16";
    case ColumnUnit::Byte: return "byte";
    default: return "codepoint";
  }
}

std::string safe_text(std::string_view text) { return escape_controls(text); }

std::string message_text(const Diagnostic& d) {
  std::string m = safe_text(d.message);
  if (d.inherited()) m += kInheritedSuffix;
  return m;
}

}  // namespace output

namespace {

struct Format {
  std::string_view name;
  std::unique_ptr<Renderer> (*make)(std::ostream&, const RenderOptions&);
};

const Format kFormats[] = {
    {"compiler", output::make_compiler},     {"json", output::make_json},
    {"sarif", output::make_sarif},           {"github", output::make_github},
    {"checkstyle", output::make_checkstyle}, {"junit", output::make_junit},
};

bool unreserved(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~' || c == '/';
}

}  // namespace

std::string output::percent_encode(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (unreserved(c)) {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

std::vector<std::string> output_formats() {
  std::vector<std::string> out;
  for (const Format& f : kFormats) out.emplace_back(f.name);
  return out;
}

std::unique_ptr<Renderer> make_renderer(std::string_view format, std::ostream& out, const RenderOptions& options) {
  for (const Format& f : kFormats)
    if (f.name == format) return f.make(out, options);
  return nullptr;
}

std::string repo_relative_path(const std::string& path, const RenderOptions& o, bool* relative) {
  namespace fs = std::filesystem;
  fs::path p(path);
  std::string rel;
  bool is_relative = true;
  if (o.base_dir.empty()) {
    rel = p.lexically_normal().generic_string();
    is_relative = !p.is_absolute();
  } else {
    fs::path abs = p.is_absolute() ? p : fs::path(o.working_dir.empty() ? "." : o.working_dir) / p;
    abs = abs.lexically_normal();
    fs::path r = abs.lexically_relative(fs::path(o.base_dir).lexically_normal());
    if (r.empty() || *r.begin() == "..") {
      is_relative = false;
      rel = abs.generic_string();
    } else {
      rel = r.generic_string();
    }
  }
  while (rel.starts_with("./")) rel.erase(0, 2);
  if (relative) *relative = is_relative;
  return rel;
}

std::string finding_uri(const std::string& path, const RenderOptions& o, bool* relative) {
  bool is_relative = true;
  std::string rel = repo_relative_path(path, o, &is_relative);
  if (relative) *relative = is_relative;
  return is_relative ? output::percent_encode(rel) : "file://" + output::percent_encode(rel);
}

std::string summary_line(const RunStats& s) {
  auto plural = [](size_t n, std::string_view word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); };
  std::string line = plural(s.errors, "error") + ", " + plural(s.warnings, "warning");
  if (s.notes) line += ", " + plural(s.notes, "note");
  if (s.inherited) line += fmt::format(" ({} inherited from the source)", s.inherited);
  line += " in " + plural(s.files, "file");
  return line;
}

std::vector<std::string> summary_note_lines(const RunStats& s) {
  std::vector<std::string> lines;
  for (const auto& [note, n] : s.summary_notes.counts())
    lines.push_back(fmt::format("note: {} {}: {}", n, n == 1 ? note->singular : note->plural, note->advice));
  return lines;
}

}  // namespace loclint

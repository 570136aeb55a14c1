#include "loclint/code_comments.h"

#include <algorithm>
#include <string>

namespace loclint {

namespace {

std::string first_word_lower(std::string_view info) {
  std::string w;
  for (char c : info) {
    if (c == ' ' || c == '\t' || c == '{' || c == ',') {
      if (!w.empty()) break;
      continue;
    }
    w += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return w;
}

bool one_of(const std::string& w, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), w) != names.end();
}

bool space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

}  // namespace

CommentSyntax comment_syntax(std::string_view info) {
  const std::string w = first_word_lower(info);
  CommentSyntax s;
  s.known = true;
  if (one_of(w, {"powershell", "ps", "ps1", "pwsh", "azurepowershell", "azurepowershell-interactive"})) {
    s.line = {"#"};
    s.block = {{"<#", "#>"}};
  } else if (one_of(w, {"bash", "sh", "shell", "zsh", "ksh", "console", "azurecli", "azurecli-interactive", "python", "py",
                        "python3", "yaml", "yml", "ruby", "rb", "perl", "pl", "r", "toml", "dockerfile", "makefile", "make",
                        "cmake", "properties", "conf", "nginx", "apache", "gitignore", "text-plain-hash"})) {
    s.line = {"#"};
  } else if (one_of(w, {"c", "cpp", "c++", "cc", "h", "hpp", "csharp", "cs", "c#", "java", "javascript", "js", "jsx",
                        "typescript", "ts", "tsx", "go", "golang", "rust", "rs", "kotlin", "kt", "swift", "scala", "dart",
                        "al", "jsonc", "json5", "groovy", "fsharp", "f#", "objectivec", "objc", "css", "scss", "less",
                        "bicep", "kusto", "kql", "protobuf", "proto", "graphql", "php"})) {
    s.line = {"//"};
    s.block = {{"/*", "*/"}};
    if (w == "php") s.line.push_back("#");
    if (w == "css") s.line.clear();
  } else if (one_of(w, {"sql", "tsql", "t-sql", "mysql", "postgresql", "psql", "plsql", "lua", "haskell", "hs", "ada"})) {
    s.line = {"--"};
    if (w != "lua" && w != "haskell" && w != "hs" && w != "ada") s.block = {{"/*", "*/"}};
  } else if (one_of(w, {"xml", "html", "htm", "xaml", "xhtml", "svg", "aspx", "razor", "cshtml", "markdown", "md"})) {
    s.block = {{"<!--", "-->"}};
  } else if (one_of(w, {"bat", "batch", "cmd", "dos"})) {
    s.line = {"REM ", "rem ", "::"};
  } else if (one_of(w, {"vb", "vbnet", "vb.net", "vbscript", "vba"})) {
    s.line = {"'"};
  } else if (one_of(w, {"ini", "reg"})) {
    s.line = {";", "#"};
  } else {
    // json, output, text, an unknown language, no info string: no comments.
    s.known = one_of(w, {"json"});
  }
  return s;
}

namespace {

// The code ranges of line [i, e) outside comments; `open_block_end` carries a block comment
// from line to line. With `quotes`, a marker inside a quoted string starts no comment; false when
// the line has no quotes or, as then scanned again, when a quote never closes (an apostrophe in
// unquoted shell text).
bool scan(std::string_view code, size_t i, size_t e, const CommentSyntax& syntax, bool quotes,
          std::string_view& open_block_end, std::vector<std::pair<size_t, size_t>>& kept, bool& commented) {
  size_t k = i, from = i;
  char quote = 0;
  // Visual Basic's comment mark is its only quote-like character: it is never a string there.
  const bool vb = !syntax.line.empty() && syntax.line[0] == "'";
  while (k < e) {
    if (!open_block_end.empty()) {
      size_t close = code.substr(k, e - k).find(open_block_end);
      commented = true;
      if (close == std::string_view::npos) {
        from = k = e;
        break;
      }
      k += close + open_block_end.size();
      from = k;
      open_block_end = {};
      continue;
    }
    const char c = code[k];
    if (quote) {
      if (c == '\\' && k + 1 < e) {
        k += 2;
        continue;
      }
      if (c == quote) quote = 0;
      ++k;
      continue;
    }
    if (quotes && (c == '"' || (c == '\'' && !vb))) {
      quote = c;
      ++k;
      continue;
    }
    bool comment = false;
    for (const auto& [open, close] : syntax.block)
      if (code.substr(k, open.size()) == open) {
        kept.emplace_back(from, k);
        commented = true;
        open_block_end = close;
        k += open.size();
        from = k;
        comment = true;
        break;
      }
    if (comment) continue;
    for (std::string_view marker : syntax.line) {
      if (code.substr(k, marker.size()) != marker) continue;
      const char before = k == i ? ' ' : code[k - 1];
      const bool at_word_start = space(before) || before == ';' ||
                                 (marker != "#" && (before == '(' || before == '{' || before == '}' || before == ')'));
      // `#` inside a word (`${#array}`, `C#`) and `//` in an unquoted URL (`http://`) are code.
      if (!at_word_start && (marker == "#" ? syntax.hash_needs_space : marker == "//" || marker == "--")) continue;
      // Batch `REM` and `::` only at the start of a command.
      if ((marker == "REM " || marker == "rem " || marker == "::") &&
          code.substr(i, k - i).find_first_not_of(" \t@") != std::string_view::npos)
        continue;
      comment = true;
      break;
    }
    if (comment) {
      commented = true;
      kept.emplace_back(from, k);
      from = k = e;
      break;
    }
    ++k;
  }
  if (from < e) kept.emplace_back(from, e);
  return quote == 0;
}

}  // namespace

std::vector<CodeLine> code_lines(std::string_view code, const CommentSyntax& syntax) {
  std::vector<CodeLine> out;
  std::string_view open_block_end;  // set while inside a block comment
  uint32_t line = 0;
  for (size_t i = 0; i <= code.size(); ++line) {
    size_t e = code.find('\n', i);
    if (e == std::string_view::npos) e = code.size();
    CodeLine cl;
    cl.line = line;
    std::vector<std::pair<size_t, size_t>> kept;
    std::string_view carried = open_block_end;
    if (!scan(code, i, e, syntax, syntax.known, open_block_end, kept, cl.commented)) {
      kept.clear();
      cl.commented = false;
      open_block_end = carried;
      scan(code, i, e, syntax, false, open_block_end, kept, cl.commented);
    }
    // The code of the line: its kept pieces, trimmed, joined by one space where a comment was.
    for (auto [x, y] : kept) {
      while (x < y && space(code[x])) ++x;
      while (y > x && space(code[y - 1])) --y;
      if (x >= y) continue;
      if (cl.code.empty()) cl.begin = static_cast<uint32_t>(x);
      else cl.code += ' ';
      cl.code.append(code.substr(x, y - x));
      cl.end = static_cast<uint32_t>(y);
    }
    if (!cl.code.empty()) out.push_back(std::move(cl));
    if (e >= code.size()) break;
    i = e + 1;
  }
  return out;
}

}  // namespace loclint

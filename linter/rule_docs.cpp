#include "loclint/rule_docs.h"

#include <fmt/format.h>

#include <algorithm>

namespace loclint {

const std::string_view kExampleFrontMatter =
    "---\n"
    "title: Titre de l'article\n"
    "description: Une description assez longue pour satisfaire la règle de longueur, entre soixante-quinze et "
    "trois cents caractères.\n"
    "ms.date: 08/18/2020\n"
    "ms.topic: how-to\n"
    "author: author\n"
    "ms.author: alias\n"
    "ms.contentlocale: fr-FR\n"
    "ms.translationtype: MT\n"
    "ms.locfileid: \"94381407\"\n"
    "ms.lasthandoff: 11/09/2020\n"
    "ms.openlocfilehash: 6bf3e3af8e0d1d87a63f86e892d8bddcd74b6460\n"
    "ms.sourcegitcommit: 0e142b4fbb044fe8dd2dbc7d13ab70a1a91b9f60\n"
    "---\n";

namespace {

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    out.push_back(text.substr(0, nl));
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
  }
  return out;
}

std::string_view key_of(std::string_view line) { return line.substr(0, line.find(':')); }

// kExampleFrontMatter edited by the lines of a FrontMatter example (ExampleForm::FrontMatter).
std::string edited_front_matter(std::string_view edits) {
  std::vector<std::string_view> fm = lines_of(kExampleFrontMatter);
  struct Line {
    std::string text;
    bool replaced = false;
  };
  std::vector<Line> keys;
  for (size_t i = 1; i + 1 < fm.size(); ++i) keys.push_back({std::string(fm[i])});  // between the `---`
  std::string body;
  bool in_body = false;
  for (std::string_view e : lines_of(edits)) {
    if (in_body) {
      body.append(e).append("\n");
    } else if (e == "---") {
      in_body = true;
    } else if (e.starts_with("-")) {
      std::erase_if(keys, [&](const Line& k) { return key_of(k.text) == e.substr(1); });
    } else {
      auto it = std::find_if(keys.begin(), keys.end(), [&](const Line& k) { return !k.replaced && key_of(k.text) == key_of(e); });
      if (it != keys.end()) *it = {std::string(e), true};
      else keys.push_back({std::string(e), true});
    }
  }
  std::string out = "---\n";
  for (const Line& k : keys) out += k.text + "\n";
  return out + "---\n" + body;
}

// Example text as a reader can see it: control bytes and bytes that are not UTF-8 as \xNN.
std::string visible(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    int len = utf8::sequence_length(text, i);
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F || len == 0) {
      out += fmt::format("\\x{:02X}", c);
      ++i;
      continue;
    }
    out.append(text.substr(i, static_cast<size_t>(len)));
    i += static_cast<size_t>(len);
  }
  return out;
}

// A fenced code block that no backtick run of `text` can close.
std::string fenced(std::string_view info, std::string_view text) {
  size_t longest = 0, run = 0;
  for (char c : text) longest = std::max(longest, run = c == '`' ? run + 1 : 0);
  std::string fence(std::max<size_t>(3, longest + 1), '`');
  std::string body = visible(text);
  if (!body.empty() && body.back() != '\n') body += '\n';
  return fence + std::string(info) + "\n" + body + fence + "\n";
}

// The files of an example, each in a fenced block indented under its list item.
std::string file_list(std::initializer_list<ExampleFile> files) {
  std::string out;
  for (const ExampleFile& f : files) {
    if (f.text.empty()) {
      out += fmt::format("- `{}` (empty)\n", f.path);
      continue;
    }
    out += fmt::format("- `{}`:\n\n", f.path);
    std::string block = fenced(f.path.ends_with(".json") ? "json" : "markdown", f.text);
    for (std::string_view l : lines_of(block)) out += l.empty() ? "\n" : "  " + std::string(l) + "\n";
    out += "\n";
  }
  if (out.ends_with("\n\n")) out.pop_back();
  return out;
}

bool same_files(std::initializer_list<ExampleFile> a, std::initializer_list<ExampleFile> b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const ExampleFile& x, const ExampleFile& y) { return x.path == y.path && x.text == y.text; });
}

std::string_view info_string(const Example& e) {
  return e.path.ends_with(".yml") || e.path.ends_with(".yaml") ? "yaml" : "markdown";
}

std::string example_section(const Rule& r, const Example& e, bool fires) {
  std::string out;
  std::string verb = fires ? fmt::format("`{}` reports", r.id) : std::string("Nothing is reported for");
  switch (e.form) {
    case ExampleForm::Body:
      out += fmt::format("{} this article body (`{}`; the article's front matter, complete and valid, is left "
                         "out):\n\n",
                         verb, example_command(e));
      out += fenced(info_string(e), e.text);
      break;
    case ExampleForm::LongBody:
      out += fmt::format("{} this end of an article (`{}`; its front matter and its first 8 KiB, plain "
                         "paragraphs, are left out):\n\n",
                         verb, example_command(e));
      out += fenced(info_string(e), e.text);
      break;
    case ExampleForm::FrontMatter:
    case ExampleForm::File:
      out += fmt::format("{} this file (`{}`):\n\n", verb, example_command(e));
      out += fenced(info_string(e), example_document(e));
      break;
    case ExampleForm::Absent:
      out += fmt::format("{} `{}`, where `{}` {}.\n", verb, example_command(e), e.path,
                         e.files.size() ? "is a folder holding only the files below" : "does not exist");
      break;
    case ExampleForm::Oversized:
      out += fmt::format("{} `{}`, where `{}` is {}.\n", verb, example_command(e), e.path, e.text);
      break;
  }
  if (e.files.size()) {
    out += fmt::format("\n{}:\n\n", e.form == ExampleForm::Absent ? "Files" : "With these files beside it");
    out += file_list(e.files);
  }
  if (e.history.size()) {
    // The runner (tests/rule_examples_test.cpp) makes the repository; --explain only shows it.
    if (same_files(e.history, e.files)) {
      out += "\nThe folder is a git repository whose one commit, the one the article's `ms.sourcegitcommit` names, "
             "holds these files as they are.\n";
    } else {
      out += "\nThe folder is a git repository: these files are its second commit. Its first, the one the article's "
             "`ms.sourcegitcommit` names, held:\n\n";
      out += file_list(e.history);
    }
  }
  return out;
}

// A table cell: one line, no unescaped pipe.
std::string cell(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

}  // namespace

std::string sentence(std::string_view summary) {
  std::string out(summary);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  if (!out.empty() && out.back() != '.') out += '.';
  return out;
}

std::string example_document(const Example& e) {
  switch (e.form) {
    case ExampleForm::Body: return std::string(kExampleFrontMatter) + std::string(e.text);
    case ExampleForm::LongBody: {
      std::string out(kExampleFrontMatter);
      while (out.size() < 8192) out += "Un paragraphe ordinaire, sans rien à signaler.\n\n";
      return out + std::string(e.text);
    }
    case ExampleForm::FrontMatter: return edited_front_matter(e.text);
    case ExampleForm::File: return std::string(e.text);
    default: return {};
  }
}

std::string example_command(const Example& e) {
  return e.args.empty() ? fmt::format("loclint {}", e.path) : fmt::format("loclint {} {}", e.args, e.path);
}

std::string rule_doc_path(const Rule& r) { return fmt::format("{}/{}.md", r.family(), r.name()); }

std::string rule_doc_url(const Rule& r, std::string_view base) { return std::string(base) + rule_doc_path(r); }

std::string rule_page(const Rule& r) {
  std::string out = fmt::format("# {}\n\n", r.id);
  out += "<!-- Generated from the rule's constant by loclint_docgen (docs/docgen.cpp): edit the constant, "
         "not this page. -->\n\n";
  out += sentence(r.summary) + "\n\n";
  out += fmt::format("Default severity: **{}**. Fix: {}.\n\n", to_string(r.severity),
                     r.fixable() ? "safe (`loclint --fix`, and a code action in the language server)" : "none");
  if (r.opt_in)
    out += fmt::format("Off by default: turn it on with `--enable {}` (or `enable: [{}]` in `.loclint.yaml`).\n\n",
                       r.id, r.id);
  out += fmt::format("## What it checks\n\n{}\n\n## Why it matters\n\n{}\n\n", r.checks, r.why);
  if (r.fixable()) out += fmt::format("## Fix\n\n{}\n\n", r.fix);
  out += "## Example\n\n" + example_section(r, r.fires, true) + "\n" + example_section(r, r.passes, false);
  if (r.options.size()) {
    out += "\n## Options\n\n| option | type | default | meaning |\n|---|---|---|---|\n";
    for (const RuleOption& o : r.options)
      out += fmt::format("| `{}` | {} | {} | {} |\n", o.name, to_string(o.type),
                         o.default_value.empty() ? std::string("(none)") : "`" + cell(o.default_value) + "`",
                         cell(o.description));
    out += fmt::format("\nSet on the command line (`--option {}.NAME=VALUE`, a list comma-separated) or in "
                       "`.loclint.yaml` under `options:`; an option set for the family `{}` applies to each of its "
                       "rules that has it.\n",
                       r.id, r.family());
  }
  return out;
}

std::map<std::string, std::string> rule_docs(const std::vector<const Rule*>& rules) {
  std::map<std::string, std::string> files;
  std::string index =
      "# Rules\n\n"
      "<!-- Generated from the rules' constants by loclint_docgen (docs/docgen.cpp). -->\n\n"
      "Every rule of loclint, by family. `loclint --list-rules` lists them and `loclint --explain RULE` prints a "
      "rule's page.\n";
  std::string_view family;
  for (const Rule* r : rules) {
    files[rule_doc_path(*r)] = rule_page(*r);
    if (r->family() != family) {
      family = r->family();
      index += fmt::format("\n## {}\n\n| rule | severity | fix | what |\n|---|---|---|---|\n", family);
    }
    index += fmt::format("| [{}]({}) | {}{} | {} | {} |\n", r->id, rule_doc_path(*r), to_string(r->severity),
                         r->opt_in ? " (off by default)" : "", r->fixable() ? "safe" : "", cell(r->summary));
  }
  files["README.md"] = index;
  return files;
}

std::string readme_rule_table(const std::vector<const Rule*>& rules) {
  std::string out = "| rule | severity | fix | what |\n|---|---|---|---|\n";
  for (const Rule* r : rules)
    out += fmt::format("| [`{}`](docs/rules/{}) | {}{} | {} | {} |\n", r->id, rule_doc_path(*r), to_string(r->severity),
                       r->opt_in ? " (off by default)" : "", r->fixable() ? "safe" : "", cell(r->summary));
  return out;
}

}  // namespace loclint

// Rules and diagnostics: the one model every output format renders.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "loclint/text.h"

namespace loclint {

enum class Severity : uint8_t { Note = 0, Warning = 1, Error = 2 };

std::string_view to_string(Severity s);
std::optional<Severity> parse_severity(std::string_view s);

// A rule's option: read by the check through checks/common/options.h, which takes the default
// from here, so the check and the generated docs can never disagree about it.
enum class OptionType : uint8_t {
  Bool,   // true/yes/1/on or false/no/0/off
  Count,  // a whole number >= 0
  Text,   // one string
  List,   // strings, comma-separated on the command line, a YAML list in .loclint.yaml
};
std::string_view to_string(OptionType t);

struct RuleOption {
  std::string_view name;           // kebab-case: `--option RULE.NAME=VALUE`
  OptionType type;
  std::string_view default_value;  // as written on the command line ("75", "true", "a,b"); "" for none
  std::string_view description;    // one sentence
};

// An example of a rule, shown in its docs and --explain and run by tests/rule_examples_test.cpp:
// `loclint --no-config ARGS PATH` in a scratch folder holding `files` and the example itself.
struct ExampleFile {
  std::string_view path;  // relative to the scratch folder
  std::string_view text;
};
enum class ExampleForm : uint8_t {
  Body,         // `text` is an article's body, linted after kExampleFrontMatter (rule_docs.h)
  FrontMatter,  // `text` edits kExampleFrontMatter: each `key: value` line replaces that key's
                // line (or is added at the end), `-key` removes it; the lines after a `---`
                // line, if any, are the article's body
  LongBody,     // `text` ends an article body whose first 8 KiB are plain paragraphs (the part
                // of a file the binary-file probe reads), left out of the docs
  File,         // `text` is the whole file
  Absent,       // nothing is written at `path` (a path that cannot be read, a folder of `files`)
  Oversized,    // `path` is a file larger than loclint reads; `text` describes it
};
struct Example {
  std::string_view text;
  ExampleForm form = ExampleForm::Body;
  std::string_view path = "example.md";
  std::initializer_list<ExampleFile> files = {};  // the tree around it, when the rule needs one
  // For a rule about git history: the files as the commit the example's front matter names
  // (`ms.sourcegitcommit`, kExampleSourceCommit in rule_docs.h) has them. The tree is then a git
  // repository: a first commit of `history`, a second of `files` when they differ, and the front
  // matter names the first commit's real hash (tests/rule_examples_test.cpp builds it with git).
  std::initializer_list<ExampleFile> history = {};
  std::string_view args = {};                     // extra command-line options
};

// Everything a user can learn about a rule. One constant per rule, in the rule's own file;
// --list-rules, --explain, SARIF rules[], docs/rules/ and the README's rule table are
// generated from it (loclint_docgen; tests/rule_docs_test.cpp fails when a page is stale).
struct Rule {
  std::string_view id;        // "family/kebab-name"; never changes once shipped
  Severity severity;          // default severity
  std::string_view summary;   // one line, lowercase start, no final period
  std::string_view checks;    // what it checks: a paragraph for the translator who meets it
  std::string_view why;       // why it matters, and what to do about a finding
  Example fires;              // fires this rule and no other
  Example passes;             // close to `fires`, and fires nothing
  std::initializer_list<RuleOption> options = {};
  // What the rule's fix does, one or two sentences for its docs page; empty: the rule has no
  // fix. A rule with a fix attaches one (Diagnostic::fix) only to the findings whose repair is
  // certain; `loclint --fix`, SARIF fixes[] and the language server's code actions apply it.
  std::string_view fix = {};

  bool fixable() const { return !fix.empty(); }
  // Off unless enabled (`--enable RULE`, its family or `all`): a rule about the source's style
  // rather than what a translation broke.
  bool opt_in = false;

  std::string_view family() const { return id.substr(0, id.find('/')); }
  std::string_view name() const { return id.substr(id.find('/') + 1); }
  const RuleOption* option(std::string_view name) const;
};

// A run-level note: something a check could not verify, counted over the run and printed once
// after the summary line (`note: 331 image links not checked: ...`) instead of one finding per
// occurrence. It belongs to a rule: disabling the rule drops the note too.
struct SummaryNote {
  const Rule* rule;           // the rule whose checking it is about
  std::string_view singular;  // "image link not checked"
  std::string_view plural;    // "image links not checked"
  std::string_view advice;    // why, and what to do: "pass --source-root DIR ... to check them"
};

// Who brought a finding in. A defect the source has too (markup the English half of a segment
// also leaves unbalanced, a missing key the English article lacks as well) is not one the
// translation made: the check that compared both sides reports it as Inherited, with the
// source's text quoted, and the engine applies `--inherited` / `inherited:` to it in one place.
enum class Origin : uint8_t { Translation, Inherited };

// One replacement in a document: the bytes of `span` become `replacement` (an empty span
// inserts). Spans are byte offsets into the document the diagnostic was reported on.
struct TextEdit {
  Span span;
  std::string replacement;
  bool operator==(const TextEdit&) const = default;
};

// A safe, mechanical repair of a diagnostic: edits that never overlap one another, applied all
// together or not at all. A fix only restores what is certain (README "Fixes"); anything that
// needs judgement stays a diagnostic without a fix.
struct Fix {
  std::string title;             // what it does, for people: "replace '\\' with '/' in the link"
  std::vector<TextEdit> edits;   // sorted by span.begin; no two overlap
};

// What a check reports. The engine adds the path, resolves the position and the severity.
struct Diagnostic {
  const Rule* rule = nullptr;
  Severity severity = Severity::Error;
  Span span;
  std::string message;
  std::string source_text;  // the source-language text involved, when relevant (JSON shows it)
  // Where the source side of the finding is, in a paired tree's source document (`docs/a.md:42`,
  // `code block at docs/a.md:42`). The engine ends the message with it in parentheses and leaves
  // it out of the fingerprint, so a baseline entry survives lines moving in the source.
  std::string source_location;
  std::optional<Fix> fix;
  Origin origin = Origin::Translation;

  bool inherited() const { return origin == Origin::Inherited; }

  // A diagnostic of `rule` at its default severity (the engine applies overrides).
  static Diagnostic of(const Rule& rule, Span span, std::string message, std::string source_text = {}) {
    Diagnostic d;
    d.rule = &rule;
    d.severity = rule.severity;
    d.span = span;
    d.message = std::move(message);
    d.source_text = std::move(source_text);
    return d;
  }
};

// A diagnostic located in a file, ready to render.
struct Finding {
  std::string path;        // as the user gave it (relative stays relative)
  Diagnostic diagnostic;
  Position start;          // code-point columns
  Position end;            // exclusive end
  Position start_utf16, end_utf16;
  Position start_byte, end_byte;
  std::string line_text;   // the line of `start`, for renderers that show context (first 4 KiB)
  // Rule, the text involved and the message: stable across unrelated edits, and the same
  // however the path is spelled (formats that key by file add the path themselves).
  std::string fingerprint;
  // Where each edit of diagnostic.fix is (same order as its edits), for formats that show
  // fixes by line and column (SARIF, JSON): start and exclusive end in each column unit.
  struct EditPosition {
    Position start, end, start_utf16, end_utf16, start_byte, end_byte;
  };
  std::vector<EditPosition> fix_positions;
  bool whole_file = false; // about the path itself (unreadable, binary): no line or column to show
};

}  // namespace loclint

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

// Everything a user can learn about a rule. One constant per rule, beside the code that reports
// it; --list-rules, --explain, SARIF rules[] and the README table are generated from it.
struct Rule {
  std::string_view id;           // "family/kebab-name"; never changes once shipped
  Severity severity;             // default severity
  std::string_view summary;      // one line, lowercase start, no final period
  std::string_view explanation;  // a paragraph for the translator who meets it
  std::string_view example;      // a short example of text that triggers it
  std::initializer_list<std::string_view> options = {};  // option names it reads from config
  // Whether the rule offers a safe, mechanical fix (Diagnostic::fix) for some of its findings:
  // `loclint --fix`, the SARIF fixes[] and the language server's code actions apply it.
  bool fixable = false;

  std::string_view family() const { return id.substr(0, id.find('/')); }
};

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
  std::optional<Fix> fix;

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
  std::string fingerprint; // path + rule + the text involved: stable across unrelated edits
  // Where each edit of diagnostic.fix is (same order as its edits), for formats that show
  // fixes by line and column (SARIF, JSON): start and exclusive end in each column unit.
  struct EditPosition {
    Position start, end, start_utf16, end_utf16, start_byte, end_byte;
  };
  std::vector<EditPosition> fix_positions;
  bool whole_file = false; // about the path itself (unreadable, binary): no line or column to show
};

}  // namespace loclint

// Rules and diagnostics: the one model every output format renders.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

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

  std::string_view family() const { return id.substr(0, id.find('/')); }
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

struct Fix {
  Span span;
  std::string replacement;
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
  // Rule, the text involved and the message: stable across unrelated edits, and the same
  // however the path is spelled (formats that key by file add the path themselves).
  std::string fingerprint;
  bool whole_file = false; // about the path itself (unreadable, binary): no line or column to show
};

}  // namespace loclint

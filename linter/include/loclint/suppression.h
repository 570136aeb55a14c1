// Inline suppressions in Markdown, applied by the engine after the checks ran:
//
//   <!-- loclint-disable RULE... -->            from here until a matching loclint-enable
//   <!-- loclint-enable RULE... -->             ends it (no RULE: ends every disable)
//   <!-- loclint-disable-next-line RULE... -->  the line after the comment
//   <!-- loclint-disable-file RULE... -->       the whole file, front matter included
//
// RULE is a rule id or a family (`code`), several separated by spaces or commas; none means
// every rule. Comments inside code blocks and code spans are text, not suppressions. A
// suppression that suppresses nothing, or names an unknown rule, is itself reported as
// `loclint/unused-suppression`, so that stale suppressions do not pile up and hide new defects.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "loclint/config.h"
#include "loclint/diagnostic.h"
#include "loclint/document.h"

namespace loclint {

const Rule& unused_suppression_rule();

struct SuppressionDirective {
  enum Kind { Disable, Enable, DisableNextLine, DisableFile } kind = Disable;
  Span span;                           // the comment
  std::vector<std::string> selectors;  // empty: every rule
  std::vector<bool> used;              // per selector (one entry for "every rule")
};

// The directives of a document, in file order.
std::vector<SuppressionDirective> parse_suppressions(const Document& doc);

// Removes the diagnostics that a directive suppresses and returns the diagnostics of
// `loclint/unused-suppression` for directives that suppressed nothing (unknown selectors per
// `known`; rules turned off by `config` do not make their suppressions unused). Those returned
// diagnostics have already been filtered by the suppressions themselves.
std::vector<Diagnostic> apply_suppressions(const Document& doc, std::vector<Diagnostic>& diagnostics,
                                           const Config& config, const std::vector<const Rule*>& known_rules);

}  // namespace loclint

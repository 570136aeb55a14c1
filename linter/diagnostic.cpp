#include "loclint/diagnostic.h"

namespace loclint {

std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view s) {
  if (s == "error") return Severity::Error;
  if (s == "warning") return Severity::Warning;
  if (s == "note" || s == "info") return Severity::Note;
  return std::nullopt;
}

std::string_view to_string(OptionType t) {
  switch (t) {
    case OptionType::Bool: return "bool";
    case OptionType::Count: return "count";
    case OptionType::Text: return "text";
    case OptionType::List: return "list";
  }
  return "text";
}

std::string_view to_string(FixKind k) {
  switch (k) {
    case FixKind::Safe: return "safe";
    case FixKind::Unsafe: return "unsafe";
    default: return "none";
  }
}

const RuleOption* Rule::option(std::string_view name) const {
  for (const RuleOption& o : options)
    if (o.name == name) return &o;
  return nullptr;
}

}  // namespace loclint

// Shared by the output formats (internal to linter/output/).
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "loclint/output.h"

namespace loclint::output {

// Start and exclusive end of a finding in the requested column unit.
Position start_of(const Finding& f, ColumnUnit unit);
Position end_of(const Finding& f, ColumnUnit unit);
std::string_view unit_name(ColumnUnit unit);  // "codepoint", "utf16", "byte"

// Text that came from a document, made safe for any format: one line, valid UTF-8, no control
// or bidi characters (escape_controls). Formats still apply their own escaping on top.
std::string safe_text(std::string_view text);
// The finding's message as the formats that show one line of text print it: safe_text, and for
// an inherited finding (Origin::Inherited) the words saying so at its end.
std::string message_text(const Diagnostic& d);
inline constexpr std::string_view kInheritedSuffix = " (inherited from the source)";
// Percent-encodes everything but unreserved URI characters and '/'.
std::string percent_encode(std::string_view s);

std::unique_ptr<Renderer> make_compiler(std::ostream& out, const RenderOptions& o);
std::unique_ptr<Renderer> make_json(std::ostream& out, const RenderOptions& o);
std::unique_ptr<Renderer> make_sarif(std::ostream& out, const RenderOptions& o);
std::unique_ptr<Renderer> make_github(std::ostream& out, const RenderOptions& o);
std::unique_ptr<Renderer> make_checkstyle(std::ostream& out, const RenderOptions& o);
std::unique_ptr<Renderer> make_junit(std::ostream& out, const RenderOptions& o);

}  // namespace loclint::output

// From a check's byte spans to findings people and tools read: lines and columns in every unit,
// the line's text, the fingerprint; and the one order findings are printed in.
#pragma once

#include <string>
#include <vector>

#include "loclint/diagnostic.h"
#include "loclint/document.h"

namespace loclint {

// Makes a Finding from a diagnostic: positions in every column unit, line text, fingerprint.
Finding locate(const Document& doc, Diagnostic d);
// The same for many diagnostics of one document: each line is walked once, however many
// findings it holds (a 1 MB line with 100 000 findings must not take minutes).
std::vector<Finding> locate_all(const Document& doc, std::vector<Diagnostic> diagnostics);
// A finding about a path rather than a place in a document (unreadable file, no documents).
Finding path_finding(const std::string& path, const Rule& rule, Severity severity, std::string message);

// Sorts findings by path, line, column, rule id and message (stable for equal keys): the order
// of every output, the same for any number of jobs.
void sort_findings(std::vector<Finding>& findings);
// The order sort_findings sorts by.
bool finding_less(const Finding& a, const Finding& b);

}  // namespace loclint

// Rule documentation generated from the Rule constants, as ruff's generate_docs and
// markdownlint's build-rules do: one Markdown page per rule (docs/rules/<family>/<name>.md),
// the index of docs/rules/, the README's rule table, and what --explain prints (the page).
// docs/docgen.cpp writes the files; tests/rule_docs_test.cpp fails when one is stale.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "loclint/diagnostic.h"
#include "loclint/version.h"

namespace loclint {

// The front matter a Body example is linted after: complete and valid for a French article.
extern const std::string_view kExampleFrontMatter;
// Its `ms.sourcegitcommit`: where an example has a history (Example::history), the commit of it
// that the translation names, replaced by that commit's real hash when the example is run.
inline constexpr std::string_view kExampleSourceCommit = "0e142b4fbb044fe8dd2dbc7d13ab70a1a91b9f60";

// The bytes an example's file holds when it is linted (see ExampleForm).
std::string example_document(const Example& example);
// The command line an example is linted with, as the docs show it: `loclint [ARGS] PATH`.
std::string example_command(const Example& example);

// A summary as a sentence: "a file that looks binary" -> "A file that looks binary.".
std::string sentence(std::string_view summary);

// "code/command-mismatch.md": the page's path below docs/rules/.
std::string rule_doc_path(const Rule& rule);
// Where the page is published: `base` (kDocsUrl, LOCLINT_DOCS_URL of the build) + rule_doc_path.
std::string rule_doc_url(const Rule& rule, std::string_view base = kDocsUrl);
// The rule's page, Markdown.
std::string rule_page(const Rule& rule);

// Every file of docs/rules/ (path below it -> content): a page per rule and README.md.
std::map<std::string, std::string> rule_docs(const std::vector<const Rule*>& rules);
// The overview table of the README (between its `<!-- rules:begin -->` and `<!-- rules:end -->`
// lines), with links to the pages relative to the repository root.
std::string readme_rule_table(const std::vector<const Rule*>& rules);

}  // namespace loclint

// The edit behind the code action "disable RULE for this line": a
// `<!-- loclint-disable-next-line RULE -->` comment placed so that it suppresses the finding
// and changes nothing the Markdown renders.
//
// An HTML comment on a line of its own is an HTML block, and a block can end the structure
// around it: between two lines of one paragraph it splits the paragraph; at the indentation of
// a list item's marker it ends the list; between two table rows it ends the table. So the
// candidates are tried in order and each is checked by parsing the edited text:
//   1. a line of its own above, with the line's indentation and blockquote markers (`> `);
//   2. the same, indented to the content of a list item's marker (so it joins the previous item);
//   3. at the end of the line above (inside its last table cell when it is a table row), before
//      trailing white space so that a hard line break stays one.
// A candidate is taken when md4c sees the same blocks, spans and text as before (HTML aside) and
// loclint's suppression parser finds the comment applying to the finding's line. When none
// works (front matter, code blocks, the first row of a table body), the fallback is
// `<!-- loclint-disable-file RULE -->` at the start of the Markdown body, titled as such.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "loclint/diagnostic.h"
#include "loclint/document.h"

namespace loclint::lsp {

struct SuppressionEdit {
  TextEdit edit;       // an insertion (empty span) into doc.text()
  bool whole_file = false;  // the fallback: the comment disables the rule for the whole file
};

// The edit that disables `rule_id` for the finding that starts at byte `offset`, or nullopt when
// not even the file-level comment can be placed (YamlMime documents have no comments).
std::optional<SuppressionEdit> disable_rule_edit(const Document& doc, uint32_t offset, std::string_view rule_id);

// What md4c sees in a Markdown text: blocks, spans and text in order, HTML left out. Two texts
// with the same structure render the same but for their HTML.
std::string markdown_structure(std::string_view text);

}  // namespace loclint::lsp

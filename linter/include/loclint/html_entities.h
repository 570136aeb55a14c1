// HTML character references (`&eacute;`, `&#233;`, `&#xE9;`), decoded the one way the HTML
// specification defines (WHATWG HTML, "character reference state"): the 2,231 named references,
// decimal and hexadecimal numbers, 0x80-0x9F read as Windows-1252 (`&#150;` is U+2013), and 0,
// surrogates and numbers past U+10FFFF as U+FFFD. The decoding itself is gumbo's (Debian
// libgumbo), the HTML5 tokenizer of a browser-grade parser: loclint keeps no entity table.
//
// Every place that decodes entities (link targets, heading ids, the visible text the code
// family compares, blank translations) goes through these two functions.
#pragma once

#include <string>
#include <string_view>

namespace loclint {

// One character reference as md4c reports it in Markdown text and link destinations
// (CommonMark: `&name;`, `&#digits;`, `&#xhex;`, the ';' included). Returns its UTF-8 text (one
// or two code points), or `reference` unchanged when it names nothing (`&bogus;`) or is not
// shaped like a reference. Thread-safe.
std::string decode_character_reference(std::string_view reference);

// Every character reference of an HTML attribute value (quotes already removed), with the rules
// of attribute values: a legacy name written without ';' stays as written before '=' or a letter
// or digit (`?a=1&copy=2`). Text without '&' is returned as it is. Thread-safe.
std::string decode_attribute_value(std::string_view value);

}  // namespace loclint

// The language a piece of text is written in, for checks whose premise is a language: a source
// half that is not English cannot be "left in English" (segment/untranslated).
//
// Detection is CLD2 (Compact Language Detector 2, Debian's libcld2), the n-gram detector of
// Chromium: about 80 languages, a few microseconds per sentence, no state (thread-safe).
#pragma once

#include <string>
#include <string_view>

namespace loclint::checks {

// The ISO 639-1 code of `text`'s language ("fr", "en"; "zh-Hant" and the like for a few) when
// CLD2 finds it reliably, else "" (too short, mixed, names only). `text` is UTF-8 plain text:
// strip markup first.
std::string reliable_language(std::string_view text);

}  // namespace loclint::checks

// Locale tags as documentation repositories write them: in folder names (`fr-fr`, `docs.ja-jp`,
// Hugo's `de`), in URL paths (`/en-us/`) and in front matter (`ms.contentlocale: fr-FR`).
#pragma once

#include <string_view>

namespace loclint {

// Whether `s` is a locale tag: a language subtag of 2-3 letters, then an optional script (4
// letters) and an optional region (2 letters or 3 digits), in that order, separated by `-` or
// `_` (the BCP 47 / RFC 5646 shape of `fr-FR`, `zh-Hans`, `sr-Latn-RS`, `es-419`; POSIX `zh_CN`).
// The language must be one ICU knows (ISO 639), a script one of ISO 15924 and a 2-letter region
// one of ISO 3166, so
// words joined by a dash (`how-to`, `set-up`, `step-by`) are not tags. `language_alone`: a bare
// language (`de`, Hugo's folders) counts too. Variants and extensions are not accepted. ASCII
// case-insensitive; no allocation beyond a few bytes. Thread-safe.
bool is_locale_tag(std::string_view s, bool language_alone = false);

}  // namespace loclint

#include "loclint/locale_tag.h"

#include <unicode/uchar.h>
#include <unicode/uloc.h>

#include <string>

#include "loclint/text.h"

namespace loclint {

namespace {

bool letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool digit(char c) { return c >= '0' && c <= '9'; }

template <class P>
bool all_of(std::string_view s, P p) {
  for (char c : s)
    if (!p(c)) return false;
  return true;
}

}  // namespace

bool is_locale_tag(std::string_view s, bool language_alone) {
  // Split into at most three subtags.
  std::string_view parts[3];
  size_t n = 0;
  for (size_t b = 0;;) {
    const size_t e = s.find_first_of("-_", b);
    if (n == 3) return false;
    parts[n++] = s.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b);
    if (e == std::string_view::npos) break;
    b = e + 1;
  }
  const std::string_view language = parts[0];
  if (language.size() < 2 || language.size() > 3 || !all_of(language, letter)) return false;
  if (n == 1 && !language_alone) return false;
  std::string_view script, region;
  for (size_t i = 1; i < n; ++i) {
    const std::string_view p = parts[i];
    if (i == 1 && p.size() == 4 && all_of(p, letter)) script = p;
    else if (region.empty() && ((p.size() == 2 && all_of(p, letter)) || (p.size() == 3 && all_of(p, digit)))) region = p;
    else return false;
  }
  // ICU's tables of ISO 639 languages and ISO 3166 countries (uloc_getISO3Language and
  // uloc_getISO3Country answer "" for a code they do not know).
  std::string id = lower_ascii(language);
  if (*uloc_getISO3Language(id.c_str()) == '\0') return false;
  // A script must be an ISO 15924 code ICU knows (`Latn`, `Hans`), not any four letters
  // (`no-code`, `co-host`).
  if (!script.empty() && u_getPropertyValueEnum(UCHAR_SCRIPT, std::string(script).c_str()) == UCHAR_INVALID_CODE)
    return false;
  if (region.size() == 2) {
    id += '_';
    id += static_cast<char>(region[0] & ~0x20);
    id += static_cast<char>(region[1] & ~0x20);
    if (*uloc_getISO3Country(id.c_str()) == '\0') return false;
  }
  return true;
}

}  // namespace loclint

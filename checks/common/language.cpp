#include "common/language.h"

// compact_lang_det.h uses FILE without including <cstdio>.
#include <cstdio>

#include <cld2/public/compact_lang_det.h>

namespace loclint::checks {

std::string reliable_language(std::string_view text) {
  bool reliable = false;
  int valid_prefix = 0;
  // The CheckUTF8 variant: the checks run on invalid UTF-8 too (loclint/invalid-utf8 reports it).
  CLD2::Language language = CLD2::DetectLanguageCheckUTF8(text.data(), static_cast<int>(text.size()),
                                                          /*is_plain_text=*/true, &reliable, &valid_prefix);
  if (!reliable || language == CLD2::UNKNOWN_LANGUAGE) return {};
  return CLD2::LanguageCode(language);
}

}  // namespace loclint::checks

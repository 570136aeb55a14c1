// Whether the source document on disk is the version a translation was made from, as far as the
// two front matters tell (without git: pairing.h's Strictness says what git tells). Shared by the
// metadata rules (a source article's keys) and the link rules (a source article's links).
#pragma once

#include <optional>
#include <string_view>

#include "loclint/config.h"
#include "loclint/date.h"

namespace loclint::checks {

// Whether the date `earlier` is before the date `later`, both values of a date key (`ms.date`)
// read in metadata/invalid-date's `format` (loclint/date.h; a time of day after the date
// ignored). False when either does not parse. A source dated before its translation is an older
// version than the one translated: the translation was made after the source's last edit in this
// tree, from a later one.
bool dated_before(std::string_view earlier, std::string_view later, const Config& config);

// The date a date key's value (`ms.date`) gives, read as dated_before() reads it; nullopt when it
// does not parse.
std::optional<Date> date_of(std::string_view value, const Config& config);

}  // namespace loclint::checks

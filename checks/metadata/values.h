// Value parsers of checks/metadata (defined in the files of the rules that use them), exposed
// for their unit tests (tests/metadata_test.cpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "loclint/date.h"

namespace loclint::checks::metadata {

using loclint::Date;        // loclint/date.h
using loclint::parse_date;
// Whether `text` is a time of day as a date-time string written by .NET's invariant culture
// (`12:00:00 AM`, h:mm:ss tt) or in 24-hour form (`13:05`, `13:05:00`), read with ICU's
// SimpleDateFormat without leniency. Generators (docfx's managed reference, the Q# API pages)
// write ms.date so: `1/23/2021 12:00:00 AM`.
bool time_of_day(std::string_view text);
// Why a parsed date is not a calendar date ("there is no month 13"), or "" when it is one.
std::string calendar_problem(const Date& d);
// A well-formed BCP 47 tag whose language is an ISO 639 code and whose region, if any, is an
// ISO 3166 code or a UN M.49 area (validated with ICU).
bool valid_bcp47(std::string_view tag);

}  // namespace loclint::checks::metadata

// Calendar dates as front matter writes them (`ms.date: 05/29/2024`), read by a format rather
// than a locale: docfx and the Open Publishing pipeline write US dates whatever the page's
// language, and repositories that do otherwise say so in metadata/invalid-date's `format`.
#pragma once

#include <optional>
#include <string_view>
#include <tuple>

namespace loclint {

struct Date {
  int year = 0, month = 0, day = 0;
  friend bool operator<(const Date& a, const Date& b) {
    return std::tie(a.year, a.month, a.day) < std::tie(b.year, b.month, b.day);
  }
};

// The format of metadata/invalid-date's `format` option, and of every date loclint compares.
inline constexpr std::string_view kDefaultDateFormat = "MM/DD/YYYY";

// Parses `value` in `format` (e.g. MM/DD/YYYY): MM/M and DD/D take one or two digits, YYYY
// four, any other character is a literal. Does not check the calendar.
std::optional<Date> parse_date(std::string_view value, std::string_view format);

// The date at the start of a date key's value: what comes before a space (a time of day,
// `1/23/2021 12:00:00 AM`) in `format`; nullopt when it does not parse.
std::optional<Date> leading_date(std::string_view value, std::string_view format);

}  // namespace loclint

#include "source_version.h"

#include "loclint/date.h"

namespace loclint::checks {

std::optional<Date> date_of(std::string_view value, const Config& config) {
  const std::vector<std::string> format = config.option("metadata/invalid-date", "format", {std::string(kDefaultDateFormat)});
  const std::string_view f = format.empty() || format.front().empty() ? kDefaultDateFormat : std::string_view(format.front());
  return leading_date(value, f);
}

bool dated_before(std::string_view earlier, std::string_view later, const Config& config) {
  auto a = date_of(earlier, config), b = date_of(later, config);
  return a && b && *a < *b;
}

}  // namespace loclint::checks

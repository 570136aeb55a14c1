#include "source_version.h"

#include "loclint/date.h"

namespace loclint::checks {

bool dated_before(std::string_view earlier, std::string_view later, const Config& config) {
  const std::vector<std::string> format = config.option("metadata/invalid-date", "format", {std::string(kDefaultDateFormat)});
  const std::string_view f = format.empty() || format.front().empty() ? kDefaultDateFormat : std::string_view(format.front());
  auto a = leading_date(earlier, f), b = leading_date(later, f);
  return a && b && *a < *b;
}

}  // namespace loclint::checks

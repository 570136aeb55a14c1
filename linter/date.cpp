#include "loclint/date.h"

#include <cctype>

namespace loclint {

// MM and DD take one or two digits because M/D/YYYY is the same form without leading zeros.
std::optional<Date> parse_date(std::string_view value, std::string_view format) {
  Date d;
  size_t v = 0;
  auto digits = [&](size_t min, size_t max, int& out) {
    size_t n = 0;
    out = 0;
    while (v < value.size() && n < max && std::isdigit(static_cast<unsigned char>(value[v]))) {
      out = out * 10 + (value[v++] - '0');
      ++n;
    }
    return n >= min;
  };
  for (size_t f = 0; f < format.size();) {
    std::string_view rest = format.substr(f);
    if (rest.starts_with("YYYY")) {
      if (!digits(4, 4, d.year)) return std::nullopt;
      f += 4;
    } else if (rest.starts_with("MM") || rest.starts_with("DD")) {
      if (!digits(1, 2, rest[0] == 'M' ? d.month : d.day)) return std::nullopt;
      f += 2;
    } else if (rest[0] == 'M' || rest[0] == 'D') {
      if (!digits(1, 2, rest[0] == 'M' ? d.month : d.day)) return std::nullopt;
      f += 1;
    } else {
      if (v >= value.size() || value[v] != format[f]) return std::nullopt;
      ++v;
      ++f;
    }
  }
  if (v != value.size()) return std::nullopt;
  return d;
}

std::optional<Date> leading_date(std::string_view value, std::string_view format) {
  if (size_t sep = value.find(' '); sep != std::string_view::npos) value = value.substr(0, sep);
  return parse_date(value, format);
}

}  // namespace loclint

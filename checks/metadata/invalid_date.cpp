#include <unicode/locid.h>
#include <unicode/parsepos.h>
#include <unicode/smpdtfmt.h>
#include <unicode/unistr.h>

#include <cctype>
#include <memory>
#include <unordered_map>

#include "common/options.h"
#include "metadata.h"
#include "values.h"

namespace loclint::checks::metadata {

const Rule kInvalidDate{
    .id = "metadata/invalid-date",
    .severity = Severity::Error,
    .summary = "a front-matter date that is not a real date in the expected form",
    .checks = "The front-matter keys of the option `keys` hold dates in the form of the option `format`, "
              "whatever the language of the article (a month or day written with one digit is accepted), and "
              "the date exists. A time of day after the date, as reference generators write it "
              "(`1/23/2021 12:00:00 AM`, or `13:05:00`), is accepted. A date that exists only when read day "
              "first is pointed out. With `--source-root`, a value the English article has too is not "
              "reported: the translation did not break it.",
    .why = "The pipelines parse these dates: a date rewritten in the local order (`18/08/2020`), with other "
           "separators, or that does not exist (`02/30/2021`) breaks sorting and freshness reports. Write the "
           "date as in the source article.",
    .fires = {.text = "ms.date: 18/08/2020", .form = ExampleForm::FrontMatter},
    .passes = {.text = "ms.date: 08/18/2020", .form = ExampleForm::FrontMatter},
    .options = {{"format", OptionType::Text, kDefaultDateFormat,
                 "the form of a date: YYYY, MM (or M) and DD (or D) and literal separators, e.g. DD.MM.YYYY"},
                {"keys", OptionType::List, "ms.date,ms.lasthandoff", "the keys that hold dates"}},
};

bool time_of_day(std::string_view text) {
  // SimpleDateFormat is not thread-safe: one set per thread.
  thread_local std::vector<std::unique_ptr<icu::SimpleDateFormat>> formats = [] {
    std::vector<std::unique_ptr<icu::SimpleDateFormat>> out;
    for (const char* pattern : {"h:mm:ss a", "h:mm a", "H:mm:ss", "H:mm"}) {
      UErrorCode status = U_ZERO_ERROR;
      auto f = std::make_unique<icu::SimpleDateFormat>(icu::UnicodeString(pattern), icu::Locale::getUS(), status);
      if (U_FAILURE(status)) continue;
      f->setLenient(false);
      out.push_back(std::move(f));
    }
    return out;
  }();
  // A docset's generated pages write the same few times (`12:00:00 AM`), and a parse costs tens
  // of thousands of instructions: each thread keeps its answers for up to 64 distinct texts, and
  // forgets them all when a 65th comes.
  thread_local std::unordered_map<std::string, bool> known;
  if (auto it = known.find(std::string(text)); it != known.end()) return it->second;
  if (known.size() >= 64) known.clear();
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  bool parsed = false;
  for (const auto& f : formats) {
    icu::ParsePosition pos(0);
    f->parse(u, pos);
    if (pos.getErrorIndex() < 0 && pos.getIndex() == u.length()) {
      parsed = true;
      break;
    }
  }
  known.emplace(std::string(text), parsed);
  return parsed;
}

namespace {

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

constexpr std::string_view kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                            "July",    "August",   "September", "October", "November", "December"};

}  // namespace

std::string calendar_problem(const Date& d) {
  if (d.month < 1 || d.month > 12) return fmt::format("there is no month {}", d.month);
  if (d.day < 1) return fmt::format("there is no day {}", d.day);
  int days = days_in_month(d.year, d.month);
  if (d.day > days) return fmt::format("{} {} has {} days", kMonthNames[d.month - 1], d.year, days);
  return {};
}

void check_invalid_date(const Document& doc, const Env& env, Reporter& out) {
  if (!trusted(doc)) return;
  std::string format = text_option(env.config, kInvalidDate, "format");
  // A format without its three fields would reject every date: keep the default instead.
  if (format.find("YYYY") == std::string::npos || format.find('M') == std::string::npos ||
      format.find('D') == std::string::npos)
    format = option_default(kInvalidDate, "format").front();
  auto source = source_front_matter(doc, env);
  for (const std::string& key : list_option(env.config, kInvalidDate, "keys")) {
    for_each_value(doc, env, key, kInvalidDate, out, [&](const FrontMatterEntry& e) {
      std::string_view value = trim(e.value);
      // The source's own value, unchanged: nothing the translation broke.
      if (source && source->value(key) && *source->value(key) == value) return;
      std::string_view date = value;
      if (size_t sep = value.find_first_of(" T");
          sep != std::string_view::npos && format.find_first_of(" T") == std::string::npos &&
          time_of_day(trim(value.substr(sep + 1))))
        date = value.substr(0, sep);
      auto d = parse_date(date, format);
      if (!d) {
        out.report(kInvalidDate, e.value_span,
                   fmt::format("'{}' is '{}', expected a date as {}", key, excerpt(value, 60), format));
        return;
      }
      std::string problem = calendar_problem(*d);
      if (problem.empty()) return;
      // A date rewritten day first is the usual slip of a translator.
      std::string hint;
      if (calendar_problem(Date{d->year, d->day, d->month}).empty()) hint = "; was it written day first?";
      out.report(kInvalidDate, e.value_span,
                 fmt::format("'{}' is '{}', not a real date: {} (expected {}){}", key, excerpt(value, 60), problem,
                             format, hint));
    });
  }
}

}  // namespace loclint::checks::metadata

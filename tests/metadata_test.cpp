// Unit tests of the value parsers behind checks/metadata (the rules themselves are tested by
// the fixtures under fixtures/metadata/).
#include <gtest/gtest.h>

#include "metadata/values.h"

using namespace loclint::checks::metadata;

namespace {

std::string problem(std::string_view value, std::string_view format = "MM/DD/YYYY") {
  auto d = parse_date(value, format);
  if (!d) return "unparsed";
  return calendar_problem(*d);
}

TEST(MetadataDate, AcceptsTheDocumentedForms) {
  EXPECT_EQ(problem("08/18/2020"), "");
  EXPECT_EQ(problem("8/9/2020"), "");    // M/D/YYYY
  EXPECT_EQ(problem("02/29/2020"), "");  // leap year
  EXPECT_EQ(problem("02/29/2000"), "");  // divisible by 400
  EXPECT_EQ(problem("12/31/1999"), "");
}

TEST(MetadataDate, RejectsImpossibleDates) {
  EXPECT_EQ(problem("13/45/2020"), "there is no month 13");
  EXPECT_EQ(problem("02/30/2021"), "February 2021 has 28 days");
  EXPECT_EQ(problem("02/29/1900"), "February 1900 has 28 days");
  EXPECT_EQ(problem("04/31/2021"), "April 2021 has 30 days");
  EXPECT_EQ(problem("00/10/2021"), "there is no month 0");
  EXPECT_EQ(problem("01/00/2021"), "there is no day 0");
}

TEST(MetadataDate, RejectsOtherForms) {
  for (std::string_view v : {"2020-08-18", "08/18/20", "08-18-2020", "08/18/2020 ", "008/18/2020", "Aug 18, 2020", "",
                             "08/18/20201", "08//2020"})
    EXPECT_EQ(problem(v), "unparsed") << v;
}

TEST(MetadataDate, FollowsTheConfiguredFormat) {
  EXPECT_EQ(problem("18.08.2020", "DD.MM.YYYY"), "");
  EXPECT_EQ(problem("2020-08-18", "YYYY-MM-DD"), "");
  EXPECT_EQ(problem("08/18/2020", "DD.MM.YYYY"), "unparsed");
  EXPECT_EQ(problem("31.02.2020", "DD.MM.YYYY"), "February 2020 has 29 days");
}

TEST(MetadataDate, TimeOfDayAsGeneratorsWriteIt) {
  EXPECT_TRUE(time_of_day("12:00:00 AM"));  // .NET invariant culture: 1/23/2021 12:00:00 AM
  EXPECT_TRUE(time_of_day("1:05 PM"));
  EXPECT_TRUE(time_of_day("13:05:00"));
  EXPECT_TRUE(time_of_day("13:05"));
  EXPECT_FALSE(time_of_day("25:00"));
  EXPECT_FALSE(time_of_day("12:00:00 XM"));
  EXPECT_FALSE(time_of_day("12:00:00 AM extra"));
  EXPECT_FALSE(time_of_day("midi"));
  EXPECT_FALSE(time_of_day(""));
}

TEST(MetadataLocale, ValidatesBcp47WithIcu) {
  for (std::string_view t : {"fr-FR", "fr-fr", "FR-fr", "fr", "ja-JP", "ru-RU", "zh-Hans-CN", "es-419", "sr-Latn-RS",
                             "fil-PH", "de-CH-1996"})
    EXPECT_TRUE(valid_bcp47(t)) << t;
  for (std::string_view t : {"", "fr_FR", "fr-XX", "zz-ZZ", "xx", "e", "fr-FR-", "french", "und", "fr FR", "-fr"})
    EXPECT_FALSE(valid_bcp47(t)) << t;
}

}  // namespace

// metadata/description-length is opt-in: off by default, on when named, by its family or `all`,
// and `--disable` still wins over a broader enable.
#include "loclint/config.h"
#include "registry.h"

TEST(MetadataOptIn, DescriptionLengthIsOffUntilEnabled) {
  const loclint::Rule* r = loclint::checks::find_rule("metadata/description-length");
  ASSERT_TRUE(r && r->opt_in);
  loclint::Config c;
  EXPECT_FALSE(c.enabled(*r));
  c.enable = {{"metadata/description-length", true}};
  EXPECT_TRUE(c.enabled(*r));
  c.enable = {{"metadata", true}};
  EXPECT_TRUE(c.enabled(*r));
  c.enable = {{"all", true}, {"metadata/description-length", false}};
  EXPECT_FALSE(c.enabled(*r));
  const loclint::Rule* syntax = loclint::checks::find_rule("metadata/syntax");
  ASSERT_TRUE(syntax && !syntax->opt_in);
  EXPECT_TRUE(loclint::Config{}.enabled(*syntax));
}

// checks/segment/text.h: the id shape and the "is this prose" heuristic behind
// segment/untranslated. The heuristic's negatives are real identical segments of the French
// Partner Center corpus; its positives are real English sources of the same corpus.
#include "segment/text.h"

#include <gtest/gtest.h>

using namespace loclint::checks::segment;

TEST(SegmentId, ParsesPrefixAndNumber) {
  auto id = parse_id("f4053-120");
  ASSERT_TRUE(id);
  EXPECT_EQ(id->prefix, "f4053");
  EXPECT_EQ(id->number, 120u);
  EXPECT_TRUE(parse_id("00000-0"));
  EXPECT_TRUE(parse_id("abcde-123456789"));
}

TEST(SegmentId, RejectsOtherShapes) {
  for (const char* bad : {"", "f4053", "f4053-", "f4053120", "F4053-120", "f4053-12a", "f4053-1 2",
                          " f4053-1", "f4053-1 ", "g4053-1", "f405-1", "f40533-1", "f4053--1",
                          "f4053-+1", "f4053-1234567890", "f4053_120"})
    EXPECT_FALSE(parse_id(bad)) << bad;
}

TEST(SegmentProse, EnglishSentencesAreProse) {
  for (const char* s : {
           "Here are some suggestions for troubleshooting common issues that arise when setting up your account.",
           "You can wait until you're done with the whole set.",
           "The IP Co-sell record will be reviewed by the Co-sell deal validation team.",
           "How to access this area of Partner Center",
           "Review the list of eligible SaaS and IaaS offers at the beginning of each month.",
           "End of life Microsoft Dynamics 365 Fraud Protection products:",
           "For more information, see [Microsoft National Clouds](https://www.microsoft.com/trustcenter).",
           "**Assessments count**: represents the total number of assessments taken by individuals.",
           "Can view cost data and configuration (e.g. budgets, exports)",
       })
    EXPECT_TRUE(has_prose(s)) << s;
}

TEST(SegmentProse, NamesCodesAndNumbersAreNot) {
  for (const char* s : {
           "Microsoft Partner Center",
           "MPN ID",
           "Description",
           "USD",
           "CustomerTenantId",
           "1/13/2018",
           "10 points",
           "a.",
           "Microsoft Teams Calling Essentials for US and Canada for faculty",
           "Microsoft 365 Domestic Calling Plan for students for US and Canada",
           "Universal Print volume add-on (500 jobs) for faculty - Microsoft 365",
           "Dynamics 365 Supply Chain Management Attach to Qualifying Dynamics 365 Base Offer for AX Migration Program",
           "Azure Information Protection Premium P2_Buy_MSP_0962a210-418f-4d36-ba9c-4f01c673f57c",
           "Windows Server Standard, version 2004",
           "GET /customers/{customerId}/subscriptions/{subscriptionId}/transitions",
           "{baseURL}/v1/customers/{customer_id}/subscriptions/{subscription_id}",
           "**SelectClause**: `SELECT ColumOrMetricName (, ColumOrMetricName)*`",
           "**OrderCondition**: `ColumOrMetricName (ASC | DESC)*`",
           "\"operationType\": \"dap_admin_relationship_terminated\"",
           "([CLI](/azure/virtual-machines/image-version-managed-image-cli#create-an-image-definition), "
           "[PowerShell](/azure/virtual-machines/image-version-vm-powershell#create-an-image-definition)).",
           "*example.onmicrosoft.com*",
           "8ddd03642-test-test-test-46b58d356b4e",
           "\n<em>(license-based)</em>",
           "Reno, NV 89511",
           "May 17",
           "acr delete",
           "Power BI Premium Per User Add-On **(Office)** (Nonprofit Staff Pricing)",
       })
    EXPECT_FALSE(has_prose(s)) << s;
}

TEST(SegmentProse, MinWordsIsHonoured) {
  EXPECT_TRUE(has_prose("Is it done?", 3));
  EXPECT_FALSE(has_prose("Is it done?", 4));
}

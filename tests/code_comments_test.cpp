// Comments in code blocks, per language: what is left as code once comments are taken out.
#include <gtest/gtest.h>

#include "loclint/code_comments.h"

using namespace loclint;

namespace {

std::vector<std::string> code(std::string_view info, std::string_view text) {
  std::vector<std::string> out;
  for (const CodeLine& l : code_lines(text, comment_syntax(info))) out.push_back(l.code);
  return out;
}
using V = std::vector<std::string>;

TEST(CodeComments, HashLanguages) {
  EXPECT_EQ(code("powershell", "# Connect first\nConnect-AzAccount  # sign in\n$x = \"a # b\"\nWrite-Host 'c # d'\n"),
            V({"Connect-AzAccount", "$x = \"a # b\"", "Write-Host 'c # d'"}));
  EXPECT_EQ(code("PowerShell", "<# A block\n   comment #>\nGet-Item -Path C:\\ <# inline #> -Force\n"),
            V({"Get-Item -Path C:\\ -Force"}));
  // `#` inside a word is code; an apostrophe in unquoted text does not hide the comment.
  EXPECT_EQ(code("bash", "echo ${#items[@]}\necho can't stop # comment\ncurl https://x.test/#top\n"),
            V({"echo ${#items[@]}", "echo can't stop", "curl https://x.test/#top"}));
  EXPECT_EQ(code("yaml", "key: value # note\nurl: http://a/#b\n"), V({"key: value", "url: http://a/#b"}));
}

TEST(CodeComments, SlashLanguages) {
  EXPECT_EQ(code("csharp", "// Create the client\nvar c = new Client(\"https://x\"); // the URL\n/* a\n b */ int y;\n"),
            V({"var c = new Client(\"https://x\");", "int y;"}));
  // AL, the language of Business Central extensions.
  EXPECT_EQ(code("al", "trigger OnRun()\n    // Set the filter\n    Rec.SetFilter(\"No.\", '%1|%2', A, B);\n"),
            V({"trigger OnRun()", "Rec.SetFilter(\"No.\", '%1|%2', A, B);"}));
  EXPECT_EQ(code("javascript", "const u = http://x;\n"), V({"const u = http://x;"}));  // not a comment after ':'
}

TEST(CodeComments, OtherLanguages) {
  EXPECT_EQ(code("sql", "SELECT * FROM T -- all rows\n/* x */ WHERE a = 1\n"), V({"SELECT * FROM T", "WHERE a = 1"}));
  EXPECT_EQ(code("xml", "<a>\n  <!-- the value -->\n  <b>1</b>\n</a>\n"), V({"<a>", "<b>1</b>", "</a>"}));
  EXPECT_EQ(code("cmd", "REM Set the path\nset P=C:\\x\n:: done\necho REM is text\n"), V({"set P=C:\\x", "echo REM is text"}));
  EXPECT_EQ(code("vb", "Dim s = \"x\" ' the string\n"), V({"Dim s = \"x\""}));
}

TEST(CodeComments, NoCommentsInJsonOrUnknownLanguages) {
  EXPECT_TRUE(comment_syntax("json").known);
  EXPECT_EQ(code("json", "{\n  \"url\": \"http://x\", // not a comment in JSON\n}\n"),
            V({"{", "\"url\": \"http://x\", // not a comment in JSON", "}"}));
  EXPECT_FALSE(comment_syntax("").known);
  EXPECT_FALSE(comment_syntax("output").known);
  EXPECT_EQ(code("", "# heading-like line\nplain\n"), V({"# heading-like line", "plain"}));
  // The first word of the info string names the language.
  EXPECT_EQ(code("bash title=\"setup\"", "ls # list\n"), V({"ls"}));
}

TEST(CodeComments, LinesKnowWhereTheirCodeIs) {
  auto lines = code_lines("  # c\n  ls -la # x\n", comment_syntax("bash"));
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].line, 1u);
  EXPECT_EQ(lines[0].begin, 8u);
  EXPECT_EQ(lines[0].end, 14u);
  EXPECT_TRUE(lines[0].commented);
}

}  // namespace

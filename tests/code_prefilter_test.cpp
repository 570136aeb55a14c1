// Unit tests of the shortcuts the code checks take for speed: they must never change what the
// tokenizer finds, only skip work that cannot find anything.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "code/grammar/numbers.h"
#include "code/grammar/search.h"
#include "code/grammar/tokens.h"
#include "code/grammar/visible_text.h"
#include "loclint/document.h"

using namespace loclint::checks::code;

namespace {

// Texts of every token kind, glued to punctuation, quotes and non-ASCII letters.
const std::vector<std::string> kSamples = {
    "Run **Set-MsolCompanySettings -AllowEmailVerifiedUsers $true** now.",
    "Check with Get-Module Az.Resources -ListAvailable. Then update.",
    "Add --tenant contoso.onmicrosoft.com, set $ErrorActionPreference, open C:\\Program\\Contoso.",
    "Keys: HKLM\\Software\\Contoso, \\\\server\\share, %APPDATA%\\Contoso, ~/bin/tool, ./run.sh, ../up/x",
    "BillingPreTaxTotal MpnId exchangeRateDate Az.Accounts README.md LAST_7_DAYS PowerShell",
    "e.g. art.149 and sec.2 title.Select version 4.1.1 Access Control.This",
    "Go to portal.azure.com or https://partner.microsoft.com/dashboard. Exam MB-210.",
    "{0} of {name} by {{user}}: %s, %1$d, $(OutDir), <tenant-id>, %ProgramFiles%, yyyy-MM-ddTHH:mm:ssZ",
    "Le format est aaaa-MM-jj ou dd/MM/yyyy (HH:mm).",
    "«Get-Item» et “PartnerCenter.Models” ou ‘skuName’ — le champ «NomService».",
    "Le champ БиллингПреТаксТотал est vide; voirPartnerId ici.",
    "Une phrase ordinaire. Une autre, sans rien de technique… Fin.",
    "Subscription B   -ResourceGroup 1 and USD$300K or $10,000.",
    "(https://example.com/a_b), [http://x.io/y]. «https://z.fr/»",
    "Use Update-Module -Force to overwrite Read-Only files.",
    "The -o parameter lists the ranges; use -n flag, Get-VM or Import-Csv.",
};

TEST(CodePrefilter, NoPlaceholderIsMissedByTheShortcut) {
  for (const std::string& text : kSamples) {
    bool has = false;
    for (const Token& t : tokenize(text))
      if (t.kind == TokenKind::Placeholder) has = true;
    if (has) {
      EXPECT_TRUE(may_have_placeholders(text)) << text;
    }
  }
}

TEST(CodePrefilter, NoTokenIsMissedByTheTextShortcut) {
  for (const std::string& text : kSamples) {
    if (!tokenize(text).empty()) {
      EXPECT_TRUE(may_have_tokens(text)) << text;
    }
  }
  // Each way into a token alone, at the edge of what the shortcut lets through.
  for (std::string_view text : {"Run Get-Item now", "Set $x", "Open C:\\Temp", "Go to ./run.sh", "http://x.io",
                                "Use {0}", "Use %s", "Use <name>", "the LAST_DAY field", "Open Office365Admin",
                                "see a.b and Az.Accounts", "format yyMMdd", "Exam MB-210", "Add --tenant",
                                "run ~/bin/tool", "run ../up/x", "as dd-mm-yyyy", "at HH:mm:ss",
                                "the -o parameter", "-n flag", "Run Get-VM"}) {
    EXPECT_FALSE(tokenize(text).empty()) << text;
    EXPECT_TRUE(may_have_tokens(text)) << text;
  }
  EXPECT_FALSE(may_have_tokens("Open Partner Center. Then select Billing, Invoices (all of them)!"));
  EXPECT_FALSE(may_have_tokens("Sélectionnez « Facturation » dans l’Espace partenaires."));
  EXPECT_FALSE(may_have_tokens("mmm ddd"));  // format letters, but never six in a word
  // Dashes, colons and slashes of prose: none before what a command, code or URL needs.
  const std::string_view prose = "A well-known sign-in page, see e-mail and/or notes: 3:30 pm, 1/2";
  EXPECT_FALSE(may_have_tokens(prose));
  EXPECT_TRUE(tokenize(prose).empty());
  // A dash after a space may start a one-letter option: let through, and nothing found.
  EXPECT_TRUE(may_have_tokens("A sign-in page - see notes"));
  EXPECT_TRUE(tokenize("A sign-in page - see notes").empty());
  EXPECT_TRUE(tokenize("Open Partner Center. Then select Billing, Invoices (all of them)!").empty());
}

// may_have_placeholders() reads a run of format bytes only around every sixth byte: it must
// answer as a plain byte-by-byte scan does, for runs at the start, the end and in between.
TEST(CodePrefilter, PlaceholderShortcutMatchesAPlainScan) {
  auto plain = [](std::string_view text) {
    size_t run = 0;
    for (char c : text) {
      if (c == '{' || c == '%' || c == '$' || c == '<') return true;
      run = std::string_view("yMdHhmsfFzZTKtg-:/. ").find(c) != std::string_view::npos ? run + 1 : 0;
      if (run >= 6) return true;
    }
    return false;
  };
  const std::string_view alphabet = "dm. -yxeéa";  // mostly format bytes, so that runs form
  uint32_t seed = 12345;
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    seed = seed * 1103515245 + 12345;
    const size_t length = (seed >> 16) % 24;
    for (size_t k = 0; k < length; ++k) {
      seed = seed * 1103515245 + 12345;
      text += alphabet[(seed >> 16) % alphabet.size()];
    }
    ASSERT_EQ(may_have_placeholders(text), plain(text)) << text;
  }
  for (std::string_view text : {"yyMMdd", "x yyMMdd", "yyMMdd x", "ab yyMMd", "abyyMMd", "yyMMd", "xyyMMdxyyMMdx"})
    EXPECT_EQ(may_have_placeholders(text), plain(text)) << text;
}

// target_values() takes a run of digits as it is when no separator with a digit after it
// follows; numbers that a separator continues are still read in both formats.
TEST(CodePrefilter, NumberShortcutKeepsEveryReading) {
  const NumberFormat fr = number_format("fr-fr"), en = number_format("en-us");
  using V = std::vector<std::string>;
  EXPECT_EQ(target_values("30 jours", fr, en), (V{"30"}));
  EXPECT_EQ(target_values("3. 5, 9 x", fr, en), (V{"3", "5", "9"}));
  EXPECT_EQ(target_values("1 000 euros", fr, en), (V{"0", "1", "1000"}));
  EXPECT_EQ(target_values("1\u202f000,50 €", fr, en), (V{"0", "0.5", "1", "1000.5", "50"}));
  EXPECT_EQ(target_values("1,000.50", fr, en), (V{"0", "0.5", "1", "1000.5", "50"}));
  EXPECT_EQ(target_values("2.5 Go", fr, en), (V{"2", "2.5", "5"}));
  EXPECT_EQ(target_values("4.1.1", fr, en), (V{"1", "1.1", "4", "4.1", "v:4.1.1"}));
  EXPECT_EQ(target_values("10,5%", fr, en), (V{"10", "10.5", "5"}));
  EXPECT_EQ(target_values("12 345 678", fr, en), (V{"12", "12345678", "345", "345678", "678"}));
}

TEST(CodePrefilter, PlainProseHasNoPlaceholder) {
  EXPECT_FALSE(may_have_placeholders("Ouvrez l’Espace partenaires et sélectionnez Facturation."));
  EXPECT_FALSE(may_have_placeholders("Commande: recommandé."));  // 'mm' but no date format
  EXPECT_TRUE(may_have_placeholders("Date: yyyy-MM-dd."));
  EXPECT_TRUE(may_have_placeholders("50 %"));
}

TEST(CodePrefilter, AnEmptySkipListIsNoSkipList) {
  for (const std::string& text : kSamples) {
    std::vector<bool> skip(text.size(), false);
    std::vector<Token> a = tokenize(text), b = tokenize(text, &skip);
    ASSERT_EQ(a.size(), b.size()) << text;
    for (size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].text, b[i].text);
      EXPECT_EQ(a[i].kind, b[i].kind);
      EXPECT_EQ(a[i].begin, b[i].begin);
      EXPECT_EQ(a[i].strong, b[i].strong);
    }
  }
}

// tokenize() looks for names only in words with an underscore, a dot inside them or a hump (an
// upper-case letter right after a lower-case letter or a digit). Each shape alone still makes
// a name, and a word with none of them (a capitalized word) makes none.
TEST(CodePrefilter, EveryNameShapePassesTheShortcut) {
  auto names = [](std::string_view text) {
    std::vector<std::string> out;
    for (const Token& t : tokenize(text))
      if (t.kind == TokenKind::Identifier || t.kind == TokenKind::Host) out.push_back(t.text);
    return out;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(names("Open Office365Admin now."), V{"Office365Admin"});      // hump after a digit only
  EXPECT_EQ(names("the snake_case_name field"), V{"snake_case_name"});    // underscore only
  EXPECT_EQ(names("edit appsettings.json."), V{"appsettings.json"});      // inner dot only
  EXPECT_EQ(names("see contoso.onmicrosoft.com"), V{"contoso.onmicrosoft.com"});
  EXPECT_EQ(names("(exchangeRateDate),"), V{"exchangeRateDate"});        // camelCase in punctuation
  EXPECT_EQ(names("Partner Center, Microsoft. Azure."), V{});              // capitalized words
  EXPECT_EQ(names("an iPhone and eBay"), V{});                             // a hump, but words
  EXPECT_EQ(names("end.Next sentence"), V{});                              // two sentences
}

// visible_text() with a hint gives what it gives without one, whatever the hint: in file
// order (the hint is a few tokens short), backwards (past the answer) and far off.
TEST(CodePrefilter, VisibleTextHintNeverChangesTheText) {
  std::string md = "# Titre\n\n";
  for (int i = 0; i < 40; ++i)
    md += "<span data-ttu-id=\"f4053-" + std::to_string(100 + i) + "\">Texte **" + std::to_string(i) +
          "** et `code` &amp; [lien](x.md).</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-" +
          std::to_string(100 + i) + "\">Text **" + std::to_string(i) + "** and `code` &amp; [link](x.md).</span></span>" +
          (i % 3 == 2 ? "\n\n" : " ");
  auto doc = loclint::Document::parse("hint.md", md);
  std::vector<loclint::Span> ranges;
  for (const loclint::Segment& seg : doc->segments()) {
    ranges.push_back(seg.target.content);
    ranges.push_back(seg.source.content);
  }
  ASSERT_EQ(ranges.size(), 80u);
  auto same = [&](loclint::Span range, size_t hint) {
    MappedText plain = visible_text(*doc, range), hinted;
    visible_text(*doc, range, hinted, hint);
    if (plain.text != hinted.text || plain.has_code != hinted.has_code) return false;
    for (size_t k = 0; k < plain.text.size(); ++k)
      if (plain.span(k, k + 1) != hinted.span(k, k + 1) || plain.is_code(k) != hinted.is_code(k)) return false;
    return true;
  };
  size_t running = 0;
  for (loclint::Span r : ranges) {
    MappedText out;
    const size_t before = running;
    EXPECT_TRUE(same(r, before));
    visible_text(*doc, r, out, running);
    EXPECT_GE(running, before);
  }
  for (loclint::Span r : ranges)
    for (size_t hint : {size_t{0}, size_t{3}, running / 2, running, running + 1000}) EXPECT_TRUE(same(r, hint)) << hint;
}

TEST(CodePrefilter, MappedTextAppendsInBulk) {
  MappedText m;
  m.append("first text", {0, 10}, true);
  EXPECT_TRUE(m.has_code);
  m.append("&", {10, 15});  // a decoded entity
  m.append("", {15, 15});   // nothing visible: maps nothing
  m.append("\u00A0", {15, 21});  // &nbsp;: two bytes for six
  m.append("x", {21, 22});
  EXPECT_EQ(m.text, "first text&\u00A0x");
  ASSERT_EQ(m.code.size(), m.text.size());
  EXPECT_EQ(m.begin_of(0), 0u);
  EXPECT_EQ(m.begin_of(3), 3u);  // plain text maps byte to byte
  EXPECT_EQ(m.end_of(3), 4u);
  EXPECT_EQ(m.end_of(9), 10u);
  EXPECT_EQ(m.begin_of(10), 10u);  // decoded text maps to its whole construct
  EXPECT_EQ(m.end_of(10), 15u);
  EXPECT_EQ(m.begin_of(12), 15u);  // both bytes of the no-break space
  EXPECT_EQ(m.end_of(12), 21u);
  EXPECT_EQ(m.begin_of(13), 21u);
  EXPECT_EQ(m.end_of(13), 22u);
  EXPECT_EQ(m.span(2, 5), (loclint::Span{2, 5}));
  EXPECT_EQ(m.span(9, 12), (loclint::Span{9, 21}));
  EXPECT_EQ(m.span(11, 11), (loclint::Span{15, 15}));  // empty: where the byte starts
  EXPECT_EQ(m.span(13, 99), (loclint::Span{21, 22}));  // clipped to the text
  EXPECT_TRUE(m.code[0]);
  EXPECT_FALSE(m.code[10]);
  m.clear();
  EXPECT_TRUE(m.text.empty());
  EXPECT_FALSE(m.has_code);
  m.append("y", {30, 31});
  EXPECT_EQ(m.span(0, 1), (loclint::Span{30, 31}));
  EXPECT_FALSE(m.is_code(0));  // no code span yet: the per-byte flags are not filled
  m.append("code", {32, 36}, true);
  m.append("z", {37, 38});
  ASSERT_EQ(m.code.size(), m.text.size());  // filled from the first code span on
  EXPECT_FALSE(m.is_code(0));
  EXPECT_TRUE(m.is_code(1));
  EXPECT_TRUE(m.is_code(4));
  EXPECT_FALSE(m.is_code(5));
}

}  // namespace

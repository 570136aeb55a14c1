// Unit tests of the checks/code tokenizers, and the seed article end to end: its mangled
// PowerShell command must give exactly one diagnostic that quotes both versions.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "code/grammar/numbers.h"
#include "code/grammar/search.h"
#include "code/grammar/tex.h"
#include "code/grammar/tokens.h"
#include "code/grammar/visible_text.h"
#include "code/grammar/words.h"
#include "loclint/engine.h"
#include "registry.h"

using namespace loclint;
using namespace loclint::checks::code;

namespace {

std::vector<std::string> texts(const std::vector<Token>& tokens, TokenKind kind) {
  std::vector<std::string> out;
  for (const Token& t : tokens)
    if (t.kind == kind) out.push_back(t.text);
  return out;
}

const Token* find(const std::vector<Token>& tokens, std::string_view text) {
  for (const Token& t : tokens)
    if (t.text == text) return &t;
  return nullptr;
}
// The result points into `tokens`: a temporary vector would leave it dangling (ASan caught one).
const Token* find(std::vector<Token>&& tokens, std::string_view text) = delete;

using V = std::vector<std::string>;

TEST(CodeTokenize, CmdletWithParametersIsOneCommand) {
  // Emphasis delimiters are not in visible text, but written ones are punctuation around it.
  auto t = tokenize("Run **Set-MsolCompanySettings -AllowEmailVerifiedUsers $true** now.");
  EXPECT_EQ(texts(t, TokenKind::Command), V{"Set-MsolCompanySettings -AllowEmailVerifiedUsers $true"});
  t = tokenize("Run Set-MsolCompanySettings -AllowEmailVerifiedUsers $true -AllowAdHocSubscriptions $true now.");
  EXPECT_EQ(texts(t, TokenKind::Command),
            V{"Set-MsolCompanySettings -AllowEmailVerifiedUsers $true -AllowAdHocSubscriptions $true"});
  // Its parts are not reported again as names.
  EXPECT_EQ(texts(t, TokenKind::Identifier), V{});
}

TEST(CodeTokenize, CommandEndsAtPunctuationAndProse) {
  auto t = tokenize("Check with Get-Module Az.Resources -ListAvailable. Then update.");
  EXPECT_EQ(texts(t, TokenKind::Command), V{"Get-Module Az.Resources -ListAvailable"});
  t = tokenize("Use Update-Module -Force to overwrite");
  EXPECT_EQ(texts(t, TokenKind::Command), V{"Update-Module -Force"});
}

TEST(CodeTokenize, LoneCmdletIsAName) {
  auto t = tokenize("Use the Get-AzMarketplacePrivateStore cmdlet.");
  const Token* c = find(t, "Get-AzMarketplacePrivateStore");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->kind, TokenKind::Identifier);
  EXPECT_TRUE(c->strong);
}

TEST(CodeTokenize, HyphenatedWordsAreNotCmdlets) {
  EXPECT_FALSE(is_cmdlet("Add-On"));
  EXPECT_FALSE(is_cmdlet("Add-Ins"));
  EXPECT_FALSE(is_cmdlet("Read-Only"));
  EXPECT_FALSE(is_cmdlet("Sign-Up"));
  EXPECT_TRUE(is_cmdlet("Get-Module"));
  EXPECT_TRUE(is_cmdlet("Set-AzContext"));
  // Short nouns: acronyms and words, not the particles of English compounds.
  for (const char* c : {"Get-VM", "Start-VM", "Get-Job", "Get-Acl", "Import-Csv", "Get-VHD"}) EXPECT_TRUE(is_cmdlet(c)) << c;
  for (const char* c : {"Set-Up", "Pop-Up", "Write-Off", "Lock-In", "Stop-Gap", "Get-Go", "Add-Ons", "Get-V"})
    EXPECT_FALSE(is_cmdlet(c)) << c;
  // A list drawn with dashes is not a command.
  EXPECT_EQ(texts(tokenize("Subscription B   -ResourceGroup 1"), TokenKind::Command), V{});
}

TEST(CodeTokenize, CliOptionsVariablesPathsRegistryKeys) {
  auto t = tokenize("Add --tenant contoso.onmicrosoft.com, set $ErrorActionPreference, open C:\\Program\\Contoso "
                    "and HKLM\\Software\\Contoso.");
  EXPECT_EQ(texts(t, TokenKind::Command),
            (V{"--tenant contoso.onmicrosoft.com", "$ErrorActionPreference", "C:\\Program\\Contoso",
               "HKLM\\Software\\Contoso"}));
  // A variable starts a command that its parameters continue; a one-letter option counts when
  // the sentence names it an option.
  EXPECT_EQ(texts(tokenize("Set $true -AllowX to allow it."), TokenKind::Command), V{"$true -AllowX"});
  EXPECT_EQ(texts(tokenize("The -o parameter, the flag -n and the -r switch."), TokenKind::Command),
            (V{"-o", "-n", "-r"}));
  EXPECT_EQ(texts(tokenize("Items: -a first, -b second - and so on."), TokenKind::Command), V{});
  // Money is not a variable.
  EXPECT_EQ(texts(tokenize("It costs $10,000 or USD$300K."), TokenKind::Command), V{});
}

TEST(CodeTokenize, IdentifierShapesAndStrength) {
  auto t = tokenize("BillingPreTaxTotal MpnId exchangeRateDate Az.Accounts README.md LAST_7_DAYS PowerShell "
                    "PivotTable SaaS PoE iPhone vCPU eBay MPNID");
  EXPECT_EQ(texts(t, TokenKind::Identifier),
            (V{"BillingPreTaxTotal", "MpnId", "exchangeRateDate", "Az.Accounts", "README.md", "LAST_7_DAYS",
               "PowerShell", "PivotTable"}));
  for (const char* strong : {"BillingPreTaxTotal", "MpnId", "exchangeRateDate", "Az.Accounts", "README.md", "LAST_7_DAYS"})
    EXPECT_TRUE(find(t, strong)->strong) << strong;
  EXPECT_FALSE(find(t, "PowerShell")->strong);
  EXPECT_FALSE(find(t, "PivotTable")->strong);
}

TEST(CodeTokenize, DottedWordsThatAreNotNames) {
  auto t = tokenize("e.g. art.149 and sec.2 title.Select version 4.1.1 Access Control.This");
  for (const Token& tok : t) {
    if (tok.kind == TokenKind::Identifier) {
      EXPECT_FALSE(tok.strong) << tok.text;
    }
  }
  EXPECT_EQ(find(t, "art.149"), nullptr);
  EXPECT_EQ(find(t, "title.Select"), nullptr);
  EXPECT_EQ(find(t, "e.g"), nullptr);
  // Clauses glued by a period, told by a closed-class word: not names. Other words joined by a
  // dot, a method named like an adverb's clause with a capital, a namespace: names.
  t = tokenize("Next.register the pick, Then.select it, calling plans.for audio, notes.to read; "
               "data.table, os.path, Then.Select, Next.Value, Az.Accounts");
  for (std::string_view glued : {"Next.register", "Then.select", "plans.for", "notes.to"})
    EXPECT_EQ(find(t, glued), nullptr) << glued;
  for (std::string_view name : {"data.table", "os.path", "Az.Accounts"}) {
    ASSERT_NE(find(t, name), nullptr) << name;
    EXPECT_TRUE(find(t, name)->strong) << name;
  }
  ASSERT_NE(find(t, "Next.Value"), nullptr);
}

TEST(CodeTokenize, HostsUrlsAndProductCodes) {
  auto t = tokenize("Go to portal.azure.com or https://partner.microsoft.com/dashboard. Exam MB-210.");
  EXPECT_EQ(texts(t, TokenKind::Host), V{"portal.azure.com"});
  EXPECT_EQ(texts(t, TokenKind::Url), V{"https://partner.microsoft.com/dashboard"});
  EXPECT_EQ(texts(t, TokenKind::Identifier), V{"MB-210"});
}

TEST(CodeTokenize, Placeholders) {
  auto t = tokenize("{0} of {name} by {{user}}: %s, %1$d, $(OutDir), <tenant-id>, %ProgramFiles%, yyyy-MM-ddTHH:mm:ssZ");
  EXPECT_EQ(texts(t, TokenKind::Placeholder),
            (V{"{0}", "{name}", "{{user}}", "%s", "%1$d", "$(OutDir)", "<tenant-id>", "%ProgramFiles%",
               "yyyy-MM-ddTHH:mm:ssZ"}));
  // French percentages are not printf conversions.
  EXPECT_EQ(texts(tokenize("50 %, soit 20 % de plus, 100%"), TokenKind::Placeholder), V{});
}

TEST(CodeTokenize, SkippedBytesAreNotTokens) {
  std::string text = "Run Get-Module now";
  std::vector<bool> skip(text.size(), false);
  for (size_t i = 4; i < 14; ++i) skip[i] = true;
  EXPECT_TRUE(tokenize(text, &skip).empty());
}

TEST(CodeSearch, StrictBoundariesRejectGluedCommands) {
  std::string_view t = "Set-MsolCompanySettings-AllowEmailVerifiedUsers $true";
  EXPECT_EQ(find_token(t, "Set-MsolCompanySettings", 0, true), std::string_view::npos);
  EXPECT_EQ(find_token(t, "Set-MsolCompanySettings", 0, false), 0u);
  // CJK text around a command is a boundary.
  std::string_view j = "「Get-Module」を実行";
  EXPECT_NE(find_token(j, "Get-Module", 0, true), std::string_view::npos);
  EXPECT_EQ(find_token("Az.Accounts", "Az"), std::string_view::npos);
}

TEST(CodeSearch, FoldedSearchMapsBackToTheOriginal) {
  std::string t = "Exécutez Set-Foo－Bar\u00A0$x maintenant";
  Folded f = fold(t, {true, false, false});
  auto hit = find_folded(t, f, "Set-Foo-Bar $x", true);
  ASSERT_TRUE(hit);
  EXPECT_EQ(t.substr(hit->first, hit->second - hit->first), "Set-Foo－Bar\u00A0$x");
  Folded skel = fold("Set-MsolCompanySettings-AllowEmailVerifiedUsers $true!", {true, true, true});
  auto h2 = find_folded("Set-MsolCompanySettings-AllowEmailVerifiedUsers $true!", skel,
                        "set-msolcompanysettings-allowemailverifiedusers$true", true);
  ASSERT_TRUE(h2);
  EXPECT_EQ(h2->first, 0u);
  EXPECT_EQ(h2->second, 53u);
}

// Every folded byte maps to the first byte of the code point (or character reference) it came
// from, whether the code point is ASCII, grows under NFKC (U+FB01 is "fi"), is lowercased (U+0130,
// by ICU's simple mapping, is "i"), comes from a character reference, or is dropped as white
// space; the last entry is the text's size.
TEST(CodeSearch, FoldMapsEveryByteToItsCodePoint) {
  const std::string t = "A\uFB01 \u0130x&#65;Z\u00A0b";  // bytes: A 0, fi 1-3, space 4, I 5-6, x 7, &#65; 8-12, Z 13, NBSP 14-15, b 16
  Folded f = fold(t, {true, true, true});
  EXPECT_EQ(f.text, "afiixazb");
  EXPECT_EQ(f.map, (std::vector<size_t>{0, 1, 1, 5, 7, 8, 13, 16, 17}));
  Folded kept = fold(t, {true, false, false});  // NFKC writes U+00A0 as a space
  EXPECT_EQ(kept.text, "Afi \u0130xAZ b");
  EXPECT_EQ(kept.map, (std::vector<size_t>{0, 1, 1, 4, 5, 5, 7, 8, 13, 14, 16, 17}));
}

TEST(CodeNumbers, LocaleSeparatorsComeFromIcu) {
  NumberFormat fr = number_format("fr-fr");
  EXPECT_EQ(fr.decimal, ",");
  EXPECT_TRUE(fr.grouping_is_space);
  NumberFormat de = number_format("de-de");
  EXPECT_EQ(de.decimal, ",");
  EXPECT_EQ(de.grouping, ".");
  NumberFormat en = number_format("en-us");
  EXPECT_EQ(en.decimal, ".");
  EXPECT_EQ(en.grouping, ",");
}

TEST(CodeNumbers, EquivalentValuesAcrossLocales) {
  NumberFormat en = number_format("en-us"), fr = number_format("fr-fr"), de = number_format("de-de");
  auto src = source_numbers("Pay $1,000.50 now", en);
  ASSERT_EQ(src.size(), 1u);
  EXPECT_EQ(src[0].value, "1000.5");
  for (std::string t : {"1 000,50", "1\u202F000,50", "1\u00A0000,50"}) {
    auto v = target_values(t, fr, en);
    EXPECT_TRUE(std::binary_search(v.begin(), v.end(), "1000.5")) << t;
  }
  auto v = target_values("1.000,50", de, en);
  EXPECT_TRUE(std::binary_search(v.begin(), v.end(), "1000.5"));
}

TEST(CodeNumbers, WhatTheSourceCompares) {
  NumberFormat en = number_format("en-us");
  auto values = [&](std::string_view text) {
    std::vector<std::string> out;
    for (const Number& n : source_numbers(text, en)) out.push_back(n.value);
    return out;
  };
  EXPECT_EQ(values("on 10/31 and 2/11/17"), (V{"31", "11", "17"}));  // months may become names
  EXPECT_EQ(values("at 7:30 PM"), V{});                             // times are rewritten freely
  EXPECT_EQ(values("3rd-party, 360-degree, x64, 64bit, 1 month"), V{});
  EXPECT_EQ(values("version 4.1.1"), V{"v:4.1.1"});
  EXPECT_EQ(values("USD10,000 and E5"), V{"10000"});
  auto k = source_numbers("$10k", en);
  ASSERT_EQ(k.size(), 1u);
  EXPECT_NE(std::find(k[0].also.begin(), k[0].also.end(), "10000"), k[0].also.end());
  EXPECT_EQ(canonical_number("007.50"), "7.5");
  EXPECT_EQ(canonical_number("0"), "0");
}

TEST(CodeTokenize, LonePowerShellParameters) {
  // Named on its own in prose: a command of its own.
  EXPECT_EQ(texts(tokenize("Use the -SourceIdentifier parameter with -MessageData."), TokenKind::Command),
            (V{"-SourceIdentifier", "-MessageData"}));
  EXPECT_EQ(texts(tokenize("-Forward"), TokenKind::Command), V{"-Forward"});
  // List dashes that lost their space, short or English-looking words: not parameters.
  EXPECT_EQ(texts(tokenize("-Find non-posted documents"), TokenKind::Command), V{});
  EXPECT_EQ(texts(tokenize("Subscription B   -ResourceGroup 1"), TokenKind::Command), V{});
  EXPECT_EQ(texts(tokenize("Add-On -ResourceGroup 1"), TokenKind::Command), V{});
  EXPECT_EQ(texts(tokenize("a cloud -Based app, grade -A or -UTF8"), TokenKind::Command), V{});
  EXPECT_EQ(texts(tokenize("Per-Hop Behavior (PHB) -Expedited Forwarding"), TokenKind::Command), V{});
}

TEST(CodeTokenize, PositionalArgumentsAndPathsWithSpaces) {
  EXPECT_EQ(texts(tokenize("Load it with Import-Module Contoso -Force."), TokenKind::Command),
            V{"Import-Module Contoso -Force"});
  EXPECT_EQ(texts(tokenize("Run Get-CsCertificate with -Roll."), TokenKind::Command), V{"-Roll"});
  EXPECT_EQ(texts(tokenize("File C:\\Program Files\\Common Files\\Contoso Server 2013\\Modules cannot be loaded."),
                  TokenKind::Command),
            V{"C:\\Program Files\\Common Files\\Contoso Server 2013\\Modules"});
  EXPECT_EQ(texts(tokenize("Copy C:\\Temp and D:\\Data."), TokenKind::Command), (V{"C:\\Temp", "D:\\Data"}));
}

TEST(CodeTokenize, WindowsProgramsAndTheirSlashOptions) {
  // Microsoft Learn's "Command-line syntax key": /option, /option:value, /option=value.
  EXPECT_TRUE(is_windows_option("/quiet"));
  EXPECT_TRUE(is_windows_option("/i"));
  EXPECT_TRUE(is_windows_option("/log:C:\\temp\\setup.log"));
  EXPECT_TRUE(is_windows_option("/ACTION=Install"));
  EXPECT_FALSE(is_windows_option("/docs/index.md"));  // a path
  EXPECT_FALSE(is_windows_option("/"));
  EXPECT_FALSE(is_windows_option("/2"));
  EXPECT_FALSE(is_windows_option("/тихо"));  // what a translation made of one, not the grammar's
  EXPECT_TRUE(is_windows_program("setup.exe"));
  EXPECT_TRUE(is_windows_program("SETUP.EXE"));
  EXPECT_TRUE(is_windows_program("C:\\Tools\\MMASetup-AMD64.exe"));
  EXPECT_TRUE(is_windows_program("msiexec"));
  EXPECT_TRUE(is_windows_program("ROBOCOPY"));
  EXPECT_FALSE(is_windows_program("Setup"));  // a sentence's word, capitalized
  EXPECT_TRUE(is_windows_program("Dism"));    // as Microsoft Learn writes some
  EXPECT_TRUE(is_windows_program("Msiexec"));
  EXPECT_TRUE(is_windows_program("bootrec"));
  EXPECT_FALSE(is_windows_program("exe"));
  EXPECT_FALSE(is_windows_program("install"));

  EXPECT_EQ(texts(tokenize("Run setup.exe /quiet /norestart."), TokenKind::Command), V{"setup.exe /quiet /norestart"});
  EXPECT_EQ(texts(tokenize("Run msiexec /i package.msi /qn to install it."), TokenKind::Command),
            V{"msiexec /i package.msi /qn"});
  EXPECT_EQ(texts(tokenize("Run robocopy C:\\Source D:\\Dest /MIR now."), TokenKind::Command),
            V{"robocopy C:\\Source D:\\Dest /MIR"});
  EXPECT_EQ(texts(tokenize("Run C:\\Tools\\setup.exe /configure configuration.xml now."), TokenKind::Command),
            V{"C:\\Tools\\setup.exe /configure configuration.xml"});
  EXPECT_EQ(texts(tokenize("Use the /norestart switch."), TokenKind::Command), V{"/norestart"});
  // Without an option it is a file name; slashes in prose are not options.
  EXPECT_EQ(texts(tokenize("Copy setup.exe to the folder."), TokenKind::Command), V{});
  EXPECT_EQ(texts(tokenize("Use and/or the options, see /docs/index.md, choose Yes /No."), TokenKind::Command), V{});
  EXPECT_EQ(texts(tokenize("Setup /Configuration is a page."), TokenKind::Command), V{});
  EXPECT_EQ(texts(tokenize("During setup /Upgrade runs."), TokenKind::Command), V{});
  // Arguments: drive letters, GUIDs, quoted paths with spaces, subcommands, bare values after an
  // option, msiexec's /l*v; a number where the sentence goes on is the sentence's.
  EXPECT_TRUE(is_windows_option("/l*v"));
  EXPECT_EQ(texts(tokenize("Run chkdsk C: /f."), TokenKind::Command), V{"chkdsk C: /f"});
  EXPECT_EQ(texts(tokenize("Run chkdsk /f C:."), TokenKind::Command), V{"chkdsk /f C:"});
  EXPECT_EQ(texts(tokenize("Run msiexec /x {1234-5678} /qn."), TokenKind::Command), V{"msiexec /x {1234-5678} /qn"});
  EXPECT_EQ(texts(tokenize("Run xcopy \"C:\\My Files\" D:\\b /s /e."), TokenKind::Command), V{"xcopy \"C:\\My Files\" D:\\b /s /e"});
  EXPECT_EQ(texts(tokenize("Run reg add HKLM\\Software\\Contoso /v Enabled /t REG_DWORD /d 1 /f."), TokenKind::Command),
            V{"reg add HKLM\\Software\\Contoso /v Enabled /t REG_DWORD /d 1 /f"});
  EXPECT_EQ(texts(tokenize("Run schtasks /create /tn Backup /sc daily /st 09:00."), TokenKind::Command),
            V{"schtasks /create /tn Backup /sc daily /st 09:00"});
  EXPECT_EQ(texts(tokenize("Run ipconfig /all 3 times."), TokenKind::Command), V{"ipconfig /all"});
  EXPECT_EQ(texts(tokenize("Run shutdown /r /t 0."), TokenKind::Command), V{"shutdown /r /t 0"});
  EXPECT_EQ(texts(tokenize("Run \"C:\\Program Files\\setup.exe\" /quiet now."), TokenKind::Command),
            V{"\"C:\\Program Files\\setup.exe\" /quiet"});
  // Options named as such: after a determiner, over a list, before the word that names them.
  EXPECT_EQ(texts(tokenize("Use the /quiet and /norestart switches."), TokenKind::Command), (V{"/quiet", "/norestart"}));
  EXPECT_EQ(texts(tokenize("Select the Yes /No option, the On /Off switch or Read /write flags."), TokenKind::Command), V{});
  EXPECT_EQ(texts(tokenize("The /quiet switch hides the UI."), TokenKind::Command), V{"/quiet"});
  EXPECT_EQ(texts(tokenize("Check the flags /options, the parameters /arguments."), TokenKind::Command), V{});
  EXPECT_EQ(texts(tokenize("/quiet"), TokenKind::Command), V{"/quiet"});
  EXPECT_EQ(texts(tokenize("/quiet: Installs without a user interface."), TokenKind::Command), V{"/quiet"});
  // A program named by an English word is the sentence's word unless a verb runs it.
  EXPECT_EQ(texts(tokenize("A system shutdown /restart is required. Open a cmd /PowerShell window."), TokenKind::Command), V{});
  EXPECT_EQ(texts(tokenize("SETUP /CONFIGURATION"), TokenKind::Command), V{});
  EXPECT_EQ(texts(tokenize("Then run shutdown /r /t 0."), TokenKind::Command), V{"shutdown /r /t 0"});
  // Subcommands only where the program has them; prose pairs are no options.
  EXPECT_EQ(texts(tokenize("Run ipconfig all /flushdns."), TokenKind::Command), V{});
  EXPECT_EQ(texts(tokenize("Run setup.exe /quiet w /o a restart."), TokenKind::Command), V{"setup.exe /quiet"});
  // A text of thousands of slash words stays linear (the scan of a command stops at 40 words).
  std::string many = "Text";
  for (int k = 0; k < 20000; ++k) many += " setup /Ab";
  EXPECT_EQ(texts(tokenize(many), TokenKind::Command), V{});
}

TEST(CodeTokenize, HelpKeywordsHungarianNamesAndCaptions) {
  EXPECT_EQ(texts(tokenize("Use a separate .PARAMETER keyword; .NOTES last."), TokenKind::Identifier),
            (V{".PARAMETER", ".NOTES"}));
  auto t = tokenize("nIdxRegQubits and qSharpData, not iPhone or eBay");
  EXPECT_EQ(texts(t, TokenKind::Identifier), (V{"nIdxRegQubits", "qSharpData"}));
  for (std::string_view caption : {"Pmt.Disc.Tol", "Cr.Memo", "Qty.to"}) {
    const std::string text = std::string("Sales ") + std::string(caption) + " Line";
    const auto tokens = tokenize(text);
    const Token* c = find(tokens, caption);
    ASSERT_NE(c, nullptr) << caption;
    EXPECT_FALSE(c->strong) << caption;
  }
  for (std::string_view name : {"Az.Accounts", "Microsoft.Quantum.Math", "Web.config"}) {
    const std::string text = std::string("Use ") + std::string(name) + " here";
    const auto tokens = tokenize(text);
    const Token* c = find(tokens, name);
    ASSERT_NE(c, nullptr) << name;
    EXPECT_TRUE(c->strong) << name;
  }
}

TEST(CodeTokenize, PrintfFlagsAndLengthModifiers) {
  EXPECT_EQ(texts(tokenize("the %'d items, %lu bytes, %-5d, %lld, %hhx, %B"), TokenKind::Placeholder),
            (V{"%'d", "%lu", "%-5d", "%lld", "%hhx", "%B"}));
  // A regular expression's "$(" and a length letter alone are not placeholders.
  EXPECT_EQ(texts(tokenize("(999)$(Translation:$1) and %l of"), TokenKind::Placeholder), V{});
  EXPECT_EQ(texts(tokenize("$(Build.BuildId)"), TokenKind::Placeholder), V{"$(Build.BuildId)"});
}

TEST(CodeTokenize, NamesSpelledWithSymbols) {
  for (std::string_view name : {"C#", "F#", "Q#", "C++", "VC++", ".NET"}) EXPECT_TRUE(is_symbol_name(name)) << name;
  for (std::string_view word : {"#", "PST#", "Mar#", "c#", "C+", "ABC++", ".CSV", ".NETX", "C#x"}) EXPECT_FALSE(is_symbol_name(word)) << word;
  auto t = tokenize("Write Q# programs with C++ on .NET.");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].text, "Q#");
  EXPECT_EQ(t[1].text, "C++");
  EXPECT_EQ(t[2].text, ".NET");
  EXPECT_TRUE(may_have_tokens("Write Q# programs"));
}

TEST(CodeTokenize, ProseGluedToANameIsNotPartOfIt) {
  EXPECT_EQ(glued_prose_head("theSales"), 3u);
  EXPECT_EQ(glued_prose_head("andOAuthTokenIssuer"), 3u);
  EXPECT_EQ(glued_prose_head("namedRedmondTemps"), 5u);
  for (std::string_view name : {"theme", "orderId", "isEnabled", "myStorageAccount", "getUserName", "the", "ThePlan"})
    EXPECT_EQ(glued_prose_head(name), 0u) << name;
  // A preposition is a head too, but no determiner: `toSkype` is excused only where the
  // translation has `Skype`, so that a lost `onClick` or `forEach` is still reported.
  bool determiner = true;
  EXPECT_EQ(glued_prose_head("toSkype", &determiner), 2u);
  EXPECT_FALSE(determiner);
  EXPECT_EQ(glued_prose_head("onClick", &determiner), 2u);
  EXPECT_FALSE(determiner);
  EXPECT_TRUE(glued_prose_head("theSales", &determiner) == 3u && determiner);
  // The tokenizer keeps the run whole (a translation may copy it as it is); the comparison asks
  // whether the translation has what follows (fixtures/code/identifier-mismatch.md).
  EXPECT_EQ(texts(tokenize("Grant access andOAuthTokenIssuer now"), TokenKind::Identifier), V{"andOAuthTokenIssuer"});
  EXPECT_TRUE(is_name("OAuthTokenIssuer"));
  EXPECT_FALSE(is_name("Sales"));
}

TEST(CodeTokenize, FormatPictures) {
  for (std::string_view w : {"mm", "MM", "hh", "HH", "yyyy", "tt", "fffff", "KK"}) EXPECT_TRUE(is_format_picture(w)) << w;
  // One letter alone is no picture (a units column's `m`, metres).
  for (std::string_view w : {"", "m", "h", "Esc", "mM", "ffffff", "ab", "ID", "aaaa"}) EXPECT_FALSE(is_format_picture(w)) << w;
}

TEST(CodeTokenize, EmailAddresses) {
  // GFM 0.29, section 6.9 (extended email autolink), with RFC 5322's dot-atom local part.
  auto address = [](std::string_view text) {
    auto m = email_at(text, text.find('@'));
    return m ? std::string(text.substr(m->first, m->second - m->first)) : std::string("-");
  };
  EXPECT_EQ(address("fredsm@contoso.com."), "fredsm@contoso.com");
  EXPECT_EQ(address("to:Ken.Myer+x@mail.litware-inc.co.uk)"), "Ken.Myer+x@mail.litware-inc.co.uk");
  EXPECT_EQ(address("RainierConf  @contoso.com"), "-");       // nothing before the @
  EXPECT_EQ(address("@azure/identity"), "-");
  EXPECT_EQ(address("user@host"), "-");                       // no period in the domain
  EXPECT_EQ(address("a@contoso.com_"), "-");                  // ends in _
  EXPECT_EQ(address("meeting_MzB...zIw@thread.v2"), "-");      // a doubled dot: an identifier cut short
  EXPECT_EQ(address(".a@contoso.com"), "-");
  EXPECT_EQ(address("user@1.2.3"), "-");                      // the domain ends in a letter (cmark-gfm)
  EXPECT_EQ(address("@azure/identity@1.2.3"), "-");
  // The address's word keeps its other tokens.
  EXPECT_EQ(texts(tokenize("Set UserPrincipalName=admin@contoso.com now"), TokenKind::Identifier), V{"UserPrincipalName"});
  EXPECT_EQ(texts(tokenize("Write to fredsm@contoso.com or see https://x.com/u@contoso.com"), TokenKind::Email), V{"fredsm@contoso.com"});
  // The address is one token: its domain is not a host of its own.
  EXPECT_EQ(texts(tokenize("Write to fredsm@contoso.com."), TokenKind::Host), V{});
  EXPECT_TRUE(may_have_tokens("write to a@b.com"));
}

TEST(CodeTex, FormulasAndTheirTokens) {
  std::string_view s = "The sum $\\sum_{j=0}^{n - 1} x_j$ costs $5 and $10; $$a$$ too.";
  auto m = find_math(s, true);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(s.substr(m[0].first, m[0].second - m[0].first), "$\\sum_{j=0}^{n - 1} x_j$");
  EXPECT_EQ(s.substr(m[1].first, m[1].second - m[1].first), "$$a$$");
  // Spacing is not a token; a translated command is.
  EXPECT_EQ(tex_tokens("\\sum_{j=0}^{n - 1}"), tex_tokens("\\sum_{j = 0}^{n-1}"));
  EXPECT_EQ(missing_commands(tex_tokens("\\ket{\\psi}"), tex_tokens("\\demet{\\ps\u0131}")), (V{"\\ket", "\\psi"}));
  // Machine translation spaced the delimiters out: found when not strict.
  EXPECT_EQ(find_math("Bir $ (u, v) $ \u00E7ifti", true).size(), 0u);
  EXPECT_EQ(find_math("Bir $ (u, v) $ \u00E7ifti", false).size(), 1u);
  // `$$` spaced out as `$ $` is display math where the source has display math; never inside
  // inline math. Where it has none, `$ $` is a moved delimiter.
  std::string_view spaced = "kanal $ $ \\begin{align} \\Omega \\end{align} $ $; $ \\sigma $ $ \\rho $";
  auto d = find_math(spaced, false, true);
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(spaced.substr(d[0].first, d[0].second - d[0].first), "$ $ \\begin{align} \\Omega \\end{align} $ $");
  EXPECT_EQ(spaced.substr(d[1].first, d[1].second - d[1].first), "$ \\sigma $");
  EXPECT_EQ(spaced.substr(d[2].first, d[2].second - d[2].first), "$ \\rho $");
  std::string_view moved = "Önce $ $f ve $g $";
  auto mv = find_math(moved, false, false);
  ASSERT_EQ(mv.size(), 2u);
  EXPECT_EQ(moved.substr(mv[0].first, mv[0].second - mv[0].first), "$ $");
}

TEST(CodeTex, AFormulaThatRunsIntoProseHoldsADelimiter) {
  // A `$` missing after `\ket{0}`: the strict reading pairs the first `$` with the last.
  std::string_view s = R"(in the state $\ket{0}, the purification of $\tilde \rho$, within $\epsilon$.)";
  auto m = find_math(s, true);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_TRUE(runs_into_prose(s.substr(m[0].first, m[0].second - m[0].first)));
  EXPECT_FALSE(runs_into_prose(s.substr(m[1].first, m[1].second - m[1].first)));
  EXPECT_FALSE(runs_into_prose(R"($\$5 \$$)"));  // escaped dollar signs
  EXPECT_FALSE(runs_into_prose("$$ a $ b $$"));   // display math
  // A delimiter whose partner is in another segment; a price and a regular expression are not.
  EXPECT_TRUE(has_tex_outside_formulas("$$ \\begin{align} x", {}));
  EXPECT_TRUE(has_tex_outside_formulas("\\end{align} $$", {}));
  std::string_view price = "It costs $5 and uses $\\ket{0}$.";
  EXPECT_FALSE(has_tex_outside_formulas(price, find_math(price, true)));  // the TeX is in a formula
  EXPECT_FALSE(has_tex_outside_formulas("It costs $5.", {}));
  EXPECT_FALSE(has_tex_outside_formulas("Pattern ^(7\\d{3})$ matches", {}));
  EXPECT_TRUE(has_tex_outside_formulas("where \\begin{align} x \\end{align} holds", {}));  // bare TeX
  EXPECT_FALSE(has_tex_outside_formulas("in C:\\Users\\name\\{0}", {}));  // a path, then a placeholder
  EXPECT_FALSE(has_tex_outside_formulas("Copy it to C:\\Windows\\Temp and set $env:TEMP.", {}));  // a path and a variable
  EXPECT_FALSE(has_tex_outside_formulas("Match ^\\bERROR\\b$ in the log.", {}));                  // a regular expression
  EXPECT_FALSE(has_tex_outside_formulas("The file C:\\Logs\\App{0}.log records ${0}.", {}));
  // An ordinal's suffix after the closing `$` is not prose the formula runs into.
  std::string_view ordinal = "The $j$th coefficient indexes $\\ket{j}$; ($True) or ($False).";
  auto o = find_math(ordinal, true);
  ASSERT_EQ(o.size(), 2u);
  EXPECT_EQ(ordinal.substr(o[0].first, o[0].second - o[0].first), "$j$");
  EXPECT_EQ(ordinal.substr(o[1].first, o[1].second - o[1].first), "$\\ket{j}$");
}

TEST(CodeSearch, LookAlikePunctuationFoldsByUnicodeConfusables) {
  // U+2011 NON-BREAKING HYPHEN folds to '-' (UTS #39 skeleton); NFKC alone leaves it.
  Folded f = fold("Update\u2011SiteApp", {true, false, false});
  EXPECT_EQ(f.text, "Update-SiteApp");
  EXPECT_EQ(fold("Update&#8209;SiteApp", {true, false, false}).text, "Update-SiteApp");
  EXPECT_EQ(fold("Update & #8209; SiteTheme", {true, true, true}).text, "update-sitetheme");
  // Letters of another script are not folded to Latin ones.
  EXPECT_EQ(fold("\u0430", {true, false, false}).text, "\u0430");
}

TEST(CodeNumbers, CjkMyriadsRangesAndClockTimes) {
  NumberFormat ko = number_format("ko-kr"), en = number_format("en-us");
  for (auto [text, value] : {std::pair{"5\uB9CC \uAC1C", "50000"}, std::pair{"1.5\u4E07", "15000"},
                             std::pair{"3\uC5B5", "300000000"}, std::pair{"1~5\uB2E8\uACC4", "5"}}) {
    auto v = target_values(text, ko, en);
    EXPECT_TRUE(std::binary_search(v.begin(), v.end(), value)) << text;
  }
  auto src = source_numbers("runs at 0200 daily", en);
  ASSERT_EQ(src.size(), 1u);
  auto v = target_values("alle 02.00", number_format("it-it"), en);
  EXPECT_TRUE(std::any_of(src[0].also.begin(), src[0].also.end(),
                          [&](const std::string& a) { return std::binary_search(v.begin(), v.end(), a); }));
}

TEST(CodeSeed, OneDiagnosticQuotingBothVersions) {
  const std::filesystem::path seed = std::filesystem::path(LOCLINT_SOURCE_DIR) / "tests/data/seed.md";
  std::ifstream in(seed, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_FALSE(bytes.empty());
  Config config;
  Engine engine(config, checks::all_checks());
  Workspace workspace;
  auto doc = Document::parse(seed.string(), bytes);
  std::vector<Finding> code;
  for (Finding& f : engine.lint_document(*doc, workspace))
    if (f.diagnostic.rule->family() == "code") code.push_back(f);
  ASSERT_EQ(code.size(), 1u);
  EXPECT_EQ(code[0].diagnostic.rule->id, "code/command-mismatch");
  const std::string& m = code[0].diagnostic.message;
  EXPECT_NE(m.find("'Set-MsolCompanySettings-AllowEmailVerifiedUsers $true-AllowAdHocSubscriptions $true' in translation"),
            std::string::npos) << m;
  EXPECT_NE(m.find("'Set-MsolCompanySettings -AllowEmailVerifiedUsers $true -AllowAdHocSubscriptions $true' in source"),
            std::string::npos) << m;
  // It points at the translation's command.
  EXPECT_EQ(doc->slice(code[0].diagnostic.span),
            "Set-MsolCompanySettings-AllowEmailVerifiedUsers $true-AllowAdHocSubscriptions $true");
}

}  // namespace

// Alignment: sections and blocks of a translation and its source, through added, removed,
// split and merged blocks; anchors that make a step confident or only altered; the extent of a
// block; and the time it takes on a long document.
#include <gtest/gtest.h>

#include <chrono>

#include "loclint/alignment.h"

using namespace loclint;

namespace {

// "move T-lines S-lines" for every step: `1-1 5 5`, `0-1 - 9`, `1-2 7 7+9`.
std::vector<std::string> steps(const std::string& translation, const std::string& source, Alignment* keep = nullptr) {
  auto t = Document::parse("t.md", translation);
  auto s = Document::parse("s.md", source);
  Alignment a = align(*t, *s);
  std::vector<std::string> out;
  auto lines = [](const Document& d, const uint32_t* blocks, uint8_t n) {
    if (n == 0) return std::string("-");
    std::string r;
    for (uint8_t k = 0; k < n; ++k)
      r += (k ? "+" : "") + std::to_string(d.position(d.blocks()[blocks[k]].span.begin).line);
    return r;
  };
  for (const AlignedBlocks& b : a.blocks)
    out.push_back(std::string(to_string(b.move)) + " " + lines(*t, b.target, b.target_count) + " " +
                  lines(*s, b.source, b.source_count));
  if (keep) *keep = a;
  return out;
}

using V = std::vector<std::string>;

TEST(Alignment, ParallelDocumentsAlignOneToOne) {
  const std::string en =
      "# Set up payments\n\nYou can set up [payment methods](payment-methods.md) for 3 banks.\n\n"
      "## To set up a method\n\n1. Choose the **Payment Methods** page.\n2. Fill in the `Code` field.\n\n"
      "| Field | Description |\n|---|---|\n| Code | A code of up to 10 characters. |\n\n"
      "```powershell\nGet-Item -Path C:\\temp\n```\n";
  const std::string it =
      "# <a name=\"set-up-payments\"></a>Impostare i pagamenti\n\n"
      "È possibile impostare i [metodi di pagamento](payment-methods.md) per 3 banche.\n\n"
      "## <a name=\"to-set-up-a-method\"></a>Per impostare un metodo\n\n1. Scegli la pagina **Metodi di pagamento**.\n"
      "2. Compila il campo `Code`.\n\n"
      "| Campo | Descrizione |\n|---|---|\n| Codice | Un codice di un massimo di 10 caratteri. |\n\n"
      "```powershell\nGet-Item -Path C:\\temp\n```\n";
  Alignment a;
  EXPECT_EQ(steps(it, en, &a), V({"1-1 1 1", "1-1 3 3", "1-1 5 5", "1-1 7 7", "1-1 8 8", "1-1 10 10", "1-1 10 10",
                                  "1-1 12 12", "1-1 12 12", "1-1 15 15"}));
  EXPECT_EQ(a.sections.size(), 2u);
  EXPECT_EQ(a.one_to_one(), 10u);
  // The blocks with anchors (heading ids, link, number, code span, code) are confident; so are
  // the anchorless table cells of a plausible length.
  EXPECT_EQ(a.confident(), 10u);
  for (const AlignedBlocks& b : a.blocks) EXPECT_TRUE(b.altered_only);
}

TEST(Alignment, AddedAndRemovedParagraphsAndSections) {
  const std::string en =
      "# Title\n\nIntro with [a link](a.md).\n\nA paragraph about 2021 that the translation lacks, with `Code`.\n\n"
      "## Alpha\n\nAlpha text with [b](b.md).\n\n## Beta\n\nBeta text with [c](c.md) and 42.\n\n"
      "## Gamma\n\nGamma text with [d](d.md).\n";
  const std::string it =
      "# <a name=\"title\"></a>Titolo\n\nIntroduzione con [un collegamento](a.md).\n\n"
      "## <a name=\"alpha\"></a>Alfa\n\nTesto alfa con [b](b.md).\n\nUn paragrafo aggiunto nella traduzione, con [x](x.md).\n\n"
      "## <a name=\"gamma\"></a>Gamma\n\nTesto gamma con [d](d.md).\n";
  Alignment a;
  EXPECT_EQ(steps(it, en, &a), V({"1-1 1 1", "1-1 3 3", "0-1 - 5", "1-1 5 7", "1-1 7 9", "1-0 9 -", "0-1 - 11",
                                  "0-1 - 13", "1-1 11 15", "1-1 13 17"}));
  // Beta is a section of the source with no counterpart.
  ASSERT_EQ(a.sections.size(), 4u);
  EXPECT_EQ(a.sections[2].move, AlignMove::Deleted);
  EXPECT_EQ(a.source_sections[a.sections[2].source_first].heading, 5u);  // the `## Beta` block
}

TEST(Alignment, SplitAndMergedParagraphs) {
  const std::string en =
      "# T\n\nFirst sentence with [one](one.md) and 2 items. Second sentence with [two](two.md) and 7 more.\n\n"
      "Third paragraph with [three](three.md).\n\nFourth paragraph with [four](four.md).\n\nEnd with 99.\n";
  const std::string it =
      "# T\n\nPrima frase con [uno](one.md) e 2 elementi.\n\nSeconda frase con [due](two.md) e altri 7.\n\n"
      "Terzo paragrafo con [tre](three.md). Quarto paragrafo con [quattro](four.md).\n\nFine con 99.\n";
  Alignment a;
  EXPECT_EQ(steps(it, en, &a), V({"1-1 1 1", "2-1 3+5 3", "1-2 7 5+7", "1-1 9 9"}));
  // Every anchor of the split and of the merge is on both sides: sure enough to compare.
  EXPECT_TRUE(a.blocks[1].confident);
  EXPECT_TRUE(a.blocks[2].confident);
  EXPECT_TRUE(a.blocks[2].altered_only);
  // A merge that lost an anchor (the link of the fourth paragraph) is aligned, but not confident.
  const std::string lost = "# T\n\nPrima frase con [uno](one.md) e 2 elementi.\n\nSeconda frase con [due](two.md) e altri 7.\n\n"
                           "Terzo paragrafo con [tre](three.md). Quarto paragrafo.\n\nFine con 99.\n";
  EXPECT_EQ(steps(lost, en, &a), V({"1-1 1 1", "2-1 3+5 3", "1-2 7 5+7", "1-1 9 9"}));
  EXPECT_FALSE(a.blocks[2].confident);
}

TEST(Alignment, AnchorsMakeStepsConfidentOrAlteredOnly) {
  const std::string en = "# T\n\nRun `Get-Item -Path` on [the page](https://learn.microsoft.com/en-us/page).\n\n"
                         "Use `Set-Item` and `Remove-Item`.\n";
  // Re-cased code span, localized locale segment: altered only. A code span dropped: not.
  const std::string it = "# T\n\nEsegui `get-item -Path` sulla [pagina](https://learn.microsoft.com/it-it/page).\n\n"
                         "Usa `Set-Item`.\n";
  Alignment a;
  steps(it, en, &a);
  ASSERT_EQ(a.blocks.size(), 3u);
  EXPECT_TRUE(a.blocks[1].altered_only);
  EXPECT_EQ(a.blocks[1].shared, 1u);    // the link, locale segment left out
  EXPECT_EQ(a.blocks[1].unshared, 2u);  // the code span as written on each side
  EXPECT_FALSE(a.blocks[2].altered_only);
  EXPECT_EQ(a.blocks[2].unshared, 1u);
}

TEST(Alignment, CodeBlocksPairWithCodeBlocksAndHeadingsWithHeadings) {
  const std::string en = "# T\n\nText.\n\n```bash\n# list files\nls -la /tmp\n```\n\nMore text.\n";
  const std::string it = "# T\n\nTesto.\n\n```bash\n# elenca i file\nls -la /tmp\n```\n\nAltro testo.\n";
  Alignment a;
  EXPECT_EQ(steps(it, en, &a), V({"1-1 1 1", "1-1 3 3", "1-1 6 6", "1-1 10 10"}));
  EXPECT_TRUE(a.blocks[2].confident);
  // A document without a heading pairs its preamble; a heading never pairs with a paragraph.
  EXPECT_EQ(steps("Solo testo.\n", "# Title\n\nOnly text.\n"), V({"0-1 - 1", "1-1 1 3"}));
}

TEST(Alignment, BlockExtentTakesInTheFirstLinkOfAListItem) {
  auto d = Document::parse("t.md", "- [Pagina](page.md) e **altro**\n");
  ASSERT_EQ(d->blocks().size(), 1u);
  // md4c starts the item's content at `Pagina`; the comparison wants the link whole.
  EXPECT_EQ(d->slice(d->blocks()[0].span).substr(0, 6), "Pagina");
  EXPECT_EQ(d->slice(block_extent(*d, 0)), "[Pagina](page.md) e **altro**");
}

TEST(Alignment, LongDocumentsAlignInLinearTime) {
  // 4000 sections of two paragraphs, one section missing in the middle of the translation.
  std::string en, it;
  for (int k = 0; k < 4000; ++k) {
    en += "## Section " + std::to_string(k) + "\n\nText [link](p" + std::to_string(k) + ".md) and " + std::to_string(k * 7) +
          ".\n\nMore text here.\n\n";
    if (k == 2000) continue;
    it += "## <a name=\"section-" + std::to_string(k) + "\"></a>Sezione\n\nTesto [collegamento](p" + std::to_string(k) +
          ".md) e " + std::to_string(k * 7) + ".\n\nAltro testo qui.\n\n";
  }
  auto t = Document::parse("t.md", it);
  auto s = Document::parse("s.md", en);
  auto start = std::chrono::steady_clock::now();
  Alignment a = align(*t, *s);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(a.one_to_one(), 3999u * 3);
  EXPECT_EQ(a.blocks.size() - a.one_to_one(), 3u);  // the missing section's three blocks
  // A full table would be 16 million cells; the band keeps it to a fraction of a second even in
  // the sanitizer build.
  EXPECT_LT(seconds, 5.0);
}

}  // namespace

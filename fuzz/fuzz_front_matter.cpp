// The front matter layer: the input is the YAML of an article's `---` block, of a docfx
// YamlMime file's `metadata:`, and the raw start of a file (so unterminated blocks are reached).
#include "invariants.h"

using namespace loclint;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string yaml(reinterpret_cast<const char*>(data), size);

  auto article = Document::parse("fuzz/article.md", "---\n" + yaml + "\n---\n# Title\n");
  fuzz::check_front_matter(*article);
  LOCLINT_FUZZ_CHECK(article->front_matter().present);

  auto mime = Document::parse("fuzz/faq.yml", "### YamlMime:FAQ\n" + yaml);
  LOCLINT_FUZZ_CHECK(mime->kind() == DocumentKind::YamlMime);
  fuzz::check_front_matter(*mime);

  auto raw = Document::parse("fuzz/raw.md", yaml);
  fuzz::check_front_matter(*raw);
  return 0;
}

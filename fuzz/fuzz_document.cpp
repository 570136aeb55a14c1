// The Markdown and segment model: Document::parse on arbitrary bytes, then every invariant of
// the model (fuzz/invariants.h), `--dump` (which must stay valid JSON whatever the bytes), and the
// engine's location of findings (batched per line) against LineIndex::position.
#include <nlohmann/json.hpp>

#include "invariants.h"
#include "loclint/dump.h"
#include "loclint/engine.h"

using namespace loclint;

namespace {

const Rule kProbe{.id = "fuzz/probe", .severity = Severity::Note, .summary = "a finding at many offsets"};

// Reports at offsets spread over the document, including the middle of multi-byte sequences,
// the BOM and the end, so that located findings can be compared with LineIndex::position.
Check probe_check() {
  return Check{{&kProbe}, [](const Document& doc, const Env&, Reporter& r) {
                 const uint32_t n = static_cast<uint32_t>(doc.text().size());
                 const uint32_t step = std::max<uint32_t>(1, n / 64);
                 for (uint32_t off = 0; off <= n; off += step) r.report(kProbe, {off, std::min(n, off + 3)}, "probe");
                 r.report(kProbe, {n, n + 10}, "past the end");
               }};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  auto doc = Document::parse("fuzz/article.md", bytes);
  fuzz::check_model(*doc);
  std::string json = dump_json(*doc);
  LOCLINT_FUZZ_CHECK(nlohmann::json::accept(json));

  static const Config config;
  static const Engine engine(config, {probe_check()});
  Workspace workspace;
  for (const Finding& f : engine.lint_document(*doc, workspace)) {
    const uint32_t n = static_cast<uint32_t>(doc->text().size());
    Span s = f.diagnostic.span;
    LOCLINT_FUZZ_CHECK(s.begin <= s.end && s.end <= n);
    LOCLINT_FUZZ_CHECK(f.start == doc->position(s.begin));
    LOCLINT_FUZZ_CHECK(f.end == doc->position(s.end));
    LOCLINT_FUZZ_CHECK(f.start_utf16 == doc->position(s.begin, ColumnUnit::Utf16));
    LOCLINT_FUZZ_CHECK(f.end_utf16 == doc->position(s.end, ColumnUnit::Utf16));
    LOCLINT_FUZZ_CHECK(f.start_byte == doc->position(s.begin, ColumnUnit::Byte));
    LOCLINT_FUZZ_CHECK(f.end_byte == doc->position(s.end, ColumnUnit::Byte));
  }
  return 0;
}

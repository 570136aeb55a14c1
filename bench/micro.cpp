// Micro-benchmarks of loclint's hot paths (Google Benchmark). Not a test: ctest does not run it.
//
//   ninja -C build loclint_bench && build/loclint_bench
//   build/loclint_bench --benchmark_filter=Model   (one group)
//
// The documents are the real corpus (shared/corpus beside the repository, or the folder in
// $LOCLINT_BENCH_CORPUS), loaded into memory once; without it, the bundled examples and the
// seed article. Throughput is in bytes of documents per second.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <streambuf>

#include "../checks/registry.h"
#include "document_builder.h"
#include "front_matter.h"
#include "loclint/engine.h"
#include "loclint/locate.h"
#include "loclint/output.h"

namespace fs = std::filesystem;
using namespace loclint;

namespace {

struct Corpus {
  std::vector<std::pair<std::string, std::string>> files;  // path, bytes
  std::vector<std::shared_ptr<const Document>> docs;
  size_t bytes = 0;
};

const Corpus& corpus() {
  static const Corpus c = [] {
    Corpus c;
    std::vector<fs::path> roots;
    if (const char* env = std::getenv("LOCLINT_BENCH_CORPUS")) roots.emplace_back(env);
    for (const char* rel : {"/../shared/corpus", "/../../shared/corpus"})
      if (roots.empty() && fs::is_directory(LOCLINT_SOURCE_DIR + std::string(rel))) roots.emplace_back(LOCLINT_SOURCE_DIR + std::string(rel));
    if (roots.empty()) roots = {fs::path(LOCLINT_SOURCE_DIR) / "examples", fs::path(LOCLINT_SOURCE_DIR) / "tests/data"};
    std::vector<std::string> paths;
    for (const fs::path& root : roots)
      for (const auto& e : fs::recursive_directory_iterator(root))
        if (e.is_regular_file() && (e.path().extension() == ".md" || e.path().extension() == ".yml"))
          paths.push_back(e.path().string());
    std::sort(paths.begin(), paths.end());
    for (const std::string& p : paths) {
      std::ifstream in(p, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      c.bytes += ss.str().size();
      c.files.emplace_back(p, ss.str());
      c.docs.push_back(Document::parse(p, ss.str()));
    }
    std::cerr << "loclint_bench: " << c.files.size() << " documents, " << c.bytes / 1e6 << " MB from "
              << roots.front().string() << "\n";
    return c;
  }();
  return c;
}

void per_corpus(benchmark::State& state) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus().bytes));
  state.counters["docs/s"] = benchmark::Counter(static_cast<double>(state.iterations() * corpus().files.size()),
                                                benchmark::Counter::kIsRate);
}

// ---- document model ------------------------------------------------------------------------

void Model_Parse(benchmark::State& state) {
  const Corpus& c = corpus();
  for (auto _ : state)
    for (const auto& [path, bytes] : c.files) benchmark::DoNotOptimize(Document::parse(path, bytes));
  per_corpus(state);
}
BENCHMARK(Model_Parse)->Unit(benchmark::kMillisecond);

void Model_LineIndex(benchmark::State& state) {
  const Corpus& c = corpus();
  for (auto _ : state)
    for (const auto& f : c.files) benchmark::DoNotOptimize(LineIndex(f.second));
  per_corpus(state);
}
BENCHMARK(Model_LineIndex)->Unit(benchmark::kMillisecond);

void Model_Utf8Validation(benchmark::State& state) {
  const Corpus& c = corpus();
  for (auto _ : state)
    for (const auto& f : c.files) benchmark::DoNotOptimize(utf8::first_invalid(f.second));
  per_corpus(state);
}
BENCHMARK(Model_Utf8Validation)->Unit(benchmark::kMillisecond);

void Model_FrontMatter(benchmark::State& state) {
  const Corpus& c = corpus();
  for (auto _ : state)
    for (const auto& doc : c.docs) {
      Span body;
      benchmark::DoNotOptimize(parse_front_matter(doc->text(), doc->lines(), doc->content_start(),
                                                  doc->kind() == DocumentKind::YamlMime, &body));
    }
  per_corpus(state);
}
BENCHMARK(Model_FrontMatter)->Unit(benchmark::kMillisecond);

void Model_HtmlTag(benchmark::State& state) {
  const std::string tags[] = {"<span data-ttu-id=\"f4053-120\">", "<span class=\"sxs-lookup\">", "</span>",
                              "<a href=\"troubleshoot.md#sign-in\">", "<!-- comment -->"};
  HtmlTag tag;
  for (auto _ : state)
    for (const std::string& t : tags) benchmark::DoNotOptimize(parse_html_tag(t, 0, tag));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * std::size(tags)));
}
BENCHMARK(Model_HtmlTag);

// Segment extraction alone: a copy of each parsed document without its segments, extracted again.
void Model_Segments(benchmark::State& state) {
  const Corpus& c = corpus();
  std::vector<Document> copies;
  for (const auto& d : c.docs) copies.push_back(*d);
  for (auto _ : state) {
    for (Document& d : copies) {
      Document::Builder b{d};
      b.segments().clear();
      b.extract_segments();
      benchmark::DoNotOptimize(b.segments().data());
    }
  }
  per_corpus(state);
}
BENCHMARK(Model_Segments)->Unit(benchmark::kMillisecond);

// ---- checks, one family at a time ----------------------------------------------------------

class NullReporter : public Reporter {
 public:
  using Reporter::report;
  void report(Diagnostic d) override { benchmark::DoNotOptimize(d); ++count; }
  size_t count = 0;
};

void run_family(benchmark::State& state, std::vector<Check> (*family)()) {
  const Corpus& c = corpus();
  Config config;
  Workspace workspace;  // shared across iterations, like across the files of a run: caches warm
  Env env{config, workspace};
  std::vector<Check> checks = family();
  NullReporter reporter;
  for (auto _ : state)
    for (const auto& doc : c.docs)
      for (const Check& check : checks) check.run(*doc, env, reporter);
  per_corpus(state);
  state.counters["checks"] = static_cast<double>(checks.size());
  state.counters["findings/iter"] = static_cast<double>(reporter.count) / static_cast<double>(state.iterations());
}
void Checks_Segment(benchmark::State& s) { run_family(s, checks::segment_checks); }
void Checks_Metadata(benchmark::State& s) { run_family(s, checks::metadata_checks); }
void Checks_Code(benchmark::State& s) { run_family(s, checks::code_checks); }
void Checks_Link(benchmark::State& s) { run_family(s, checks::link_checks); }
void Checks_All(benchmark::State& s) { run_family(s, checks::all_checks); }
BENCHMARK(Checks_Segment)->Unit(benchmark::kMillisecond);
BENCHMARK(Checks_Metadata)->Unit(benchmark::kMillisecond);
BENCHMARK(Checks_Code)->Unit(benchmark::kMillisecond);
BENCHMARK(Checks_Link)->Unit(benchmark::kMillisecond);
BENCHMARK(Checks_All)->Unit(benchmark::kMillisecond);

// ---- findings and output -------------------------------------------------------------------

// 20 000 findings spread over the corpus's documents and lines (real runs have few; this is the
// "a broken tree" case where rendering could dominate).
const std::vector<Finding>& many_findings() {
  static const std::vector<Finding> findings = [] {
    static const Rule kRule{.id = "bench/rule", .severity = Severity::Warning, .summary = "a rule"};
    std::vector<Finding> out;
    const Corpus& c = corpus();
    for (size_t i = 0; out.size() < 20000 && !c.docs.empty(); ++i) {
      const Document& d = *c.docs[i % c.docs.size()];
      uint32_t at = static_cast<uint32_t>((i * 7919) % std::max<size_t>(d.text().size(), 1));
      Diagnostic diag;
      diag.rule = &kRule;
      diag.severity = Severity::Warning;
      diag.span = {at, std::min<uint32_t>(at + 12, static_cast<uint32_t>(d.text().size()))};
      diag.message = "'" + std::string(d.slice(diag.span)) + "' in translation, 'x' in source";
      out.push_back(locate(d, std::move(diag)));
    }
    return out;
  }();
  return findings;
}

void Output_Locate(benchmark::State& state) {
  const Corpus& c = corpus();
  static const Rule kRule{.id = "bench/rule", .severity = Severity::Warning, .summary = "a rule"};
  for (auto _ : state)
    for (size_t i = 0; i < 20000 && !c.docs.empty(); ++i) {
      const Document& d = *c.docs[i % c.docs.size()];
      uint32_t at = static_cast<uint32_t>((i * 7919) % std::max<size_t>(d.text().size(), 1));
      Diagnostic diag;
      diag.rule = &kRule;
      diag.span = {at, at};
      benchmark::DoNotOptimize(locate(d, std::move(diag)));
    }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * 20000));
}
BENCHMARK(Output_Locate)->Unit(benchmark::kMillisecond);

struct NullBuf : std::streambuf {
  int overflow(int c) override { return c; }
  std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
};

void Output_Render(benchmark::State& state, std::string format) {
  const std::vector<Finding>& findings = many_findings();
  RunStats stats;
  stats.files = corpus().files.size();
  RenderOptions options;
  options.rules = checks::all_rules();
  NullBuf buf;
  std::ostream out(&buf);
  for (auto _ : state) {
    auto renderer = make_renderer(format, out, options);
    if (!renderer) {
      state.SkipWithError("unknown format");
      break;
    }
    renderer->render(findings, stats);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * findings.size()));
}

// ---- the whole engine ----------------------------------------------------------------------

void Engine_RunOneThread(benchmark::State& state) {
  std::vector<std::string> paths;
  for (const auto& f : corpus().files) paths.push_back(f.first);
  Config config;
  Engine engine(config, checks::all_checks());
  for (auto _ : state) benchmark::DoNotOptimize(engine.run(paths, 1));
  per_corpus(state);
}
BENCHMARK(Engine_RunOneThread)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  // One benchmark per output format, whatever formats exist.
  for (const std::string& format : output_formats())
    benchmark::RegisterBenchmark(("Output_Render/" + format).c_str(), Output_Render, format)
        ->Unit(benchmark::kMillisecond);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

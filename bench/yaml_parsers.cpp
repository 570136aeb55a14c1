// How fast YAML parsers read the corpus's front matter: the evidence for the choice of libyaml
// as loclint's front-matter parser (issue 20). yaml-cpp (before), libyaml (the C reference
// implementation, Debian's libyaml-dev) and libfyaml (YAML 1.2, libfyaml-dev, measured when
// installed) read the same bytes, events only, no tree. Not a test.
//
//   ninja -C build loclint_yaml_bench && build/loclint_yaml_bench
#include <benchmark/benchmark.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>
#include <yaml.h>
#ifdef LOCLINT_HAVE_LIBFYAML
#include <libfyaml.h>
#endif

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

// The YAML of every document: the block between the first two `---` lines of a Markdown file,
// a whole YamlMime file.
struct Blocks {
  std::vector<std::string> yaml;
  size_t bytes = 0;
};

const Blocks& blocks() {
  static const Blocks b = [] {
    Blocks b;
    fs::path root = std::getenv("LOCLINT_BENCH_CORPUS") ? fs::path(std::getenv("LOCLINT_BENCH_CORPUS"))
                                                        : fs::path(LOCLINT_SOURCE_DIR) / "../shared/corpus";
    if (!fs::is_directory(root)) root = fs::path(LOCLINT_SOURCE_DIR) / "examples";
    std::vector<std::string> paths;
    for (const auto& e : fs::recursive_directory_iterator(root))
      if (e.is_regular_file()) paths.push_back(e.path().string());
    std::sort(paths.begin(), paths.end());
    for (const std::string& p : paths) {
      std::ifstream in(p, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      std::string s = ss.str();
      if (p.ends_with(".md") && s.starts_with("---\n")) {
        size_t end = s.find("\n---", 3);
        if (end != std::string::npos) b.yaml.push_back(s.substr(4, end - 3));
      } else if (p.ends_with(".yml") && s.starts_with("### YamlMime:")) {
        b.yaml.push_back(s);
      }
    }
    for (const auto& y : b.yaml) b.bytes += y.size();
    std::cerr << "loclint_yaml_bench: " << b.yaml.size() << " YAML blocks, " << b.bytes / 1e3 << " KB from "
              << root.string() << "\n";
    return b;
  }();
  return b;
}

struct Count : YAML::EventHandler {
  size_t n = 0;
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override { ++n; }
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override { ++n; }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string& v) override { n += v.size(); }
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

void Yaml_YamlCpp(benchmark::State& state) {
  for (auto _ : state)
    for (const std::string& y : blocks().yaml) {
      std::istringstream in(y);
      YAML::Parser parser(in);
      Count c;
      try {
        parser.HandleNextDocument(c);
      } catch (const YAML::Exception&) {
      }
      benchmark::DoNotOptimize(c.n);
    }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * blocks().bytes));
}
BENCHMARK(Yaml_YamlCpp)->Unit(benchmark::kMillisecond);

void Yaml_LibYaml(benchmark::State& state) {
  for (auto _ : state)
    for (const std::string& y : blocks().yaml) {
      yaml_parser_t parser;
      yaml_parser_initialize(&parser);
      yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(y.data()), y.size());
      size_t n = 0;
      for (yaml_event_t ev; yaml_parser_parse(&parser, &ev);) {
        if (ev.type == YAML_SCALAR_EVENT) n += ev.data.scalar.length;
        const bool end = ev.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&ev);
        if (end) break;
      }
      yaml_parser_delete(&parser);
      benchmark::DoNotOptimize(n);
    }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * blocks().bytes));
}
BENCHMARK(Yaml_LibYaml)->Unit(benchmark::kMillisecond);

#ifdef LOCLINT_HAVE_LIBFYAML
// libfyaml's event parser (YAML 1.2), quiet, one parser per block as loclint would use it.
void Yaml_LibFyaml(benchmark::State& state) {
  for (auto _ : state)
    for (const std::string& y : blocks().yaml) {
      fy_parse_cfg cfg{};
      cfg.flags = static_cast<fy_parse_cfg_flags>(FYPCF_QUIET | FYPCF_DEFAULT_VERSION_1_2);
      fy_parser* parser = fy_parser_create(&cfg);
      fy_parser_set_string(parser, y.data(), y.size());
      size_t n = 0;
      while (fy_event* ev = fy_parser_parse(parser)) {
        if (ev->type == FYET_SCALAR) {
          size_t len = 0;
          fy_token_get_text(ev->scalar.value, &len);
          n += len;
        }
        fy_parser_event_free(parser, ev);
      }
      fy_parser_destroy(parser);
      benchmark::DoNotOptimize(n);
    }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * blocks().bytes));
}
BENCHMARK(Yaml_LibFyaml)->Unit(benchmark::kMillisecond);
#endif

}  // namespace

BENCHMARK_MAIN();

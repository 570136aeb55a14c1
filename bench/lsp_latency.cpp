// Diagnostics latency of `loclint lsp`: the time from sending a didChange to receiving the
// publishDiagnostics of that version, measured as an editor sees it (through pipes).
//
//   ninja -C build loclint_lsp_latency
//   build/loclint_lsp_latency build/loclint [CORPUS_DIR]
//
// Scenarios (each: 40 edits, one at a time, each waiting for its diagnostics; median, p90, max):
//   2000-line   an unsaved 2,000-line document made of real articles (the sxs French Partner
//               Center tree of CORPUS_DIR, default ../shared/corpus), opened inside that tree so
//               its links resolve against it; one character typed per edit.
//   10000-files a generated workspace of 10,000 articles (100 folders of 100, each with links and
//               anchors into other folders) in a temporary folder; one article open, edited.
//   after-save  the same, with a didSave before every edit: the server drops what it cached
//               about the disk (listings, anchors) and reads them again.
//   real tree   the largest article of microsoft-365-docs-pr.ar-sa (2,975 articles), opened in
//               place, edited in its middle.
// Not a test: numbers depend on the machine; the README records them.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "../tests/lsp_client.h"

namespace fs = std::filesystem;
using loclint::testing::file_uri;
using loclint::testing::LspProcess;
using json = nlohmann::json;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

struct Stats {
  std::vector<double> ms;
  void print(const std::string& name) {
    std::sort(ms.begin(), ms.end());
    auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<size_t>(q * ms.size()))]; };
    std::cout << name << ": " << ms.size() << " edits, median " << at(0.5) << " ms, p90 " << at(0.9) << " ms, max "
              << ms.back() << " ms\n";
  }
};

// Opens `text` as `uri`, then types `edits` characters at the end of line `line`, each time
// waiting for the diagnostics of the new version. `save`: a didSave before each edit.
Stats measure(const std::string& binary, const std::string& cwd, const std::string& uri, const std::string& text,
              long line, int edits, bool save, size_t* findings) {
  LspProcess p(binary, {}, cwd);
  p.initialize();
  p.notify("textDocument/didOpen",
           {{"textDocument", {{"uri", uri}, {"languageId", "markdown"}, {"version", 1}, {"text", text}}}});
  auto first = p.diagnostics(uri, 1, std::chrono::seconds(120));
  if (!first) throw std::runtime_error("no diagnostics for the opened document");
  *findings = (*first)["params"]["diagnostics"].size();
  Stats stats;
  for (int i = 0; i < edits; ++i) {
    long version = 2 + i;
    if (save) p.notify("textDocument/didSave", {{"textDocument", {{"uri", uri}}}});
    json change = {{"range", {{"start", {{"line", line}, {"character", 0}}}, {"end", {{"line", line}, {"character", 0}}}}},
                   {"text", "x"}};
    auto t0 = std::chrono::steady_clock::now();
    p.notify("textDocument/didChange",
             {{"textDocument", {{"uri", uri}, {"version", version}}}, {"contentChanges", json::array({change})}});
    if (!p.diagnostics(uri, version, std::chrono::seconds(120))) throw std::runtime_error("no diagnostics for an edit");
    stats.ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    p.seen.clear();
  }
  p.request(99, "shutdown", nullptr);
  p.response(99);
  p.notify("exit");
  p.wait_exit();
  return stats;
}

// 2,000 lines of real articles, front matter kept from the first one only.
std::string two_thousand_lines(const fs::path& tree) {
  std::vector<fs::path> files;
  for (auto& e : fs::recursive_directory_iterator(tree))
    if (e.path().extension() == ".md") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::string out;
  size_t lines = 0;
  bool first = true;
  for (const fs::path& f : files) {
    std::string text = slurp(f);
    if (!first && text.starts_with("---")) {
      size_t end = text.find("\n---", 3);
      if (end != std::string::npos) text.erase(0, text.find('\n', end + 1) + 1);
    }
    first = false;
    for (size_t pos = 0; pos < text.size() && lines < 2000;) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string::npos) nl = text.size() - 1;
      out.append(text, pos, nl + 1 - pos);
      pos = nl + 1;
      ++lines;
    }
    if (lines >= 2000) break;
  }
  return out;
}

// A workspace of 100 folders x 100 articles, each linking to five articles elsewhere with
// anchors, and a sxs segment per paragraph.
fs::path make_workspace(const fs::path& root) {
  fs::create_directories(root / ".git");
  for (int d = 0; d < 100; ++d) {
    fs::path dir = root / "docs" / ("area-" + std::to_string(d));
    fs::create_directories(dir);
    for (int f = 0; f < 100; ++f) {
      std::string text = "---\ntitle: Article " + std::to_string(d) + "-" + std::to_string(f) +
                         "\ndescription: Une description.\nms.date: 01/15/2021\n---\n\n# Article " + std::to_string(f) + "\n\n";
      for (int s = 0; s < 5; ++s) {
        int td = (d + 7 * s + 1) % 100, tf = (f + 13 * s + 3) % 100;
        text += "## Section " + std::to_string(s) + "\n\n<span data-ttu-id=\"f4053-" + std::to_string(100 + s) +
                "\">Voir [l'article](../area-" + std::to_string(td) + "/article-" + std::to_string(tf) +
                ".md#section-" + std::to_string(s) + ").</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-" +
                std::to_string(100 + s) + "\">See [the article](../area-" + std::to_string(td) +
                "/article-" + std::to_string(tf) + ".md#section-" + std::to_string(s) + ").</span></span>\n\n";
      }
      std::ofstream(dir / ("article-" + std::to_string(f) + ".md"), std::ios::binary) << text;
    }
  }
  return root;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: loclint_lsp_latency LOCLINT_BINARY [CORPUS_DIR]\n";
    return 2;
  }
  const std::string binary = fs::absolute(argv[1]).string();
  const fs::path corpus = argc > 2 ? fs::path(argv[2]) : fs::path("../shared/corpus");
  try {
    size_t findings = 0;
    fs::path tree = fs::absolute(corpus / "partner-center-pr.fr-fr" / "partner-center");
    std::string doc = two_thousand_lines(tree);
    // An unsaved buffer inside the tree: its links resolve against the real articles beside it.
    std::string uri = file_uri((tree / "lsp-latency-2000-lines.md").string());
    Stats a = measure(binary, tree.string(), uri, doc, 1000, 40, false, &findings);
    a.print("2000-line document (" + std::to_string(doc.size() / 1024) + " KiB, " + std::to_string(findings) + " findings)");

    fs::path ws = fs::temp_directory_path() / ("loclint-lsp-latency-" + std::to_string(::getpid()));
    make_workspace(ws);
    fs::path article = ws / "docs" / "area-42" / "article-17.md";
    std::string wuri = file_uri(article.string());
    Stats b = measure(binary, ws.string(), wuri, slurp(article), 8, 40, false, &findings);
    b.print("10000-file workspace, one article (" + std::to_string(findings) + " findings)");
    Stats c = measure(binary, ws.string(), wuri, slurp(article), 8, 20, true, &findings);
    c.print("10000-file workspace, didSave before each edit (caches dropped)");
    fs::remove_all(ws);

    // The largest article of the largest real tree (Microsoft 365, Arabic: 2,975 articles).
    fs::path big_tree = fs::absolute(corpus / "microsoft-365-docs-pr.ar-sa");
    fs::path largest;
    uintmax_t size = 0;
    for (auto& e : fs::recursive_directory_iterator(big_tree))
      if (e.path().extension() == ".md" && e.file_size() > size) size = e.file_size(), largest = e.path();
    std::string text = slurp(largest);
    long lines = static_cast<long>(std::count(text.begin(), text.end(), '\n'));
    Stats d = measure(binary, big_tree.string(), file_uri(largest.string()), text, lines / 2, 40, false, &findings);
    d.print("largest article of microsoft-365-docs-pr.ar-sa (" + std::to_string(size / 1024) + " KiB, " +
            std::to_string(lines) + " lines, " + std::to_string(findings) + " findings)");
  } catch (const std::exception& e) {
    std::cerr << "loclint_lsp_latency: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

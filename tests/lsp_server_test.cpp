// The language server end to end: the built `loclint lsp` driven through pipes with raw
// JSON-RPC (tests/lsp_client.h), as an editor would, including everything an editor should
// never send. tests/lsp_nvim_test.cpp does the same with a real client.
#include <gtest/gtest.h>

#include <thread>

#include "loclint/rule_docs.h"
#include "loclint/version.h"
#include "lsp_client.h"
#include "process_util.h"
#include "registry.h"

namespace fs = std::filesystem;
using namespace loclint::testing;
using json = nlohmann::json;
using loclint::rule_doc_url;
using namespace std::chrono_literals;

namespace {

const std::string kBinary = LOCLINT_BINARY;

json text_document(const std::string& uri) { return {{"uri", uri}}; }
json open_params(const std::string& uri, const std::string& text, long version = 1) {
  return {{"textDocument", {{"uri", uri}, {"languageId", "markdown"}, {"version", version}, {"text", text}}}};
}
json pos(long line, long character) { return {{"line", line}, {"character", character}}; }
json range(long l1, long c1, long l2, long c2) { return {{"start", pos(l1, c1)}, {"end", pos(l2, c2)}}; }

// The diagnostics of one rule in a publishDiagnostics message.
std::vector<json> of_rule(const json& publish, const std::string& rule) {
  std::vector<json> out;
  for (const json& d : publish["params"]["diagnostics"])
    if (d["code"] == rule) out.push_back(d);
  return out;
}

class LspServer : public ::testing::Test {
 protected:
  void SetUp() override {
    // A repository root, so links resolve inside the scratch tree only.
    fs::create_directories(tmp_ / ".git");
    write_file(tmp_ / ".loclint.yaml", kTitleOnlyConfig);
  }
  std::string uri(const std::string& rel) { return file_uri((tmp_ / rel).string()); }
  ScratchDir tmp_;
};

// ---- lifecycle ------------------------------------------------------------------------------

TEST_F(LspServer, LifecycleShutdownThenExitIsExitCodeZero) {
  LspProcess p(kBinary);
  p.request(7, "textDocument/hover", {{"textDocument", text_document(uri("a.md"))}, {"position", pos(0, 0)}});
  auto early = p.response(7);
  ASSERT_TRUE(early);
  EXPECT_EQ((*early)["error"]["code"], -32002) << early->dump();  // ServerNotInitialized

  json init = p.initialize();
  ASSERT_TRUE(init.contains("result")) << init.dump();
  const json& caps = init["result"]["capabilities"];
  EXPECT_EQ(caps["positionEncoding"], "utf-16");
  EXPECT_EQ(caps["textDocumentSync"]["change"], 2);  // incremental
  EXPECT_EQ(caps["textDocumentSync"]["openClose"], true);
  EXPECT_EQ(caps["hoverProvider"], true);
  EXPECT_EQ(init["result"]["serverInfo"]["name"], "loclint");
  EXPECT_EQ(init["result"]["serverInfo"]["version"], std::string(loclint::kVersion));  // CMake's project(VERSION)

  p.request(2, "initialize", {{"capabilities", json::object()}});
  auto again = p.response(2);
  ASSERT_TRUE(again);
  EXPECT_EQ((*again)["error"]["code"], -32600) << again->dump();

  p.request(3, "shutdown", nullptr);
  auto down = p.response(3);
  ASSERT_TRUE(down);
  ASSERT_TRUE(down->contains("result")) << down->dump();
  EXPECT_TRUE((*down)["result"].is_null()) << down->dump();
  p.request(4, "textDocument/hover", {{"textDocument", text_document(uri("a.md"))}, {"position", pos(0, 0)}});
  auto after = p.response(4);
  ASSERT_TRUE(after);
  EXPECT_EQ((*after)["error"]["code"], -32600) << after->dump();
  p.notify("exit");
  EXPECT_EQ(p.wait_exit(), 0);
}

TEST_F(LspServer, ExitWithoutShutdownIsExitCodeOne) {
  LspProcess p(kBinary);
  p.initialize();
  p.notify("exit");
  EXPECT_EQ(p.wait_exit(), 1);
}

TEST_F(LspServer, EndOfInputWithoutExitIsExitCodeOne) {
  LspProcess p(kBinary);
  p.initialize();
  p.close_input();
  EXPECT_EQ(p.wait_exit(), 1);
}

// ---- malformed JSON-RPC -------------------------------------------------------------------------

TEST_F(LspServer, MalformedMessagesGetTheirErrorCodesAndTheSessionGoesOn) {
  LspProcess p(kBinary);
  p.initialize();
  auto error = [&] { return p.wait_for([](const json& m) { return m.contains("error"); }); };
  p.write_raw(LspProcess::frame("{not json"));
  auto parse = error();
  ASSERT_TRUE(parse);
  EXPECT_EQ((*parse)["error"]["code"], -32700);
  EXPECT_TRUE((*parse)["id"].is_null());

  p.write_raw(LspProcess::frame(R"({"id": 5, "method": "textDocument/hover"})"));  // no "jsonrpc"
  auto invalid = p.response(5);
  ASSERT_TRUE(invalid);
  EXPECT_EQ((*invalid)["error"]["code"], -32600);

  p.write_raw(LspProcess::frame(R"({"jsonrpc": "2.0", "id": 6, "method": "textDocument/hover", "params": 42})"));
  auto params42 = p.response(6);
  ASSERT_TRUE(params42);
  EXPECT_EQ((*params42)["error"]["code"], -32600);

  p.write_raw(LspProcess::frame(R"([1, 2])"));
  auto batch = error();
  ASSERT_TRUE(batch);
  EXPECT_EQ((*batch)["error"]["code"], -32600);

  p.request(8, "loclint/noSuchMethod");
  auto unknown = p.response(8);
  ASSERT_TRUE(unknown);
  EXPECT_EQ((*unknown)["error"]["code"], -32601);

  p.notify("loclint/noSuchNotification");  // ignored: no answer
  p.notify("$/setTrace", {{"value", "off"}});

  p.request(9, "textDocument/hover", {{"textDocument", text_document(uri("a.md"))}});  // no position
  p.notify("textDocument/didOpen", open_params(uri("a.md"), "# A\n"));
  p.request(10, "textDocument/hover", {{"textDocument", text_document(uri("a.md"))}});
  auto bad_params = p.response(10);
  ASSERT_TRUE(bad_params);
  EXPECT_EQ((*bad_params)["error"]["code"], -32602) << bad_params->dump();
  p.request(11, "textDocument/codeAction", {{"textDocument", text_document(uri("a.md"))}, {"range", "everything"}});
  auto bad_range = p.response(11);
  ASSERT_TRUE(bad_range);
  EXPECT_EQ((*bad_range)["error"]["code"], -32602) << bad_range->dump();

  // A broken header costs one error; the reader skips to the next Content-Length and goes on.
  p.write_raw("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n");  // no Content-Length
  auto missing = error();
  ASSERT_TRUE(missing);
  EXPECT_EQ((*missing)["error"]["code"], -32700) << missing->dump();
  p.write_raw("Content-Length: twelve\r\n\r\n{\"jsonrpc\": \"2.0\"}");
  auto header = error();
  ASSERT_TRUE(header);
  EXPECT_EQ((*header)["error"]["code"], -32700) << header->dump();
  EXPECT_NE((*header)["error"]["message"].get<std::string>().find("Content-Length"), std::string::npos);

  p.request(12, "shutdown", nullptr);
  auto down = p.response(12);
  ASSERT_TRUE(down) << "the session did not survive the broken messages";
  ASSERT_TRUE(down->contains("result")) << down->dump();
  p.notify("exit");
  EXPECT_EQ(p.wait_exit(), 0);
}

TEST_F(LspServer, CancelRequestIsAcceptedAndAnswersAPendingRequest) {
  LspProcess p(kBinary);
  p.initialize();
  // A large document keeps the worker busy, so the hover behind it is still pending.
  std::string big = "# Big\n\n";
  while (big.size() < (8u << 20)) big += "Une ligne de texte ordinaire avec [un lien](missing.md) dedans.\n";
  p.notify("textDocument/didOpen", open_params(uri("big.md"), big));
  p.request(20, "textDocument/hover", {{"textDocument", text_document(uri("big.md"))}, {"position", pos(2, 40)}});
  p.notify("$/cancelRequest", {{"id", 20}});
  auto r = p.response(20, 120s);
  ASSERT_TRUE(r);
  // Either answer is correct: cancelled, or the hover if the lint was already done.
  if (r->contains("error")) {
    EXPECT_EQ((*r)["error"]["code"], -32800) << r->dump();
  }
  p.notify("$/cancelRequest", {{"id", 999}});  // unknown id: nothing to do
  p.request(21, "shutdown", nullptr);
  ASSERT_TRUE(p.response(21, 120s));
}

// ---- diagnostics ----------------------------------------------------------------------------

// A missing link target after Korean, Arabic and emoji: UTF-16 columns count an emoji as two.
const std::string kMixed =
    "---\ntitle: Titre\n---\n\n"
    "한국어 [링크](missing-ko.md)\n"
    "مرحبا بالعالم [رابط](missing-ar.md)\n"
    "😀😀 [x](missing-emoji.md)\n";

TEST_F(LspServer, PositionsAreUtf16OnLinesWithKoreanArabicAndEmoji) {
  LspProcess p(kBinary);
  p.initialize();
  p.notify("textDocument/didOpen", open_params(uri("a.md"), kMixed));
  auto d = p.diagnostics(uri("a.md"), 1);
  ASSERT_TRUE(d);
  auto missing = of_rule(*d, "link/missing-file");
  ASSERT_EQ(missing.size(), 3u) << d->dump(1);
  // The destination starts after "한국어 [링크](": 4 + 5 = 9 units (Hangul is one unit each).
  EXPECT_EQ(missing[0]["range"], range(4, 9, 4, 22));
  // "مرحبا بالعالم [رابط](" is 14 + 7 = 21 units.
  EXPECT_EQ(missing[1]["range"], range(5, 21, 5, 34));
  // "😀😀 [x](": two surrogate pairs (4 units) + 5 = 9 units.
  EXPECT_EQ(missing[2]["range"], range(6, 9, 6, 25));
  const json& first = missing[0];
  EXPECT_EQ(first["severity"], 1);
  EXPECT_EQ(first["source"], "loclint");
  EXPECT_EQ(first["codeDescription"]["href"], rule_doc_url(*loclint::checks::find_rule("link/missing-file")));
  EXPECT_EQ(first["message"], "link target 'missing-ko.md' does not exist");
}

// codeDescription and SARIF's helpUri are one address, LOCLINT_DOCS_URL of the build (kDocsUrl)
// followed by the page's path below docs/rules/: the same binary prints both.
TEST_F(LspServer, CodeDescriptionIsTheAddressOfSarifHelpUri) {
  write_file(tmp_ / "a.md", kMixed);
  Result sarif = run(sh_quote(kBinary) + " --format sarif a.md", tmp_.path());
  std::string help_uri;
  const json log = json::parse(sarif.out);
  for (const json& r : log["runs"][0]["tool"]["driver"]["rules"])
    if (r["id"] == "link/missing-file") help_uri = r["helpUri"];
  ASSERT_FALSE(help_uri.empty()) << sarif.out;

  LspProcess p(kBinary);
  p.initialize();
  p.notify("textDocument/didOpen", open_params(uri("a.md"), kMixed));
  auto d = p.diagnostics(uri("a.md"), 1);
  ASSERT_TRUE(d);
  auto missing = of_rule(*d, "link/missing-file");
  ASSERT_FALSE(missing.empty()) << d->dump(1);
  EXPECT_EQ(missing[0]["codeDescription"]["href"], help_uri);
  EXPECT_EQ(help_uri, std::string(loclint::kDocsUrl) + "link/missing-file.md");
}

TEST_F(LspServer, Utf8AndUtf32AreUsedWhenTheClientPrefersThem) {
  for (auto [wanted, col] : {std::pair<std::string, long>{"utf-8", 23}, {"utf-32", 7}}) {
    LspProcess p(kBinary);
    json init = p.initialize({{"general", {{"positionEncodings", {wanted, "utf-16"}}}}});
    ASSERT_EQ(init["result"]["capabilities"]["positionEncoding"], wanted);
    p.notify("textDocument/didOpen", open_params(uri("a.md"), kMixed));
    auto d = p.diagnostics(uri("a.md"), 1);
    ASSERT_TRUE(d);
    auto missing = of_rule(*d, "link/missing-file");
    ASSERT_EQ(missing.size(), 3u);
    // "😀😀 [x](": 8 bytes + 5 in UTF-8; 2 code points + 5 in UTF-32.
    EXPECT_EQ(missing[2]["range"]["start"]["character"], wanted == "utf-8" ? 13 : col) << wanted;
    // Incremental edits are read in the same unit: insert before the link on the emoji line.
    json change = {{"range", range(6, wanted == "utf-8" ? 8 : 2, 6, wanted == "utf-8" ? 8 : 2)}, {"text", "é"}};
    p.notify("textDocument/didChange", {{"textDocument", {{"uri", uri("a.md")}, {"version", 2}}}, {"contentChanges", {change}}});
    auto d2 = p.diagnostics(uri("a.md"), 2);
    ASSERT_TRUE(d2);
    auto moved = of_rule(*d2, "link/missing-file");
    ASSERT_EQ(moved.size(), 3u);
    EXPECT_EQ(moved[2]["range"]["start"]["character"], wanted == "utf-8" ? 15 : 8) << wanted;
  }
  LspProcess p(kBinary);
  json init = p.initialize({{"general", {{"positionEncodings", {"utf-7", "utf-16"}}}}});
  EXPECT_EQ(init["result"]["capabilities"]["positionEncoding"], "utf-16");
}

TEST_F(LspServer, IncrementalAndFullChangesAndCloseClearsDiagnostics) {
  LspProcess p(kBinary);
  p.initialize();
  p.notify("textDocument/didOpen", open_params(uri("a.md"), kMixed));
  ASSERT_TRUE(p.diagnostics(uri("a.md"), 1));
  // Two changes in one notification, applied in order: delete the Korean word, then insert an
  // emoji at the start of the Arabic line.
  json changes = {{{"range", range(4, 0, 4, 4)}, {"text", ""}}, {{"range", range(5, 0, 5, 0)}, {"text", "🙂"}}};
  p.notify("textDocument/didChange", {{"textDocument", {{"uri", uri("a.md")}, {"version", 2}}}, {"contentChanges", changes}});
  auto d = p.diagnostics(uri("a.md"), 2);
  ASSERT_TRUE(d);
  auto missing = of_rule(*d, "link/missing-file");
  ASSERT_EQ(missing.size(), 3u) << d->dump();
  EXPECT_EQ(missing[0]["range"], range(4, 5, 4, 18));
  EXPECT_EQ(missing[1]["range"], range(5, 23, 5, 36));
  // A full replacement.
  p.notify("textDocument/didChange", {{"textDocument", {{"uri", uri("a.md")}, {"version", 3}}},
                                      {"contentChanges", {{{"text", "---\ntitle: T\n---\n\n[x](gone.md)\n"}}}}});
  auto full = p.diagnostics(uri("a.md"), 3);
  ASSERT_TRUE(full);
  ASSERT_EQ(of_rule(*full, "link/missing-file").size(), 1u);
  EXPECT_EQ(of_rule(*full, "link/missing-file")[0]["range"], range(4, 4, 4, 11));
  p.notify("textDocument/didClose", {{"textDocument", text_document(uri("a.md"))}});
  auto cleared = p.diagnostics(uri("a.md"));
  ASSERT_TRUE(cleared);
  EXPECT_TRUE((*cleared)["params"]["diagnostics"].empty());
}

TEST_F(LspServer, StaleResultsAreNeverPublished) {
  LspProcess p(kBinary);
  p.initialize();
  // Version 1 is large (its lint takes a while); version 2 replaces it at once.
  std::string big = "---\ntitle: T\n---\n\n";
  while (big.size() < (4u << 20)) big += "Du texte avec [un lien](absent.md) et encore du texte.\n";
  p.notify("textDocument/didOpen", open_params(uri("a.md"), big));
  p.notify("textDocument/didChange", {{"textDocument", {{"uri", uri("a.md")}, {"version", 2}}},
                                      {"contentChanges", {{{"text", "---\ntitle: T\n---\n\nPetit.\n"}}}}});
  // Then many quick edits: each appends a character.
  for (long v = 3; v <= 40; ++v)
    p.notify("textDocument/didChange", {{"textDocument", {{"uri", uri("a.md")}, {"version", v}}},
                                        {"contentChanges", {{{"range", range(4, 6, 4, 6)}, {"text", "x"}}}}});
  auto last = p.diagnostics(uri("a.md"), 40, 120s);
  ASSERT_TRUE(last) << "the newest version was never published";
  long previous = 0;
  for (const json& m : p.seen) {
    if (m.value("method", "") != "textDocument/publishDiagnostics") continue;
    long v = m["params"]["version"];
    EXPECT_NE(v, 1) << "the lint of version 1 was published after version 2 arrived";
    EXPECT_GT(v, previous) << "versions published out of order";
    previous = v;
  }
}

TEST_F(LspServer, ReadingGoesOnWhileA50MegabyteBufferIsLinted) {
  LspProcess p(kBinary);
  p.initialize();
  std::string big = "---\ntitle: T\n---\n\n";
  big.reserve(51u << 20);
  while (big.size() < (50u << 20)) big += "Une longue ligne de texte, sans défaut, répétée pour faire un très gros document.\n";
  big += "[fin](absent-a-la-fin.md)\n";
  p.notify("textDocument/didOpen", open_params(uri("big.md"), big));
  // Answered by the reading thread while the worker lints 50 MB.
  auto t0 = std::chrono::steady_clock::now();
  p.request(30, "loclint/noSuchMethod");
  auto quick = p.response(30, 60s);
  ASSERT_TRUE(quick);
  EXPECT_EQ((*quick)["error"]["code"], -32601);
  auto d = p.diagnostics(uri("big.md"), 1, 300s);
  auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
  ASSERT_TRUE(d) << "no diagnostics for the 50 MB buffer";
  auto missing = of_rule(*d, "link/missing-file");
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_GT(missing[0]["range"]["start"]["line"].get<long>(), 600000);
  std::cerr << "50 MB buffer: diagnostics " << waited << " ms after didOpen\n";
}

TEST_F(LspServer, InvalidUtf8InABufferIsReadAsReplacementCharactersAndReported) {
  LspProcess p(kBinary);
  p.initialize();
  // A client that sends a legacy-encoded buffer as it is: raw 0xE9 inside a JSON string.
  std::string body = R"({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":")" + uri("l.md") +
                     R"(","languageId":"markdown","version":1,"text":"---\ntitle: Caf)" + std::string("\xE9") +
                     R"(\n---\n\n[x](absent.md)\n"}}})";
  p.write_raw(LspProcess::frame(body));
  auto message = p.wait_for([](const json& m) { return m.value("method", "") == "window/showMessage"; });
  ASSERT_TRUE(message);
  EXPECT_NE((*message)["params"]["message"].get<std::string>().find("not valid UTF-8"), std::string::npos);
  auto d = p.diagnostics(uri("l.md"), 1);
  ASSERT_TRUE(d);
  EXPECT_EQ(of_rule(*d, "link/missing-file").size(), 1u);
}

TEST_F(LspServer, WorkspaceConfigIsHonoured) {
  write_file(tmp_ / "docs" / ".loclint.yaml", "severity: {link/missing-file: note}\ndisable: [metadata]\n");
  LspProcess p(kBinary);
  p.initialize();
  p.notify("textDocument/didOpen", open_params(uri("docs/a.md"), "[x](absent.md)\n"));
  auto d = p.diagnostics(uri("docs/a.md"), 1);
  ASSERT_TRUE(d);
  ASSERT_EQ((*d)["params"]["diagnostics"].size(), 1u) << d->dump();  // no metadata/missing-key
  EXPECT_EQ((*d)["params"]["diagnostics"][0]["severity"], 3);           // a note is Information
  // A broken configuration is shown, as the command line would stop on it.
  write_file(tmp_ / "bad" / ".loclint.yaml", "severity: {link: fatal}\n");
  p.notify("textDocument/didOpen", open_params(uri("bad/b.md"), "[x](absent.md)\n"));
  auto shown = p.wait_for([](const json& m) { return m.value("method", "") == "window/showMessage"; });
  ASSERT_TRUE(shown);
  EXPECT_NE((*shown)["params"]["message"].get<std::string>().find(".loclint.yaml"), std::string::npos);
}

TEST_F(LspServer, LinksResolveAgainstUnsavedBuffers) {
  write_file(tmp_ / "c.md", "---\ntitle: C\n---\n\n# Intro\n");
  const std::string a = "---\ntitle: A\n---\n\n[b](b.md#setup) [c](c.md#intro)\n";
  LspProcess p(kBinary);
  p.initialize();
  p.notify("textDocument/didOpen", open_params(uri("a.md"), a));
  auto d1 = p.diagnostics(uri("a.md"), 1);
  ASSERT_TRUE(d1);
  EXPECT_EQ(of_rule(*d1, "link/missing-file").size(), 1u) << d1->dump();  // b.md is nowhere yet
  // b.md exists only as an unsaved buffer; c.md's buffer no longer has the heading.
  p.notify("textDocument/didOpen", open_params(uri("b.md"), "---\ntitle: B\n---\n\n## Setup\n"));
  p.notify("textDocument/didOpen", open_params(uri("c.md"), "---\ntitle: C\n---\n\n# Autre\n"));
  // Requests are answered after the lints queued before them: the hover is a barrier, and the
  // last publish for a.md before its answer is the one to read.
  p.request(60, "textDocument/hover", {{"textDocument", text_document(uri("a.md"))}, {"position", pos(0, 0)}});
  ASSERT_TRUE(p.response(60));
  std::optional<json> d2;
  for (const json& m : p.seen)
    if (m.value("method", "") == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri("a.md")) d2 = m;
  ASSERT_TRUE(d2);
  EXPECT_TRUE(of_rule(*d2, "link/missing-file").empty()) << d2->dump();
  auto anchors = of_rule(*d2, "link/missing-anchor");
  ASSERT_EQ(anchors.size(), 1u) << d2->dump();
  EXPECT_NE(anchors[0]["message"].get<std::string>().find("'#intro'"), std::string::npos);
}

// ---- hover and code actions -------------------------------------------------------------------

TEST_F(LspServer, HoverExplainsTheRuleAndCodeActionsFixAndDisable) {
  write_file(tmp_ / "sub" / "page.md", "---\ntitle: P\n---\n\n# Page\n");
  const std::string text = "---\ntitle: A\n---\n\n- premier\n- voir [la page](sub\\page.md) 😀\n";
  LspProcess p(kBinary);
  p.initialize({{"textDocument", {{"hover", {{"contentFormat", {"markdown", "plaintext"}}}}}}});
  p.notify("textDocument/didOpen", open_params(uri("a.md"), text));
  auto d = p.diagnostics(uri("a.md"), 1);
  ASSERT_TRUE(d);
  auto back = of_rule(*d, "link/backslash");
  ASSERT_EQ(back.size(), 1u) << d->dump();

  p.request(40, "textDocument/hover", {{"textDocument", text_document(uri("a.md"))}, {"position", back[0]["range"]["start"]}});
  auto hover = p.response(40);
  ASSERT_TRUE(hover);
  EXPECT_EQ((*hover)["result"]["contents"]["kind"], "markdown");
  const std::string value = (*hover)["result"]["contents"]["value"];
  // The rule's page, as --explain prints it, then the link to the published page.
  const loclint::Rule& rule = *loclint::checks::find_rule("link/backslash");
  EXPECT_TRUE(value.starts_with(loclint::rule_page(rule))) << value;
  EXPECT_NE(value.find("## Fix"), std::string::npos) << value;
  EXPECT_TRUE(value.ends_with("[link/backslash documentation](" + rule_doc_url(rule) + ")\n")) << value;
  p.request(41, "textDocument/hover", {{"textDocument", text_document(uri("a.md"))}, {"position", pos(4, 1)}});
  auto nothing = p.response(41);
  ASSERT_TRUE(nothing);
  EXPECT_TRUE((*nothing)["result"].is_null());

  p.request(42, "textDocument/codeAction",
            {{"textDocument", text_document(uri("a.md"))}, {"range", back[0]["range"]}, {"context", {{"diagnostics", back}}}});
  auto actions = p.response(42);
  ASSERT_TRUE(actions);
  std::map<std::string, json> by_title;
  for (const json& a : (*actions)["result"]) by_title[a["title"]] = a;
  ASSERT_TRUE(by_title.count("Use '/' instead of '\\' in the link")) << actions->dump(1);
  ASSERT_TRUE(by_title.count("Disable link/backslash for this line")) << actions->dump(1);
  const json& fix = by_title["Use '/' instead of '\\' in the link"];
  EXPECT_EQ(fix["kind"], "quickfix");
  EXPECT_EQ(fix["isPreferred"], true);
  // "- voir [la page](sub": the backslash is at UTF-16 column 20 of line 5.
  EXPECT_EQ(fix["edit"]["changes"][uri("a.md")], json::parse(R"([{"newText": "/", "range": {"start": {"line": 5, "character": 20}, "end": {"line": 5, "character": 21}}}])"));
  // The comment goes inside the list: indented to the item's content, after the first item.
  const json& disable = by_title["Disable link/backslash for this line"];
  EXPECT_EQ(disable["edit"]["changes"][uri("a.md")],
            json::parse(R"([{"newText": "  <!-- loclint-disable-next-line link/backslash -->\n", "range": {"start": {"line": 5, "character": 0}, "end": {"line": 5, "character": 0}}}])"));
  // Only source actions, when asked for them.
  p.request(43, "textDocument/codeAction",
            {{"textDocument", text_document(uri("a.md"))}, {"range", range(0, 0, 0, 0)}, {"context", {{"diagnostics", json::array()}, {"only", {"source.fixAll"}}}}});
  auto source = p.response(43);
  ASSERT_TRUE(source);
  ASSERT_EQ((*source)["result"].size(), 1u) << source->dump();
  EXPECT_EQ((*source)["result"][0]["kind"], "source.fixAll.loclint");
}

TEST_F(LspServer, CodeActionsUseVersionedDocumentChangesWhenTheClientSupportsThem) {
  write_file(tmp_ / "sub" / "page.md", "---\ntitle: P\n---\n\n# Page\n");
  LspProcess p(kBinary);
  p.initialize({{"workspace", {{"workspaceEdit", {{"documentChanges", true}}}}}});
  p.notify("textDocument/didOpen", open_params(uri("a.md"), "---\ntitle: A\n---\n\n[p](sub\\page.md)\n", 7));
  auto d = p.diagnostics(uri("a.md"), 7);
  ASSERT_TRUE(d);
  p.request(50, "textDocument/codeAction", {{"textDocument", text_document(uri("a.md"))}, {"range", range(4, 0, 4, 3)}, {"context", {{"diagnostics", json::array()}}}});
  auto actions = p.response(50);
  ASSERT_TRUE(actions);
  ASSERT_FALSE((*actions)["result"].empty());
  const json& change = (*actions)["result"][0]["edit"]["documentChanges"][0];
  EXPECT_EQ(change["textDocument"]["version"], 7);
  EXPECT_EQ(change["textDocument"]["uri"], uri("a.md"));
}

}  // namespace

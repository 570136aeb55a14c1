// JSON-RPC 2.0 messages as LSP uses them: what is a request, a notification or a response, the
// error codes, and replies (once only, cancellation).
#include "../linter/lsp/jsonrpc.h"

#include <gtest/gtest.h>
#include <unistd.h>

using namespace loclint::lsp;

namespace {

const json* error_of(const std::variant<Message, json>& parsed) { return std::get_if<json>(&parsed); }

TEST(JsonRpc, ClassifiesMessages) {
  auto r = parse_message(R"({"jsonrpc":"2.0","id":"a1","method":"m","params":{"x":1}})");
  ASSERT_FALSE(error_of(r));
  EXPECT_EQ(std::get<Message>(r).kind, Message::Request);
  EXPECT_EQ(std::get<Message>(r).id, "a1");
  auto n = parse_message(R"({"jsonrpc":"2.0","method":"n","params":null})");
  ASSERT_FALSE(error_of(n));
  EXPECT_EQ(std::get<Message>(n).kind, Message::Notification);
  EXPECT_TRUE(std::get<Message>(n).params.is_null());
  auto s = parse_message(R"({"jsonrpc":"2.0","id":3,"result":null})");
  ASSERT_FALSE(error_of(s));
  EXPECT_EQ(std::get<Message>(s).kind, Message::Response);
}

TEST(JsonRpc, ErrorsForWhatIsNotAMessage) {
  auto code = [](std::string_view body) {
    auto p = parse_message(body);
    const json* e = error_of(p);
    return e ? (*e)["error"]["code"].get<int>() : 0;
  };
  EXPECT_EQ(code("{"), error_code::kParseError);
  EXPECT_EQ(code(""), error_code::kParseError);
  EXPECT_EQ(code("[]"), error_code::kInvalidRequest);
  EXPECT_EQ(code(R"({"id":1,"method":"m"})"), error_code::kInvalidRequest);                 // no jsonrpc
  EXPECT_EQ(code(R"({"jsonrpc":"1.0","id":1,"method":"m"})"), error_code::kInvalidRequest);
  EXPECT_EQ(code(R"({"jsonrpc":"2.0","id":1,"method":7})"), error_code::kInvalidRequest);
  EXPECT_EQ(code(R"({"jsonrpc":"2.0","id":{"x":1},"method":"m"})"), error_code::kInvalidRequest);
  EXPECT_EQ(code(R"({"jsonrpc":"2.0","id":1,"method":"m","params":"s"})"), error_code::kInvalidRequest);
  EXPECT_EQ(code(R"({"jsonrpc":"2.0","id":1})"), error_code::kInvalidRequest);  // neither
  // The id is echoed when it can be read.
  auto p = parse_message(R"({"jsonrpc":"1.0","id":9,"method":"m"})");
  EXPECT_EQ((*error_of(p))["id"], 9);
}

TEST(JsonRpc, InvalidUtf8IsReadAsReplacementCharactersAndFlagged) {
  auto r = parse_message("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":{\"t\":\"caf\xE9\"}}");
  ASSERT_FALSE(error_of(r));
  const Message& m = std::get<Message>(r);
  EXPECT_TRUE(m.repaired);
  EXPECT_EQ(m.params["t"], "caf\xEF\xBF\xBD");
  // Serializing text that is not UTF-8 never throws.
  EXPECT_EQ(serialize(json("a\xFF")), "\"a\xEF\xBF\xBD\"");
}

// A connection writing into a pipe, to read what it sends.
struct Wire {
  Wire() {
    int fds[2];
    EXPECT_EQ(::pipe(fds), 0);
    out_read = fds[0];
    out_write = fds[1];
    transport = std::make_unique<Transport>(-1, out_write);
    connection = std::make_unique<Connection>(*transport);
  }
  ~Wire() {
    ::close(out_read);
    if (out_write >= 0) ::close(out_write);
  }
  // Every message written so far.
  std::vector<json> sent() {
    ::close(out_write);  // the end of what was written
    out_write = -1;
    std::string all;
    char buf[4096];
    ssize_t n;
    while ((n = ::read(out_read, buf, sizeof buf)) > 0) all.append(buf, static_cast<size_t>(n));
    std::vector<json> out;
    for (size_t at = 0; (at = all.find("\r\n\r\n", at)) != std::string::npos;) {
      size_t len_at = all.rfind("Content-Length: ", at) + 16;
      size_t len = std::stoul(all.substr(len_at, at - len_at));
      out.push_back(json::parse(all.substr(at + 4, len)));
      at += 4 + len;
    }
    return out;
  }
  int out_read, out_write;
  std::unique_ptr<Transport> transport;
  std::unique_ptr<Connection> connection;
};

TEST(JsonRpc, DispatchRepliesOnceAndMapsHandlerErrors) {
  Wire w;
  std::optional<Reply> kept;
  w.connection->on_request("defer", [&](const json&, const Reply& r) { kept = r; });
  w.connection->on_request("twice", [](const json&, const Reply& r) {
    r.result(1);
    r.result(2);
  });
  w.connection->on_request("params", [](const json& p, const Reply& r) { r.result(p.at("missing").get<int>()); });
  w.connection->on_request("fail", [](const json&, const Reply&) { throw RpcError(-32803, "no"); });
  w.connection->dispatch(R"({"jsonrpc":"2.0","id":1,"method":"twice"})");
  w.connection->dispatch(R"({"jsonrpc":"2.0","id":2,"method":"params","params":{}})");
  w.connection->dispatch(R"({"jsonrpc":"2.0","id":3,"method":"fail"})");
  w.connection->dispatch(R"({"jsonrpc":"2.0","id":4,"method":"nope"})");
  w.connection->dispatch(R"({"jsonrpc":"2.0","method":"nope"})");  // an unknown notification: nothing
  w.connection->dispatch(R"({"jsonrpc":"2.0","id":5,"method":"defer"})");
  w.connection->dispatch(R"({"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":5}})");
  ASSERT_TRUE(kept);
  EXPECT_TRUE(kept->done());
  kept->result("late");  // already answered by the cancellation: not sent
  auto sent = w.sent();
  ASSERT_EQ(sent.size(), 5u);
  EXPECT_EQ(sent[0]["result"], 1);
  EXPECT_EQ(sent[1]["error"]["code"], error_code::kInvalidParams);
  EXPECT_EQ(sent[2]["error"]["code"], -32803);
  EXPECT_EQ(sent[3]["error"]["code"], error_code::kMethodNotFound);
  EXPECT_EQ(sent[4]["id"], 5);
  EXPECT_EQ(sent[4]["error"]["code"], error_code::kRequestCancelled);
}

TEST(JsonRpc, TheGateAnswersRequestsAndDropsNotifications) {
  Wire w;
  int notified = 0;
  w.connection->on_notification("n", [&](const json&) { ++notified; });
  w.connection->on_request("r", [](const json&, const Reply& r) { r.result(true); });
  w.connection->set_gate([](const Message&) { return std::optional<RpcError>(RpcError(error_code::kServerNotInitialized, "not yet")); });
  w.connection->dispatch(R"({"jsonrpc":"2.0","method":"n"})");
  w.connection->dispatch(R"({"jsonrpc":"2.0","id":1,"method":"r"})");
  EXPECT_EQ(notified, 0);
  auto sent = w.sent();
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0]["error"]["code"], error_code::kServerNotInitialized);
}

}  // namespace

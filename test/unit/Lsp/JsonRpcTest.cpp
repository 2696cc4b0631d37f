//===- JsonRpcTest.cpp ----------------------------------------------------===//

#include "spawnguard/Lsp/JsonRpc.h"
#include "spawnguard/Lsp/TextDocument.h"
#include "gtest/gtest.h"

using namespace spawnguard::lsp;

namespace {

/// Drains \p Reader: each message's JSON as text, or "error: ...".
std::vector<std::string> drain(MessageReader &Reader) {
  std::vector<std::string> Out;
  while (std::optional<llvm::Expected<llvm::json::Value>> M = Reader.next()) {
    if (*M) {
      std::string Text;
      llvm::raw_string_ostream(Text) << **M;
      Out.push_back(Text);
    } else {
      Out.push_back("error: " + llvm::toString(M->takeError()));
    }
  }
  return Out;
}

TEST(MessageReaderTest, SplitsAStreamFedByteByByte) {
  std::string Stream = frameMessage(llvm::json::Object{{"a", 1}}) +
                       "Content-Type: application/vscode-jsonrpc\r\n" +
                       frameMessage(llvm::json::Array{2});
  MessageReader Reader;
  std::vector<std::string> Got;
  for (char C : Stream) {
    Reader.feed(llvm::StringRef(&C, 1));
    for (std::string &M : drain(Reader))
      Got.push_back(std::move(M));
  }
  EXPECT_EQ(Got, (std::vector<std::string>{"{\"a\":1}", "[2]"}));
  EXPECT_EQ(Reader.pending(), 0u);
}

TEST(MessageReaderTest, WaitsForTheWholeBody) {
  MessageReader Reader;
  Reader.feed("Content-Length: 7\r\n\r\n{\"a\":");
  EXPECT_TRUE(drain(Reader).empty());
  Reader.feed("1}");
  EXPECT_EQ(drain(Reader), std::vector<std::string>{"{\"a\":1}"});
}

TEST(MessageReaderTest, RecoversAfterMalformedMessages) {
  MessageReader Reader;
  Reader.feed("Content-Length: -3\r\n\r\n{}"
              "Content-Length: 3\r\n\r\n{x}"
              "Content-Length: 2\r\n\r\n{}");
  std::vector<std::string> Got = drain(Reader);
  ASSERT_EQ(Got.size(), 3u);
  EXPECT_EQ(Got[0], "error: malformed message: an invalid Content-Length: "
                    "'-3'");
  EXPECT_TRUE(llvm::StringRef(Got[1]).starts_with(
      "error: invalid JSON in a message body"));
  EXPECT_EQ(Got[2], "{}");
}

TEST(MessageReaderTest, SkipsAnOversizedBodyWithoutBufferingIt) {
  MessageReader Reader;
  Reader.feed("Content-Length: " +
              std::to_string(MessageReader::MaxBodySize + 1) + "\r\n\r\n");
  std::vector<std::string> Got = drain(Reader);
  ASSERT_EQ(Got.size(), 1u);
  EXPECT_TRUE(llvm::StringRef(Got[0]).contains("larger than the limit"));
  // The body's bytes are dropped as they come, up to the next header.
  Reader.feed(std::string(1 << 20, 'x'));
  EXPECT_TRUE(drain(Reader).empty());
  EXPECT_LT(Reader.pending(), 16u);
  Reader.feed("Content-Length: 2\r\n\r\n{}");
  EXPECT_EQ(drain(Reader), std::vector<std::string>{"{}"});
}

TEST(MessageReaderTest, RejectsAnEndlessHeader) {
  MessageReader Reader;
  Reader.feed(std::string(MessageReader::MaxHeaderSize + 1, 'h'));
  std::vector<std::string> Got = drain(Reader);
  ASSERT_EQ(Got.size(), 1u);
  EXPECT_TRUE(llvm::StringRef(Got[0]).contains("a header longer than"));
}

TEST(TextDocumentTest, UrisRoundTrip) {
  EXPECT_EQ(uriFromPath("/a b/ü.py"), "file:///a%20b/%C3%BC.py");
  EXPECT_EQ(pathFromUri("file:///a%20b/%C3%BC.py"), "/a b/ü.py");
  EXPECT_EQ(pathFromUri("file://localhost/x/../y.py"), "/y.py");
  EXPECT_EQ(pathFromUri("https://host/y.py"), std::nullopt);
  EXPECT_EQ(pathFromUri("file://server/share/y.py"), std::nullopt);
  EXPECT_EQ(pathFromUri("file:///a%00b"), std::nullopt);
}

TEST(TextDocumentTest, PositionsCountUtf16) {
  // 'é' is 2 bytes and 1 UTF-16 unit; '😀' is 4 bytes and 2 units.
  std::string Text = "x\né😀y\n";
  llvm::json::Object P = lspPosition(Text, 2, 7); // The byte of 'y'.
  EXPECT_EQ(P.getInteger("line"), 1);
  EXPECT_EQ(P.getInteger("character"), 3);
}

TEST(TextDocumentTest, AppliesIncrementalChanges) {
  std::string Text = "ab\né😀y\n";
  auto Change = [](int64_t L1, int64_t C1, int64_t L2, int64_t C2,
                   const char *New) {
    return llvm::json::Object{
        {"range",
         llvm::json::Object{
             {"start", llvm::json::Object{{"line", L1}, {"character", C1}}},
             {"end", llvm::json::Object{{"line", L2}, {"character", C2}}}}},
        {"text", New}};
  };
  ASSERT_FALSE(bool(applyContentChange(Text, Change(1, 1, 1, 3, "Z"))));
  EXPECT_EQ(Text, "ab\néZy\n");
  // A character past the line's end means its end.
  ASSERT_FALSE(bool(applyContentChange(Text, Change(0, 9, 1, 0, ""))));
  EXPECT_EQ(Text, "abéZy\n");
  llvm::Error Past = applyContentChange(Text, Change(5, 0, 5, 0, "x"));
  EXPECT_EQ(llvm::toString(std::move(Past)),
            "line 5 is past the end of the document");
  EXPECT_EQ(Text, "abéZy\n");
}

} // namespace

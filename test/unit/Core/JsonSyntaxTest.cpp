//===- JsonSyntaxTest.cpp -------------------------------------------------===//

#include "spawnguard/Core/JsonSyntax.h"
#include "llvm/Support/JSON.h"
#include "gtest/gtest.h"
#include <string>

using namespace spawnguard;

namespace {

bool fullParserAccepts(llvm::StringRef Text) {
  llvm::Expected<llvm::json::Value> Parsed = llvm::json::parse(Text);
  if (Parsed)
    return true;
  llvm::consumeError(Parsed.takeError());
  return false;
}

TEST(JsonSyntaxTest, AcceptsWellFormedDocuments) {
  for (const char *Text : {
           "[]", " {} ", "0", "-0.5e+10", "1E3", "true", "false", "null",
           R"("a\"b\\c\/d\b\f\n\r\t\u00e9")",
           "[{\"directory\": \"/b\", \"file\": \"a.cpp\", "
           "\"arguments\": [\"c++\", \"-c\", \"a.cpp\"]}]\n",
           "{\"a\": {\"b\": [[], {}, [1, [2, {\"c\": null}]]]}}",
           "[\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"]",
       }) {
    EXPECT_TRUE(isWellFormedJson(Text)) << Text;
    EXPECT_TRUE(fullParserAccepts(Text)) << Text;
  }
}

// The quick check may send a document to the full parser, which has the
// better message, but must never accept one that the full parser rejects.
// It follows RFC 8259 for numbers, where the full parser is lenient ('01',
// '1.', '.5', '+1').
TEST(JsonSyntaxTest, RejectsMalformedDocuments) {
  for (const char *Text : {
           "", " ", "[", "]", "[1,]", "[,1]", "{\"a\"}", "{\"a\":}",
           "{\"a\":1,}", "{1:2}", "{\"a\" 1}", "[1 2]", "[] []", "01", "1.",
           ".5", "-", "1e", "+1", "tru", "nul", "truex", "\"a", "\"\\x\"",
           "\"\\u12G4\"", "\"tab\there\"", "[\"\xff\"]", "[\"\xc3\"]",
           "\xef\xbb\xbf[]", "[1]x", "{\"a\":[}", "[{]}", "NaN",
       })
    EXPECT_FALSE(isWellFormedJson(Text)) << Text;
}

TEST(JsonSyntaxTest, DeepNestingIsLeftToTheFullParser) {
  std::string Deep(10000, '[');
  Deep += std::string(10000, ']');
  EXPECT_FALSE(isWellFormedJson(Deep));
  std::string Shallow(500, '[');
  Shallow += std::string(500, ']');
  EXPECT_TRUE(isWellFormedJson(Shallow));
}

} // namespace

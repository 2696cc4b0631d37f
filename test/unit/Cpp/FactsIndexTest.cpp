//===- FactsIndexTest.cpp -------------------------------------------------===//

#include "spawnguard/Cpp/FactsIndex.h"
#include "spawnguard/Core/FactsIO.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"

using namespace spawnguard;

namespace {

class FactsIndexTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(
        llvm::sys::fs::createUniqueDirectory("facts-index-test", Dir));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Dir); }

  std::string path(llvm::StringRef Relative) {
    llvm::SmallString<256> P(Dir);
    llvm::sys::path::append(P, Relative);
    return P.str().str();
  }

  void write(llvm::StringRef Relative, llvm::StringRef Bytes) {
    std::string P = path(Relative);
    llvm::sys::fs::create_directories(llvm::sys::path::parent_path(P));
    std::error_code EC;
    llvm::raw_fd_ostream OS(P, EC);
    ASSERT_FALSE(EC);
    OS << Bytes;
  }

  static std::string unitFor(llvm::StringRef MainFile) {
    FactsUnit U;
    U.MainFile = MainFile.str();
    U.addFile(MainFile);
    U.addFunction("c:@F@f#", "f");
    return writeFacts(U);
  }

  llvm::SmallString<128> Dir;
};

TEST_F(FactsIndexTest, ReadsFactsFilesRecursivelyInPathOrder) {
  write("b.sgfacts", unitFor("/src/b.cpp"));
  write("sub/a.sgfacts", unitFor("/src/a.cpp"));
  write("notes.txt", "not a facts file");
  FactsIndex Index = loadFactsIndex(Dir);
  EXPECT_TRUE(Index.Errors.empty());
  ASSERT_EQ(Index.Units.size(), 2u);
  EXPECT_EQ(Index.Units[0]->MainFile, "/src/b.cpp");
  EXPECT_EQ(Index.Units[1]->MainFile, "/src/a.cpp");
}

TEST_F(FactsIndexTest, ReportsBrokenFilesAndKeepsTheRest) {
  write("good.sgfacts", unitFor("/src/good.cpp"));
  write("bad.sgfacts", "SGFACTS");
  FactsIndex Index = loadFactsIndex(Dir);
  ASSERT_EQ(Index.Units.size(), 1u);
  EXPECT_EQ(Index.Units[0]->MainFile, "/src/good.cpp");
  ASSERT_EQ(Index.Errors.size(), 1u);
  EXPECT_NE(Index.Errors[0].find("bad.sgfacts"), std::string::npos);
}

TEST_F(FactsIndexTest, RereadsAFileThatChanged) {
  write("a.sgfacts", unitFor("/src/old.cpp"));
  EXPECT_EQ(loadFactsIndex(Dir).Units.at(0)->MainFile, "/src/old.cpp");
  // A different size is enough to notice, whatever the clock's resolution.
  write("a.sgfacts", unitFor("/src/a-longer-name.cpp"));
  EXPECT_EQ(loadFactsIndex(Dir).Units.at(0)->MainFile,
            "/src/a-longer-name.cpp");
}

TEST_F(FactsIndexTest, MissingDirectoryIsAnError) {
  FactsIndex Index = loadFactsIndex(path("missing"));
  EXPECT_TRUE(Index.Units.empty());
  ASSERT_EQ(Index.Errors.size(), 1u);
  EXPECT_NE(Index.Errors[0].find("is not a directory"), std::string::npos);
}

} // namespace

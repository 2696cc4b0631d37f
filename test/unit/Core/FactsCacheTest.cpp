//===- FactsCacheTest.cpp -------------------------------------------------===//

#include "TemporaryDirectoryTest.h"
#include "spawnguard/Core/FactsCache.h"
#include "llvm/Support/FileSystem.h"

using namespace spawnguard;

namespace {

class FactsCacheTest : public TemporaryDirectoryTest {
protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(TemporaryDirectoryTest::SetUp());
    Header = path("header.h");
    write(Header, "inline int f() { return 0; }");
  }
  static FactsUnit unit() {
    FactsUnit U;
    U.MainFile = "/src/a.cpp";
    U.addFile("/src/a.cpp");
    U.addFunction("c:@F@f#", "f");
    return U;
  }

  std::string Header;
};

TEST_F(FactsCacheTest, HitWhileDependenciesAreUnchanged) {
  FactsCache Cache(path("cache"));
  FileHasher Hasher;
  std::string Problem;
  EXPECT_FALSE(Cache.lookup("key", Hasher, Problem));
  ASSERT_FALSE(static_cast<bool>(Cache.store("key", {Header}, Hasher, unit())));

  FileHasher Fresh;
  std::optional<FactsUnit> Hit = Cache.lookup("key", Fresh, Problem);
  ASSERT_TRUE(Hit);
  EXPECT_EQ(Hit->Functions.front().Id, "c:@F@f#");
  EXPECT_FALSE(Cache.lookup("other key", Fresh, Problem));
  EXPECT_EQ(Problem, "");
}

TEST_F(FactsCacheTest, ChangedOrRemovedDependencyIsAMiss) {
  FactsCache Cache(path("cache"));
  FileHasher Before;
  ASSERT_FALSE(static_cast<bool>(Cache.store("key", {Header}, Before, unit())));
  write(Header, "inline int f() { return 1; }");
  FileHasher After;
  std::string Problem;
  EXPECT_FALSE(Cache.lookup("key", After, Problem));
  llvm::sys::fs::remove(Header);
  FileHasher Gone;
  EXPECT_FALSE(Cache.lookup("key", Gone, Problem));
  EXPECT_EQ(Problem, "") << "a stale entry is not a damaged one";
}

TEST_F(FactsCacheTest, DamagedEntryIsAMissWithAReason) {
  FactsCache Cache(path("cache"));
  FileHasher Hasher;
  ASSERT_FALSE(static_cast<bool>(Cache.store("key", {Header}, Hasher, unit())));
  std::error_code EC;
  llvm::sys::fs::directory_iterator It(path("cache"), EC);
  ASSERT_FALSE(EC);
  write(It->path(), "SGCACHE 1\nnot a dependency line\n\n");
  std::string Problem;
  EXPECT_FALSE(Cache.lookup("key", Hasher, Problem));
  EXPECT_NE(Problem.find("malformed dependency line"), std::string::npos);
}

TEST_F(FactsCacheTest, UnreadableDependencyIsNotStored) {
  FactsCache Cache(path("cache"));
  FileHasher Hasher;
  ASSERT_FALSE(static_cast<bool>(
      Cache.store("key", {path("does-not-exist.h")}, Hasher, unit())));
  std::string Problem;
  EXPECT_FALSE(Cache.lookup("key", Hasher, Problem));
}

} // namespace

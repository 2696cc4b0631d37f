//===- FileStatIndexTest.cpp ----------------------------------------------===//

#include "spawnguard/Core/FileStatIndex.h"
#include "TemporaryDirectoryTest.h"
#include "spawnguard/Core/FactsCache.h"
#include "llvm/Support/FileSystem.h"

using namespace spawnguard;

namespace {

/// A run that starts a minute from now trusts the stamps of files the test
/// has just written; one that starts now does not.
const int64_t Later = FileStatIndex::nowNs() + 60'000'000'000;

class FileStatIndexTest : public TemporaryDirectoryTest {
protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(TemporaryDirectoryTest::SetUp());
    Source = path("a.py");
    write(Source, "import os\n");
  }
  std::unique_ptr<FileStatIndex> load(int64_t RunStart = Later) {
    std::string Problem;
    auto Index =
        std::make_unique<FileStatIndex>(path("cache"), Problem, RunStart);
    EXPECT_EQ(Problem, "");
    return Index;
  }

  std::string Source;
};

TEST_F(FileStatIndexTest, RemembersAcrossRunsWhileTheStampHolds) {
  std::optional<FileStamp> Stamp = stampFile(Source);
  ASSERT_TRUE(Stamp);
  {
    auto Index = load();
    EXPECT_FALSE(Index->lookup(Source, *Stamp));
    Index->remember(Source, *Stamp, "h1");
    EXPECT_EQ(Index->lookup(Source, *Stamp), "h1");
    ASSERT_FALSE(static_cast<bool>(Index->save()));
  }
  auto Next = load();
  EXPECT_EQ(Next->lookup(Source, *Stamp), "h1");
  EXPECT_FALSE(Next->lookup(path("other.py"), *Stamp));
}

TEST_F(FileStatIndexTest, AnyChangeToTheStampIsAMiss) {
  std::optional<FileStamp> Stamp = stampFile(Source);
  ASSERT_TRUE(Stamp);
  auto Index = load();
  Index->remember(Source, *Stamp, "h1");
  // Rewritten through a rename: a new inode, whatever the times say.
  write(Source, "import sys\n");
  std::optional<FileStamp> After = stampFile(Source);
  ASSERT_TRUE(After);
  EXPECT_FALSE(*After == *Stamp);
  EXPECT_FALSE(Index->lookup(Source, *After));
  for (uint64_t FileStamp::*Field :
       {&FileStamp::Size, &FileStamp::Inode, &FileStamp::Device}) {
    FileStamp Changed = *Stamp;
    ++(Changed.*Field);
    EXPECT_FALSE(Index->lookup(Source, Changed));
  }
  for (int64_t FileStamp::*Field :
       {&FileStamp::ModifiedNs, &FileStamp::ChangedNs}) {
    FileStamp Changed = *Stamp;
    ++(Changed.*Field);
    EXPECT_FALSE(Index->lookup(Source, Changed));
  }
}

TEST_F(FileStatIndexTest, RecentlyChangedFilesAreNotRemembered) {
  // The file changed within the run's timestamp window, so a change in the
  // same tick could leave its stamp as it is.
  std::optional<FileStamp> Stamp = stampFile(Source);
  ASSERT_TRUE(Stamp);
  auto Index = load(FileStatIndex::nowNs());
  Index->remember(Source, *Stamp, "h1");
  EXPECT_FALSE(Index->lookup(Source, *Stamp));
  ASSERT_FALSE(static_cast<bool>(Index->save()));
  EXPECT_FALSE(llvm::sys::fs::exists(Index->path()))
      << "nothing learned, nothing written";
}

TEST_F(FileStatIndexTest, DamagedIndexIsEmptyAndReplaced) {
  std::optional<FileStamp> Stamp = stampFile(Source);
  ASSERT_TRUE(Stamp);
  {
    auto Index = load();
    Index->remember(Source, *Stamp, "h1");
    ASSERT_FALSE(static_cast<bool>(Index->save()));
  }
  std::string IndexPath = load()->path();
  for (llvm::StringRef Garbage : {"", "SGSTAMPS", "not an index at all"}) {
    write(IndexPath, Garbage);
    std::string Problem;
    FileStatIndex Damaged(path("cache"), Problem, Later);
    EXPECT_NE(Problem.find(IndexPath), std::string::npos) << Problem;
    EXPECT_FALSE(Damaged.lookup(Source, *Stamp));
    Damaged.remember(Source, *Stamp, "h2");
    ASSERT_FALSE(static_cast<bool>(Damaged.save()));
    EXPECT_EQ(load()->lookup(Source, *Stamp), "h2");
  }
}

TEST_F(FileStatIndexTest, ConcurrentRunsMergeWhatTheyLearned) {
  std::string Other = path("b.py");
  write(Other, "import sys\n");
  std::optional<FileStamp> A = stampFile(Source), B = stampFile(Other);
  ASSERT_TRUE(A && B);
  // Both runs load the empty index before either saves.
  auto First = load(), Second = load();
  First->remember(Source, *A, "ha");
  Second->remember(Other, *B, "hb");
  ASSERT_FALSE(static_cast<bool>(First->save()));
  ASSERT_FALSE(static_cast<bool>(Second->save()));
  auto Merged = load();
  EXPECT_EQ(Merged->lookup(Source, *A), "ha");
  EXPECT_EQ(Merged->lookup(Other, *B), "hb");
}

TEST_F(FileStatIndexTest, HasherTrustsTheIndexAndTeachesIt) {
  std::optional<FileStamp> Stamp = stampFile(Source);
  ASSERT_TRUE(Stamp);
  auto Index = load();
  std::string Real = contentHash("import os\n");
  EXPECT_EQ(FileHasher(Index.get()).hash(Source), Real);
  EXPECT_EQ(Index->lookup(Source, *Stamp), Real) << "learned by hashing";
  // An index entry stands for the contents: the file is not read again.
  Index->remember(Source, *Stamp, "stand-in");
  EXPECT_EQ(FileHasher(Index.get()).hash(Source), "stand-in");
  EXPECT_EQ(FileHasher().hash(Source), Real);
}

TEST_F(FileStatIndexTest, NoStampForMissingFilesOrDirectories) {
  EXPECT_FALSE(stampFile(path("missing.py")));
  EXPECT_FALSE(stampFile(Root));
}

} // namespace

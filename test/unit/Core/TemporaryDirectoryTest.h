//===- TemporaryDirectoryTest.h - A directory of its own --------*- C++ -*-===//

#ifndef SPAWNGUARD_TEST_UNIT_CORE_TEMPORARYDIRECTORYTEST_H
#define SPAWNGUARD_TEST_UNIT_CORE_TEMPORARYDIRECTORYTEST_H

#include "spawnguard/Core/FactsCache.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "gtest/gtest.h"
#include <string>

namespace spawnguard {

/// A test with a fresh directory, removed after it.
class TemporaryDirectoryTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("spawnguard-test", Root));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Root); }

  /// \p Name below the directory.
  std::string path(llvm::StringRef Name) const {
    llvm::SmallString<256> P(Root);
    llvm::sys::path::append(P, Name);
    return P.str().str();
  }
  void write(llvm::StringRef Path, llvm::StringRef Text) {
    ASSERT_FALSE(static_cast<bool>(writeFileAtomically(Path, Text)));
  }

  llvm::SmallString<256> Root;
};

} // namespace spawnguard

#endif // SPAWNGUARD_TEST_UNIT_CORE_TEMPORARYDIRECTORYTEST_H

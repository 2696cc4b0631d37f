//===- ParallelTest.cpp ---------------------------------------------------===//
//
// The Python front end's facts do not depend on the number of threads, and
// shards partition the modules.
//
//===----------------------------------------------------------------------===//

#include "spawnguard/Core/FactsIO.h"
#include "spawnguard/Python/PythonFrontEnd.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"
#include <map>

using namespace spawnguard::python;

namespace {

/// A package of \p Count modules, each calling the next one's function, the
/// last one starting a pool, and two modules that do not parse (so that
/// the order of their messages is tested too).
std::string writeChain(unsigned Count) {
  llvm::SmallString<128> Root;
  EXPECT_FALSE(llvm::sys::fs::createUniqueDirectory("sg-parallel", Root));
  std::string R = Root.str().str();
  EXPECT_FALSE(llvm::sys::fs::create_directories(R + "/pkg"));
  auto Write = [](const std::string &Path, const std::string &Text) {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    OS << Text;
  };
  Write(R + "/pkg/__init__.py", "");
  for (unsigned I = 0; I < Count; ++I) {
    std::string Next = "m" + std::to_string(I + 1);
    Write(R + "/pkg/m" + std::to_string(I) + ".py",
          I + 1 < Count ? "from pkg import " + Next + "\n\ndef f():\n    " +
                              Next + ".f()\n"
                        : "import multiprocessing\n\ndef f():\n"
                          "    multiprocessing.Pool(2)\n");
  }
  Write(R + "/main.py", "from pkg import m0\nm0.f()\n");
  Write(R + "/pkg/broken.py", "def broken(:\n");
  Write(R + "/pkg/m7broken.py", "class Broken(:\n");
  return R;
}

/// Each unit's facts file, by main file.
std::map<std::string, std::string> factsByFile(const PythonResult &Result) {
  std::map<std::string, std::string> Out;
  for (const spawnguard::FactsUnit &U : Result.Units)
    Out[U.MainFile] = spawnguard::writeFacts(U);
  return Out;
}

} // namespace

TEST(Parallel, FactsAndMessagesDoNotDependOnThreads) {
  std::string R = writeChain(40);
  PythonOptions One;
  One.Jobs = 1;
  PythonResult Serial = analyzePython({R}, One);
  // 40 in the chain, pkg, main, and the broken ones as far as they parsed.
  EXPECT_EQ(Serial.Modules, 44u);
  EXPECT_EQ(Serial.Errors.size(), 2u);
  for (unsigned Jobs : {2u, 4u, 8u}) {
    PythonOptions Many;
    Many.Jobs = Jobs;
    PythonResult Parallel = analyzePython({R}, Many);
    ASSERT_EQ(Parallel.Units.size(), Serial.Units.size());
    for (size_t I = 0; I < Serial.Units.size(); ++I)
      EXPECT_EQ(spawnguard::writeFacts(Parallel.Units[I]),
                spawnguard::writeFacts(Serial.Units[I]));
    EXPECT_EQ(Parallel.Errors, Serial.Errors);
  }
  llvm::sys::fs::remove_directories(R);
}

TEST(Parallel, ShardsPartitionTheModules) {
  std::string R = writeChain(10);
  std::map<std::string, std::string> Whole =
      factsByFile(analyzePython({R}, PythonOptions()));
  std::map<std::string, std::string> Joined;
  unsigned Errors = 0;
  for (unsigned I = 1; I <= 3; ++I) {
    PythonOptions Shard;
    Shard.ShardIndex = I;
    Shard.ShardCount = 3;
    PythonResult Part = analyzePython({R}, Shard);
    Errors += Part.Errors.size();
    EXPECT_EQ(Part.Modules, Part.Units.size());
    for (auto &[File, Facts] : factsByFile(Part))
      EXPECT_TRUE(Joined.emplace(File, Facts).second) << File;
  }
  // Every module once, with the facts it has in a whole run: names resolved
  // through modules of other shards. Each broken module is reported once.
  EXPECT_EQ(Joined, Whole);
  EXPECT_EQ(Errors, 2u);
  llvm::sys::fs::remove_directories(R);
}

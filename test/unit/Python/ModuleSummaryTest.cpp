//===- ModuleSummaryTest.cpp ----------------------------------------------===//

#include "ModuleSummary.h"
#include "ModuleCache.h"
#include "spawnguard/Core/BinaryCodec.h"
#include "gtest/gtest.h"

using namespace spawnguard;
using namespace spawnguard::python;

namespace {

ModuleSummary sampleSummary() {
  ModuleSummary S;
  S.Path = "/src/pkg/jobs.py";
  S.Name = "pkg.jobs";
  S.Globals["mp"] = "multiprocessing";
  S.Globals["run"] = "pkg.jobs.run";
  S.Globals["Worker"] = "pkg.jobs.Worker";
  S.RawAliases["Pool"] = "mp.Pool";
  S.Functions = {"pkg.jobs.run", "pkg.jobs.Worker.run"};
  S.Classes.push_back({"pkg.jobs.Worker", {"mp.Process", "Base"}});
  S.Decorated.push_back({"pkg.jobs.run", "concurrent.process"});
  return S;
}

std::string errorOf(llvm::Expected<ModuleSummary> S) {
  if (S)
    return "";
  return llvm::toString(S.takeError());
}

/// \p Bytes with the frame recomputed, so that only the payload is wrong.
std::string resealed(llvm::StringRef Bytes) {
  return frameRecord(llvm::StringRef("SGPYSUM\0", 8), 1, Bytes.drop_front(24));
}

} // namespace

TEST(ModuleSummary, RoundTrip) {
  ModuleSummary S = sampleSummary();
  std::string Bytes = writeModuleSummary(S);
  llvm::Expected<ModuleSummary> Back = readModuleSummary(Bytes);
  ASSERT_TRUE(static_cast<bool>(Back)) << llvm::toString(Back.takeError());
  EXPECT_EQ(Back->Path, S.Path);
  EXPECT_EQ(Back->Name, S.Name);
  EXPECT_FALSE(Back->IsPackage);
  EXPECT_EQ(Back->Globals.lookup("run"), "pkg.jobs.run");
  EXPECT_EQ(Back->RawAliases.lookup("Pool"), "mp.Pool");
  EXPECT_EQ(Back->Functions, S.Functions);
  ASSERT_EQ(Back->Classes.size(), 1u);
  EXPECT_EQ(Back->Classes[0].RawBases,
            (std::vector<std::string>{"mp.Process", "Base"}));
  ASSERT_EQ(Back->Decorated.size(), 1u);
  EXPECT_EQ(Back->Decorated[0].RawDecorator, "concurrent.process");
  EXPECT_EQ(writeModuleSummary(*Back), Bytes);
}

TEST(ModuleSummary, BytesDoNotDependOnInsertionOrder) {
  ModuleSummary A = sampleSummary();
  ModuleSummary B = sampleSummary();
  B.Globals.clear();
  B.Globals["Worker"] = "pkg.jobs.Worker";
  B.Globals["run"] = "pkg.jobs.run";
  B.Globals["mp"] = "multiprocessing";
  EXPECT_EQ(writeModuleSummary(A), writeModuleSummary(B));
}

TEST(ModuleSummary, RejectsDamagedBytes) {
  std::string Bytes = writeModuleSummary(sampleSummary());
  EXPECT_EQ(errorOf(readModuleSummary("")),
            "not a valid Python module summary: missing header");
  std::string Flipped = Bytes;
  Flipped.back() ^= 0x40;
  EXPECT_EQ(errorOf(readModuleSummary(Flipped)),
            "not a valid Python module summary: checksum mismatch");
  // Every truncation of the payload, resealed, fails cleanly.
  for (size_t Cut = 24; Cut < Bytes.size(); ++Cut)
    EXPECT_NE(errorOf(readModuleSummary(resealed(Bytes.substr(0, Cut)))), "")
        << "cut at " << Cut;
  EXPECT_NE(errorOf(readModuleSummary(resealed(Bytes + "x"))), "");
}

TEST(ModuleSummary, InterfaceHashFollowsEveryChange) {
  ModuleSummary A = sampleSummary(), B = sampleSummary();
  B.Path = "/src/pkg/other.py";
  B.Name = "pkg.other";
  auto Hash = [](std::initializer_list<const ModuleSummary *> Summaries) {
    std::vector<std::string> Digests;
    for (const ModuleSummary *S : Summaries)
      Digests.push_back(summaryDigest(*S));
    return interfaceHash(Digests);
  };
  std::string Base = Hash({&A, &B});
  EXPECT_EQ(Hash({&A, &B}), Base);
  EXPECT_NE(Hash({&B, &A}), Base);
  EXPECT_NE(Hash({&A}), Base);
  ModuleSummary C = A;
  C.Functions.push_back("pkg.jobs.late");
  EXPECT_NE(Hash({&C, &B}), Base);
  ModuleSummary D = A;
  D.Globals["os"] = "os";
  EXPECT_NE(Hash({&D, &B}), Base);
}

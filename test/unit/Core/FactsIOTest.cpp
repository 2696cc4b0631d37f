//===- FactsIOTest.cpp ----------------------------------------------------===//

#include "spawnguard/Core/FactsIO.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CRC.h"
#include "llvm/Support/Endian.h"
#include "gtest/gtest.h"

using namespace spawnguard;

namespace {

FactsUnit sampleUnit() {
  FactsUnit U;
  U.MainFile = "/src/a.cpp";
  FileIndex A = U.addFile("/src/a.cpp");
  FileIndex H = U.addFile("/src/h.h");
  FunctionIndex Init = U.addFunction("init:c:@g", "g", NodeKind::Initializer);
  FunctionIndex F = U.addFunction("c:@F@f#", "f");
  FunctionIndex G = U.addFunction("c:@F@g#", "g");
  U.Calls.push_back({Init, F, EdgeKind::Call, {A, 3, 7}});
  U.Calls.push_back({F, G, EdgeKind::VirtualCall, {H, 300, 70000}});
  U.Arguments.push_back({F, G, 2, Init, {A, 4, 1}});
  U.ParamCalls.push_back({G, 1});
  U.ParamForwards.push_back({F, 0, G, 1});
  U.Overrides.push_back({G, F});
  U.SinkCalls.push_back({G,
                         "posix_spawnp",
                         SinkAction::ReplacesProcess,
                         {H, 9, 2},
                         {"spawnguard-*", "SG101"}});
  U.SinkArguments.push_back(
      {F, G, 0, "system", SinkAction::CreatesProcess, {A, 5, 9}, {"*"}});
  U.Roots.push_back({RootKind::ExitHandler, F, "f", "atexit", {A, 1, 1}, {}});
  U.Roots.push_back({RootKind::ModuleLevel, Init, "pkg.mod", "", {A, 2, 1},
                     {"*"}});
  U.Roots.back().DefaultStartMethod = true;
  U.SinkCalls.back().Detail = "which uses the 'spawn' start method";
  U.SinkCalls.back().DefaultStartMethod = true;
  U.SinkCalls.back().Notes.push_back({{A, 3, 1}, "'x' is bound here"});
  U.Imports.push_back({"app", "pkg.mod", {H, 1, 1}});
  U.Diagnostics.push_back({"SG205",
                           {A, 7, 1},
                           "start method set at import",
                           {{{H, 2, 3}, "a note"}},
                           {"SG205"}});
  return U;
}

void expectSame(const FactsUnit &X, const FactsUnit &Y) {
  EXPECT_EQ(X.MainFile, Y.MainFile);
  EXPECT_EQ(X.Files, Y.Files);
  ASSERT_EQ(X.Functions.size(), Y.Functions.size());
  for (size_t I = 0; I < X.Functions.size(); ++I) {
    EXPECT_EQ(X.Functions[I].Id, Y.Functions[I].Id);
    EXPECT_EQ(X.Functions[I].Name, Y.Functions[I].Name);
    EXPECT_EQ(X.Functions[I].Kind, Y.Functions[I].Kind);
  }
  ASSERT_EQ(X.Calls.size(), Y.Calls.size());
  EXPECT_EQ(X.Calls[1].Loc, Y.Calls[1].Loc);
  EXPECT_EQ(X.Calls[1].Kind, Y.Calls[1].Kind);
  ASSERT_EQ(X.SinkCalls.size(), Y.SinkCalls.size());
  EXPECT_EQ(X.SinkCalls[0].Api, Y.SinkCalls[0].Api);
  EXPECT_EQ(X.SinkCalls[0].Action, Y.SinkCalls[0].Action);
  EXPECT_EQ(X.SinkCalls[0].Suppressions, Y.SinkCalls[0].Suppressions);
  EXPECT_EQ(X.SinkCalls[0].Detail, Y.SinkCalls[0].Detail);
  EXPECT_EQ(X.SinkCalls[0].DefaultStartMethod,
            Y.SinkCalls[0].DefaultStartMethod);
  ASSERT_EQ(X.SinkCalls[0].Notes.size(), Y.SinkCalls[0].Notes.size());
  EXPECT_EQ(X.SinkCalls[0].Notes[0].Loc.Line, Y.SinkCalls[0].Notes[0].Loc.Line);
  EXPECT_EQ(X.SinkCalls[0].Notes[0].Message, Y.SinkCalls[0].Notes[0].Message);
  ASSERT_EQ(X.Imports.size(), Y.Imports.size());
  EXPECT_EQ(X.Imports[0].Importer, Y.Imports[0].Importer);
  EXPECT_EQ(X.Imports[0].Module, Y.Imports[0].Module);
  EXPECT_EQ(X.Imports[0].Loc, Y.Imports[0].Loc);
  ASSERT_EQ(X.Diagnostics.size(), Y.Diagnostics.size());
  EXPECT_EQ(X.Diagnostics[0].Rule, Y.Diagnostics[0].Rule);
  EXPECT_EQ(X.Diagnostics[0].Message, Y.Diagnostics[0].Message);
  ASSERT_EQ(X.Diagnostics[0].Notes.size(), Y.Diagnostics[0].Notes.size());
  EXPECT_EQ(X.Diagnostics[0].Notes[0].Loc, Y.Diagnostics[0].Notes[0].Loc);
  EXPECT_EQ(X.Diagnostics[0].Notes[0].Message,
            Y.Diagnostics[0].Notes[0].Message);
  EXPECT_EQ(X.Diagnostics[0].Suppressions, Y.Diagnostics[0].Suppressions);
  ASSERT_EQ(X.Roots.size(), Y.Roots.size());
  EXPECT_EQ(X.Roots[0].Kind, Y.Roots[0].Kind);
  EXPECT_EQ(X.Roots[0].Detail, Y.Roots[0].Detail);
  EXPECT_EQ(X.Roots[1].DefaultStartMethod, Y.Roots[1].DefaultStartMethod);
  EXPECT_EQ(X.Roots[1].Kind, Y.Roots[1].Kind);
  EXPECT_EQ(X.Arguments.size(), Y.Arguments.size());
  EXPECT_EQ(X.ParamCalls.size(), Y.ParamCalls.size());
  EXPECT_EQ(X.ParamForwards.size(), Y.ParamForwards.size());
  EXPECT_EQ(X.Overrides.size(), Y.Overrides.size());
  ASSERT_EQ(X.SinkArguments.size(), Y.SinkArguments.size());
  EXPECT_EQ(X.SinkArguments[0].Api, Y.SinkArguments[0].Api);
  EXPECT_EQ(X.SinkArguments[0].Loc, Y.SinkArguments[0].Loc);
}

/// The error message of a failed read, or "" on success.
std::string errorOf(llvm::Expected<FactsUnit> Result) {
  if (Result)
    return "";
  return llvm::toString(Result.takeError());
}

/// Rewrites the checksum so that a deliberately bad payload gets past it
/// and exercises the payload checks.
std::string resealed(std::string Bytes) {
  llvm::StringRef Payload = llvm::StringRef(Bytes).drop_front(24);
  llvm::support::endian::write32le(
      &Bytes[12], llvm::crc32(llvm::arrayRefFromStringRef(Payload)));
  llvm::support::endian::write64le(&Bytes[16], Payload.size());
  return Bytes;
}

} // namespace

TEST(FactsIO, RoundTrip) {
  FactsUnit U = sampleUnit();
  std::string Bytes = writeFacts(U);
  llvm::Expected<FactsUnit> Back = readFacts(Bytes);
  ASSERT_TRUE(static_cast<bool>(Back)) << llvm::toString(Back.takeError());
  expectSame(U, *Back);
  // Writing is deterministic.
  EXPECT_EQ(writeFacts(*Back), Bytes);
}

TEST(FactsIO, RejectsForeignAndDamagedFiles) {
  const std::string Prefix = "not a valid spawnguard facts file: ";
  std::string Bytes = writeFacts(sampleUnit());
  EXPECT_EQ(errorOf(readFacts("")), Prefix + "missing header");
  EXPECT_EQ(errorOf(readFacts("#include <stdio.h>\nint main() {}\n")),
            Prefix + "missing header");

  std::string Flipped = Bytes;
  Flipped[Flipped.size() / 2 + 12] ^= 0x40;
  EXPECT_EQ(errorOf(readFacts(Flipped)), Prefix + "checksum mismatch");

  EXPECT_EQ(errorOf(readFacts(llvm::StringRef(Bytes).drop_back(3))),
            Prefix + "payload size mismatch (truncated?)");

  std::string Future = Bytes;
  Future[8] = 99;
  EXPECT_EQ(errorOf(readFacts(Future)),
            Prefix + "format version 99, expected " +
                std::to_string(FactsFormatVersion));
}

TEST(FactsIO, ValidatesPayloadEvenWithAGoodChecksum) {
  std::string Bytes = writeFacts(sampleUnit());
  // Every truncation of the payload, resealed, must fail cleanly.
  for (size_t Cut = 24; Cut < Bytes.size(); ++Cut)
    EXPECT_NE(errorOf(readFacts(resealed(Bytes.substr(0, Cut)))), "")
        << "cut at " << Cut;
  // Trailing garbage is not ignored.
  EXPECT_NE(errorOf(readFacts(resealed(Bytes + "x"))), "");
  // Every single-byte corruption either fails or reads back some unit; it
  // never crashes (indices and enums are range-checked).
  for (size_t I = 24; I < Bytes.size(); ++I) {
    std::string Damaged = Bytes;
    Damaged[I] = static_cast<char>(0xff);
    llvm::Expected<FactsUnit> U = readFacts(resealed(Damaged));
    if (!U)
      llvm::consumeError(U.takeError());
  }
}

// Found by FactsReaderFuzzer: a number padded with 0x80 bytes beyond ten
// bytes made llvm::decodeULEB128 shift by 70 (undefined behaviour, caught by
// UBSan in the sanitizer build). Such numbers are errors.
TEST(FactsIO, RejectsOverlongNumbers) {
  const std::string Prefix = "not a valid spawnguard facts file: ";
  std::string Bytes = writeFacts(FactsUnit());
  // The payload starts with the main file's length, 0; pad it to 12 bytes.
  std::string Padded =
      Bytes.substr(0, 24) + std::string(11, '\x80') + '\0' + Bytes.substr(25);
  EXPECT_EQ(errorOf(readFacts(resealed(Padded))),
            Prefix + "uleb128 too big for uint64 at payload offset 0");
  // Ten bytes are the most a 64-bit number takes, and are read.
  std::string Ten =
      Bytes.substr(0, 24) + std::string(9, '\x80') + '\0' + Bytes.substr(25);
  EXPECT_EQ(errorOf(readFacts(resealed(Ten))), "");
  // Bit 64 and above do not fit.
  std::string TooBig =
      Bytes.substr(0, 24) + std::string(9, '\xff') + '\x02' + Bytes.substr(25);
  EXPECT_EQ(errorOf(readFacts(resealed(TooBig))),
            Prefix + "uleb128 too big for uint64 at payload offset 0");
}

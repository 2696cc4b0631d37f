//===- ModuleSummary.cpp --------------------------------------------------===//

#include "ModuleSummary.h"
#include "spawnguard/Core/BinaryCodec.h"
#include <algorithm>

namespace spawnguard {
namespace python {

/// Bump on any change to the layout or to the meaning of a field.
static constexpr uint32_t SummaryFormatVersion = 1;
static const llvm::StringRef Magic("SGPYSUM\0", 8);

static void writeMap(RecordWriter &W, const llvm::StringMap<std::string> &M) {
  std::vector<std::pair<llvm::StringRef, llvm::StringRef>> Sorted;
  for (const auto &Entry : M)
    Sorted.emplace_back(Entry.getKey(), Entry.getValue());
  llvm::sort(Sorted);
  W.num(Sorted.size());
  for (const auto &[Key, Value] : Sorted) {
    W.str(Key);
    W.str(Value);
  }
}

static void readMap(RecordReader &R, llvm::StringMap<std::string> &M) {
  for (size_t I = 0, N = R.count(); I < N && R.Error.empty(); ++I) {
    std::string Key = R.str();
    if (!M.try_emplace(Key, R.str()).second)
      R.fail("duplicate name");
  }
}

std::string writeModuleSummary(const ModuleSummary &S) {
  std::string Payload;
  RecordWriter W(Payload);
  W.str(S.Path);
  W.str(S.Name);
  W.num(S.IsPackage);
  writeMap(W, S.Globals);
  writeMap(W, S.RawAliases);
  W.strings(S.Functions);
  W.num(S.Classes.size());
  for (const ClassSummary &C : S.Classes) {
    W.str(C.Name);
    W.strings(C.RawBases);
  }
  W.num(S.Decorated.size());
  for (const DecoratedFunction &D : S.Decorated) {
    W.str(D.Function);
    W.str(D.RawDecorator);
  }
  return frameRecord(Magic, SummaryFormatVersion, Payload);
}

llvm::Expected<ModuleSummary> readModuleSummary(llvm::StringRef Bytes) {
  llvm::Expected<llvm::StringRef> Payload = unframeRecord(
      Bytes, Magic, SummaryFormatVersion, "Python module summary");
  if (!Payload)
    return Payload.takeError();
  RecordReader R(*Payload);
  ModuleSummary S;
  S.Path = R.str();
  S.Name = R.str();
  S.IsPackage = R.enumeration(uint64_t(1), "package flag") != 0;
  readMap(R, S.Globals);
  readMap(R, S.RawAliases);
  S.Functions = R.strings();
  for (size_t I = 0, N = R.count(); I < N && R.Error.empty(); ++I) {
    ClassSummary C;
    C.Name = R.str();
    C.RawBases = R.strings();
    S.Classes.push_back(std::move(C));
  }
  for (size_t I = 0, N = R.count(); I < N && R.Error.empty(); ++I) {
    DecoratedFunction D;
    D.Function = R.str();
    D.RawDecorator = R.str();
    S.Decorated.push_back(std::move(D));
  }
  if (llvm::Error Err = R.finish("Python module summary"))
    return std::move(Err);
  return S;
}

} // namespace python
} // namespace spawnguard

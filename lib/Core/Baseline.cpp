//===- Baseline.cpp -------------------------------------------------------===//

#include "spawnguard/Core/Baseline.h"
#include "spawnguard/Core/Fingerprint.h"
#include "spawnguard/Core/TextOutput.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"

namespace spawnguard {

void writeBaseline(llvm::raw_ostream &OS, llvm::ArrayRef<Finding> Findings,
                   llvm::StringRef BaseDirectory) {
  std::vector<std::string> Fingerprints =
      computeFingerprints(Findings, BaseDirectory);
  llvm::json::OStream J(OS, /*IndentSize=*/2);
  J.object([&] {
    J.attribute("version", BaselineFormatVersion);
    J.attributeArray("findings", [&] {
      for (size_t I = 0; I < Findings.size(); ++I)
        J.object([&] {
          J.attribute("fingerprint", Fingerprints[I]);
          // For people reading the file; only the fingerprint is matched.
          J.attribute("rule", Findings[I].Rule);
          J.attribute("file", displayPath(Findings[I].Loc.File, BaseDirectory));
          J.attribute("message", Findings[I].Message);
        });
    });
  });
  OS << '\n';
}

llvm::Expected<Baseline> readBaseline(llvm::StringRef Path) {
  auto Fail = [&](const llvm::Twine &Why) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "cannot read baseline '" + Path +
                                       "': " + Why);
  };
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
      llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return Fail(Buffer.getError().message());
  llvm::Expected<llvm::json::Value> Root =
      llvm::json::parse((*Buffer)->getBuffer());
  if (!Root)
    return Fail(llvm::toString(Root.takeError()));
  const llvm::json::Object *Obj = Root->getAsObject();
  if (!Obj)
    return Fail("not a JSON object");
  std::optional<int64_t> Version = Obj->getInteger("version");
  if (!Version || *Version != BaselineFormatVersion)
    return Fail("unsupported version (expected " +
                llvm::Twine(BaselineFormatVersion) + ")");
  const llvm::json::Array *Entries = Obj->getArray("findings");
  if (!Entries)
    return Fail("no 'findings' array");
  Baseline B;
  for (size_t I = 0; I < Entries->size(); ++I) {
    const llvm::json::Object *Entry = (*Entries)[I].getAsObject();
    std::optional<llvm::StringRef> FP =
        Entry ? Entry->getString("fingerprint") : std::nullopt;
    if (!FP)
      return Fail("findings[" + llvm::Twine(I) +
                  "] has no string 'fingerprint'");
    B.Fingerprints.insert(FP->str());
  }
  return B;
}

size_t applyBaseline(std::vector<Finding> &Findings, const Baseline &B,
                     llvm::StringRef BaseDirectory) {
  std::vector<std::string> Fingerprints =
      computeFingerprints(Findings, BaseDirectory);
  std::vector<Finding> Kept;
  for (size_t I = 0; I < Findings.size(); ++I)
    if (!B.Fingerprints.count(Fingerprints[I]))
      Kept.push_back(std::move(Findings[I]));
  size_t Removed = Findings.size() - Kept.size();
  Findings = std::move(Kept);
  return Removed;
}

} // namespace spawnguard

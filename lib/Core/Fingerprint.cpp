//===- Fingerprint.cpp ----------------------------------------------------===//

#include "spawnguard/Core/Fingerprint.h"
#include "spawnguard/Core/TextOutput.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/SHA256.h"

namespace spawnguard {

std::vector<std::string> computeFingerprints(llvm::ArrayRef<Finding> Findings,
                                             llvm::StringRef BaseDirectory) {
  std::vector<std::string> Result;
  llvm::StringMap<unsigned> Seen;
  for (const Finding &F : Findings) {
    llvm::SHA256 Hash;
    // Fields are separated by a byte that cannot occur in them.
    auto Add = [&](llvm::StringRef S) {
      Hash.update(S);
      Hash.update(llvm::StringRef("\0", 1));
    };
    Add(F.Rule);
    Add(displayPath(F.Loc.File, BaseDirectory));
    Add(F.Message);
    for (const TraceNote &Note : F.Trace)
      Add(Note.Message);
    std::array<uint8_t, 32> Digest = Hash.final();
    std::string Hex =
        llvm::toHex(llvm::ArrayRef<uint8_t>(Digest).take_front(16), true);
    unsigned Occurrence = ++Seen[Hex];
    Result.push_back(Hex + ":" + std::to_string(Occurrence));
  }
  return Result;
}

} // namespace spawnguard

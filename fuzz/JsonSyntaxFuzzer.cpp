//===- JsonSyntaxFuzzer.cpp - Fuzz the quick JSON check -------------------===//
//
// isWellFormedJson lets the driver skip llvm::json::parse on the
// compilation database. It may send a good document to the full parser,
// but it must never accept one that the full parser rejects: LLVM's loader
// would then echo the broken file. Any input also must not crash it or
// exhaust the stack, however deeply it nests.
//
//===----------------------------------------------------------------------===//

#include "FuzzChecks.h"
#include "spawnguard/Core/JsonSyntax.h"
#include "llvm/Support/JSON.h"

using namespace spawnguard;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Input(reinterpret_cast<const char *>(Data), Size);
  if (!isWellFormedJson(Input))
    return 0;
  llvm::Expected<llvm::json::Value> Parsed = llvm::json::parse(Input);
  if (!Parsed)
    fuzz::invariantBroken("accepted what llvm::json::parse rejects: " +
                          llvm::toString(Parsed.takeError()));
  return 0;
}

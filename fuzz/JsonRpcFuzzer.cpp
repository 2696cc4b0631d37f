//===- JsonRpcFuzzer.cpp - Fuzzes the LSP message reader ------------------===//
//
// Feeds the input to MessageReader in chunks whose sizes come from the input
// itself, draining messages after each chunk, so that both the parsing and
// the resynchronization after malformed messages see arbitrary splits.
// Links spawnguardLsp (only JsonRpc.cpp is pulled in) and LLVM.
//
//===----------------------------------------------------------------------===//

#include "spawnguard/Lsp/JsonRpc.h"
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  if (Size == 0)
    return 0;
  // The first byte picks the chunk size, so one corpus explores many splits.
  size_t Chunk = Data[0] % 64 + 1;
  llvm::StringRef Bytes(reinterpret_cast<const char *>(Data) + 1, Size - 1);
  spawnguard::lsp::MessageReader Reader;
  for (size_t Offset = 0; Offset < Bytes.size(); Offset += Chunk) {
    Reader.feed(Bytes.substr(Offset, Chunk));
    while (auto Message = Reader.next())
      if (!*Message)
        llvm::consumeError(Message->takeError());
  }
  return 0;
}

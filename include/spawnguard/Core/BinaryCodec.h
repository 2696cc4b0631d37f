//===- BinaryCodec.h - Compact, checked binary records ----------*- C++ -*-===//
//
// The building blocks of spawnguard's binary files (facts files, cache
// records): a framed record
//
//   magic (8 bytes) | u32 format version | u32 CRC-32 of payload |
//   u64 payload size | payload
//
// whose payload is a sequence of unsigned LEB128 integers and
// length-prefixed strings. Reading never trusts the input: the frame is
// checked before the payload is looked at, and the payload reader checks
// every length against what is left.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_CORE_BINARYCODEC_H
#define SPAWNGUARD_CORE_BINARYCODEC_H

#include "spawnguard/Core/Facts.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/LEB128.h"
#include "llvm/Support/raw_ostream.h"
#include <string>
#include <vector>

namespace spawnguard {

/// Wraps \p Payload in a frame. \p Magic must be exactly 8 bytes.
std::string frameRecord(llvm::StringRef Magic, uint32_t Version,
                        llvm::StringRef Payload);

/// The payload of a record framed with \p Magic and \p Version; an error
/// starting with "not a valid <What>: " otherwise.
llvm::Expected<llvm::StringRef> unframeRecord(llvm::StringRef Bytes,
                                              llvm::StringRef Magic,
                                              uint32_t Version,
                                              llvm::StringRef What);

class RecordWriter {
public:
  explicit RecordWriter(std::string &Out) : OS(Out) {}
  void num(uint64_t V) { llvm::encodeULEB128(V, OS); }
  void str(llvm::StringRef S) {
    num(S.size());
    OS << S;
  }
  void loc(const FactLocation &L) {
    num(L.File);
    num(L.Line);
    num(L.Column);
  }
  void strings(const std::vector<std::string> &List) {
    num(List.size());
    for (const std::string &S : List)
      str(S);
  }

private:
  llvm::raw_string_ostream OS;
};

/// A bounds-checked cursor. The first problem sticks: later reads return
/// zeros, and the caller reports the first error once at the end.
class RecordReader {
public:
  explicit RecordReader(llvm::StringRef Data)
      : Begin(Data.bytes_begin()), Pos(Data.bytes_begin()),
        End(Data.bytes_end()) {}

  uint64_t num();
  uint32_t num32();
  /// A count of items that each take at least one byte: anything larger
  /// than the rest of the input is corrupt, and must not drive a reserve().
  size_t count();
  std::string str();
  uint32_t index(size_t Limit, const char *What);
  template <typename Enum> Enum enumeration(Enum Last, const char *What) {
    uint64_t V = num();
    if (V > static_cast<uint64_t>(Last))
      fail((std::string("unknown ") + What).c_str());
    return static_cast<Enum>(V);
  }
  /// A 0 or 1.
  bool flag() {
    uint64_t V = num();
    if (V > 1)
      fail("flag out of range");
    return V == 1;
  }
  FactLocation loc(size_t Files);
  std::vector<std::string> strings();

  bool atEnd() const { return Pos == End; }
  void fail(const char *Why);
  /// Call after the last field: the first problem, or bytes left over, as
  /// "not a valid <What>: <problem>"; success otherwise.
  llvm::Error finish(llvm::StringRef What);
  /// The first problem, with its offset; empty while all is well.
  std::string Error;

private:
  const uint8_t *Begin, *Pos, *End;
};

} // namespace spawnguard

#endif // SPAWNGUARD_CORE_BINARYCODEC_H

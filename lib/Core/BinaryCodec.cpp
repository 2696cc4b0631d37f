//===- BinaryCodec.cpp ----------------------------------------------------===//

#include "spawnguard/Core/BinaryCodec.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CRC.h"
#include "llvm/Support/Endian.h"

namespace spawnguard {

static constexpr size_t MagicSize = 8;
static constexpr size_t HeaderSize = MagicSize + 4 + 4 + 8;

std::string frameRecord(llvm::StringRef Magic, uint32_t Version,
                        llvm::StringRef Payload) {
  assert(Magic.size() == MagicSize && "magic must be 8 bytes");
  std::string Out(Magic);
  char Buffer[8];
  llvm::support::endian::write32le(Buffer, Version);
  Out.append(Buffer, 4);
  llvm::support::endian::write32le(
      Buffer, llvm::crc32(llvm::arrayRefFromStringRef(Payload)));
  Out.append(Buffer, 4);
  llvm::support::endian::write64le(Buffer, Payload.size());
  Out.append(Buffer, 8);
  return Out + Payload.str();
}

llvm::Expected<llvm::StringRef> unframeRecord(llvm::StringRef Bytes,
                                              llvm::StringRef Magic,
                                              uint32_t Version,
                                              llvm::StringRef What) {
  using namespace llvm::support::endian;
  auto Corrupt = [&](const llvm::Twine &Why) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "not a valid " + What + ": " + Why);
  };
  if (Bytes.size() < HeaderSize || !Bytes.starts_with(Magic))
    return Corrupt("missing header");
  const char *Header = Bytes.data() + MagicSize;
  uint32_t Found = read32le(Header);
  if (Found != Version)
    return Corrupt("format version " + llvm::Twine(Found) + ", expected " +
                   llvm::Twine(Version));
  uint32_t Checksum = read32le(Header + 4);
  uint64_t Size = read64le(Header + 8);
  llvm::StringRef Payload = Bytes.drop_front(HeaderSize);
  if (Size != Payload.size())
    return Corrupt("payload size mismatch (truncated?)");
  if (llvm::crc32(llvm::arrayRefFromStringRef(Payload)) != Checksum)
    return Corrupt("checksum mismatch");
  return Payload;
}

uint64_t RecordReader::num() {
  // Not llvm::decodeULEB128: given a padded encoding longer than ten bytes,
  // it shifts by 64 or more, which is undefined (found by FactsReaderFuzzer).
  if (!Error.empty())
    return 0;
  uint64_t V = 0;
  for (const uint8_t *P = Pos;; ++P) {
    unsigned Shift = 7 * (P - Pos);
    if (P == End)
      return fail("malformed uleb128, extends past end"), 0;
    uint64_t Slice = *P & 0x7f;
    // The tenth byte holds bit 63 only; there is no eleventh.
    if (Shift > 63 || (Shift == 63 && Slice > 1))
      return fail("uleb128 too big for uint64"), 0;
    V |= Slice << Shift;
    if (!(*P & 0x80)) {
      Pos = P + 1;
      return V;
    }
  }
}

uint32_t RecordReader::num32() {
  uint64_t V = num();
  if (V > UINT32_MAX)
    fail("number out of range");
  return static_cast<uint32_t>(V);
}

size_t RecordReader::count() {
  uint64_t N = num();
  if (N > static_cast<uint64_t>(End - Pos))
    return fail("count larger than the data"), 0;
  return static_cast<size_t>(N);
}

std::string RecordReader::str() {
  size_t N = count();
  if (!Error.empty())
    return {};
  std::string S(reinterpret_cast<const char *>(Pos), N);
  Pos += N;
  return S;
}

uint32_t RecordReader::index(size_t Limit, const char *What) {
  uint32_t V = num32();
  if (V >= Limit)
    fail((std::string(What) + " index out of range").c_str());
  return V;
}

FactLocation RecordReader::loc(size_t Files) {
  FactLocation L;
  L.File = index(Files, "file");
  L.Line = num32();
  L.Column = num32();
  return L;
}

std::vector<std::string> RecordReader::strings() {
  std::vector<std::string> List(count());
  for (std::string &S : List)
    S = str();
  return List;
}

llvm::Error RecordReader::finish(llvm::StringRef What) {
  if (Error.empty() && !atEnd())
    fail("trailing data");
  if (Error.empty())
    return llvm::Error::success();
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "not a valid " + What + ": " + Error);
}

void RecordReader::fail(const char *Why) {
  if (Error.empty())
    Error =
        std::string(Why) + " at payload offset " + std::to_string(Pos - Begin);
}

} // namespace spawnguard

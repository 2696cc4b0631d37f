//===- FactsReaderFuzzer.cpp - Fuzz the facts file reader -----------------===//
//
// Facts files come from caches, CI artifacts and other machines, so
// readFacts must turn any bytes into a unit or an error, never a crash.
//
// Random bytes almost never carry a valid CRC-32, which would keep the
// fuzzer at the checksum test. So each input is read twice: as given, and
// with the header's size and checksum rewritten to match the payload, which
// lets mutations reach every table of the payload. What reads back goes
// through linking, the search and every output format.
//
//===----------------------------------------------------------------------===//

#include "FuzzChecks.h"
#include "spawnguard/Core/FactsIO.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CRC.h"
#include "llvm/Support/Endian.h"

using namespace spawnguard;

static constexpr size_t HeaderSize = 8 + 4 + 4 + 8;

static void readAndUse(llvm::StringRef Bytes) {
  llvm::Expected<FactsUnit> Unit = readFacts(Bytes);
  if (!Unit) {
    // Errors are the expected outcome; they must say what they are.
    std::string Message = llvm::toString(Unit.takeError());
    if (!llvm::StringRef(Message).starts_with(
            "not a valid spawnguard facts file: "))
      fuzz::invariantBroken("unexpected error text: " + Message);
    return;
  }
  fuzz::linkSearchAndPrint(*Unit);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Input(reinterpret_cast<const char *>(Data), Size);
  readAndUse(Input);
  if (Size < HeaderSize)
    return 0;
  std::string Fixed = Input.str();
  llvm::StringRef Payload = Input.drop_front(HeaderSize);
  llvm::support::endian::write32le(
      &Fixed[12], llvm::crc32(llvm::arrayRefFromStringRef(Payload)));
  llvm::support::endian::write64le(&Fixed[16], Payload.size());
  if (Fixed != Input)
    readAndUse(Fixed);
  return 0;
}

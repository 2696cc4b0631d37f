//===- FactsIO.h - Facts files: write and read back -------------*- C++ -*-===//
//
// The on-disk form of a FactsUnit, so that extraction and linking can run in
// different processes (or machines). Layout:
//
//   magic "SGFACTS\0" | u32 format version | u32 CRC-32 of payload |
//   u64 payload size | payload
//
// The payload is the unit's tables in order, with unsigned LEB128 integers
// and length-prefixed strings. Reading never trusts the input: sizes, the
// checksum, every index and every enum value are checked, and any mismatch
// is an error naming what was wrong, never a crash.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_CORE_FACTSIO_H
#define SPAWNGUARD_CORE_FACTSIO_H

#include "spawnguard/Core/Facts.h"
#include "llvm/Support/Error.h"
#include <string>

namespace spawnguard {

/// Bump on any change to the layout or to the meaning of a field.
constexpr uint32_t FactsFormatVersion = 3;

std::string writeFacts(const FactsUnit &Unit);

llvm::Expected<FactsUnit> readFacts(llvm::StringRef Bytes);

} // namespace spawnguard

#endif // SPAWNGUARD_CORE_FACTSIO_H

//===- FuzzChecks.h - What every fuzz target runs on what it parsed -*- C++
//-*-===//
//
// The fuzz targets feed hostile bytes to a reader (the Python front end, the
// facts file reader, the configuration reader). Whatever the reader accepts
// then goes through the rest of the pipeline, so a fact that parses but
// breaks the linker, the search or an output format is found too.
//
// A broken invariant is reported through abort(), which libFuzzer records
// as a crash with the input that caused it.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_FUZZ_FUZZCHECKS_H
#define SPAWNGUARD_FUZZ_FUZZCHECKS_H

#include "spawnguard/Core/Facts.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/Twine.h"

namespace spawnguard {
namespace fuzz {

/// Prints \p Why and aborts, so libFuzzer saves the input.
[[noreturn]] void invariantBroken(const llvm::Twine &Why);

/// Checks that each unit survives a round trip through the facts format
/// unchanged, then links the units, searches every rule (honouring and
/// ignoring suppressions) and prints the findings in every output format.
void linkSearchAndPrint(llvm::ArrayRef<FactsUnit> Units);

} // namespace fuzz
} // namespace spawnguard

#endif // SPAWNGUARD_FUZZ_FUZZCHECKS_H

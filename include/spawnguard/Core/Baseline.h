//===- Baseline.h - Adopting spawnguard on a legacy code base ---*- C++ -*-===//
//
// A baseline file lists the fingerprints (see Fingerprint.h) of the findings
// a project has accepted. With --baseline, findings whose fingerprint is
// listed are dropped, so CI fails only on new ones; because fingerprints do
// not contain line numbers, entries survive unrelated edits.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_CORE_BASELINE_H
#define SPAWNGUARD_CORE_BASELINE_H

#include "spawnguard/Core/Finding.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"
#include <set>
#include <string>
#include <vector>

namespace spawnguard {

constexpr unsigned BaselineFormatVersion = 1;

struct Baseline {
  std::set<std::string> Fingerprints;
};

/// Writes the baseline for \p Findings (canonical order) as JSON.
void writeBaseline(llvm::raw_ostream &OS, llvm::ArrayRef<Finding> Findings,
                   llvm::StringRef BaseDirectory);

/// Reads a baseline file; errors name the file and what is wrong.
llvm::Expected<Baseline> readBaseline(llvm::StringRef Path);

/// Removes the findings listed in \p B. Returns how many were removed.
size_t applyBaseline(std::vector<Finding> &Findings, const Baseline &B,
                     llvm::StringRef BaseDirectory);

} // namespace spawnguard

#endif // SPAWNGUARD_CORE_BASELINE_H

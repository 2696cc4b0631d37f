//===- Fingerprint.h - Line-independent identities of findings --*- C++ -*-===//
//
// A fingerprint names a finding in a way that survives edits elsewhere in the
// file: it hashes the rule, the root's file (relative to the base directory),
// the warning's message and the messages of the trace, but no line or column.
// SARIF's partialFingerprints and baseline files use the same value, so a
// finding keeps its identity when unrelated lines move.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_CORE_FINGERPRINT_H
#define SPAWNGUARD_CORE_FINGERPRINT_H

#include "spawnguard/Core/Finding.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace spawnguard {

/// The key under which SARIF output stores the fingerprint.
constexpr llvm::StringLiteral FingerprintKey = "spawnguard/v1";

/// One fingerprint per finding, in the same order: 32 hex digits of a
/// SHA-256 over the line-independent content, then ':' and the 1-based
/// occurrence of that content among \p Findings (two identical chains from
/// one root to two sinks in one function). \p Findings must be canonical.
std::vector<std::string> computeFingerprints(llvm::ArrayRef<Finding> Findings,
                                             llvm::StringRef BaseDirectory);

} // namespace spawnguard

#endif // SPAWNGUARD_CORE_FINGERPRINT_H

//===- NoLint.h - clang-tidy style suppression comments ---------*- C++ -*-===//
//
// Reads NOLINT, NOLINTNEXTLINE and NOLINTBEGIN/NOLINTEND comments from a
// source buffer, with clang-tidy's syntax: an optional parenthesized,
// comma-separated list of check globs directly after the keyword.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_CPP_NOLINT_H
#define SPAWNGUARD_CPP_NOLINT_H

#include "spawnguard/Core/Facts.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringRef.h"
#include <vector>

namespace spawnguard {

class NoLintIndex {
public:
  /// Scans \p Buffer once; lookups are then cheap.
  explicit NoLintIndex(llvm::StringRef Buffer);

  /// The suppressions that apply to 1-based line \p Line.
  SuppressionList at(unsigned Line) const;

private:
  struct Region {
    unsigned Begin, End; // Inclusive lines.
    SuppressionList Globs;
  };
  llvm::DenseMap<unsigned, SuppressionList> Lines;
  std::vector<Region> Regions;
};

} // namespace spawnguard

#endif // SPAWNGUARD_CPP_NOLINT_H

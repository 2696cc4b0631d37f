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
#include "spawnguard/Core/UnusedSuppressions.h"
#include "llvm/ADT/ArrayRef.h"
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

  /// Every well-formed suppression comment, in file order, with the lines
  /// it covers: for reporting the ones that suppress nothing. An END is
  /// part of its BEGIN's comment; a stray END is not a comment.
  llvm::ArrayRef<SuppressionComment> comments() const { return Comments; }

private:
  struct Region {
    unsigned Begin, End; // Inclusive lines.
    SuppressionList Globs;
  };
  llvm::DenseMap<unsigned, SuppressionList> Lines;
  std::vector<Region> Regions;
  std::vector<SuppressionComment> Comments;
};

/// Reads each of \p Files (absolute paths; unreadable ones are skipped) and
/// returns its suppression comments, in the order of \p Files.
std::vector<SuppressionComment>
scanSuppressionComments(llvm::ArrayRef<std::string> Files);

} // namespace spawnguard

#endif // SPAWNGUARD_CPP_NOLINT_H

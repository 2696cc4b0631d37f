//===- UnusedSuppressions.h - NOLINT comments that silence nothing -*- C++ -*-//
//
// Like ruff's RUF100: with --report-unused-suppressions, a suppression
// comment that names a spawnguard rule (by name, code or a glob such as
// 'spawnguard-*'; not a bare NOLINT or '*', which may be meant for other
// tools) but silences no finding of that rule is itself reported.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_CORE_UNUSEDSUPPRESSIONS_H
#define SPAWNGUARD_CORE_UNUSEDSUPPRESSIONS_H

#include "spawnguard/Core/Facts.h"
#include "spawnguard/Core/Finding.h"
#include "llvm/ADT/ArrayRef.h"
#include <string>
#include <vector>

namespace spawnguard {

/// One suppression comment, as a front end found it.
struct SuppressionComment {
  std::string File;
  /// Where the keyword starts (1-based).
  unsigned Line = 0;
  unsigned Column = 0;
  /// As written, e.g. "NOLINTNEXTLINE(SG101)".
  std::string Text;
  SuppressionList Globs;
  /// The lines it covers, inclusive.
  unsigned FirstLine = 0;
  unsigned LastLine = 0;
};

/// The rule under which unused suppressions are reported.
constexpr llvm::StringLiteral UnusedSuppressionRule =
    "spawnguard-unused-suppression";

/// Findings for the comments in \p Comments that name a spawnguard rule but
/// cover neither the root line nor the sink line of any finding of that rule
/// in \p Suppressed (the findings that suppressions removed).
std::vector<Finding>
findUnusedSuppressions(llvm::ArrayRef<SuppressionComment> Comments,
                       llvm::ArrayRef<Finding> Suppressed);

} // namespace spawnguard

#endif // SPAWNGUARD_CORE_UNUSEDSUPPRESSIONS_H

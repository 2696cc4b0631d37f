//===- Finding.h - A diagnosed root-to-sink path ----------------*- C++ -*-===//
//
// A finding is what every output format prints: the rule, the warning at the
// root, and one note per step of the trace down to the process-creating call.
// Findings hold resolved paths, not unit indices, so that they can be sorted,
// compared and printed without the facts they came from.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_CORE_FINDING_H
#define SPAWNGUARD_CORE_FINDING_H

#include <string>
#include <vector>

namespace spawnguard {

struct SourcePoint {
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;
};

bool operator==(const SourcePoint &A, const SourcePoint &B);
bool operator<(const SourcePoint &A, const SourcePoint &B);

struct TraceNote {
  SourcePoint Loc;
  std::string Message;
};

struct Finding {
  std::string Rule;
  SourcePoint Loc;
  std::string Message;
  std::vector<TraceNote> Trace;

  // What the configuration decides on (see applyConfig); not printed, and
  // not part of a finding's identity.

  /// The process is started with the platform's default start method
  /// (Python), so the finding is moot where the project pins 'fork'.
  bool DefaultStartMethod = false;
  /// For a finding from a root the configuration declares: the function
  /// it names.
  std::string ConfiguredRoot;
};

/// Orders findings by location, then rule, message and trace, so that output
/// does not depend on the order in which units were analysed.
bool operator<(const Finding &A, const Finding &B);
bool operator==(const Finding &A, const Finding &B);

/// Sorts findings into their canonical order and drops exact duplicates (the
/// same root seen from several translation units).
void canonicalize(std::vector<Finding> &Findings);

} // namespace spawnguard

#endif // SPAWNGUARD_CORE_FINDING_H

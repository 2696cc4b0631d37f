//===- Reachability.h - From roots to process-creating calls ----*- C++ -*-===//

#ifndef SPAWNGUARD_CORE_REACHABILITY_H
#define SPAWNGUARD_CORE_REACHABILITY_H

#include "spawnguard/Core/Finding.h"
#include "spawnguard/Core/ProgramGraph.h"
#include "spawnguard/Core/Rules.h"
#include <vector>

namespace spawnguard {

/// Reports every (root, process-creating call) pair where the call is
/// reachable from the root, with the shortest trace, for the enabled rules.
/// Findings suppressed by a NOLINT at the root or at the sink are dropped,
/// unless \p HonorSuppressions is false.
/// The result is in canonical order (see canonicalize()).
std::vector<Finding> findReachableSinks(const ProgramGraph &Graph,
                                        const RuleSelection &Selection,
                                        bool HonorSuppressions = true);

} // namespace spawnguard

#endif // SPAWNGUARD_CORE_REACHABILITY_H

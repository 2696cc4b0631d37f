//===- Parallel.h - Independent jobs over a thread pool ---------*- C++ -*-===//
//
// Both front ends turn N inputs into N results that do not depend on each
// other. Each job writes only its own slot of a result vector, and the
// caller reads the slots in input order, so the output is the same for any
// number of threads.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_CORE_PARALLEL_H
#define SPAWNGUARD_CORE_PARALLEL_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include <cstddef>

namespace spawnguard {

/// The number of threads for \p Jobs: itself, or one per core if 0.
unsigned threadCount(unsigned Jobs);

/// Calls \p Job(0) ... \p Job(Count - 1) on threadCount(Jobs) threads, and
/// returns when all have returned. With one thread, or one job, they run in
/// order on the calling thread.
void forEachIndex(unsigned Jobs, size_t Count,
                  llvm::function_ref<void(size_t)> Job);

} // namespace spawnguard

#endif // SPAWNGUARD_CORE_PARALLEL_H

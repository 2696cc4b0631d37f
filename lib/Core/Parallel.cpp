//===- Parallel.cpp -------------------------------------------------------===//

#include "spawnguard/Core/Parallel.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"

namespace spawnguard {

unsigned threadCount(unsigned Jobs) {
  return Jobs ? Jobs : llvm::hardware_concurrency().compute_thread_count();
}

void forEachIndex(unsigned Jobs, size_t Count,
                  llvm::function_ref<void(size_t)> Job) {
  unsigned Threads = threadCount(Jobs);
  if (Threads <= 1 || Count <= 1) {
    for (size_t I = 0; I < Count; ++I)
      Job(I);
    return;
  }
  llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(Threads));
  for (size_t I = 0; I < Count; ++I)
    Pool.async([Job, I] { Job(I); });
  Pool.wait();
}

} // namespace spawnguard

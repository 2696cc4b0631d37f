// Finds out how many GPUs the machine has.
#pragma once

namespace demo {

/// Asks nvidia-smi; returns 0 if it is not installed.
int query_gpu_count();

/// The count found when the library was loaded.
int cached_gpu_count();

} // namespace demo

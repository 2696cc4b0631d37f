#include "demo/gpu_probe.h"

#include <cstdio>

namespace demo {

int query_gpu_count() {
  FILE *pipe = popen("nvidia-smi -L 2>/dev/null", "r");
  if (!pipe)
    return 0;
  int count = 0;
  for (int c; (c = std::fgetc(pipe)) != EOF;)
    count += c == '\n';
  pclose(pipe);
  return count;
}

namespace {
int g_cached_gpus = 0;

// BUG: a constructor function runs before main, and popen starts a shell.
__attribute__((constructor)) void detect_gpus() {
  FILE *pipe = popen("nvidia-smi -L 2>/dev/null", "r");
  if (!pipe)
    return;
  for (int c; (c = std::fgetc(pipe)) != EOF;)
    g_cached_gpus += c == '\n';
  pclose(pipe);
}
} // namespace

int cached_gpu_count() { return g_cached_gpus; }

} // namespace demo

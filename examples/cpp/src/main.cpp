// The demo's entry point. Everything in this file is a look-alike of a bug
// elsewhere, and none of it is reported.

#include "demo/crash_reporter.h"
#include "demo/gpu_probe.h"
#include "demo/logger.h"
#include "demo/metrics.h"
#include "demo/process_util.h"
#include "demo/worker.h"

#include <cstdio>
#include <cstdlib>
#include <functional>

namespace {

// Look-alike: system(NULL) only asks whether a shell exists; it starts
// nothing, even though it runs in a dynamic initializer.
const bool g_have_shell = std::system(nullptr) != 0;

void restart_metrics_agent() { demo::launch_sidecar("metrics-agent"); }

// Look-alike: storing a function pointer calls nothing. It is constant
// initialization, and the pointer is only called from main.
void (*g_on_agent_crash)() = restart_metrics_agent;

// Look-alike: a global std::function built from a lambda that would run a
// shell. Building it does not call the lambda, and nobody ever does.
const std::function<void()> g_fallback_cleanup = [] {
  demo::run_command("rm -rf /tmp/demo-cache");
};

// Look-alike: a global whose class has a start() method that creates a
// process. The constructor only stores the name; start() runs from main.
demo::Worker g_indexer("indexer");

} // namespace

int main() {
  // Look-alikes: the same helpers that are bugs elsewhere, called from main.
  demo::install_crash_uploader();
  if (g_have_shell)
    demo::run_command("gzip -f app.log.2");
  g_indexer.start();
  if (!g_indexer.running())
    g_on_agent_crash();

  demo::Logger::instance().log("started");
  demo::g_metrics.record("gpus", demo::cached_gpu_count());
  std::printf("%d GPUs now\n", demo::query_gpu_count());
  return 0;
}

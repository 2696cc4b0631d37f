#include "demo/metrics.h"

#include "demo/process_util.h"

#include <cstdio>

namespace demo {

MetricsExporter::MetricsExporter(std::string agent) : agent_(std::move(agent)) {
  // BUG: g_metrics below is built before main, so this starts a process
  // while the program is still being initialized.
  agent_pid_ = launch_sidecar(agent_);
}

void MetricsExporter::record(const std::string &name, double value) {
  std::printf("metric %s=%g (agent %d)\n", name.c_str(), value, agent_pid_);
}

MetricsExporter g_metrics{"metrics-agent"};

} // namespace demo

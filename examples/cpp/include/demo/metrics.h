// Exports process metrics through a sidecar agent.
#pragma once

#include <string>

namespace demo {

class MetricsExporter {
public:
  explicit MetricsExporter(std::string agent);
  void record(const std::string &name, double value);

private:
  std::string agent_;
  int agent_pid_ = -1;
};

/// The process-wide exporter.
extern MetricsExporter g_metrics;

} // namespace demo

// A background worker process, started on demand.
#pragma once

#include "demo/process_util.h"

#include <string>

namespace demo {

class Worker {
public:
  explicit Worker(std::string name) : name_(std::move(name)) {}

  // Not QProcess::start: spawnguard matches sinks by their declaration, so a
  // user's own 'start' is an ordinary function. It does create a process,
  // through launch_sidecar, but only when someone calls it.
  void start() { pid_ = launch_sidecar(name_); }
  bool running() const { return pid_ > 0; }

private:
  std::string name_;
  int pid_ = -1;
};

} // namespace demo

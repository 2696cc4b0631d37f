// Small helpers around process creation, shared by the whole program.
#pragma once

#include <string>

namespace demo {

/// Starts `program` in the background and returns its pid (or -1).
int launch_sidecar(const std::string &program);

/// Runs a shell command and returns its exit status.
int run_command(const std::string &command);

} // namespace demo

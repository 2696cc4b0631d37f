#include "demo/process_util.h"

#include <cstdlib>
#include <spawn.h>

extern char **environ;

namespace demo {

int launch_sidecar(const std::string &program) {
  pid_t pid = -1;
  char *argv[] = {const_cast<char *>(program.c_str()), nullptr};
  if (posix_spawnp(&pid, program.c_str(), nullptr, nullptr, argv, environ) != 0)
    return -1;
  return pid;
}

int run_command(const std::string &command) {
  return std::system(command.c_str());
}

} // namespace demo

#include "demo/crash_reporter.h"

#include <cstdlib>
#include <sys/wait.h>
#include <unistd.h>

namespace demo {
namespace {

void upload_pending_reports() {
  // BUG: this runs from exit(), after main, when other static objects may
  // already be gone.
  pid_t pid = fork();
  if (pid == 0) {
    execlp("crash-uploader", "crash-uploader", "--pending", (char *)nullptr);
    _exit(127);
  }
  if (pid > 0)
    waitpid(pid, nullptr, 0);
}

} // namespace

void install_crash_uploader() { std::atexit(upload_pending_reports); }

} // namespace demo

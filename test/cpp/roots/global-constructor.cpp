// RUN: not %spawnguard %s -- -std=c++20 2>&1 | %check-notes %s

#include <functional>
#include <spawn.h>
#include <unistd.h>

int spawnHelper() {
  pid_t pid;
  char *argv[] = {nullptr};
  return posix_spawn(&pid, "/usr/libexec/helper", nullptr, nullptr, argv,
                     nullptr);
}

struct Launcher {
  Launcher() { spawnHelper(); }
  int pid() const { return 0; }
};

struct Service : Launcher {
  int port = 80;
};

struct Host {
  Launcher launcher;
  Host() {}
};

// Positives: a global object, an array of them, a derived class whose
// implicit constructor runs the base's, a member built by a constructor, and
// a temporary built inside an initializer.
Launcher g_launcher;
// CHECK: :[[@LINE-1]]:10: warning: process creation reachable during static initialization of 'g_launcher' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-18]]:16: note: 'Launcher::Launcher' calls 'spawnHelper' here
// CHECK: :[[@LINE-24]]:10: note: 'spawnHelper' creates a process with 'posix_spawn' here
Launcher g_launchers[2];
// CHECK: :[[@LINE-1]]:10: warning: process creation reachable during static initialization of 'g_launchers' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-22]]:16: note: 'Launcher::Launcher' calls 'spawnHelper' here
// CHECK: :[[@LINE-28]]:10: note: 'spawnHelper' creates a process with 'posix_spawn' here
Service g_service;
// CHECK: :[[@LINE-1]]:9: warning: process creation reachable during static initialization of 'g_service' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-22]]:8: note: 'Service::Service' calls 'Launcher::Launcher' here
// CHECK: :[[@LINE-27]]:16: note: 'Launcher::Launcher' calls 'spawnHelper' here
// CHECK: :[[@LINE-33]]:10: note: 'spawnHelper' creates a process with 'posix_spawn' here
Host g_host;
// CHECK: :[[@LINE-1]]:6: warning: process creation reachable during static initialization of 'g_host' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-21]]:3: note: 'Host::Host' calls 'Launcher::Launcher' here
// CHECK: :[[@LINE-32]]:16: note: 'Launcher::Launcher' calls 'spawnHelper' here
// CHECK: :[[@LINE-38]]:10: note: 'spawnHelper' creates a process with 'posix_spawn' here
int g_pid = Launcher().pid();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'g_pid' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:13: note: the initializer of 'g_pid' calls 'Launcher::Launcher' here
// CHECK: :[[@LINE-37]]:16: note: 'Launcher::Launcher' calls 'spawnHelper' here
// CHECK: :[[@LINE-43]]:10: note: 'spawnHelper' creates a process with 'posix_spawn' here

// Look-alikes: nothing here runs the constructor before main.
struct Point {
  constexpr Point(int x, int y) : x(x), y(y) {}
  int x, y;
};
constexpr Point kOrigin{0, 0};
constinit Point g_cursor{1, 2};
Launcher *g_lazy = nullptr;
int (*g_spawnHook)() = spawnHelper;
auto g_deferred = [] { return spawnHelper(); };
std::function<int()> g_callback = [] { return spawnHelper(); };
std::function<int()> g_plain = spawnHelper;

int main() {
  Launcher local;
  g_lazy = new Launcher;
  return g_spawnHook() + g_deferred() + g_callback() + g_plain() + local.pid();
}

// CHECK: spawnguard: 5 findings in 1 translation unit

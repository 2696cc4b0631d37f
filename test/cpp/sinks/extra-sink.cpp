// RUN: not %spawnguard %s --sink=corp::launch -- -std=c++17 2>&1 | %check-notes %s
// RUN: not %spawnguard %s --sink=::corp::launch -- -std=c++17 2>&1 | %check-notes %s
// Without the option corp::launch is an ordinary function.
// RUN: %spawnguard %s -- -std=c++17 2>&1 | FileCheck --check-prefix=DEFAULT %s

namespace corp {
int launch(const char *command);
struct Launcher {
  int launch(const char *command);
};
namespace detail {
int launch(const char *command);
}
} // namespace corp
namespace other {
int launch(const char *command);
}
int launch(const char *command);

int g_job = corp::launch("indexer");
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'g_job' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:13: note: the initializer of 'g_job' creates a process with 'corp::launch' here

struct Plugin {
  Plugin() {
    using corp::launch;
    launch("plugin-host");
  }
};
Plugin g_plugin;
// CHECK: :[[@LINE-1]]:8: warning: process creation reachable during static initialization of 'g_plugin' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-5]]:5: note: 'Plugin::Plugin' creates a process with 'corp::launch' here

// Look-alikes: the same name in other scopes is not the configured sink.
corp::Launcher g_launcher;
int g_member = g_launcher.launch("x");
int g_detail = corp::detail::launch("x");
int g_other = other::launch("x");
int g_global = ::launch("x");

int main() { return corp::launch("late"); }

// CHECK: spawnguard: 2 findings in 1 translation unit
// DEFAULT: spawnguard: 0 findings in 1 translation unit

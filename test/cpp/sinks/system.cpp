// RUN: not %spawnguard %s -- -std=c++17 2>&1 | %check-notes %s

#include <cstdlib>
#include <stdlib.h>

static const char *g_command = "ls /tmp";

int g_plain = system("ldconfig");
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'g_plain' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:15: note: the initializer of 'g_plain' creates a process with 'system' here
int g_std = std::system("ldconfig");
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'g_std' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:13: note: the initializer of 'g_std' creates a process with 'system' here
int g_global = ::system(g_command);
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'g_global' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:16: note: the initializer of 'g_global' creates a process with 'system' here

struct Reloader {
  ~Reloader() { std::system("systemctl reload app"); }
};
Reloader g_reloader;
// CHECK: :[[@LINE-1]]:10: warning: process creation reachable during static destruction of 'g_reloader' [spawnguard-spawn-after-main]
// CHECK: :[[@LINE-4]]:17: note: 'Reloader::~Reloader' creates a process with 'system' here

// Look-alikes: system(NULL) only asks whether a shell exists, and a user
// function or method named system is not the C library's.
int g_hasShell = system(NULL);
int g_hasShellZero = system(0);
int g_hasShellStd = std::system(nullptr);
namespace mine {
int system(const char *) { return 0; }
} // namespace mine
struct Solar {
  int system(const char *) { return 8; }
};
Solar g_solar;
int g_mine = mine::system("ldconfig") + g_solar.system("planets");
int g_env = std::getenv("PATH") != nullptr;

int main() { return system("ldconfig"); }

// CHECK: spawnguard: 4 findings in 1 translation unit

// RUN: not %spawnguard %s -- -std=c++17 2>&1 | %check-notes %s

#include <stdlib.h>

inline int runSetupScript() { return system("./setup.sh"); }

// An inline variable is initialized before main like any other global.
inline int g_setupStatus = runSetupScript();
// CHECK: :[[@LINE-1]]:12: warning: process creation reachable during static initialization of 'g_setupStatus' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:28: note: the initializer of 'g_setupStatus' calls 'runSetupScript' here
// CHECK: :[[@LINE-6]]:38: note: 'runSetupScript' creates a process with 'system' here

struct Config {
  // So is an inline static data member.
  static inline int status = system("./configure");
  // CHECK: :[[@LINE-1]]:21: warning: process creation reachable during static initialization of 'Config::status' [spawnguard-spawn-before-main]
  // CHECK: :[[@LINE-2]]:30: note: the initializer of 'Config::status' creates a process with 'system' here
};

// Look-alikes: constant initialization, and a pointer to the function.
inline constexpr int kRetries = 3;
inline int g_attempts = kRetries + 1;
inline int (*g_setupHook)() = runSetupScript;
struct Options {
  static inline const char *command = "./setup.sh";
};

int main() { return g_setupHook() + g_attempts + Config::status; }

// CHECK: spawnguard: 2 findings in 1 translation unit

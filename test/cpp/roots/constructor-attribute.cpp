// RUN: not %spawnguard %s -- -std=c++17 2>&1 | %check-notes %s

#include <stdio.h>
#include <unistd.h>

static void startLogger() {
  FILE *pipe = popen("logger -t app", "w");
  (void)pipe;
}

__attribute__((constructor)) static void initLogging() { startLogger(); }
// CHECK: :[[@LINE-1]]:42: warning: process creation reachable from constructor function 'initLogging', which runs before 'main' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:58: note: 'initLogging' calls 'startLogger' here
// CHECK: :[[@LINE-7]]:16: note: 'startLogger' creates a process with 'popen' here

[[gnu::constructor]] void initWatchdog() { vfork(); }
// CHECK: :[[@LINE-1]]:27: warning: process creation reachable from constructor function 'initWatchdog', which runs before 'main' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:44: note: 'initWatchdog' creates a process with 'vfork' here

__attribute__((constructor(101))) void initEarly() { _Fork(); }
// CHECK: :[[@LINE-1]]:40: warning: process creation reachable from constructor function 'initEarly', which runs before 'main' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:54: note: 'initEarly' creates a process with '_Fork' here

// Look-alikes: a constructor function that spawns nothing, one that is only
// declared here (its body is elsewhere), a class constructor only used in
// main, and functions with unrelated attributes.
__attribute__((constructor)) static void initQuiet() { startLogger; }
__attribute__((constructor)) void initInOtherFile();
struct Spawner {
  Spawner() { fork(); }
};
__attribute__((cold)) void rarely() { fork(); }
[[gnu::used]] static void kept() { vfork(); }

int main() {
  Spawner s;
  rarely();
  return 0;
}

// CHECK: spawnguard: 3 findings in 1 translation unit

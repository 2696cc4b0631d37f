// RUN: not %spawnguard %s -- -std=c++17 2>&1 | %check-notes %s

// glibc declares at_quick_exit as extern "C++" (with an asm label) when
// compiling C++; its handlers still run after main, on quick_exit.
#include <cstdlib>
#include <unistd.h>

static void quickReport() { fork(); }
static void quickStd() { vfork(); }

int main() {
  at_quick_exit(quickReport);
  // CHECK: :[[@LINE-1]]:17: warning: process creation reachable from exit handler 'quickReport', registered here with 'at_quick_exit' [spawnguard-spawn-after-main]
  // CHECK: :[[@LINE-6]]:29: note: 'quickReport' creates a process with 'fork' here
  std::at_quick_exit(quickStd);
  // CHECK: :[[@LINE-1]]:22: warning: process creation reachable from exit handler 'quickStd', registered here with 'at_quick_exit' [spawnguard-spawn-after-main]
  // CHECK: :[[@LINE-8]]:26: note: 'quickStd' creates a process with 'vfork' here
  return 0;
}

// CHECK: spawnguard: 2 findings in 1 translation unit

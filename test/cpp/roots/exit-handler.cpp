// RUN: not %spawnguard %s -- -std=c++17 2>&1 | %check-notes %s

#include <cstdlib>
#include <stdlib.h>
#include <unistd.h>

extern "C" int __cxa_atexit(void (*fn)(void *), void *arg, void *dso);
extern "C" void *__dso_handle;

static void notifyParent() { system("./notify-parent"); }
static void restartSelf() { execl("/proc/self/exe", "self", (char *)0); }
static void forkCleaner(void *) { fork(); }
static void viaStd() { vfork(); }
static void quietHandler() {}

// An exit handler runs after main even when main itself registers it.
int main() {
  atexit(notifyParent);
  // CHECK: :[[@LINE-1]]:10: warning: process creation reachable from exit handler 'notifyParent', registered here with 'atexit' [spawnguard-spawn-after-main]
  // CHECK: :[[@LINE-10]]:30: note: 'notifyParent' creates a process with 'system' here
  atexit(&restartSelf);
  // CHECK: :[[@LINE-1]]:10: warning: process creation reachable from exit handler 'restartSelf', registered here with 'atexit' [spawnguard-spawn-after-main]
  // CHECK: :[[@LINE-12]]:29: note: 'restartSelf' replaces the process image with 'execl' here
  __cxa_atexit(forkCleaner, nullptr, __dso_handle);
  // CHECK: :[[@LINE-1]]:16: warning: process creation reachable from exit handler 'forkCleaner', registered here with '__cxa_atexit' [spawnguard-spawn-after-main]
  // CHECK: :[[@LINE-14]]:35: note: 'forkCleaner' creates a process with 'fork' here
  std::atexit(viaStd);
  // CHECK: :[[@LINE-1]]:15: warning: process creation reachable from exit handler 'viaStd', registered here with 'atexit' [spawnguard-spawn-after-main]
  // CHECK: :[[@LINE-16]]:24: note: 'viaStd' creates a process with 'vfork' here

  // Look-alikes: a handler that spawns nothing, and spawning code that is
  // only called, not registered.
  atexit(quietHandler);
  notifyParent();
  return 0;
}

// CHECK: spawnguard: 4 findings in 1 translation unit

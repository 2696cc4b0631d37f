// RUN: not %spawnguard %s -- -std=c++17 2>&1 | %check-notes %s

#include <stdlib.h>

static void notifyParent() { system("./notify-parent"); }

int main() {
  // A captureless lambda converts to the function pointer atexit takes.
  atexit([] { notifyParent(); });
  // CHECK: :[[@LINE-1]]:10: warning: process creation reachable from exit handler 'lambda at exit-handler-lambda.cpp:[[@LINE-1]]:10', registered here with 'atexit' [spawnguard-spawn-after-main]
  // CHECK: :[[@LINE-2]]:15: note: 'lambda at exit-handler-lambda.cpp:[[@LINE-2]]:10' calls 'notifyParent' here
  // CHECK: :[[@LINE-7]]:30: note: 'notifyParent' creates a process with 'system' here
  // Look-alike: a lambda converted to a pointer but never registered.
  void (*unused)() = [] { notifyParent(); };
  (void)unused;
  return 0;
}

// CHECK: spawnguard: 1 finding in 1 translation unit

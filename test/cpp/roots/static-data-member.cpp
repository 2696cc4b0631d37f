// RUN: not %spawnguard %s -- -std=c++17 2>&1 | %check-notes %s

#include <unistd.h>

int startWorker() { return fork(); }

struct Registry {
  static int worker;
  static int counter;
  static const int limit = 4;
  static int (*onStart)();
};

// A static data member whose definition calls a spawning function.
int Registry::worker = startWorker();
// CHECK: :[[@LINE-1]]:15: warning: process creation reachable during static initialization of 'Registry::worker' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:24: note: the initializer of 'Registry::worker' calls 'startWorker' here
// CHECK: :[[@LINE-13]]:28: note: 'startWorker' creates a process with 'fork' here

// Look-alikes: constant initializers and a stored function pointer run no
// code before main.
int Registry::counter = Registry::limit * 2;
int (*Registry::onStart)() = startWorker;

int main() { return Registry::onStart(); }

// CHECK: spawnguard: 1 finding in 1 translation unit

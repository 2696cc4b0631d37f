// RUN: not %spawnguard %s -- -std=c++17 2>&1 | %check-notes %s

#include <unistd.h>

template <typename T> int launched = T::launch();
// CHECK: :[[@LINE-1]]:27: warning: process creation reachable during static initialization of 'launched<Daemonizer>' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:38: note: the initializer of 'launched<Daemonizer>' calls 'Daemonizer::launch' here
// CHECK: :[[@LINE+5]]:32: note: 'Daemonizer::launch' creates a process with 'daemon' here
template <typename T> constexpr int footprint = sizeof(T);
template <typename T> int neverUsed = T::launch();

struct Daemonizer {
  static int launch() { return daemon(0, 0); }
};
struct Noop {
  static int launch() { return 0; }
};

// launched<Daemonizer> is initialized before main; launched<Noop> is too but
// spawns nothing; neverUsed<Daemonizer> is never instantiated.
int probe() { return launched<Daemonizer> + launched<Noop> + footprint<Noop>; }

int main() { return probe(); }

// CHECK: spawnguard: 1 finding in 1 translation unit

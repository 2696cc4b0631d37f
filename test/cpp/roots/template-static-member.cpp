// RUN: not %spawnguard %s -- -std=c++17 2>&1 | %check-notes %s

#include <unistd.h>

template <typename T> struct Plugin {
  static int id;
  static int size;
};

template <typename T> int Plugin<T>::id = T::load();
// CHECK: :[[@LINE-1]]:38: warning: process creation reachable during static initialization of 'Plugin<Shell>::id' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:43: note: the initializer of 'Plugin<Shell>::id' calls 'Shell::load' here
// CHECK: :[[@LINE+4]]:30: note: 'Shell::load' replaces the process image with 'execl' here
template <typename T> int Plugin<T>::size = sizeof(T);

struct Shell {
  static int load() { return execl("/bin/sh", "sh", (char *)0); }
};
struct Quiet {
  static int load() { return 0; }
};
struct Unused {
  static int load() { return fork(); }
};

// Only the instantiation used here spawns. Plugin<Unused>::id is never
// instantiated, so its initializer never runs; naming the class alone does
// not instantiate the member's definition.
int use() { return Plugin<Shell>::id + Plugin<Quiet>::id + Plugin<Unused>::size; }

// An explicit specialization is an ordinary definition: it is initialized
// whether or not anything uses it.
struct Pinned {};
template <> int Plugin<Pinned>::id = vfork();
// CHECK: :[[@LINE-1]]:33: warning: process creation reachable during static initialization of 'Plugin<Pinned>::id' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:38: note: the initializer of 'Plugin<Pinned>::id' creates a process with 'vfork' here

int main() { return use(); }

// CHECK: spawnguard: 2 findings in 1 translation unit

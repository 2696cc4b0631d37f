// A call through an explicitly dereferenced function pointer, '(*fp)()',
// reaches the same target as 'fp()'.
// RUN: not %spawnguard %s -- -std=c++17 2>&1 | %check-notes %s

extern "C" int fork();

int spawn() { return fork(); }
int quiet() { return 0; }

int dereferenced() {
  auto fp = &spawn;
  return (*fp)();
}
int deref = dereferenced();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'deref' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:13: note: the initializer of 'deref' calls 'dereferenced' here
// CHECK-NEXT: :[[@LINE-5]]:10: note: 'dereferenced' calls 'spawn' indirectly here
// CHECK-NEXT: :[[@LINE-11]]:22: note: 'spawn' creates a process with 'fork' here

// Look-alike.
int quietDereferenced() {
  int (*fp)() = quiet;
  return (*fp)();
}
int quietDeref = quietDereferenced();

int main() {}

// CHECK: spawnguard: 1 finding in 1 translation unit

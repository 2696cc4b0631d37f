// Recursion and mutual recursion terminate, and each root is reported once
// per process-creating call it reaches, not once per path.
// RUN: not %spawnguard %s -- -std=c++17 2>&1 | %check-notes %s

extern "C" int fork();
extern "C" int vfork();

int selfRecursive(int n) {
  if (n == 0)
    return fork();
  return selfRecursive(n - 1);
}
int self = selfRecursive(3);
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'self' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:12: note: the initializer of 'self' calls 'selfRecursive' here
// CHECK-NEXT: :[[@LINE-6]]:12: note: 'selfRecursive' creates a process with 'fork' here

int pong(int n);
int ping(int n) { return n ? pong(n - 1) : fork(); }
int pong(int n) { return ping(n); }
int mutual = pong(2);
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'mutual' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:14: note: the initializer of 'mutual' calls 'pong' here
// CHECK-NEXT: :[[@LINE-4]]:26: note: 'pong' calls 'ping' here
// CHECK-NEXT: :[[@LINE-6]]:44: note: 'ping' creates a process with 'fork' here

// A cycle of three that reaches two different process-creating calls: one
// finding for each.
int c3(int n);
int c1(int n) { return n ? c3(n - 1) : fork(); }
int c2(int n) { return c1(n) + c2(n - 1); }
int c3(int n) { return n ? c2(n) : vfork(); }
int cycle = c1(5);
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'cycle' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:13: note: the initializer of 'cycle' calls 'c1' here
// CHECK-NEXT: :[[@LINE-6]]:28: note: 'c1' calls 'c3' here
// CHECK-NEXT: :[[@LINE-5]]:36: note: 'c3' creates a process with 'vfork' here
// CHECK: :[[@LINE-5]]:5: warning: process creation reachable during static initialization of 'cycle' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-6]]:13: note: the initializer of 'cycle' calls 'c1' here
// CHECK-NEXT: :[[@LINE-10]]:40: note: 'c1' creates a process with 'fork' here

// Look-alike: a cycle that never spawns.
int quietB(int n);
int quietA(int n) { return n ? quietB(n - 1) : 0; }
int quietB(int n) { return quietA(n) + quietB(n - 1); }
int quietCycle = quietA(4);

int main() {}

// CHECK: spawnguard: 4 findings in 1 translation unit

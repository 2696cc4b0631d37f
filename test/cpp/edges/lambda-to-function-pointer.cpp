// A captureless lambda converted to a function pointer runs when the
// pointer is called.
// RUN: not %spawnguard %s -- -std=c++17 2>&1 | %check-notes %s

extern "C" int fork();

int spawn() { return fork(); }

int converted() {
  int (*fp)() = [] { return spawn(); };
  return fp();
}
int conversion = converted();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'conversion' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:18: note: the initializer of 'conversion' calls 'converted' here
// CHECK-NEXT: :[[@LINE-5]]:10: note: 'converted' calls 'lambda at lambda-to-function-pointer.cpp:[[@LINE-6]]:17' indirectly here
// CHECK-NEXT: :[[@LINE-7]]:29: note: 'lambda at lambda-to-function-pointer.cpp:[[@LINE-7]]:17' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-11]]:22: note: 'spawn' creates a process with 'fork' here

// Look-alike: converted, never called.
int convertedNotCalled() {
  int (*fp)() = [] { return spawn(); };
  return fp != nullptr;
}
int notCalled = convertedNotCalled();

int main() {}

// CHECK: spawnguard: 1 finding in 1 translation unit

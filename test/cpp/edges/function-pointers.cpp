// Calls through a function pointer or a std::function whose target is
// visible: in the initializer of a local, or right at the call.
// RUN: not %spawnguard %s -- -std=c++17 2>&1 | %check-notes %s

#include <functional>

extern "C" int fork();

int spawn() { return fork(); }
int quiet() { return 0; }

int localAddress() {
  auto fp = &spawn;
  return fp();
}
int address = localAddress();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'address' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:15: note: the initializer of 'address' calls 'localAddress' here
// CHECK-NEXT: :[[@LINE-5]]:10: note: 'localAddress' calls 'spawn' indirectly here
// CHECK-NEXT: :[[@LINE-11]]:22: note: 'spawn' creates a process with 'fork' here

int localDecay() {
  int (*fp)() = spawn;
  return fp();
}
int decay = localDecay();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'decay' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:13: note: the initializer of 'decay' calls 'localDecay' here
// CHECK-NEXT: :[[@LINE-5]]:10: note: 'localDecay' calls 'spawn' indirectly here
// CHECK-NEXT: :[[@LINE-21]]:22: note: 'spawn' creates a process with 'fork' here

int localReference() {
  int (&fr)() = spawn;
  return fr();
}
int reference = localReference();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'reference' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:17: note: the initializer of 'reference' calls 'localReference' here
// CHECK-NEXT: :[[@LINE-5]]:10: note: 'localReference' calls 'spawn' indirectly here
// CHECK-NEXT: :[[@LINE-31]]:22: note: 'spawn' creates a process with 'fork' here

int localChoice(bool b) {
  auto fp = b ? &spawn : &quiet;
  return fp();
}
int choice = localChoice(false);
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'choice' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:14: note: the initializer of 'choice' calls 'localChoice' here
// CHECK-NEXT: :[[@LINE-5]]:10: note: 'localChoice' calls 'spawn' indirectly here
// CHECK-NEXT: :[[@LINE-41]]:22: note: 'spawn' creates a process with 'fork' here

int temporaryFunction = std::function<int()>(spawn)();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'temporaryFunction' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:25: note: the initializer of 'temporaryFunction' calls 'spawn' indirectly here
// CHECK-NEXT: :[[@LINE-46]]:22: note: 'spawn' creates a process with 'fork' here
int voidFunction = (std::function<void()>(spawn)(), 0);
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'voidFunction' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:21: note: the initializer of 'voidFunction' calls 'spawn' indirectly here
// CHECK-NEXT: :[[@LINE-50]]:22: note: 'spawn' creates a process with 'fork' here

int storedFunction() {
  std::function<int()> f = spawn;
  return f();
}
int stored = storedFunction();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'stored' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:14: note: the initializer of 'stored' calls 'storedFunction' here
// CHECK-NEXT: :[[@LINE-5]]:10: note: 'storedFunction' calls 'spawn' indirectly here
// CHECK-NEXT: :[[@LINE-60]]:22: note: 'spawn' creates a process with 'fork' here

int storedLambdaFunction() {
  std::function<int()> f = [] { return spawn(); };
  return f();
}
int storedLambda = storedLambdaFunction();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'storedLambda' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:20: note: the initializer of 'storedLambda' calls 'storedLambdaFunction' here
// CHECK-NEXT: :[[@LINE-5]]:10: note: 'storedLambdaFunction' calls 'lambda at function-pointers.cpp:[[@LINE-6]]:28' indirectly here
// CHECK-NEXT: :[[@LINE-7]]:40: note: 'lambda at function-pointers.cpp:[[@LINE-7]]:28' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-71]]:22: note: 'spawn' creates a process with 'fork' here

// Look-alikes: the visible target does not spawn, or the pointer is never
// called.
int quietPointer() {
  auto fp = &quiet;
  return fp();
}
int quietCall = quietPointer();

int neverCalled() {
  auto fp = &spawn;
  std::function<int()> f = spawn;
  (void)f;
  return fp != nullptr;
}
int notCalled = neverCalled();

int quietFunction = std::function<int()>(quiet)();

int main() {}

// CHECK: spawnguard: 8 findings in 1 translation unit

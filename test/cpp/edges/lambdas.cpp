// A lambda's body runs only when the lambda is called: immediately invoked,
// stored and then called, or called from another lambda. A lambda that is
// only stored is not an edge.
// RUN: not %spawnguard %s -- -std=c++17 2>&1 | %check-notes %s

extern "C" int fork();

int spawn() { return fork(); }

int immediate = [] { return spawn(); }();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'immediate' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:17: note: the initializer of 'immediate' calls 'lambda at lambdas.cpp:[[@LINE-2]]:17' here
// CHECK-NEXT: :[[@LINE-3]]:29: note: 'lambda at lambdas.cpp:[[@LINE-3]]:17' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-6]]:22: note: 'spawn' creates a process with 'fork' here

int storedThenCalled() {
  auto f = [] { return spawn(); };
  return f();
}
int stored = storedThenCalled();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'stored' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:14: note: the initializer of 'stored' calls 'storedThenCalled' here
// CHECK-NEXT: :[[@LINE-5]]:10: note: 'storedThenCalled' calls 'lambda at lambdas.cpp:[[@LINE-6]]:12' here
// CHECK-NEXT: :[[@LINE-7]]:24: note: 'lambda at lambdas.cpp:[[@LINE-7]]:12' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-17]]:22: note: 'spawn' creates a process with 'fork' here

int capturing() {
  int n = 0;
  auto f = [&n] { n = spawn(); };
  f();
  return n;
}
int captured = capturing();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'captured' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:16: note: the initializer of 'captured' calls 'capturing' here
// CHECK-NEXT: :[[@LINE-6]]:3: note: 'capturing' calls 'lambda at lambdas.cpp:[[@LINE-7]]:12' here
// CHECK-NEXT: :[[@LINE-8]]:23: note: 'lambda at lambdas.cpp:[[@LINE-8]]:12' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-30]]:22: note: 'spawn' creates a process with 'fork' here

int nested() {
  return [] { return [] { return spawn(); }(); }();
}
int nestedCall = nested();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'nestedCall' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:18: note: the initializer of 'nestedCall' calls 'nested' here
// CHECK-NEXT: :[[@LINE-5]]:10: note: 'nested' calls 'lambda at lambdas.cpp:[[@LINE-5]]:10' here
// CHECK-NEXT: :[[@LINE-6]]:22: note: 'lambda at lambdas.cpp:[[@LINE-6]]:10' calls 'lambda at lambdas.cpp:[[@LINE-6]]:22' here
// CHECK-NEXT: :[[@LINE-7]]:34: note: 'lambda at lambdas.cpp:[[@LINE-7]]:22' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-41]]:22: note: 'spawn' creates a process with 'fork' here

auto globalLambda = [] { return spawn(); };
int globalCalled = globalLambda();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'globalCalled' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:20: note: the initializer of 'globalCalled' calls 'lambda at lambdas.cpp:[[@LINE-3]]:21' here
// CHECK-NEXT: :[[@LINE-4]]:33: note: 'lambda at lambdas.cpp:[[@LINE-4]]:21' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-48]]:22: note: 'spawn' creates a process with 'fork' here

// Look-alikes: lambdas that are built but never called.
int storedNeverCalled() {
  auto f = [] { return spawn(); };
  (void)f;
  return 0;
}
int notCalled = storedNeverCalled();

int calledOther() {
  auto bad = [] { return spawn(); };
  auto good = [] { return 1; };
  (void)bad;
  return good();
}
int otherCalled = calledOther();

auto neverCalledGlobal = [] { return spawn(); };

int main() { return neverCalledGlobal(); }

// CHECK: spawnguard: 5 findings in 1 translation unit

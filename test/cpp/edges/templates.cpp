// Template instantiations are nodes of their own: an instantiation that
// spawns is reported, a sibling instantiation that does not is not, and a
// template that is never instantiated adds nothing.
// RUN: not %spawnguard %s -- -std=c++17 2>&1 | %check-notes %s

extern "C" int fork();

int spawn() { return fork(); }

template <typename T> T addSpawn(T v) { return v + T(spawn()); }
int functionTemplate = addSpawn(1);
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'functionTemplate' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:24: note: the initializer of 'functionTemplate' calls 'addSpawn' here
// CHECK-NEXT: :[[@LINE-4]]:54: note: 'addSpawn' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-7]]:22: note: 'spawn' creates a process with 'fork' here

template <typename T> struct Box {
  T get() { return T(spawn()); }
  T quiet() { return T(); }
};
int classTemplateMethod = Box<int>().get();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'classTemplateMethod' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:38: note: the initializer of 'classTemplateMethod' calls 'Box<int>::get' here
// CHECK-NEXT: :[[@LINE-6]]:22: note: 'Box<int>::get' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-17]]:22: note: 'spawn' creates a process with 'fork' here

// The instantiation for Runner spawns, the one for Idle does not.
template <typename T> int callRun(T t) { return t.run(); }
struct Runner { int run() { return spawn(); } };
struct Idle { int run() { return 0; } };
int dependentCall = callRun(Runner());
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'dependentCall' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:21: note: the initializer of 'dependentCall' calls 'callRun' here
// CHECK-NEXT: :[[@LINE-6]]:51: note: 'callRun' calls 'Runner::run' here
// CHECK-NEXT: :[[@LINE-6]]:36: note: 'Runner::run' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-28]]:22: note: 'spawn' creates a process with 'fork' here

template <typename T> struct Starter {
  Starter() { spawn(); }
};
Starter<char> classTemplateCtor;
// CHECK: :[[@LINE-1]]:15: warning: process creation reachable during static initialization of 'classTemplateCtor' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-4]]:15: note: 'Starter<char>::Starter' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-36]]:22: note: 'spawn' creates a process with 'fork' here

// Explicit specialization reached through a recursive instantiation.
template <int N> int countdown() { return countdown<N - 1>(); }
template <> int countdown<0>() { return spawn(); }
int recursiveInstantiation = countdown<1>();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'recursiveInstantiation' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:30: note: the initializer of 'recursiveInstantiation' calls 'countdown' here
// CHECK-NEXT: :[[@LINE-5]]:43: note: 'countdown' calls 'countdown' here
// CHECK-NEXT: :[[@LINE-5]]:41: note: 'countdown' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-46]]:22: note: 'spawn' creates a process with 'fork' here

// Look-alikes.
int siblingInstantiation = callRun(Idle());
long otherMethod = Box<long>().quiet();
template <typename T> T neverInstantiated(T v) { return v + spawn(); }
template <typename T> struct NeverUsed { NeverUsed() { spawn(); } };

int main() {}

// CHECK: spawnguard: 5 findings in 1 translation unit

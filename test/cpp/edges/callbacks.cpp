// A function passed to a function that calls its parameter, directly or by
// forwarding it to a function that does. Passing it to a function that only
// stores it, or that is not defined here, is not a call.
// RUN: not %spawnguard %s -- -std=c++17 2>&1 | %check-notes %s

#include <functional>

extern "C" int fork();

int spawn() { return fork(); }
int quiet() { return 0; }

int run(int (*f)()) { return f(); }
int passed = run(spawn);
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'passed' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:18: note: the initializer of 'passed' passes 'spawn' to 'run' here, which calls it
// CHECK-NEXT: :[[@LINE-7]]:22: note: 'spawn' creates a process with 'fork' here
int passedAddress = run(&spawn);
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'passedAddress' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:25: note: the initializer of 'passedAddress' passes 'spawn' to 'run' here, which calls it
// CHECK-NEXT: :[[@LINE-11]]:22: note: 'spawn' creates a process with 'fork' here

int forward(int (*f)()) { return run(f); }
int forwarded = forward(spawn);
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'forwarded' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:25: note: the initializer of 'forwarded' passes 'spawn' to 'forward' here, which calls it
// CHECK-NEXT: :[[@LINE-17]]:22: note: 'spawn' creates a process with 'fork' here

int forwardTwice(int (*f)()) { return forward(f); }
int forwardedTwice = forwardTwice(spawn);
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'forwardedTwice' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:35: note: the initializer of 'forwardedTwice' passes 'spawn' to 'forwardTwice' here, which calls it
// CHECK-NEXT: :[[@LINE-23]]:22: note: 'spawn' creates a process with 'fork' here

int runSecond(int, int (*g)()) { return g(); }
int secondParameter = runSecond(0, spawn);
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'secondParameter' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:36: note: the initializer of 'secondParameter' passes 'spawn' to 'runSecond' here, which calls it
// CHECK-NEXT: :[[@LINE-29]]:22: note: 'spawn' creates a process with 'fork' here

int runFunction(std::function<int()> f) { return f(); }
int passedToFunction = runFunction(spawn);
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'passedToFunction' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:36: note: the initializer of 'passedToFunction' passes 'spawn' to 'runFunction' here, which calls it
// CHECK-NEXT: :[[@LINE-35]]:22: note: 'spawn' creates a process with 'fork' here
int passedLambda = runFunction([] { return spawn(); });
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'passedLambda' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:32: note: the initializer of 'passedLambda' passes 'lambda at callbacks.cpp:[[@LINE-2]]:32' to 'runFunction' here, which calls it
// CHECK-NEXT: :[[@LINE-3]]:44: note: 'lambda at callbacks.cpp:[[@LINE-3]]:32' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-40]]:22: note: 'spawn' creates a process with 'fork' here

struct Worker {
  int runMember(int (*f)()) { return f(); }
};
int passedToMember = Worker().runMember(spawn);
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'passedToMember' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:41: note: the initializer of 'passedToMember' passes 'spawn' to 'Worker::runMember' here, which calls it
// CHECK-NEXT: :[[@LINE-48]]:22: note: 'spawn' creates a process with 'fork' here

struct Launch {
  explicit Launch(int (*f)()) { f(); }
};
Launch passedToConstructor(spawn);
// CHECK: :[[@LINE-1]]:8: warning: process creation reachable during static initialization of 'passedToConstructor' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:28: note: the initializer of 'passedToConstructor' passes 'spawn' to 'Launch::Launch' here, which calls it
// CHECK-NEXT: :[[@LINE-56]]:22: note: 'spawn' creates a process with 'fork' here

template <typename F> int runTemplate(F f) { return f(); }
int passedToTemplate = runTemplate(spawn);
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'passedToTemplate' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:36: note: the initializer of 'passedToTemplate' passes 'spawn' to 'runTemplate' here, which calls it
// CHECK-NEXT: :[[@LINE-62]]:22: note: 'spawn' creates a process with 'fork' here

// Look-alikes.
int (*saved)();
int store(int (*f)()) { saved = f; return 0; }
int storedOnly = store(spawn);

int storeForward(int (*f)()) { return store(f); }
int storedViaForward = storeForward(spawn);

int runQuiet = run(quiet);
int callsOther(int (*)(), int (*g)()) { return g(); }
int otherParameter = callsOther(spawn, quiet);

int opaque(int (*f)());
int passedToOpaque = opaque(spawn);

int main() { return run(spawn); }

// CHECK: spawnguard: 10 findings in 1 translation unit

// Forwarding a callable parameter to a function that calls it, when the
// forwarded argument is wrapped: a copy of a std::function, std::move, or
// std::forward in a template. Each is the same parameter, so the outer
// function calls what it is passed.
// RUN: not %spawnguard %s -- -std=c++17 2>&1 | %check-notes %s

#include <functional>
#include <utility>

extern "C" int fork();

int spawn() { return fork(); }

int runFunction(std::function<int()> f) { return f(); }

int forwardCopy(std::function<int()> f) { return runFunction(f); }
int copied = forwardCopy(spawn);
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'copied' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:26: note: the initializer of 'copied' passes 'spawn' to 'forwardCopy' here, which calls it
// CHECK-NEXT: :[[@LINE-8]]:22: note: 'spawn' creates a process with 'fork' here

int forwardMove(std::function<int()> f) { return runFunction(std::move(f)); }
int moved = forwardMove(spawn);
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'moved' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:25: note: the initializer of 'moved' passes 'spawn' to 'forwardMove' here, which calls it
// CHECK-NEXT: :[[@LINE-14]]:22: note: 'spawn' creates a process with 'fork' here

template <typename F> int runTemplate(F &&f) { return f(); }
template <typename F> int forwardTemplate(F &&f) {
  return runTemplate(std::forward<F>(f));
}
int perfectlyForwarded = forwardTemplate(spawn);
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'perfectlyForwarded' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:42: note: the initializer of 'perfectlyForwarded' passes 'spawn' to 'forwardTemplate' here, which calls it
// CHECK-NEXT: :[[@LINE-23]]:22: note: 'spawn' creates a process with 'fork' here

int main() {}

// CHECK: spawnguard: 3 findings in 1 translation unit

// RUN: not %spawnguard %s -- -std=c++17 2>&1 | %check-notes %s

#include <unistd.h>

// The attribute on an earlier declaration makes the definition a
// constructor function too. It is one function, so one finding.
__attribute__((constructor)) void initLate();
__attribute__((destructor)) void finiLate();

void initLate() { daemon(1, 1); }
// CHECK: :[[@LINE-1]]:6: warning: process creation reachable from constructor function 'initLate', which runs before 'main' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:19: note: 'initLate' creates a process with 'daemon' here

void finiLate() { fork(); }
// CHECK: :[[@LINE-1]]:6: warning: process creation reachable from destructor function 'finiLate', which runs after 'main' [spawnguard-spawn-after-main]
// CHECK: :[[@LINE-2]]:19: note: 'finiLate' creates a process with 'fork' here

int main() { return 0; }

// CHECK: spawnguard: 2 findings in 1 translation unit

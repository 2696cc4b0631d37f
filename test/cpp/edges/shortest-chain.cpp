// When a root reaches the same process-creating call along several paths,
// the trace is the shortest one, wherever the longer paths appear in the
// source.
// RUN: not %spawnguard %s -- -std=c++17 2>&1 | %check-notes %s

extern "C" int fork();

int spawn() { return fork(); }

// The longer path is called first.
int deep3() { return spawn(); }
int deep2() { return deep3(); }
int deep1() { return deep2(); }
int shortcut() { return spawn(); }
int longFirst() { return deep1() + shortcut(); }
int longerFirst = longFirst();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'longerFirst' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:19: note: the initializer of 'longerFirst' calls 'longFirst' here
// CHECK-NEXT: :[[@LINE-4]]:36: note: 'longFirst' calls 'shortcut' here
// CHECK-NEXT: :[[@LINE-6]]:25: note: 'shortcut' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-13]]:22: note: 'spawn' creates a process with 'fork' here

// The longer path is called second.
int shortFirst() { return shortcut() + deep1(); }
int shorterFirst = shortFirst();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'shorterFirst' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:20: note: the initializer of 'shorterFirst' calls 'shortFirst' here
// CHECK-NEXT: :[[@LINE-4]]:27: note: 'shortFirst' calls 'shortcut' here
// CHECK-NEXT: :[[@LINE-15]]:25: note: 'shortcut' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-22]]:22: note: 'spawn' creates a process with 'fork' here

// Direct call next to an indirect one.
int level2() { return spawn(); }
int level1() { return level2(); }
int mixed() { return level1() + spawn(); }
int direct = mixed();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'direct' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:14: note: the initializer of 'direct' calls 'mixed' here
// CHECK-NEXT: :[[@LINE-4]]:33: note: 'mixed' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-32]]:22: note: 'spawn' creates a process with 'fork' here

// Two paths through a class: a destructor chain and a direct call.
struct Part { ~Part() { deep1(); } };
struct Whole { Part p; };
int viaObject() { Whole w; return spawn(); }
int object = viaObject();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'object' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:14: note: the initializer of 'object' calls 'viaObject' here
// CHECK-NEXT: :[[@LINE-4]]:35: note: 'viaObject' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-42]]:22: note: 'spawn' creates a process with 'fork' here

int main() {}

// CHECK: spawnguard: 4 findings in 1 translation unit

// Code defined in a header and included by several units is one node of
// the program, and a root defined in a header is one root: each root is
// reported once, not once per unit that includes the header.
// RUN: rm -rf %t && split-file %s %t && %gen-cdb %t
// RUN: cd %t && not %spawnguard -p %t 2>&1 | %check-notes %s

// The inline variable in the header: one root, whichever unit sees it.
// CHECK: common.h:12:15: warning: process creation reachable during static initialization of 'g_shared' [spawnguard-spawn-before-main]
// CHECK-NEXT: common.h:9:14: note: 'Shared::Shared' calls 'runTool' here
// CHECK-NEXT: common.h:5:10: note: 'runTool' creates a process with 'system' here

// One finding per unit's own global; the shared inline function's trace is
// the same in both.
// CHECK-NEXT: one.cpp:3:5: warning: process creation reachable during static initialization of 'g_one' [spawnguard-spawn-before-main]
// CHECK-NEXT: one.cpp:3:13: note: the initializer of 'g_one' calls 'runTool' here
// CHECK-NEXT: common.h:5:10: note: 'runTool' creates a process with 'system' here
// CHECK-NEXT: two.cpp:3:5: warning: process creation reachable during static initialization of 'g_two' [spawnguard-spawn-before-main]
// CHECK-NEXT: two.cpp:3:13: note: the initializer of 'g_two' calls 'runTool' here
// CHECK-NEXT: common.h:5:10: note: 'runTool' creates a process with 'system' here
// CHECK-NEXT: spawnguard: 3 findings in 2 translation units

//--- common.h
#pragma once
extern "C" int system(const char *command);

inline int runTool(const char *command) {
  return system(command);
}

struct Shared {
  Shared() { runTool("true"); }
};

inline Shared g_shared;

//--- one.cpp
#include "common.h"

int g_one = runTool("one");

int main() { return 0; }

//--- two.cpp
#include "common.h"

int g_two = runTool("two");

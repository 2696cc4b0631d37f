// A virtual call in one unit dispatches to an override defined in another.
// RUN: rm -rf %t && split-file %s %t && %gen-cdb %t
// RUN: cd %t && not %spawnguard -p %t 2>&1 | %check-notes %s
// Without the unit that defines the override, nothing is reachable.
// RUN: cd %t && %spawnguard -p %t main.cpp quiet.cpp 2>&1 | FileCheck --check-prefix=PARTIAL %s

// CHECK: main.cpp:6:5: warning: process creation reachable during static initialization of 'g_started' [spawnguard-spawn-before-main]
// CHECK-NEXT: main.cpp:6:17: note: the initializer of 'g_started' calls 'startAll' here
// CHECK-NEXT: main.cpp:4:25: note: 'startAll' calls 'Spawner::start' here through virtual 'Plugin::start'
// CHECK-NEXT: spawner.cpp:5:33: note: 'Spawner::start' creates a process with 'fork' here
// CHECK-NEXT: spawnguard: 1 finding in 3 translation units

// PARTIAL: spawnguard: 0 findings in 2 translation units

//--- plugin.h
#pragma once
struct Plugin {
  virtual ~Plugin() = default;
  virtual int start() = 0;
};
Plugin *firstPlugin();

//--- main.cpp
#include "plugin.h"

int startAll() {
  return firstPlugin()->start();
}
int g_started = startAll();

int main() { return 0; }

//--- spawner.cpp
#include "plugin.h"
extern "C" int fork();

struct Spawner : Plugin {
  int start() override { return fork(); }
};

//--- quiet.cpp
#include "plugin.h"

struct Quiet : Plugin {
  int start() override { return 0; }
};
Plugin *firstPlugin() { static Quiet q; return &q; }

// A global in a.cpp whose constructor calls a function defined in b.cpp,
// which forks: the trace crosses into b.cpp. Neither unit alone shows it.
// RUN: rm -rf %t && split-file %s %t && %gen-cdb %t
// RUN: cd %t && not %spawnguard -p %t 2>&1 | %check-notes %s
// RUN: cd %t && %spawnguard -p %t a.cpp 2>&1 | FileCheck --check-prefix=ONLY-A %s
// RUN: cd %t && %spawnguard -p %t b.cpp 2>&1 | FileCheck --check-prefix=ONLY-B %s

// CHECK: a.cpp:7:10: warning: process creation reachable during static initialization of 'g_registry' [spawnguard-spawn-before-main]
// CHECK-NEXT: a.cpp:4:16: note: 'Registry::Registry' calls 'startHelper' here
// CHECK-NEXT: b.cpp:6:10: note: 'startHelper' calls 'launch' here
// CHECK-NEXT: b.cpp:3:30: note: 'launch' creates a process with 'fork' here
// CHECK: spawnguard: 1 finding in 2 translation units

// ONLY-A: spawnguard: 0 findings in 1 translation unit
// ONLY-B: spawnguard: 0 findings in 1 translation unit

//--- a.cpp
int startHelper(const char *name);

struct Registry {
  Registry() { startHelper("registry"); }
};

Registry g_registry;

int main() { return 0; }
//--- b.cpp
extern "C" int fork();

static int launch() { return fork(); }

int startHelper(const char *name) {
  return launch() + (name != nullptr);
}

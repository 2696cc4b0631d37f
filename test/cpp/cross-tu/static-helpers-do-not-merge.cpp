// Functions with internal linkage and the same name in different units are
// different functions, even when the files have the same base name: a quiet
// 'helper' must not borrow the chain of a spawning one.
// RUN: rm -rf %t && split-file %s %t && %gen-cdb %t
// RUN: cd %t && not %spawnguard -p %t 2>&1 | %check-notes %s

// CHECK: spawn/util.cpp:5:5: warning: process creation reachable during static initialization of 'g_spawning' [spawnguard-spawn-before-main]
// CHECK-NEXT: spawn/util.cpp:5:18: note: the initializer of 'g_spawning' calls 'helper' here
// CHECK-NEXT: spawn/util.cpp:3:30: note: 'helper' creates a process with 'fork' here
// CHECK-NEXT: spawn/util.cpp:9:5: warning: process creation reachable during static initialization of 'g_anonSpawning' [spawnguard-spawn-before-main]
// CHECK-NEXT: spawn/util.cpp:9:22: note: the initializer of 'g_anonSpawning' calls '(anonymous namespace)::anonHelper' here
// CHECK-NEXT: spawn/util.cpp:7:39: note: '(anonymous namespace)::anonHelper' creates a process with 'fork' here
// CHECK-NEXT: spawnguard: 2 findings in 3 translation units

//--- spawn/util.cpp
extern "C" int fork();

static int helper() { return fork(); }

int g_spawning = helper();

namespace { int anonHelper() { return fork(); } }

int g_anonSpawning = anonHelper();

//--- quiet/util.cpp
static int helper() { return 0; }

int g_quiet = helper();

namespace { int anonHelper() { return 0; } }

int g_anonQuiet = anonHelper();

//--- other.cpp
static int helper() { return 1; }
namespace { int anonHelper() { return 1; } }

int g_other = helper() + anonHelper();

int main() { return 0; }

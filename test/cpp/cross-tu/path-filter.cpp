// Positional paths restrict the units analysed to files and directories
// below them, and the link holds only those units: a chain through an
// unselected unit is not seen. A directory does not select its
// prefix-sharing siblings ('app' is not 'application').
// RUN: rm -rf %t && split-file %s %t && %gen-cdb %t
// RUN: cd %t && not %spawnguard -p %t 2>&1 | %check-notes --check-prefix=ALL %s
// RUN: cd %t && %spawnguard -p %t app 2>&1 | %check-notes --check-prefix=APP %s
// RUN: cd %t && %spawnguard -p %t %t/app/ 2>&1 | %check-notes --check-prefix=APP %s
// RUN: cd %t && not %spawnguard -p %t app lib 2>&1 | %check-notes --check-prefix=APP-LIB %s
// RUN: cd %t && not %spawnguard -p %t app/main.cpp lib/worker.cpp 2>&1 | %check-notes --check-prefix=APP-LIB %s
// RUN: cd %t && %spawnguard -p %t lib/worker.cpp 2>&1 | %check-notes --check-prefix=LIB %s
// RUN: cd %t/app && %spawnguard -p .. . 2>&1 | %check-notes --check-prefix=APP %s
// RUN: cd %t && not %spawnguard -p %t application 2>&1 | %check-notes --check-prefix=APPLICATION %s

// ALL: app/main.cpp:3:5: warning: process creation reachable during static initialization of 'g_worker' [spawnguard-spawn-before-main]
// ALL-NEXT: app/main.cpp:3:16: note: the initializer of 'g_worker' calls 'launchWorker' here
// ALL-NEXT: lib/worker.cpp:4:10: note: 'launchWorker' creates a process with 'fork' here
// ALL-NEXT: application/other.cpp:3:5: warning: process creation reachable during static initialization of 'g_other' [spawnguard-spawn-before-main]
// ALL-NEXT: application/other.cpp:3:15: note: the initializer of 'g_other' creates a process with 'fork' here
// ALL-NEXT: spawnguard: 2 findings in 3 translation units

// APP: spawnguard: 0 findings in 1 translation unit

// APP-LIB: app/main.cpp:3:5: warning: process creation reachable during static initialization of 'g_worker' [spawnguard-spawn-before-main]
// APP-LIB-NEXT: app/main.cpp:3:16: note: the initializer of 'g_worker' calls 'launchWorker' here
// APP-LIB-NEXT: lib/worker.cpp:4:10: note: 'launchWorker' creates a process with 'fork' here
// APP-LIB-NEXT: spawnguard: 1 finding in 2 translation units

// LIB: spawnguard: 0 findings in 1 translation unit

// APPLICATION: application/other.cpp:3:5: warning: process creation reachable during static initialization of 'g_other' [spawnguard-spawn-before-main]
// APPLICATION-NEXT: application/other.cpp:3:15: note: the initializer of 'g_other' creates a process with 'fork' here
// APPLICATION-NEXT: spawnguard: 1 finding in 1 translation unit

//--- app/main.cpp
int launchWorker();

int g_worker = launchWorker();

int main() { return 0; }

//--- lib/worker.cpp
extern "C" int fork();

int launchWorker() {
  return fork();
}

//--- application/other.cpp
extern "C" int fork();

int g_other = fork();

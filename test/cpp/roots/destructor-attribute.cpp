// RUN: not %spawnguard %s -- -std=c++17 2>&1 | %check-notes %s

#include <stdlib.h>
#include <unistd.h>

static void uploadCrashReports() { system("./upload-reports"); }

__attribute__((destructor)) static void flushReports() { uploadCrashReports(); }
// CHECK: :[[@LINE-1]]:41: warning: process creation reachable from destructor function 'flushReports', which runs after 'main' [spawnguard-spawn-after-main]
// CHECK: :[[@LINE-2]]:58: note: 'flushReports' calls 'uploadCrashReports' here
// CHECK: :[[@LINE-5]]:36: note: 'uploadCrashReports' creates a process with 'system' here

[[gnu::destructor]] void finalExec() {
// CHECK: :[[@LINE-1]]:26: warning: process creation reachable from destructor function 'finalExec', which runs after 'main' [spawnguard-spawn-after-main]
// CHECK: :[[@LINE+2]]:3: note: 'finalExec' replaces the process image with 'execv' here
  char *argv[] = {nullptr};
  execv("/usr/bin/report", argv);
}

__attribute__((destructor(200))) void finalFork() { fork(); }
// CHECK: :[[@LINE-1]]:39: warning: process creation reachable from destructor function 'finalFork', which runs after 'main' [spawnguard-spawn-after-main]
// CHECK: :[[@LINE-2]]:53: note: 'finalFork' creates a process with 'fork' here

// Look-alikes: a destructor function that spawns nothing, one declared but
// defined elsewhere, a class destructor of a local object in main, and a
// function that is only called from main.
__attribute__((destructor)) static void finalQuiet() {}
__attribute__((destructor)) void finalInOtherFile();
struct Temp {
  ~Temp() { uploadCrashReports(); }
};
void shutdown() { uploadCrashReports(); }

int main() {
  Temp t;
  shutdown();
  return 0;
}

// CHECK: spawnguard: 3 findings in 1 translation unit

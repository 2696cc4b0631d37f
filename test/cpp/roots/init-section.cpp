// RUN: not %spawnguard %s -- -std=c++17 2>&1 | %check-notes %s

#include <unistd.h>

typedef void (*InitFn)();

static void startAgent() {
  char *argv[] = {nullptr};
  execvp("agent", argv);
}
static void forkMonitor() { fork(); }
static void forkEarly() { vfork(); }
static void crtInit() { startAgent(); }
static void quietInit() {}

// The loader (or the CRT) calls every pointer in these sections before main.
__attribute__((section(".init_array"), used)) static InitFn initAgent = startAgent;
// CHECK: :[[@LINE-1]]:73: warning: process creation reachable from 'startAgent', which is placed in '.init_array' and runs before 'main' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-10]]:3: note: 'startAgent' replaces the process image with 'execvp' here
__attribute__((section(".init_array.00101"), used)) static InitFn initPair[] = {quietInit, &forkMonitor};
// CHECK: :[[@LINE-1]]:92: warning: process creation reachable from 'forkMonitor', which is placed in '.init_array.00101' and runs before 'main' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-11]]:29: note: 'forkMonitor' creates a process with 'fork' here
__attribute__((section(".preinit_array"), used)) static InitFn preinit = forkEarly;
// CHECK: :[[@LINE-1]]:74: warning: process creation reachable from 'forkEarly', which is placed in '.preinit_array' and runs before 'main' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-13]]:27: note: 'forkEarly' creates a process with 'vfork' here
__attribute__((section(".CRT$XCU"), used)) static InitFn crtHook = crtInit;
// CHECK: :[[@LINE-1]]:68: warning: process creation reachable from 'crtInit', which is placed in '.CRT$XCU' and runs before 'main' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-15]]:25: note: 'crtInit' calls 'startAgent' here
// CHECK: :[[@LINE-20]]:3: note: 'startAgent' replaces the process image with 'execvp' here

// Look-alikes: function pointers in ordinary sections, or in no section, are
// just data; a harmless init function spawns nothing.
__attribute__((section(".data.hooks"), used)) static InitFn hook = startAgent;
__attribute__((section(".rodata.init_array"), used)) static InitFn decoy = forkMonitor;
__attribute__((used)) static InitFn plain = forkMonitor;
__attribute__((section(".init_array"), used)) static InitFn quiet = quietInit;

int main() {
  hook();
  return 0;
}

// CHECK: spawnguard: 4 findings in 1 translation unit

// RUN: not %spawnguard %s -- -std=c++17 2>&1 | %check-notes %s

#include <stdlib.h>
#include <unistd.h>

typedef void (*FiniFn)();

static void reportExit() { system("./report-exit"); }
static void forkReaper() { fork(); }
static void quietFini() {}

// The loader (or the CRT) calls these pointers after main returns.
__attribute__((section(".fini_array"), used)) static FiniFn finiReport = reportExit;
// CHECK: :[[@LINE-1]]:74: warning: process creation reachable from 'reportExit', which is placed in '.fini_array' and runs after 'main' [spawnguard-spawn-after-main]
// CHECK: :[[@LINE-7]]:28: note: 'reportExit' creates a process with 'system' here
__attribute__((section(".fini_array.00200"), used)) static FiniFn finiPair[] = {quietFini, forkReaper};
// CHECK: :[[@LINE-1]]:92: warning: process creation reachable from 'forkReaper', which is placed in '.fini_array.00200' and runs after 'main' [spawnguard-spawn-after-main]
// CHECK: :[[@LINE-9]]:28: note: 'forkReaper' creates a process with 'fork' here
__attribute__((section(".CRT$XTU"), used)) static FiniFn crtTerm = &reportExit;
// CHECK: :[[@LINE-1]]:68: warning: process creation reachable from 'reportExit', which is placed in '.CRT$XTU' and runs after 'main' [spawnguard-spawn-after-main]
// CHECK: :[[@LINE-13]]:28: note: 'reportExit' creates a process with 'system' here

// Look-alikes: an ordinary data section, and a harmless fini function.
__attribute__((section(".data.fini"), used)) static FiniFn later = reportExit;
__attribute__((section(".fini_array"), used)) static FiniFn quiet = quietFini;

int main() {
  later();
  return 0;
}

// CHECK: spawnguard: 3 findings in 1 translation unit

// RUN: not %spawnguard %s -- -std=c++17 2>&1 | %check-notes %s

#include <unistd.h>

static int startHelperProcess() { return fork(); }

// A thread_local is initialized on its first use in each thread, not before
// main, so its initializer alone is no finding.
thread_local int t_helper = startHelperProcess();
thread_local int t_unusedHelper = startHelperProcess();
thread_local int t_counter = 0;

// Code that runs before or after main and touches the variable runs its
// initializer, though.
int g_helperSeen = t_helper;
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'g_helperSeen' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:20: note: the initializer of 'g_helperSeen' uses thread_local 't_helper' here, which runs its initializer
// CHECK: :[[@LINE-9]]:29: note: the initializer of thread_local 't_helper' calls 'startHelperProcess' here
// CHECK: :[[@LINE-14]]:42: note: 'startHelperProcess' creates a process with 'fork' here

__attribute__((destructor)) static void onUnload() { t_helper = 0; }
// CHECK: :[[@LINE-1]]:41: warning: process creation reachable from destructor function 'onUnload', which runs after 'main' [spawnguard-spawn-after-main]
// CHECK: :[[@LINE-2]]:54: note: 'onUnload' uses thread_local 't_helper' here, which runs its initializer
// CHECK: :[[@LINE-15]]:29: note: the initializer of thread_local 't_helper' calls 'startHelperProcess' here
// CHECK: :[[@LINE-20]]:42: note: 'startHelperProcess' creates a process with 'fork' here

// Look-alikes: main and functions only called from it, and a root touching
// a constant-initialized thread_local.
static int useFromMain() { return t_helper + t_unusedHelper; }
int g_count = t_counter + 1;

int main() { return useFromMain(); }

// CHECK: spawnguard: 2 findings in 1 translation unit

// RUN: not %spawnguard %s -- -std=c++17 2>&1 | %check-notes %s

#include <sched.h>
#include <signal.h>
#include <stddef.h>

// glibc has no clone3 wrapper; programs declare their own.
struct clone_args;
extern "C" long clone3(struct clone_args *args, size_t size);

static char g_stack[65536];
static int childMain(void *) { return 0; }

// clone without CLONE_THREAD makes a new process.
int g_child = clone(childMain, g_stack + sizeof g_stack, SIGCHLD, nullptr);
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'g_child' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:15: note: the initializer of 'g_child' creates a process with 'clone' here
int g_sharedVm =
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'g_sharedVm' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE+1]]:5: note: the initializer of 'g_sharedVm' creates a process with 'clone' here
    clone(childMain, g_stack + sizeof g_stack, CLONE_VM | CLONE_VFORK | SIGCHLD,
          nullptr);
long g_clone3 = clone3(nullptr, 0);
// CHECK: :[[@LINE-1]]:6: warning: process creation reachable during static initialization of 'g_clone3' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:17: note: the initializer of 'g_clone3' creates a process with 'clone3' here

// Flags only known at run time might not include CLONE_THREAD.
int cloneWith(int flags) {
  return clone(childMain, g_stack + sizeof g_stack, flags, nullptr);
}
int g_dynamic = cloneWith(SIGCHLD);
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'g_dynamic' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:17: note: the initializer of 'g_dynamic' calls 'cloneWith' here
// CHECK: :[[@LINE-5]]:10: note: 'cloneWith' creates a process with 'clone' here

// Look-alike: with CLONE_THREAD, clone makes a thread of this process.
constexpr int kThreadFlags = CLONE_VM | CLONE_FS | CLONE_FILES |
                             CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM;
int g_thread = clone(childMain, g_stack + sizeof g_stack, kThreadFlags, nullptr);
int g_thread2 = clone(childMain, g_stack + sizeof g_stack,
                      CLONE_THREAD | CLONE_SIGHAND | CLONE_VM, nullptr);

int main() { return 0; }

// CHECK: spawnguard: 4 findings in 1 translation unit

// RUN: not %spawnguard %s -- -std=c++17 2>&1 | %check-notes %s

#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

int g_fork = fork();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'g_fork' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:14: note: the initializer of 'g_fork' creates a process with 'fork' here
int g_vfork = vfork();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'g_vfork' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:15: note: the initializer of 'g_vfork' creates a process with 'vfork' here
int g_rawFork = _Fork();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'g_rawFork' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:17: note: the initializer of 'g_rawFork' creates a process with '_Fork' here
int g_daemon = daemon(0, 0);
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'g_daemon' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:16: note: the initializer of 'g_daemon' creates a process with 'daemon' here
static int openTerminal() {
  int master;
  return forkpty(&master, nullptr, nullptr, nullptr);
}
int g_pty = openTerminal();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'g_pty' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:13: note: the initializer of 'g_pty' calls 'openTerminal' here
// CHECK: :[[@LINE-5]]:10: note: 'openTerminal' creates a process with 'forkpty' here
int g_qualified = ::fork();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'g_qualified' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:19: note: the initializer of 'g_qualified' creates a process with 'fork' here

// Look-alikes: user functions that share the names, process APIs that
// create nothing, and a pointer to fork that is never called.
namespace mine {
int fork() { return 0; }
int daemon(int, int) { return 0; }
} // namespace mine
struct Tree {
  int fork() { return 1; }
};
Tree g_tree;

int g_mine = mine::fork() + mine::daemon(0, 0);
int g_branch = g_tree.fork();
int g_self = getpid() + getppid();
int g_reaped = waitpid(-1, nullptr, WNOHANG);
pid_t (*g_forkPointer)() = fork;

int main() { return fork(); }

// CHECK: spawnguard: 6 findings in 1 translation unit

// RUN: not %spawnguard %s -- -std=c++17 2>&1 | %check-notes %s

#include <fcntl.h>
#include <unistd.h>

static char *g_argv[] = {const_cast<char *>("tool"), nullptr};
static char *g_envp[] = {nullptr};

// Each global's initializer replaces the process image before main.
int g_execl = execl("/bin/tool", "tool", (char *)nullptr);
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'g_execl' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:15: note: the initializer of 'g_execl' replaces the process image with 'execl' here
int g_execle = execle("/bin/tool", "tool", (char *)nullptr, g_envp);
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'g_execle' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:16: note: the initializer of 'g_execle' replaces the process image with 'execle' here
int g_execlp = execlp("tool", "tool", (char *)nullptr);
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'g_execlp' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:16: note: the initializer of 'g_execlp' replaces the process image with 'execlp' here
int g_execv = execv("/bin/tool", g_argv);
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'g_execv' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:15: note: the initializer of 'g_execv' replaces the process image with 'execv' here
int g_execve = execve("/bin/tool", g_argv, g_envp);
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'g_execve' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:16: note: the initializer of 'g_execve' replaces the process image with 'execve' here
int g_execvp = execvp("tool", g_argv);
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'g_execvp' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:16: note: the initializer of 'g_execvp' replaces the process image with 'execvp' here
int g_execvpe = execvpe("tool", g_argv, g_envp);
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'g_execvpe' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:17: note: the initializer of 'g_execvpe' replaces the process image with 'execvpe' here
int g_fexecve = fexecve(3, g_argv, g_envp);
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'g_fexecve' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:17: note: the initializer of 'g_fexecve' replaces the process image with 'fexecve' here
int g_execveat = execveat(AT_FDCWD, "tool", g_argv, g_envp, 0);
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'g_execveat' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:18: note: the initializer of 'g_execveat' replaces the process image with 'execveat' here

// Look-alikes: a class with an exec method, a namespace with its own execv,
// and spawning calls made only from main.
struct Statement {
  int execute() { return 0; }
  int execv(const char *, char *const *) { return 0; }
};
namespace mine {
int execv(const char *, char *const *) { return 0; }
int execl(const char *, ...) { return 0; }
} // namespace mine
Statement g_statement;
int g_query = g_statement.execute() + g_statement.execv("x", g_argv);
int g_mine = mine::execv("x", g_argv) + mine::execl("x", nullptr);

int main() { return execv("/bin/tool", g_argv); }

// CHECK: spawnguard: 9 findings in 1 translation unit

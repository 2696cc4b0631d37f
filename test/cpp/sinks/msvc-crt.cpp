// RUN: not %spawnguard %s -- -std=c++17 -isystem %S/Inputs 2>&1 | %check-notes %s

#include <process.h>

static const char *const g_argv[] = {"tool", nullptr};
static const wchar_t *const g_wargv[] = {L"tool", nullptr};
static const char *const g_envp[] = {nullptr};
static const wchar_t *const g_wenvp[] = {nullptr};

// The _spawn family creates a process.
intptr_t g_spawnl = _spawnl(_P_WAIT, "tool.exe", "tool", nullptr);
// CHECK: :[[@LINE-1]]:10: warning: process creation reachable during static initialization of 'g_spawnl' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:21: note: the initializer of 'g_spawnl' creates a process with '_spawnl' here
intptr_t g_spawnle = _spawnle(_P_WAIT, "tool.exe", "tool", nullptr, g_envp);
// CHECK: :[[@LINE-1]]:10: warning: process creation reachable during static initialization of 'g_spawnle' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:22: note: the initializer of 'g_spawnle' creates a process with '_spawnle' here
intptr_t g_spawnlp = _spawnlp(_P_WAIT, "tool", "tool", nullptr);
// CHECK: :[[@LINE-1]]:10: warning: process creation reachable during static initialization of 'g_spawnlp' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:22: note: the initializer of 'g_spawnlp' creates a process with '_spawnlp' here
intptr_t g_spawnlpe = _spawnlpe(_P_WAIT, "tool", "tool", nullptr, g_envp);
// CHECK: :[[@LINE-1]]:10: warning: process creation reachable during static initialization of 'g_spawnlpe' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:23: note: the initializer of 'g_spawnlpe' creates a process with '_spawnlpe' here
intptr_t g_spawnv = _spawnv(_P_NOWAIT, "tool.exe", g_argv);
// CHECK: :[[@LINE-1]]:10: warning: process creation reachable during static initialization of 'g_spawnv' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:21: note: the initializer of 'g_spawnv' creates a process with '_spawnv' here
intptr_t g_spawnve = _spawnve(_P_NOWAIT, "tool.exe", g_argv, g_envp);
// CHECK: :[[@LINE-1]]:10: warning: process creation reachable during static initialization of 'g_spawnve' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:22: note: the initializer of 'g_spawnve' creates a process with '_spawnve' here
intptr_t g_spawnvp = _spawnvp(_P_NOWAIT, "tool", g_argv);
// CHECK: :[[@LINE-1]]:10: warning: process creation reachable during static initialization of 'g_spawnvp' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:22: note: the initializer of 'g_spawnvp' creates a process with '_spawnvp' here
intptr_t g_spawnvpe = _spawnvpe(_P_NOWAIT, "tool", g_argv, g_envp);
// CHECK: :[[@LINE-1]]:10: warning: process creation reachable during static initialization of 'g_spawnvpe' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:23: note: the initializer of 'g_spawnvpe' creates a process with '_spawnvpe' here
intptr_t g_wspawnl = _wspawnl(_P_WAIT, L"tool.exe", L"tool", nullptr);
// CHECK: :[[@LINE-1]]:10: warning: process creation reachable during static initialization of 'g_wspawnl' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:22: note: the initializer of 'g_wspawnl' creates a process with '_wspawnl' here
intptr_t g_wspawnle = _wspawnle(_P_WAIT, L"tool.exe", L"tool", nullptr, g_wenvp);
// CHECK: :[[@LINE-1]]:10: warning: process creation reachable during static initialization of 'g_wspawnle' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:23: note: the initializer of 'g_wspawnle' creates a process with '_wspawnle' here
intptr_t g_wspawnlp = _wspawnlp(_P_WAIT, L"tool", L"tool", nullptr);
// CHECK: :[[@LINE-1]]:10: warning: process creation reachable during static initialization of 'g_wspawnlp' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:23: note: the initializer of 'g_wspawnlp' creates a process with '_wspawnlp' here
intptr_t g_wspawnlpe = _wspawnlpe(_P_WAIT, L"tool", L"tool", nullptr, g_wenvp);
// CHECK: :[[@LINE-1]]:10: warning: process creation reachable during static initialization of 'g_wspawnlpe' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:24: note: the initializer of 'g_wspawnlpe' creates a process with '_wspawnlpe' here
intptr_t g_wspawnv = _wspawnv(_P_NOWAIT, L"tool.exe", g_wargv);
// CHECK: :[[@LINE-1]]:10: warning: process creation reachable during static initialization of 'g_wspawnv' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:22: note: the initializer of 'g_wspawnv' creates a process with '_wspawnv' here
intptr_t g_wspawnve = _wspawnve(_P_NOWAIT, L"tool.exe", g_wargv, g_wenvp);
// CHECK: :[[@LINE-1]]:10: warning: process creation reachable during static initialization of 'g_wspawnve' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:23: note: the initializer of 'g_wspawnve' creates a process with '_wspawnve' here
intptr_t g_wspawnvp = _wspawnvp(_P_NOWAIT, L"tool", g_wargv);
// CHECK: :[[@LINE-1]]:10: warning: process creation reachable during static initialization of 'g_wspawnvp' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:23: note: the initializer of 'g_wspawnvp' creates a process with '_wspawnvp' here
intptr_t g_wspawnvpe = _wspawnvpe(_P_NOWAIT, L"tool", g_wargv, g_wenvp);
// CHECK: :[[@LINE-1]]:10: warning: process creation reachable during static initialization of 'g_wspawnvpe' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:24: note: the initializer of 'g_wspawnvpe' creates a process with '_wspawnvpe' here

// The _exec family replaces the process image.
intptr_t g_execl = _execl("tool.exe", "tool", nullptr);
// CHECK: :[[@LINE-1]]:10: warning: process creation reachable during static initialization of 'g_execl' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:20: note: the initializer of 'g_execl' replaces the process image with '_execl' here
intptr_t g_execle = _execle("tool.exe", "tool", nullptr, g_envp);
// CHECK: :[[@LINE-1]]:10: warning: process creation reachable during static initialization of 'g_execle' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:21: note: the initializer of 'g_execle' replaces the process image with '_execle' here
intptr_t g_execlp = _execlp("tool", "tool", nullptr);
// CHECK: :[[@LINE-1]]:10: warning: process creation reachable during static initialization of 'g_execlp' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:21: note: the initializer of 'g_execlp' replaces the process image with '_execlp' here
intptr_t g_execlpe = _execlpe("tool", "tool", nullptr, g_envp);
// CHECK: :[[@LINE-1]]:10: warning: process creation reachable during static initialization of 'g_execlpe' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:22: note: the initializer of 'g_execlpe' replaces the process image with '_execlpe' here
intptr_t g_execv = _execv("tool.exe", g_argv);
// CHECK: :[[@LINE-1]]:10: warning: process creation reachable during static initialization of 'g_execv' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:20: note: the initializer of 'g_execv' replaces the process image with '_execv' here
intptr_t g_execve = _execve("tool.exe", g_argv, g_envp);
// CHECK: :[[@LINE-1]]:10: warning: process creation reachable during static initialization of 'g_execve' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:21: note: the initializer of 'g_execve' replaces the process image with '_execve' here
intptr_t g_execvp = _execvp("tool", g_argv);
// CHECK: :[[@LINE-1]]:10: warning: process creation reachable during static initialization of 'g_execvp' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:21: note: the initializer of 'g_execvp' replaces the process image with '_execvp' here
intptr_t g_execvpe = _execvpe("tool", g_argv, g_envp);
// CHECK: :[[@LINE-1]]:10: warning: process creation reachable during static initialization of 'g_execvpe' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:22: note: the initializer of 'g_execvpe' replaces the process image with '_execvpe' here
intptr_t g_wexecl = _wexecl(L"tool.exe", L"tool", nullptr);
// CHECK: :[[@LINE-1]]:10: warning: process creation reachable during static initialization of 'g_wexecl' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:21: note: the initializer of 'g_wexecl' replaces the process image with '_wexecl' here
intptr_t g_wexecle = _wexecle(L"tool.exe", L"tool", nullptr, g_wenvp);
// CHECK: :[[@LINE-1]]:10: warning: process creation reachable during static initialization of 'g_wexecle' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:22: note: the initializer of 'g_wexecle' replaces the process image with '_wexecle' here
intptr_t g_wexeclp = _wexeclp(L"tool", L"tool", nullptr);
// CHECK: :[[@LINE-1]]:10: warning: process creation reachable during static initialization of 'g_wexeclp' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:22: note: the initializer of 'g_wexeclp' replaces the process image with '_wexeclp' here
intptr_t g_wexeclpe = _wexeclpe(L"tool", L"tool", nullptr, g_wenvp);
// CHECK: :[[@LINE-1]]:10: warning: process creation reachable during static initialization of 'g_wexeclpe' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:23: note: the initializer of 'g_wexeclpe' replaces the process image with '_wexeclpe' here
intptr_t g_wexecv = _wexecv(L"tool.exe", g_wargv);
// CHECK: :[[@LINE-1]]:10: warning: process creation reachable during static initialization of 'g_wexecv' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:21: note: the initializer of 'g_wexecv' replaces the process image with '_wexecv' here
intptr_t g_wexecve = _wexecve(L"tool.exe", g_wargv, g_wenvp);
// CHECK: :[[@LINE-1]]:10: warning: process creation reachable during static initialization of 'g_wexecve' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:22: note: the initializer of 'g_wexecve' replaces the process image with '_wexecve' here
intptr_t g_wexecvp = _wexecvp(L"tool", g_wargv);
// CHECK: :[[@LINE-1]]:10: warning: process creation reachable during static initialization of 'g_wexecvp' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:22: note: the initializer of 'g_wexecvp' replaces the process image with '_wexecvp' here
intptr_t g_wexecvpe = _wexecvpe(L"tool", g_wargv, g_wenvp);
// CHECK: :[[@LINE-1]]:10: warning: process creation reachable during static initialization of 'g_wexecvpe' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:23: note: the initializer of 'g_wexecvpe' replaces the process image with '_wexecvpe' here

// Pipes and the shell.
_iobuf *g_popen = _popen("dir", "r");
// CHECK: :[[@LINE-1]]:9: warning: process creation reachable during static initialization of 'g_popen' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:19: note: the initializer of 'g_popen' creates a process with '_popen' here
_iobuf *g_wpopen = _wpopen(L"dir", L"r");
// CHECK: :[[@LINE-1]]:9: warning: process creation reachable during static initialization of 'g_wpopen' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:20: note: the initializer of 'g_wpopen' creates a process with '_wpopen' here
int g_wsystem = _wsystem(L"dir");
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'g_wsystem' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:17: note: the initializer of 'g_wsystem' creates a process with '_wsystem' here

// Look-alikes: _wsystem(NULL) only asks whether a shell exists; threads,
// waiting and closing a pipe create nothing.
int g_hasShell = _wsystem(nullptr);
int g_hasShellZero = _wsystem(0);
static unsigned __stdcall_like(void *) { return 0; }
uintptr_t g_thread = _beginthreadex(nullptr, 0, __stdcall_like, nullptr, 0, nullptr);
int g_self = _getpid();
intptr_t g_waited = _cwait(nullptr, 0, 0);
int g_closed = _pclose(nullptr);

int main() { return _wsystem(L"dir"); }

// CHECK: spawnguard: 35 findings in 1 translation unit

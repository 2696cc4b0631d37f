// RUN: not %spawnguard %s -- -std=c++17 -isystem %S/Inputs 2>&1 | %check-notes %s

#define UNICODE
#include <windows.h>

static STARTUPINFOA g_siA;
static STARTUPINFOW g_siW;
static PROCESS_INFORMATION g_pi;
static wchar_t g_cmdW[] = L"updater.exe";
static char g_cmdA[] = "updater.exe";
static SHELLEXECUTEINFOA g_seiA;
static SHELLEXECUTEINFOW g_seiW;

BOOL g_createA = CreateProcessA(nullptr, g_cmdA, nullptr, nullptr, 0, 0, nullptr, nullptr, &g_siA, &g_pi);
// CHECK: :[[@LINE-1]]:6: warning: process creation reachable during static initialization of 'g_createA' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:18: note: the initializer of 'g_createA' creates a process with 'CreateProcessA' here
BOOL g_createW = CreateProcessW(nullptr, g_cmdW, nullptr, nullptr, 0, 0, nullptr, nullptr, &g_siW, &g_pi);
// CHECK: :[[@LINE-1]]:6: warning: process creation reachable during static initialization of 'g_createW' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:18: note: the initializer of 'g_createW' creates a process with 'CreateProcessW' here
// The UNICODE macro picks CreateProcessW; the note names the function.
BOOL g_createMacro = CreateProcess(nullptr, g_cmdW, nullptr, nullptr, 0, 0, nullptr, nullptr, &g_siW, &g_pi);
// CHECK: :[[@LINE-1]]:6: warning: process creation reachable during static initialization of 'g_createMacro' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:22: note: the initializer of 'g_createMacro' creates a process with 'CreateProcessW' here
BOOL g_asUserA = CreateProcessAsUserA(nullptr, nullptr, g_cmdA, nullptr, nullptr, 0, 0, nullptr, nullptr, &g_siA, &g_pi);
// CHECK: :[[@LINE-1]]:6: warning: process creation reachable during static initialization of 'g_asUserA' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:18: note: the initializer of 'g_asUserA' creates a process with 'CreateProcessAsUserA' here
BOOL g_asUserW = CreateProcessAsUserW(nullptr, nullptr, g_cmdW, nullptr, nullptr, 0, 0, nullptr, nullptr, &g_siW, &g_pi);
// CHECK: :[[@LINE-1]]:6: warning: process creation reachable during static initialization of 'g_asUserW' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:18: note: the initializer of 'g_asUserW' creates a process with 'CreateProcessAsUserW' here
BOOL g_withLogon = CreateProcessWithLogonW(L"svc", L".", L"pw", 0, nullptr, g_cmdW, 0, nullptr, nullptr, &g_siW, &g_pi);
// CHECK: :[[@LINE-1]]:6: warning: process creation reachable during static initialization of 'g_withLogon' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:20: note: the initializer of 'g_withLogon' creates a process with 'CreateProcessWithLogonW' here
BOOL g_withToken = CreateProcessWithTokenW(nullptr, 0, nullptr, g_cmdW, 0, nullptr, nullptr, &g_siW, &g_pi);
// CHECK: :[[@LINE-1]]:6: warning: process creation reachable during static initialization of 'g_withToken' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:20: note: the initializer of 'g_withToken' creates a process with 'CreateProcessWithTokenW' here
HINSTANCE g_shellA = ShellExecuteA(nullptr, "open", "notes.txt", nullptr, nullptr, 1);
// CHECK: :[[@LINE-1]]:11: warning: process creation reachable during static initialization of 'g_shellA' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:22: note: the initializer of 'g_shellA' creates a process with 'ShellExecuteA' here
HINSTANCE g_shellW = ShellExecuteW(nullptr, L"open", L"notes.txt", nullptr, nullptr, 1);
// CHECK: :[[@LINE-1]]:11: warning: process creation reachable during static initialization of 'g_shellW' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:22: note: the initializer of 'g_shellW' creates a process with 'ShellExecuteW' here
BOOL g_shellExA = ShellExecuteExA(&g_seiA);
// CHECK: :[[@LINE-1]]:6: warning: process creation reachable during static initialization of 'g_shellExA' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:19: note: the initializer of 'g_shellExA' creates a process with 'ShellExecuteExA' here
BOOL g_shellExW = ShellExecuteExW(&g_seiW);
// CHECK: :[[@LINE-1]]:6: warning: process creation reachable during static initialization of 'g_shellExW' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:19: note: the initializer of 'g_shellExW' creates a process with 'ShellExecuteExW' here
UINT g_winExec = WinExec("updater.exe", 0);
// CHECK: :[[@LINE-1]]:6: warning: process creation reachable during static initialization of 'g_winExec' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:18: note: the initializer of 'g_winExec' creates a process with 'WinExec' here

// Look-alikes: threads, handles to existing processes, and a user method
// that happens to be called CreateProcessA.
static DWORD WINAPI worker(LPVOID) { return 0; }
HANDLE g_thread = CreateThread(nullptr, 0, worker, nullptr, 0, nullptr);
HANDLE g_other = OpenProcess(0, 0, 42);
BOOL g_killed = TerminateProcess(g_other, 1);
DWORD g_waited = WaitForSingleObject(g_other, 0);
struct Scheduler {
  BOOL CreateProcessA(const char *) { return 1; }
};
Scheduler g_scheduler;
BOOL g_scheduled = g_scheduler.CreateProcessA("job");

int main() { return WinExec("updater.exe", 0); }

// CHECK: spawnguard: 12 findings in 1 translation unit

// RUN: not %spawnguard %s -- -std=c++17 2>&1 | %check-notes %s

// Minimal Windows declarations; DllMain is matched by name and arity, so
// this works on any target.
#define WINAPI
typedef int BOOL;
typedef unsigned long DWORD;
typedef void *HINSTANCE;
typedef void *LPVOID;
typedef const char *LPCSTR;
typedef unsigned int UINT;
#define DLL_PROCESS_ATTACH 1
extern "C" UINT WINAPI WinExec(LPCSTR lpCmdLine, UINT uCmdShow);

static void startUpdater() { WinExec("updater.exe --check", 0); }

extern "C" BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason,
// CHECK: :[[@LINE-1]]:24: warning: process creation reachable from 'DllMain', which runs under the loader lock [spawnguard-spawn-before-main]
// CHECK: :[[@LINE+4]]:5: note: 'DllMain' calls 'startUpdater' here
// CHECK: :[[@LINE-5]]:30: note: 'startUpdater' creates a process with 'WinExec' here
                               LPVOID reserved) {
  if (reason == DLL_PROCESS_ATTACH)
    startUpdater();
  return 1;
}

// Look-alikes: DllMain-like functions that the loader never calls: in a
// namespace, as a member, with another arity, or only declared.
namespace plugin {
BOOL WINAPI DllMain(HINSTANCE, DWORD, LPVOID) {
  startUpdater();
  return 1;
}
} // namespace plugin

struct Module {
  BOOL DllMain(HINSTANCE, DWORD, LPVOID) {
    startUpdater();
    return 1;
  }
};

BOOL DllMain(HINSTANCE instance) {
  startUpdater();
  return 1;
}

// CHECK: spawnguard: 1 finding in 1 translation unit

// RUN: not %spawnguard %s -- -std=c++17 2>&1 | %check-notes %s

// DllMain written without extern "C" (the Windows SDK declares it with C
// linkage elsewhere) is still the entry point the loader calls.
typedef int BOOL;
typedef unsigned long DWORD;
typedef void *HINSTANCE;
typedef void *LPVOID;
extern "C" int _wsystem(const wchar_t *command);

BOOL DllMain(HINSTANCE, DWORD reason, LPVOID) {
// CHECK: :[[@LINE-1]]:6: warning: process creation reachable from 'DllMain', which runs under the loader lock [spawnguard-spawn-before-main]
// CHECK: :[[@LINE+4]]:12: note: 'DllMain' creates a process with '_wsystem' here
  // Look-alike in the same function: _wsystem(nullptr) only asks whether a
  // shell exists.
  if (_wsystem(nullptr))
    return _wsystem(L"regsvr32 /s helper.dll");
  return 1;
}

// Look-alike: the same code in a function only main calls.
BOOL registerLater() { return _wsystem(L"regsvr32 /s helper.dll"); }

int main() { return registerLater(); }

// CHECK: spawnguard: 1 finding in 1 translation unit

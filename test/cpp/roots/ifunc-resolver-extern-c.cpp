// RUN: not %spawnguard %s -- -std=c++17 2>&1 | %check-notes %s

#include <spawn.h>

namespace {
int copyPlain(char *d, const char *s, int n) { return n; }

bool probeWithHelper() {
  pid_t pid;
  char *argv[] = {nullptr};
  return posix_spawnp(&pid, "cpu-probe", nullptr, nullptr, argv, nullptr) == 0;
}
} // namespace

// In C++ the resolver is named by its symbol, so it has C linkage.
extern "C" void *resolveCopy() {
  return probeWithHelper() ? (void *)copyPlain : (void *)copyPlain;
}
int fastCopy(char *d, const char *s, int n) __attribute__((ifunc("resolveCopy")));
// CHECK: :[[@LINE-1]]:60: warning: process creation reachable from IFUNC resolver 'resolveCopy' of 'fastCopy', which runs while the program is being loaded [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-4]]:10: note: 'resolveCopy' calls '(anonymous namespace)::probeWithHelper' here
// CHECK: :[[@LINE-11]]:10: note: '(anonymous namespace)::probeWithHelper' creates a process with 'posix_spawnp' here

// Look-alike: the same code reached only from main.
extern "C" void *lookupCopy() { return probeWithHelper() ? (void *)copyPlain : nullptr; }

int main() { return lookupCopy() != nullptr; }

// CHECK: spawnguard: 1 finding in 1 translation unit

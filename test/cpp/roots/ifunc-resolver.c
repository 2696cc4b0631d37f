// RUN: not %spawnguard %s -- -std=c11 2>&1 | %check-notes %s

#include <stdlib.h>
#include <unistd.h>

static int checksum_generic(const char *p) { return p[0]; }
static int checksum_probe(const char *p) { return fork(); }

static int cpu_has_feature(void) { return system("grep -q avx2 /proc/cpuinfo") == 0; }

// The resolver runs while the dynamic loader relocates the program.
static void *resolve_checksum(void) {
  return cpu_has_feature() ? (void *)checksum_generic : (void *)checksum_generic;
}
int checksum(const char *p) __attribute__((ifunc("resolve_checksum")));
// CHECK: :[[@LINE-1]]:44: warning: process creation reachable from IFUNC resolver 'resolve_checksum' of 'checksum', which runs while the program is being loaded [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-4]]:10: note: 'resolve_checksum' calls 'cpu_has_feature' here
// CHECK: :[[@LINE-9]]:43: note: 'cpu_has_feature' creates a process with 'system' here

// Look-alikes: this resolver only hands back a pointer to a spawning
// implementation without calling it, and a resolver-shaped function that no
// ifunc names is an ordinary function.
static void *resolve_probe(void) { return (void *)checksum_probe; }
int probe(const char *p) __attribute__((ifunc("resolve_probe")));

static void *resolve_unused(void) { cpu_has_feature(); return 0; }

int main(void) { return checksum("x") + probe("y"); }

// CHECK: spawnguard: 1 finding in 1 translation unit

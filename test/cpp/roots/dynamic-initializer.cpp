// RUN: not %spawnguard %s -- -std=c++17 2>&1 | %check-notes %s
// RUN: %spawnguard %s --checks='-*,spawnguard-spawn-after-main' -- -std=c++17 2>&1 | FileCheck --check-prefix=OFF %s

extern "C" int posix_spawnp(int *pid, const char *file, const void *actions,
                            const void *attrs, char *const argv[],
                            char *const envp[]);

int launchSidecar(const char *path) {
  int pid;
  return posix_spawnp(&pid, path, nullptr, nullptr, nullptr, nullptr);
}

struct MetricsExporter {
  MetricsExporter() { launchSidecar("exporter"); }
};

MetricsExporter g_exporter;
// CHECK: :[[@LINE-1]]:17: warning: process creation reachable during static initialization of 'g_exporter' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-5]]:23: note: 'MetricsExporter::MetricsExporter' calls 'launchSidecar' here
// CHECK: :[[@LINE-10]]:10: note: 'launchSidecar' creates a process with 'posix_spawnp' here

// Look-alike: the same call made from main runs after start-up.
int main() { return launchSidecar("late"); }

// CHECK: spawnguard: 1 finding in 1 translation unit
// OFF: spawnguard: 0 findings in 1 translation unit

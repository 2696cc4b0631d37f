// The plugin's checks carry the CLI's rule names and report the CLI's
// findings: the warning at the root, a note for each step of the trace.
// RUN: %clang-tidy --load=%tidy-plugin -checks='-*,spawnguard-*' %s -- -std=c++17 2>&1 | %check-notes %s
// RUN: %clang-tidy --load=%tidy-plugin -checks='-*,spawnguard-spawn-after-main' %s -- -std=c++17 2>&1 | %check-notes --check-prefix=AFTER %s
// RUN: %clang-tidy --load=%tidy-plugin -checks='-*,spawnguard-*' --list-checks | FileCheck --check-prefix=LIST %s
// LIST: Enabled checks:
// LIST-NEXT: spawnguard-spawn-after-main
// LIST-NEXT: spawnguard-spawn-before-main
// LIST-EMPTY:

extern "C" int fork();
extern "C" int system(const char *command);
extern "C" int atexit(void (*handler)());

int launchSidecar() { return fork(); }

struct MetricsExporter {
  MetricsExporter() { launchSidecar(); }
};

MetricsExporter g_exporter;
// CHECK: basic.cpp:[[@LINE-1]]:17: warning: process creation reachable during static initialization of 'g_exporter' [spawnguard-spawn-before-main]
// CHECK: basic.cpp:[[@LINE-5]]:23: note: 'MetricsExporter::MetricsExporter' calls 'launchSidecar' here
// CHECK: basic.cpp:[[@LINE-9]]:30: note: 'launchSidecar' creates a process with 'fork' here

void flushReports() { system("upload-reports"); }

int registerFlush = atexit(flushReports);
// CHECK: basic.cpp:[[@LINE-1]]:28: warning: process creation reachable from exit handler 'flushReports', registered here with 'atexit' [spawnguard-spawn-after-main]
// CHECK: basic.cpp:[[@LINE-4]]:23: note: 'flushReports' creates a process with 'system' here
// AFTER: basic.cpp:[[@LINE-3]]:28: warning: process creation reachable from exit handler 'flushReports', registered here with 'atexit' [spawnguard-spawn-after-main]
// AFTER: basic.cpp:[[@LINE-6]]:23: note: 'flushReports' creates a process with 'system' here

// Look-alike: the same calls made from main run in the program's normal life.
int main() { return launchSidecar(); }

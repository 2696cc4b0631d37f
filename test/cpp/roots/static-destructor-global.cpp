// RUN: not %spawnguard %s -- -std=c++17 2>&1 | %check-notes %s

#include <stdlib.h>

void runCleanupScript() { system("./cleanup.sh"); }

struct Reaper {
  ~Reaper() { runCleanupScript(); }
};

struct Holder {
  Reaper reaper;
};

struct Archive : Reaper {};

struct Cache {
  static Reaper flusher;
};

// Positives: each of these is destroyed after main returns.
Reaper g_reaper;
// CHECK: :[[@LINE-1]]:8: warning: process creation reachable during static destruction of 'g_reaper' [spawnguard-spawn-after-main]
// CHECK: :[[@LINE-16]]:15: note: 'Reaper::~Reaper' calls 'runCleanupScript' here
// CHECK: :[[@LINE-20]]:27: note: 'runCleanupScript' creates a process with 'system' here
Reaper g_reapers[3];
// CHECK: :[[@LINE-1]]:8: warning: process creation reachable during static destruction of 'g_reapers' [spawnguard-spawn-after-main]
// CHECK: :[[@LINE-20]]:15: note: 'Reaper::~Reaper' calls 'runCleanupScript' here
// CHECK: :[[@LINE-24]]:27: note: 'runCleanupScript' creates a process with 'system' here
Holder g_holder;
// CHECK: :[[@LINE-1]]:8: warning: process creation reachable during static destruction of 'g_holder' [spawnguard-spawn-after-main]
// CHECK: :[[@LINE-21]]:8: note: 'Holder::~Holder' implicitly calls 'Reaper::~Reaper' here
// CHECK: :[[@LINE-25]]:15: note: 'Reaper::~Reaper' calls 'runCleanupScript' here
// CHECK: :[[@LINE-29]]:27: note: 'runCleanupScript' creates a process with 'system' here
Archive g_archive;
// CHECK: :[[@LINE-1]]:9: warning: process creation reachable during static destruction of 'g_archive' [spawnguard-spawn-after-main]
// CHECK: :[[@LINE-22]]:8: note: 'Archive::~Archive' implicitly calls 'Reaper::~Reaper' here
// CHECK: :[[@LINE-30]]:15: note: 'Reaper::~Reaper' calls 'runCleanupScript' here
// CHECK: :[[@LINE-34]]:27: note: 'runCleanupScript' creates a process with 'system' here
Reaper Cache::flusher;
// CHECK: :[[@LINE-1]]:15: warning: process creation reachable during static destruction of 'Cache::flusher' [spawnguard-spawn-after-main]
// CHECK: :[[@LINE-34]]:15: note: 'Reaper::~Reaper' calls 'runCleanupScript' here
// CHECK: :[[@LINE-38]]:27: note: 'runCleanupScript' creates a process with 'system' here
namespace {
Reaper t_local;
// CHECK: :[[@LINE-1]]:8: warning: process creation reachable during static destruction of '(anonymous namespace)::t_local' [spawnguard-spawn-after-main]
// CHECK: :[[@LINE-39]]:15: note: 'Reaper::~Reaper' calls 'runCleanupScript' here
// CHECK: :[[@LINE-43]]:27: note: 'runCleanupScript' creates a process with 'system' here
}

// Look-alikes: pointers, references and declarations destroy nothing here,
// and a trivially destructible object with a spawning method is harmless.
struct Tool {
  void run() { runCleanupScript(); }
};
Tool g_tool;
Reaper *g_heapReaper = nullptr;
Reaper &g_alias = g_reaper;
extern Reaper g_definedElsewhere;

int main() {
  g_tool.run();
  g_heapReaper = new Reaper;
  delete g_heapReaper;
  return 0;
}

// CHECK: spawnguard: 6 findings in 1 translation unit

// NOLINT works as in every clang-tidy check: on the root's line, for the
// whole finding. The engine also honours NOLINT on the sink's line.
// RUN: %clang-tidy --load=%tidy-plugin -checks='-*,spawnguard-*' %s -- -std=c++17 2>&1 | %check-notes %s

extern "C" int fork();

struct Spawner {
  Spawner() { fork(); }
};

Spawner g_quiet; // NOLINT(spawnguard-spawn-before-main)

// NOLINTNEXTLINE(spawnguard-*)
Spawner g_quietToo;

Spawner g_wrongRule; // NOLINT(spawnguard-spawn-after-main)
// CHECK: nolint.cpp:[[@LINE-1]]:9: warning: process creation reachable during static initialization of 'g_wrongRule' [spawnguard-spawn-before-main]
// CHECK: nolint.cpp:[[@LINE-10]]:15: note: 'Spawner::Spawner' creates a process with 'fork' here

struct Accepted {
  Accepted() { fork(); } // NOLINT(spawnguard-spawn-before-main): reviewed
};

Accepted g_accepted;

// RUN: not %spawnguard %s -- -std=c11 -isystem %S/Inputs 2>&1 | %check-notes %s

#include <glib.h>

static gchar *argv_[] = {"helper", 0};

__attribute__((constructor)) static void spawnHelpers(void) {
  GPid pid;
  gint in, out, err;
  g_spawn_async(0, argv_, 0, G_SPAWN_SEARCH_PATH, 0, 0, &pid, 0);
  // CHECK: :[[@LINE-4]]:42: warning: process creation reachable from constructor function 'spawnHelpers', which runs before 'main' [spawnguard-spawn-before-main]
  // CHECK: :[[@LINE-2]]:3: note: 'spawnHelpers' creates a process with 'g_spawn_async' here
  g_spawn_async_with_fds(0, argv_, 0, G_SPAWN_DEFAULT, 0, 0, &pid, -1, -1, -1, 0);
  // CHECK: :[[@LINE-7]]:42: warning: process creation reachable from constructor function 'spawnHelpers', which runs before 'main' [spawnguard-spawn-before-main]
  // CHECK: :[[@LINE-2]]:3: note: 'spawnHelpers' creates a process with 'g_spawn_async_with_fds' here
  g_spawn_async_with_pipes(0, argv_, 0, G_SPAWN_DEFAULT, 0, 0, &pid, &in, &out, &err, 0);
  // CHECK: :[[@LINE-10]]:42: warning: process creation reachable from constructor function 'spawnHelpers', which runs before 'main' [spawnguard-spawn-before-main]
  // CHECK: :[[@LINE-2]]:3: note: 'spawnHelpers' creates a process with 'g_spawn_async_with_pipes' here
  g_spawn_async_with_pipes_and_fds(0, (const gchar *const *)argv_, 0, G_SPAWN_DEFAULT, 0, 0, -1, -1, -1, 0, 0, 0, &pid, &in, &out, &err, 0);
  // CHECK: :[[@LINE-13]]:42: warning: process creation reachable from constructor function 'spawnHelpers', which runs before 'main' [spawnguard-spawn-before-main]
  // CHECK: :[[@LINE-2]]:3: note: 'spawnHelpers' creates a process with 'g_spawn_async_with_pipes_and_fds' here
}

__attribute__((destructor)) static void runSync(void) {
  gint status;
  g_spawn_sync(0, argv_, 0, G_SPAWN_DEFAULT, 0, 0, 0, 0, &status, 0);
  // CHECK: :[[@LINE-3]]:41: warning: process creation reachable from destructor function 'runSync', which runs after 'main' [spawnguard-spawn-after-main]
  // CHECK: :[[@LINE-2]]:3: note: 'runSync' creates a process with 'g_spawn_sync' here
  g_spawn_command_line_async("notify-send bye", 0);
  // CHECK: :[[@LINE-6]]:41: warning: process creation reachable from destructor function 'runSync', which runs after 'main' [spawnguard-spawn-after-main]
  // CHECK: :[[@LINE-2]]:3: note: 'runSync' creates a process with 'g_spawn_command_line_async' here
  g_spawn_command_line_sync("sync", 0, 0, &status, 0);
  // CHECK: :[[@LINE-9]]:41: warning: process creation reachable from destructor function 'runSync', which runs after 'main' [spawnguard-spawn-after-main]
  // CHECK: :[[@LINE-2]]:3: note: 'runSync' creates a process with 'g_spawn_command_line_sync' here
}

// Look-alikes: checking a status or closing a pid creates nothing.
__attribute__((destructor)) static void checkOnly(void) {
  g_spawn_check_exit_status(0, 0);
  g_spawn_check_wait_status(0, 0);
  g_spawn_close_pid(0);
}

int main(void) { return g_spawn_command_line_async("late", 0); }

// CHECK: spawnguard: 7 findings in 1 translation unit

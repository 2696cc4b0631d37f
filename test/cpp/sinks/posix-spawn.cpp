// RUN: not %spawnguard %s -- -std=c++17 2>&1 | %check-notes %s

#include <spawn.h>
#include <stdio.h>

extern char **environ;
static char *g_argv[] = {const_cast<char *>("helper"), nullptr};

static int spawnByPath() {
  pid_t pid;
  return posix_spawn(&pid, "/usr/bin/helper", nullptr, nullptr, g_argv,
                     environ);
}

static int spawnBySearch() {
  pid_t pid;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  int rc = posix_spawnp(&pid, "helper", &actions, nullptr, g_argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  return rc;
}

int g_byPath = spawnByPath();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'g_byPath' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:16: note: the initializer of 'g_byPath' calls 'spawnByPath' here
// CHECK: :[[@LINE-16]]:10: note: 'spawnByPath' creates a process with 'posix_spawn' here
int g_bySearch = spawnBySearch();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'g_bySearch' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:18: note: the initializer of 'g_bySearch' calls 'spawnBySearch' here
// CHECK: :[[@LINE-12]]:12: note: 'spawnBySearch' creates a process with 'posix_spawnp' here
FILE *g_pipe = popen("uname -r", "r");
// CHECK: :[[@LINE-1]]:7: warning: process creation reachable during static initialization of 'g_pipe' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:16: note: the initializer of 'g_pipe' creates a process with 'popen' here

// Look-alikes: setting up spawn attributes or closing a pipe creates
// nothing, and neither does a member function called popen.
static int prepareOnly() {
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);
  return posix_spawnattr_destroy(&attr);
}
struct Menu {
  int popen(const char *, const char *) { return 0; }
};
Menu g_menu;
int g_prepared = prepareOnly();
int g_menuOpened = g_menu.popen("file", "r");
int g_closed = pclose(nullptr);

int main() { return spawnBySearch(); }

// CHECK: spawnguard: 3 findings in 1 translation unit

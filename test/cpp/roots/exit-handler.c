// RUN: not %spawnguard %s -- -std=c11 2>&1 | %check-notes %s

#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>

static void flushToDaemon(void) { popen("logger", "w"); }
static void lastWords(void) { system("./last-words"); }
static void quiet(void) {}

static void install(void) {
  at_quick_exit(flushToDaemon);
  // CHECK: :[[@LINE-1]]:17: warning: process creation reachable from exit handler 'flushToDaemon', registered here with 'at_quick_exit' [spawnguard-spawn-after-main]
  // CHECK: :[[@LINE-7]]:35: note: 'flushToDaemon' creates a process with 'popen' here
  atexit(lastWords);
  // CHECK: :[[@LINE-1]]:10: warning: process creation reachable from exit handler 'lastWords', registered here with 'atexit' [spawnguard-spawn-after-main]
  // CHECK: :[[@LINE-9]]:31: note: 'lastWords' creates a process with 'system' here
}

int main(void) {
  install();
  // Look-alikes: a registered handler that spawns nothing, and spawning
  // code called directly.
  atexit(quiet);
  lastWords();
  return 0;
}

// CHECK: spawnguard: 2 findings in 1 translation unit

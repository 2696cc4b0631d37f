// RUN: not %spawnguard %s -- -std=c++17 2>&1 | %check-notes %s

#include <unistd.h>

struct Session {
  ~Session() { execlp("logout-hook", "logout-hook", (char *)0); }
};

// A function-local static is destroyed after main once it has been built,
// even though the function that builds it is only called from main.
Session &currentSession() {
  static Session session;
  // CHECK: :[[@LINE-1]]:18: warning: process creation reachable during static destruction of 'currentSession::session' [spawnguard-spawn-after-main]
  // CHECK: :[[@LINE-8]]:16: note: 'Session::~Session' replaces the process image with 'execlp' here
  return session;
}

struct Counter {
  int value = 0;
};

// Look-alikes: this local static runs its (spawning) initializer on the
// first call, from main, and has a trivial destructor; a local automatic
// object is destroyed before main returns; a static pointer destroys
// nothing.
int cachedChild() {
  static int child = fork();
  static Counter calls;
  ++calls.value;
  return child;
}

int withTemporarySession() {
  Session scoped;
  static Session *leaked = new Session;
  return leaked != nullptr;
}

int main() {
  currentSession();
  return cachedChild() + withTemporarySession();
}

// CHECK: spawnguard: 1 finding in 1 translation unit

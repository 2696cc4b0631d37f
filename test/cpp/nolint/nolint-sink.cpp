// A suppression comment on the line of a process-creating call suppresses
// every finding whose trace ends at that call, from any root, for the rules
// it names. Other calls in the same function are still reported.
// RUN: not %spawnguard %s -- -std=c++17 2>&1 | %check-notes %s

extern "C" int fork();
extern "C" int vfork();
extern "C" int system(const char *command);

int reviewed() {
  return fork(); // NOLINT(spawnguard-*): the child only calls _exit.
}
int viaReviewed = reviewed();
struct Global {
  Global() { reviewed(); }
};
Global viaReviewedToo;

int mixed() {
  int a = fork(); // NOLINT(SG101)
  int b = vfork();
  return a + b;
}
int viaMixed = mixed();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'viaMixed' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:16: note: the initializer of 'viaMixed' calls 'mixed' here
// CHECK-NEXT: :[[@LINE-6]]:11: note: 'mixed' creates a process with 'vfork' here

int nextLine() {
  // NOLINTNEXTLINE(spawnguard-spawn-before-main)
  return system("true");
}
int viaNextLine = nextLine();

// Only the after-main rule is suppressed at this call: the same call
// reached before main is still reported.
int afterOnly() {
  return system("cleanup"); // NOLINT(spawnguard-spawn-after-main)
}
struct Lifetime {
  Lifetime() { afterOnly(); }
  ~Lifetime() { afterOnly(); }
};
Lifetime lifetime;
// CHECK: :[[@LINE-1]]:10: warning: process creation reachable during static initialization of 'lifetime' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-5]]:16: note: 'Lifetime::Lifetime' calls 'afterOnly' here
// CHECK-NEXT: :[[@LINE-9]]:10: note: 'afterOnly' creates a process with 'system' here

// A suppression for another check suppresses nothing.
int otherCheck() {
  return fork(); // NOLINT(bugprone-*)
}
int viaOtherCheck = otherCheck();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'viaOtherCheck' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:21: note: the initializer of 'viaOtherCheck' calls 'otherCheck' here
// CHECK-NEXT: :[[@LINE-5]]:10: note: 'otherCheck' creates a process with 'fork' here

int main() {}

// CHECK: spawnguard: 3 findings in 1 translation unit

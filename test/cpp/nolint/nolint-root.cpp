// A suppression comment on the line of a root suppresses the findings of
// that root for the rules it names, by name, glob or code. One for other
// checks, for the other rule, or with an unterminated list suppresses nothing.
// RUN: not %spawnguard %s -- -std=c++17 2>&1 | %check-notes %s

extern "C" int fork();

int spawn() { return fork(); }

int bare = spawn(); // NOLINT
int byName = spawn(); // NOLINT(spawnguard-spawn-before-main)
int byGlob = spawn(); // NOLINT(spawnguard-*)
int byCode = spawn(); // NOLINT(SG101)
int byCodeGlob = spawn(); // NOLINT(SG1*)
int inList = spawn(); // NOLINT(bugprone-unused-return-value, spawnguard-spawn-before-main)
int blockComment = spawn(); /* NOLINT(SG101) */
int everything = spawn(); // NOLINT(*)

int otherCheck = spawn(); // NOLINT(bugprone-*)
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'otherCheck' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:18: note: the initializer of 'otherCheck' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-14]]:22: note: 'spawn' creates a process with 'fork' here
int otherRule = spawn(); // NOLINT(spawnguard-spawn-after-main)
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'otherRule' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:17: note: the initializer of 'otherRule' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-18]]:22: note: 'spawn' creates a process with 'fork' here
int otherCode = spawn(); // NOLINT(SG102)
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'otherCode' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:17: note: the initializer of 'otherCode' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-22]]:22: note: 'spawn' creates a process with 'fork' here
int unterminated = spawn(); // NOLINT(spawnguard-spawn-before-main
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'unterminated' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:20: note: the initializer of 'unterminated' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-26]]:22: note: 'spawn' creates a process with 'fork' here
int negative = spawn(); // NOLINT(-spawnguard-*)
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'negative' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:16: note: the initializer of 'negative' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-30]]:22: note: 'spawn' creates a process with 'fork' here
int previousLine = spawn();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'previousLine' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:20: note: the initializer of 'previousLine' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-34]]:22: note: 'spawn' creates a process with 'fork' here
// NOLINT

// A global both built and destroyed with process creation: NOLINT names one
// of the two rules and leaves the other.
struct Both {
  Both() { spawn(); }
  ~Both() { spawn(); }
};
Both initOnly; // NOLINT(spawnguard-spawn-before-main)
// CHECK: :[[@LINE-1]]:6: warning: process creation reachable during static destruction of 'initOnly' [spawnguard-spawn-after-main]
// CHECK-NEXT: :[[@LINE-4]]:13: note: 'Both::~Both' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-46]]:22: note: 'spawn' creates a process with 'fork' here
Both finiOnly; // NOLINT(SG102)
// CHECK: :[[@LINE-1]]:6: warning: process creation reachable during static initialization of 'finiOnly' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-9]]:12: note: 'Both::Both' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-50]]:22: note: 'spawn' creates a process with 'fork' here
Both neither; // NOLINT(SG101, SG102)

int main() {}

// CHECK: spawnguard: 8 findings in 1 translation unit

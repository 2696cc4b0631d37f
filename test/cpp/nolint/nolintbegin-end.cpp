// A suppression region (the BEGIN and END forms of the comment) covers every
// root between its two markers, for the rules it names. A region that is
// never closed covers the rest of the file.
// RUN: not %spawnguard %s -- -std=c++17 2>&1 | %check-notes %s

extern "C" int fork();

int spawn() { return fork(); }

int before = spawn();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'before' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:14: note: the initializer of 'before' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-5]]:22: note: 'spawn' creates a process with 'fork' here

// NOLINTBEGIN
int bare1 = spawn();
int bare2 = spawn();
// NOLINTEND

int between = spawn();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'between' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:15: note: the initializer of 'between' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-15]]:22: note: 'spawn' creates a process with 'fork' here

// NOLINTBEGIN(spawnguard-spawn-before-main)
int byName = spawn();
// NOLINTEND(spawnguard-spawn-before-main)

// NOLINTBEGIN(SG101)
int byCode = spawn();
// NOLINTEND(SG101)

// NOLINTBEGIN(spawnguard-*)
struct Both {
  Both() { spawn(); }
  ~Both() { spawn(); }
};
Both bothRules;
// NOLINTEND(spawnguard-*)

// Only the after-main rule: the before-main finding of 'afterOnly' stays.
// NOLINTBEGIN(SG102)
Both afterOnly;
// CHECK: :[[@LINE-1]]:6: warning: process creation reachable during static initialization of 'afterOnly' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-10]]:12: note: 'Both::Both' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-38]]:22: note: 'spawn' creates a process with 'fork' here
// NOLINTEND(SG102)

// Another check's region suppresses nothing.
// NOLINTBEGIN(bugprone-*)
int otherCheck = spawn();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'otherCheck' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:18: note: the initializer of 'otherCheck' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-46]]:22: note: 'spawn' creates a process with 'fork' here
// NOLINTEND(bugprone-*)

int after = spawn();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'after' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:13: note: the initializer of 'after' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-52]]:22: note: 'spawn' creates a process with 'fork' here

// NOLINTBEGIN(spawnguard-spawn-before-main)
int unterminated = spawn();

int main() {}

// CHECK: spawnguard: 5 findings in 1 translation unit

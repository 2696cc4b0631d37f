// The next-line form of the suppression comment, on the line before a root,
// suppresses its findings for the rules it names; it covers the next line
// only.
// RUN: not %spawnguard %s -- -std=c++17 2>&1 | %check-notes %s

extern "C" int fork();

int spawn() { return fork(); }

// NOLINTNEXTLINE
int bare = spawn();
// NOLINTNEXTLINE(spawnguard-spawn-before-main)
int byName = spawn();
// NOLINTNEXTLINE(spawnguard-*)
int byGlob = spawn();
// NOLINTNEXTLINE(SG101)
int byCode = spawn();
/* NOLINTNEXTLINE(bugprone-*, SG101) */
int inList = spawn();

// NOLINTNEXTLINE(bugprone-*)
int otherCheck = spawn();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'otherCheck' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:18: note: the initializer of 'otherCheck' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-17]]:22: note: 'spawn' creates a process with 'fork' here
// NOLINTNEXTLINE(SG102)
int otherRule = spawn();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'otherRule' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:17: note: the initializer of 'otherRule' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-22]]:22: note: 'spawn' creates a process with 'fork' here
// NOLINTNEXTLINE(spawnguard-spawn-before-main)

int twoLinesBelow = spawn();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'twoLinesBelow' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:21: note: the initializer of 'twoLinesBelow' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-28]]:22: note: 'spawn' creates a process with 'fork' here
int sameLine = spawn(); // NOLINTNEXTLINE(spawnguard-*)
int lineAfterSameLine = spawn();
// CHECK: :[[@LINE-2]]:5: warning: process creation reachable during static initialization of 'sameLine' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-3]]:16: note: the initializer of 'sameLine' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-33]]:22: note: 'spawn' creates a process with 'fork' here

int main() {}

// CHECK: spawnguard: 4 findings in 1 translation unit

// The output does not depend on how many units are analysed in parallel,
// nor on the order they finish in: -j 1, -j 2 and -j=8 are byte-identical,
// including the tie between two equally short chains through different
// units.
// RUN: rm -rf %t && split-file %s %t && %gen-cdb %t
// RUN: cd %t && not %spawnguard -p %t -j 1 > %t/j1.out 2> %t/j1.err
// RUN: cd %t && not %spawnguard -p %t -j 2 > %t/j2.out 2> %t/j2.err
// RUN: cd %t && not %spawnguard -p %t -j=8 > %t/j8.out 2> %t/j8.err
// RUN: diff %t/j1.out %t/j2.out
// RUN: diff %t/j1.out %t/j8.out
// RUN: diff %t/j1.err %t/j2.err
// RUN: diff %t/j1.err %t/j8.err
// RUN: cat %t/j1.out %t/j1.err | %check-notes %s
// The machine-readable formats are byte-identical too.
// RUN: cd %t && not %spawnguard -p %t -j 1 --format=sarif > %t/j1.sarif
// RUN: cd %t && not %spawnguard -p %t -j 8 --format=sarif > %t/j8.sarif
// RUN: diff %t/j1.sarif %t/j8.sarif
// RUN: cd %t && not %spawnguard -p %t -j 1 --format=json > %t/j1.json
// RUN: cd %t && not %spawnguard -p %t -j 8 --format=json > %t/j8.json
// RUN: diff %t/j1.json %t/j8.json

// The tie: 'either' reaches fork through 'viaB' or 'viaC', both two calls
// away; the chain is the one whose first call comes first in the source.
// CHECK: a.cpp:5:5: warning: process creation reachable during static initialization of 'g_a' [spawnguard-spawn-before-main]
// CHECK-NEXT: a.cpp:5:11: note: the initializer of 'g_a' calls 'either' here
// CHECK-NEXT: a.cpp:3:23: note: 'either' calls 'viaB' here
// CHECK-NEXT: b.cpp:3:21: note: 'viaB' calls 'launch' here
// CHECK-NEXT: d.cpp:3:23: note: 'launch' creates a process with 'fork' here
// CHECK-NEXT: b.cpp:5:5: warning: process creation reachable during static initialization of 'g_b' [spawnguard-spawn-before-main]
// CHECK-NEXT: b.cpp:5:11: note: the initializer of 'g_b' calls 'viaB' here
// CHECK-NEXT: b.cpp:3:21: note: 'viaB' calls 'launch' here
// CHECK-NEXT: d.cpp:3:23: note: 'launch' creates a process with 'fork' here
// CHECK-NEXT: c.cpp:5:5: warning: process creation reachable during static initialization of 'g_c' [spawnguard-spawn-before-main]
// CHECK-NEXT: c.cpp:5:11: note: the initializer of 'g_c' calls 'viaC' here
// CHECK-NEXT: c.cpp:3:21: note: 'viaC' calls 'launch' here
// CHECK-NEXT: d.cpp:3:23: note: 'launch' creates a process with 'fork' here
// CHECK-NEXT: spawnguard: 3 findings in 4 translation units

//--- a.cpp
int viaB(); int viaC();

int either() { return viaB() + viaC(); }

int g_a = either();

int main() { return 0; }

//--- b.cpp
int launch();

int viaB() { return launch(); }

int g_b = viaB();

//--- c.cpp
int launch();

int viaC() { return launch(); }

int g_c = viaC();

//--- d.cpp
extern "C" int fork();

int launch() { return fork(); }

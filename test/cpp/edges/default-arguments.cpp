// Default arguments are evaluated by the caller, at each call that omits
// them; default member initializers run in every constructor that does not
// initialize the member itself.
// RUN: not %spawnguard %s -- -std=c++17 2>&1 | %check-notes %s

extern "C" int fork();

int spawn() { return fork(); }

int withDefault(int x = spawn()) { return x; }
int defaulted = withDefault();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'defaulted' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-3]]:25: note: the initializer of 'defaulted' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-6]]:22: note: 'spawn' creates a process with 'fork' here

struct Options {
  Options(int fd = spawn()) {}
};
Options defaultedCtor;
// CHECK: :[[@LINE-1]]:9: warning: process creation reachable during static initialization of 'defaultedCtor' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-4]]:20: note: the initializer of 'defaultedCtor' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-14]]:22: note: 'spawn' creates a process with 'fork' here

struct Implicit { int pid = spawn(); };
Implicit implicitCtor;
// CHECK: :[[@LINE-1]]:10: warning: process creation reachable during static initialization of 'implicitCtor' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-3]]:29: note: 'Implicit::Implicit' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-20]]:22: note: 'spawn' creates a process with 'fork' here

struct UserCtor {
  int pid = spawn();
  UserCtor() {}
};
UserCtor userCtor;
// CHECK: :[[@LINE-1]]:10: warning: process creation reachable during static initialization of 'userCtor' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-5]]:13: note: 'UserCtor::UserCtor' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-29]]:22: note: 'spawn' creates a process with 'fork' here

struct Nested {
  Implicit inner;
};
Nested nested;
// CHECK: :[[@LINE-1]]:8: warning: process creation reachable during static initialization of 'nested' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-5]]:8: note: 'Nested::Nested' calls 'Implicit::Implicit' here
// CHECK-NEXT: :[[@LINE-21]]:29: note: 'Implicit::Implicit' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-38]]:22: note: 'spawn' creates a process with 'fork' here

// Look-alikes: the argument is given, or the constructor initializes the
// member itself.
int explicitArgument = withDefault(1);
Options explicitCtorArgument(3);

struct Overrides {
  int pid = spawn();
  Overrides(int v) : pid(v) {}
};
Overrides overrides(1);

int main() {}

// CHECK: spawnguard: 5 findings in 1 translation unit

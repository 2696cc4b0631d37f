// Plain call edges: free functions, member functions, static member
// functions, overloaded operators (members and free functions) and
// conversion operators, and their look-alikes.
// RUN: not %spawnguard %s -- -std=c++17 2>&1 | %check-notes %s

extern "C" int fork();

int spawn() { return fork(); }
int quiet() { return 0; }

struct Member {
  int go() { return spawn(); }
  int idle() { return quiet(); }
  static int make() { return spawn(); }
};

struct Adder {
  int operator+(int) const { return spawn(); }
  int operator-(int) const { return 0; }
};

struct Functor {
  int operator()() const { return spawn(); }
  int operator()(int) const { return 0; }
};

struct Tag {};
int operator*(Tag, int) { return spawn(); }
int operator/(Tag, int) { return 0; }

struct Handle {
  operator int() const { return spawn(); }
  operator bool() const { return false; }
};

int direct = spawn();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'direct' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:14: note: the initializer of 'direct' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-31]]:22: note: 'spawn' creates a process with 'fork' here
int member = Member().go();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'member' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:23: note: the initializer of 'member' calls 'Member::go' here
// CHECK-NEXT: :[[@LINE-31]]:21: note: 'Member::go' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-36]]:22: note: 'spawn' creates a process with 'fork' here
int staticMember = Member::make();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'staticMember' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:20: note: the initializer of 'staticMember' calls 'Member::make' here
// CHECK-NEXT: :[[@LINE-34]]:30: note: 'Member::make' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-41]]:22: note: 'spawn' creates a process with 'fork' here
int plus = Adder() + 1;
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'plus' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:20: note: the initializer of 'plus' calls 'Adder::operator+' here
// CHECK-NEXT: :[[@LINE-35]]:37: note: 'Adder::operator+' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-46]]:22: note: 'spawn' creates a process with 'fork' here
int call = Functor()();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'call' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:12: note: the initializer of 'call' calls 'Functor::operator()' here
// CHECK-NEXT: :[[@LINE-35]]:35: note: 'Functor::operator()' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-51]]:22: note: 'spawn' creates a process with 'fork' here
int freeOperator = Tag() * 2;
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'freeOperator' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:26: note: the initializer of 'freeOperator' calls 'operator*' here
// CHECK-NEXT: :[[@LINE-35]]:34: note: 'operator*' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-56]]:22: note: 'spawn' creates a process with 'fork' here
int conversion = Handle();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'conversion' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:18: note: the initializer of 'conversion' calls 'Handle::operator int' here
// CHECK-NEXT: :[[@LINE-36]]:33: note: 'Handle::operator int' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-61]]:22: note: 'spawn' creates a process with 'fork' here

int viaChain() { return quiet() + spawn(); }
int chained = viaChain();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'chained' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:15: note: the initializer of 'chained' calls 'viaChain' here
// CHECK-NEXT: :[[@LINE-4]]:35: note: 'viaChain' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-68]]:22: note: 'spawn' creates a process with 'fork' here

// Look-alikes: same shapes, nothing that spawns.
int directQuiet = quiet();
int memberQuiet = Member().idle();
int minus = Adder() - 1;
int callQuiet = Functor()(1);
int freeQuiet = Tag() / 2;
bool conversionQuiet = Handle();
int constant = 42;

// Declared but never called before main, or called only from main.
int unused() { return spawn(); }
int main() { return spawn(); }

// CHECK: spawnguard: 8 findings in 1 translation unit

// A virtual call may run any overrider, however deep; a qualified call
// 'Base::go()' and a call of a final method or a method of a final class
// bind statically.
// RUN: not %spawnguard %s -- -std=c++17 2>&1 | %check-notes %s

extern "C" int fork();

int spawn() { return fork(); }

struct Base {
  virtual ~Base() = default;
  virtual int go() { return 0; }
};
struct Spawner : Base {
  int go() override { return spawn(); }
};
struct Deeper : Spawner {
  int go() override { return 1; }
};
struct Grand : Deeper {
  int go() override { return 2; }
};

// Through Base: Spawner::go is a possible target.
int dispatch(Base &b) { return b.go(); }
int viaBase = dispatch(*new Base);
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'viaBase' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:15: note: the initializer of 'viaBase' calls 'dispatch' here
// CHECK-NEXT: :[[@LINE-4]]:34: note: 'dispatch' calls 'Spawner::go' here through virtual 'Base::go'
// CHECK-NEXT: :[[@LINE-15]]:30: note: 'Spawner::go' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-23]]:22: note: 'spawn' creates a process with 'fork' here

// Through Spawner*: Spawner::go itself is the static target.
int dispatchSpawner(Spawner *s) { return s->go(); }
int viaSpawner = dispatchSpawner(nullptr);
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'viaSpawner' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:18: note: the initializer of 'viaSpawner' calls 'dispatchSpawner' here
// CHECK-NEXT: :[[@LINE-4]]:45: note: 'dispatchSpawner' calls 'Spawner::go' here
// CHECK-NEXT: :[[@LINE-24]]:30: note: 'Spawner::go' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-32]]:22: note: 'spawn' creates a process with 'fork' here

// Overrider two levels below the static type.
struct Root {
  virtual int step() { return 0; }
};
struct Middle : Root {};
struct Leaf : Middle {
  int step() override { return spawn(); }
};
int dispatchRoot(Root *r) { return r->step(); }
int viaRoot = dispatchRoot(nullptr);
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'viaRoot' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:15: note: the initializer of 'viaRoot' calls 'dispatchRoot' here
// CHECK-NEXT: :[[@LINE-4]]:39: note: 'dispatchRoot' calls 'Leaf::step' here through virtual 'Root::step'
// CHECK-NEXT: :[[@LINE-7]]:32: note: 'Leaf::step' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-48]]:22: note: 'spawn' creates a process with 'fork' here

// Look-alikes.
int qualified(Spawner &s) { return s.Base::go(); }
int qualifiedCall = qualified(*new Spawner);

// Below Deeper no overrider spawns.
int dispatchDeeper(Deeper *d) { return d->go(); }
int viaDeeper = dispatchDeeper(nullptr);

struct Sealed : Spawner {
  int go() final { return 3; }
};
int viaFinalMethod(Sealed &s) { return s.go(); }
int finalMethod = viaFinalMethod(*new Sealed);

struct Closed final : Spawner {
  int go() override { return 4; }
};
int viaFinalClass(Closed &c) { return c.go(); }
int finalClass = viaFinalClass(*new Closed);

int main() {}

// CHECK: spawnguard: 3 findings in 1 translation unit

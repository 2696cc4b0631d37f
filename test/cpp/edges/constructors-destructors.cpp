// Constructor and destructor edges, explicit and implicit: temporaries,
// locals at the end of their scope, members and bases destroyed by an
// implicit destructor, 'new' and 'delete', arrays, and virtual destructors.
// RUN: not %spawnguard %s -- -std=c++17 2>&1 | %check-notes %s

extern "C" int fork();

int spawn() { return fork(); }

struct Starts { Starts() { spawn(); } };
struct Explicit { explicit Explicit(int) { spawn(); } };
struct Temp { int x = 0; ~Temp() { spawn(); } };
struct Local { ~Local() { spawn(); } };
struct Part { ~Part() { spawn(); } };
struct Whole { Part p; };
struct WholeWithBody { Part p; ~WholeWithBody() {} };
struct Base { ~Base() { spawn(); } };
struct Derived : Base {};
struct Deleted { ~Deleted() { spawn(); } };
struct VBase { virtual ~VBase() {} };
struct VDerived : VBase { ~VDerived() override { spawn(); } };
struct Holder { Starts s; };

// A global of a class type: its constructor runs before main.
Explicit explicitCtor(1);
// CHECK: :[[@LINE-1]]:10: warning: process creation reachable during static initialization of 'explicitCtor' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-16]]:44: note: 'Explicit::Explicit' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-20]]:22: note: 'spawn' creates a process with 'fork' here
Holder holder;
// CHECK: :[[@LINE-1]]:8: warning: process creation reachable during static initialization of 'holder' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-9]]:8: note: 'Holder::Holder' calls 'Starts::Starts' here
// CHECK-NEXT: :[[@LINE-22]]:28: note: 'Starts::Starts' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-25]]:22: note: 'spawn' creates a process with 'fork' here

// A temporary: built and destroyed within the initializer.
int temporary = Temp().x;
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'temporary' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:17: note: the initializer of 'temporary' implicitly calls 'Temp::~Temp' here
// CHECK-NEXT: :[[@LINE-27]]:36: note: 'Temp::~Temp' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-32]]:22: note: 'spawn' creates a process with 'fork' here
int take(const Temp &) { return 0; }
int temporaryArgument = take(Temp());
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'temporaryArgument' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:30: note: the initializer of 'temporaryArgument' implicitly calls 'Temp::~Temp' here
// CHECK-NEXT: :[[@LINE-33]]:36: note: 'Temp::~Temp' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-38]]:22: note: 'spawn' creates a process with 'fork' here

int useLocal() { Local l; return 0; }
int local = useLocal();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'local' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:13: note: the initializer of 'local' calls 'useLocal' here
// CHECK-NEXT: :[[@LINE-4]]:24: note: 'useLocal' implicitly calls 'Local::~Local' here
// CHECK-NEXT: :[[@LINE-40]]:27: note: 'Local::~Local' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-46]]:22: note: 'spawn' creates a process with 'fork' here

int useWhole() { Whole w; return 0; }
int member = useWhole();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'member' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:14: note: the initializer of 'member' calls 'useWhole' here
// CHECK-NEXT: :[[@LINE-4]]:24: note: 'useWhole' implicitly calls 'Whole::~Whole' here
// CHECK-NEXT: :[[@LINE-46]]:8: note: 'Whole::~Whole' implicitly calls 'Part::~Part' here
// CHECK-NEXT: :[[@LINE-48]]:25: note: 'Part::~Part' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-55]]:22: note: 'spawn' creates a process with 'fork' here

int useWholeWithBody() { WholeWithBody w; return 0; }
int memberAfterBody = useWholeWithBody();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'memberAfterBody' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:23: note: the initializer of 'memberAfterBody' calls 'useWholeWithBody' here
// CHECK-NEXT: :[[@LINE-4]]:40: note: 'useWholeWithBody' implicitly calls 'WholeWithBody::~WholeWithBody' here
// CHECK-NEXT: :[[@LINE-54]]:32: note: 'WholeWithBody::~WholeWithBody' implicitly calls 'Part::~Part' here
// CHECK-NEXT: :[[@LINE-57]]:25: note: 'Part::~Part' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-64]]:22: note: 'spawn' creates a process with 'fork' here

int useDerived() { Derived d; return 0; }
int base = useDerived();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'base' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:12: note: the initializer of 'base' calls 'useDerived' here
// CHECK-NEXT: :[[@LINE-4]]:28: note: 'useDerived' implicitly calls 'Derived::~Derived' here
// CHECK-NEXT: :[[@LINE-61]]:8: note: 'Derived::~Derived' implicitly calls 'Base::~Base' here
// CHECK-NEXT: :[[@LINE-63]]:25: note: 'Base::~Base' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-73]]:22: note: 'spawn' creates a process with 'fork' here

int useDelete(Deleted *p) { delete p; return 0; }
int deleted = useDelete(nullptr);
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'deleted' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:15: note: the initializer of 'deleted' calls 'useDelete' here
// CHECK-NEXT: :[[@LINE-4]]:29: note: 'useDelete' implicitly calls 'Deleted::~Deleted' here
// CHECK-NEXT: :[[@LINE-69]]:31: note: 'Deleted::~Deleted' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-81]]:22: note: 'spawn' creates a process with 'fork' here

int useNew() { return new Starts != nullptr; }
int created = useNew();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'created' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:15: note: the initializer of 'created' calls 'useNew' here
// CHECK-NEXT: :[[@LINE-4]]:27: note: 'useNew' calls 'Starts::Starts' here
// CHECK-NEXT: :[[@LINE-86]]:28: note: 'Starts::Starts' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-89]]:22: note: 'spawn' creates a process with 'fork' here

int useArray() { Local a[2]; return 0; }
int array = useArray();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'array' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:13: note: the initializer of 'array' calls 'useArray' here
// CHECK-NEXT: :[[@LINE-4]]:24: note: 'useArray' implicitly calls 'Local::~Local' here
// CHECK-NEXT: :[[@LINE-91]]:27: note: 'Local::~Local' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-97]]:22: note: 'spawn' creates a process with 'fork' here

int useDeleteArray(Deleted *p) { delete[] p; return 0; }
int deletedArray = useDeleteArray(nullptr);
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'deletedArray' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:20: note: the initializer of 'deletedArray' calls 'useDeleteArray' here
// CHECK-NEXT: :[[@LINE-4]]:34: note: 'useDeleteArray' implicitly calls 'Deleted::~Deleted' here
// CHECK-NEXT: :[[@LINE-93]]:31: note: 'Deleted::~Deleted' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-105]]:22: note: 'spawn' creates a process with 'fork' here

int useVirtualDelete(VBase *p) { delete p; return 0; }
int virtualDeleted = useVirtualDelete(nullptr);
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'virtualDeleted' [spawnguard-spawn-before-main]
// CHECK-NEXT: :[[@LINE-2]]:22: note: the initializer of 'virtualDeleted' calls 'useVirtualDelete' here
// CHECK-NEXT: :[[@LINE-4]]:34: note: 'useVirtualDelete' calls 'VDerived::~VDerived' here through virtual 'VBase::~VBase'
// CHECK-NEXT: :[[@LINE-99]]:50: note: 'VDerived::~VDerived' calls 'spawn' here
// CHECK-NEXT: :[[@LINE-113]]:22: note: 'spawn' creates a process with 'fork' here

// Look-alikes: trivial or empty destructors, pointers and references (no
// object is destroyed), and a class that spawns only from a method nobody
// calls.
struct Quiet { ~Quiet() {} };
struct Trivial { int x; };
struct Dormant { int later() { return spawn(); } };
int useQuiet() { Quiet q; Trivial t{}; delete new Quiet; return t.x; }
int quietLocals = useQuiet();
int usePointers(Local *p) { Local &r = *p; Local *copy = p; (void)r; (void)copy; return 0; }
int pointers = usePointers(nullptr);
Dormant dormant;
Trivial trivial;

int main() {}

// CHECK: spawnguard: 13 findings in 1 translation unit

// Boost before 1.86: no v1 namespace.
// RUN: not %spawnguard %s -- -std=c++17 -isystem %S/Inputs -DFAKE_BOOST_PROCESS_LEGACY 2>&1 | %check-notes %s -DNS=boost::process::
// Boost 1.86 and later: v1 is an inline namespace...
// RUN: not %spawnguard %s -- -std=c++17 -isystem %S/Inputs 2>&1 | %check-notes %s -DNS=boost::process::
// ...unless the build selects v2, and v1 must be named.
// RUN: not %spawnguard %s -- -std=c++17 -isystem %S/Inputs -DBOOST_PROCESS_VERSION=2 2>&1 | %check-notes %s -DNS=boost::process::v1::

#include <boost/process.hpp>

#if defined(BOOST_PROCESS_VERSION) && BOOST_PROCESS_VERSION == 2
namespace bp = boost::process::v1;
#else
namespace bp = boost::process;
#endif

// The launching constructor of child is a template.
bp::child g_child("/usr/bin/indexer", "--daemon");
// CHECK: :[[@LINE-1]]:11: warning: process creation reachable during static initialization of 'g_child' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:11: note: the initializer of 'g_child' creates a process with '[[NS]]child::child' here
bp::child g_childOut("/usr/bin/du", bp::std_out > *new bp::ipstream);
// CHECK: :[[@LINE-1]]:11: warning: process creation reachable during static initialization of 'g_childOut' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:11: note: the initializer of 'g_childOut' creates a process with '[[NS]]child::child' here

int startSpawn() {
  bp::spawn("/usr/bin/notify", "ready");
  return 0;
}
int g_spawned = startSpawn();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'g_spawned' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:17: note: the initializer of 'g_spawned' calls 'startSpawn' here
// CHECK: :[[@LINE-6]]:3: note: 'startSpawn' creates a process with '[[NS]]spawn' here
int g_system = bp::system("ldconfig");
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'g_system' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:16: note: the initializer of 'g_system' creates a process with '[[NS]]system' here
boost::asio::io_context g_io;
int startAsync() {
  bp::async_system(g_io, [](int) {}, "sync");
  return 0;
}
int g_async = startAsync();
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'g_async' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:15: note: the initializer of 'g_async' calls 'startAsync' here
// CHECK: :[[@LINE-6]]:3: note: 'startAsync' creates a process with '[[NS]]async_system' here

// Look-alikes: an empty child, attaching to a running process, moving a
// child, a process group, and queries that launch nothing.
bp::child g_empty;
bp::pid_t g_knownPid = 1234;
bp::child g_attached(g_knownPid);
bp::child g_moved(static_cast<bp::child &&>(g_empty));
bp::group g_group;
int g_self = bp::this_process::get_id();
const char *g_found = bp::search_path("sh");

int main() {
  g_child.wait();
  return bp::system("true");
}

// CHECK: spawnguard: 5 findings in 1 translation unit

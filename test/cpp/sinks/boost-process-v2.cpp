// RUN: not %spawnguard %s -- -std=c++17 -isystem %S/Inputs 2>&1 | %check-notes %s

#include <boost/process/v2.hpp>

namespace bp2 = boost::process::v2;

boost::asio::io_context g_io;

// The launching constructors of basic_process are templates.
bp2::process g_indexer(g_io.get_executor(), "/usr/bin/indexer", {"--once"});
// CHECK: :[[@LINE-1]]:14: warning: process creation reachable during static initialization of 'g_indexer' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:14: note: the initializer of 'g_indexer' creates a process with 'boost::process::v2::basic_process{{(<.*>)?}}::basic_process' here
const char *g_args[] = {"-c", "true"};
bp2::process g_shell(g_io.get_executor(), "/bin/sh", g_args);
// CHECK: :[[@LINE-1]]:14: warning: process creation reachable during static initialization of 'g_shell' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:14: note: the initializer of 'g_shell' creates a process with 'boost::process::v2::basic_process{{(<.*>)?}}::basic_process' here
bp2::basic_process<boost::asio::any_io_executor> g_spelled(g_io.get_executor(), "/bin/true", g_args);
// CHECK: :[[@LINE-1]]:50: warning: process creation reachable during static initialization of 'g_spelled' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:50: note: the initializer of 'g_spelled' creates a process with 'boost::process::v2::basic_process{{(<.*>)?}}::basic_process' here

// Look-alikes: waiting for a process and looking up an executable launch
// nothing. (The non-launching constructors are in
// boost-process-v2-no-launch.cpp.)
int waitFor(bp2::process &proc) { return bp2::execute(static_cast<bp2::process &&>(proc)); }
bp2::filesystem::path g_sh = bp2::environment_find_executable("sh");

int main() { return g_indexer.wait(); }

// CHECK: spawnguard: 3 findings in 1 translation unit

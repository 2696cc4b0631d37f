// RUN: %spawnguard %s -- -std=c++17 -isystem %S/Inputs 2>&1 | %check-notes %s

// Constructors of boost::process::v2::basic_process that launch nothing:
// some are plain members of the class template, one is itself a template.
#include <boost/process/v2.hpp>

namespace bp2 = boost::process::v2;

boost::asio::io_context g_io;

bp2::process g_empty(g_io.get_executor());
bp2::process g_fromContext(g_io);
bp2::process g_attached(g_io.get_executor(), 1234);
bp2::process g_moved(static_cast<bp2::process &&>(g_empty));
bp2::basic_process<boost::asio::any_io_executor> g_spelled(g_io.get_executor());

int main() { return g_attached.wait(); }

// CHECK: spawnguard: 0 findings in 1 translation unit

// Minimal stand-in for Boost.Process v1 (<boost/process.hpp>). Since Boost
// 1.86 v1 lives in boost::process::v1, an inline namespace unless
// BOOST_PROCESS_VERSION is 2; define FAKE_BOOST_PROCESS_LEGACY for the
// layout of older releases, without the v1 namespace.
#pragma once

#include <utility>

#if defined(FAKE_BOOST_PROCESS_LEGACY)
#define FAKE_BOOST_PROCESS_V1_BEGIN
#define FAKE_BOOST_PROCESS_V1_END
#elif defined(BOOST_PROCESS_VERSION) && BOOST_PROCESS_VERSION == 2
#define FAKE_BOOST_PROCESS_V1_BEGIN namespace v1 {
#define FAKE_BOOST_PROCESS_V1_END }
#else
#define FAKE_BOOST_PROCESS_V1_BEGIN inline namespace v1 {
#define FAKE_BOOST_PROCESS_V1_END }
#endif

namespace boost {
namespace asio {
struct io_context {
  int run();
};
} // namespace asio

namespace process {
FAKE_BOOST_PROCESS_V1_BEGIN

typedef int pid_t;

struct ipstream {};
struct opstream {};
struct std_out_redirect {};
struct std_out_ {
  std_out_redirect operator>(ipstream &) const;
};
constexpr std_out_ std_out{};

class child {
public:
  // Attaches to a running process.
  explicit child(pid_t &pid);
  child(child &&other);
  // Launches a process.
  template <typename... Args> explicit child(Args &&...args) {}
  child() = default;
  child &operator=(child &&other);

  void wait();
  bool running();
  void terminate();
  void detach();
  int exit_code() const;
  pid_t id() const;
};

class group {
public:
  group() = default;
  void wait();
  void terminate();
};

template <typename... Args> void spawn(Args &&...args) {}
template <typename... Args> int system(Args &&...args) { return 0; }
template <typename ExitHandler, typename... Args>
void async_system(asio::io_context &ios, ExitHandler &&handler,
                  Args &&...args) {}

// Not sinks.
namespace this_process {
int get_id();
}
const char *search_path(const char *name);

FAKE_BOOST_PROCESS_V1_END
} // namespace process
} // namespace boost

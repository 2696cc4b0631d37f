// Minimal stand-in for Boost.Process v2 (<boost/process/v2.hpp>).
#pragma once

#include <initializer_list>
#include <utility>

namespace boost {
namespace asio {
struct io_context {
  struct executor_type {};
  executor_type get_executor();
  int run();
};
struct any_io_executor {
  any_io_executor(io_context::executor_type);
};
} // namespace asio

namespace process {
namespace v2 {
namespace filesystem {
struct path {
  path(const char *);
};
} // namespace filesystem

typedef int pid_type;

template <typename Executor = asio::any_io_executor> class basic_process {
public:
  using executor_type = Executor;

  // No process: an empty handle bound to an executor or a context.
  explicit basic_process(executor_type exec) {}
  template <typename ExecutionContext>
  explicit basic_process(ExecutionContext &context) {}
  // Attaches to a running process.
  explicit basic_process(executor_type exec, pid_type pid) {}
  basic_process(basic_process &&other) {}

  // Launch a process.
  template <typename... Inits>
  explicit basic_process(executor_type exec, const filesystem::path &exe,
                         std::initializer_list<const char *> args,
                         Inits &&...inits) {}
  template <typename Args, typename... Inits>
  explicit basic_process(executor_type exec, const filesystem::path &exe,
                         Args &&args, Inits &&...inits) {}

  int wait() { return 0; }
  void terminate() {}
  bool running() { return false; }
  pid_type id() const { return 0; }
};

typedef basic_process<> process;

// Not sinks: they wait for a process that is already running.
template <typename Executor> int execute(basic_process<Executor> proc) {
  return proc.wait();
}
filesystem::path environment_find_executable(const char *name);

} // namespace v2
} // namespace process
} // namespace boost

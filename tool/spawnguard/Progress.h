//===- Progress.h - One self-updating status line ---------------*- C++ -*-===//
//
// "[120/5000] 41.3 units/s, ETA 1:58" on stderr while a long run goes on, as
// run-clang-tidy and ruff do. Only on a terminal; never mixed into output
// that a program reads.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_TOOL_PROGRESS_H
#define SPAWNGUARD_TOOL_PROGRESS_H

#include <chrono>
#include <cstddef>

namespace spawnguard {

class ProgressLine {
public:
  /// Shows nothing unless \p Enabled (the caller decides: a terminal, no -q).
  explicit ProgressLine(bool Enabled);
  ~ProgressLine();

  void update(size_t Done, size_t Total);

private:
  using Clock = std::chrono::steady_clock;
  bool Enabled;
  bool Shown = false;
  Clock::time_point Start = Clock::now();
  Clock::time_point LastDrawn;
};

} // namespace spawnguard

#endif // SPAWNGUARD_TOOL_PROGRESS_H

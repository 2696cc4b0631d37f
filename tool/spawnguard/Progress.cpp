//===- Progress.cpp -------------------------------------------------------===//

#include "Progress.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

namespace spawnguard {

ProgressLine::ProgressLine(bool Enabled) : Enabled(Enabled) {}

ProgressLine::~ProgressLine() {
  if (Shown)
    llvm::errs() << "\r\x1b[K"; // Leave the terminal as it was.
}

void ProgressLine::update(size_t Done, size_t Total) {
  if (!Enabled)
    return;
  Clock::time_point Now = Clock::now();
  // Redrawing more than ten times a second only costs time.
  if (Shown && Done != Total && Now - LastDrawn < std::chrono::milliseconds(100))
    return;
  LastDrawn = Now;
  Shown = true;
  double Seconds = std::chrono::duration<double>(Now - Start).count();
  double Rate = Seconds > 0 ? Done / Seconds : 0;
  unsigned Eta = Rate > 0 ? static_cast<unsigned>((Total - Done) / Rate) : 0;
  llvm::errs() << "\r\x1b[K[" << Done << "/" << Total << "] "
               << llvm::format("%.1f", Rate) << " units/s, ETA " << Eta / 60
               << ":" << llvm::format("%02u", Eta % 60);
}

} // namespace spawnguard

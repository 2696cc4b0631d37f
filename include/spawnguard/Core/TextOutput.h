//===- TextOutput.h - Findings in clang's diagnostic format -----*- C++ -*-===//
//
// The text format is clang's own ("file:line:col: warning: ... [rule]",
// followed by notes), so editors, CI problem matchers and people read it
// without being taught.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_CORE_TEXTOUTPUT_H
#define SPAWNGUARD_CORE_TEXTOUTPUT_H

#include "spawnguard/Core/Finding.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/raw_ostream.h"
#include <string>

namespace spawnguard {

struct TextOptions {
  bool Color = false;
  /// Paths under this directory are printed relative to it.
  std::string BaseDirectory;
};

/// Returns \p Path relative to \p Base when it lies below it, else \p Path.
std::string displayPath(llvm::StringRef Path, llvm::StringRef Base);

void printText(llvm::raw_ostream &OS, llvm::ArrayRef<Finding> Findings,
               const TextOptions &Options);

} // namespace spawnguard

#endif // SPAWNGUARD_CORE_TEXTOUTPUT_H

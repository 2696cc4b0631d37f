//===- Project.h - The summaries of a run, merged ---------------*- C++ -*-===//
//
// Phase 2 resolves every name through the Project: the merge of the
// summaries of all modules of the run, plus the catalog of process APIs.
// Phase 2 only reads it, so a module's facts do not depend on the order in
// which modules are emitted.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_LIB_PYTHON_PROJECT_H
#define SPAWNGUARD_LIB_PYTHON_PROJECT_H

#include "ModuleSummary.h"
#include "SinkTable.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include <string>
#include <vector>

namespace spawnguard {
namespace python {

struct ClassInfo {
  std::vector<std::string> RawBases; // dotted text, resolved lazily
  std::string Module;
};

/// True for the decorators that make each call of the function start a
/// process.
bool startsProcessPerCall(llvm::StringRef Decorator);

/// The phase-1 view of the whole run: every module's summary, merged.
struct Project {
  llvm::StringMap<const ModuleSummary *> ByName;
  llvm::StringSet<> Functions;
  llvm::StringMap<ClassInfo> Classes;
  /// Functions decorated so that each call starts a process (pebble).
  llvm::StringMap<std::string> SinkFunctions;
  /// The catalog of process APIs, with the user's --sink entries.
  SinkTable Sinks;

  /// Adds a module's summary; modules are added in path order, and with
  /// two modules of the same name the later one wins, as in a run without
  /// a cache.
  void add(const ModuleSummary &S);

  /// Once every summary is in: the decorated functions whose calls start a
  /// process. Their decorators may be imported through other modules.
  void resolveDecorators(llvm::ArrayRef<const ModuleSummary *> Summaries);

  bool isDefined(llvm::StringRef Q) const {
    return Functions.contains(Q) || Classes.count(Q) || ByName.count(Q);
  }

  /// Resolves a dotted name spelled in module \p M (after local bindings
  /// were tried) to a canonical dotted name; "" if its head is unbound.
  std::string resolveGlobal(const ModuleSummary &M, llvm::StringRef Dotted,
                            unsigned Depth = 0) const;

  /// Follows re-exports ('from .impl import f' in pkg/__init__.py makes
  /// 'pkg.f' mean 'pkg.impl.f') and drop-in library aliases.
  std::string canonical(std::string Q, unsigned Depth = 0) const;
};

} // namespace python
} // namespace spawnguard

#endif // SPAWNGUARD_LIB_PYTHON_PROJECT_H

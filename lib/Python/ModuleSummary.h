//===- ModuleSummary.h - What a Python module shows the others --*- C++ -*-===//
//
// Phase 1 of the Python front end reduces each module to its summary: what
// its top level binds (functions, classes and their methods, imports,
// 'X = a.b' aliases, decorated functions). Phase 2 emits a module's facts
// from its own tree plus the summaries of every module of the run, so a
// summary is exactly the part of a module that other modules' facts can
// depend on. It is plain data, serialised for the cache.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_LIB_PYTHON_MODULESUMMARY_H
#define SPAWNGUARD_LIB_PYTHON_MODULESUMMARY_H

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace spawnguard {
namespace python {

struct ClassSummary {
  /// Dotted qualified name: 'pkg.mod.Outer.Inner'.
  std::string Name;
  /// Base classes as spelled ('mp.Process'), resolved on use.
  std::vector<std::string> RawBases;
};

/// A function or method defined with a decorator, which may make every call
/// of it start a process (pebble).
struct DecoratedFunction {
  std::string Function;
  /// The decorator as spelled, without its call arguments.
  std::string RawDecorator;
};

struct ModuleSummary {
  std::string Path, Name;
  bool IsPackage = false;
  /// Top-level name -> dotted target (a function, class, module, or an
  /// external dotted name).
  llvm::StringMap<std::string> Globals;
  /// Top-level 'X = a.b' aliases, resolved on use.
  llvm::StringMap<std::string> RawAliases;
  /// Qualified names of the functions and methods defined at top level or
  /// in top-level classes.
  std::vector<std::string> Functions;
  std::vector<ClassSummary> Classes;
  std::vector<DecoratedFunction> Decorated;
};

/// The summary's bytes, the same for equal summaries whatever the order in
/// which its maps were filled.
std::string writeModuleSummary(const ModuleSummary &Summary);

llvm::Expected<ModuleSummary> readModuleSummary(llvm::StringRef Bytes);

} // namespace python
} // namespace spawnguard

#endif // SPAWNGUARD_LIB_PYTHON_MODULESUMMARY_H

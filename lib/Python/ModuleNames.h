//===- ModuleNames.h - Dotted names of Python modules -----------*- C++ -*-===//
//
// A module's dotted name comes from the '__init__.py' files above it, and
// 'from ..x import y' names a module relative to the importing one (both
// declared in the public header, defined in ModuleNames.cpp). Within a run,
// every module also needs a name of its own.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_LIB_PYTHON_MODULENAMES_H
#define SPAWNGUARD_LIB_PYTHON_MODULENAMES_H

#include <string>
#include <vector>

namespace spawnguard {
namespace python {

/// Module names for \p Files. Two files that would get the same name (two
/// scripts 'train.py' in different directories, two copies of a package)
/// are still two modules of the run, and their functions must not become
/// one node. So each of them takes the names of the directories above its
/// top package as a prefix until the names differ: 'tools.train' and
/// 'jobs.train'. An 'import train' then resolves to neither, which can lose
/// an edge but never merges two modules.
std::vector<std::string>
distinctModuleNames(const std::vector<std::string> &Files);

} // namespace python
} // namespace spawnguard

#endif // SPAWNGUARD_LIB_PYTHON_MODULENAMES_H

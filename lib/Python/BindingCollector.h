//===- BindingCollector.h - Phase 1: what a module binds --------*- C++ -*-===//
//
// Phase 1 of the Python front end reduces a module to its summary: what its
// top level binds (functions, classes and their methods, imports, 'X = a.b'
// aliases) and the decorators of its functions, all as spelled. Names are
// resolved only in phase 2, once every module's summary is known.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_LIB_PYTHON_BINDINGCOLLECTOR_H
#define SPAWNGUARD_LIB_PYTHON_BINDINGCOLLECTOR_H

#include "Syntax.h"
#include <string>

namespace spawnguard {
namespace python {

/// Fills the summary part of \p M from its tree.
void collectBindings(Module &M);

/// The absolute module named by 'from X import ...' statement \p S of
/// \p M; "" if it climbs above the top-level package.
std::string fromImportModule(const Module &M, TSNode S);

} // namespace python
} // namespace spawnguard

#endif // SPAWNGUARD_LIB_PYTHON_BINDINGCOLLECTOR_H

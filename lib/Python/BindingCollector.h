//===- BindingCollector.h - What a module binds, from its tree --*- C++ -*-===//
//
// A module's summary is what its top level binds (functions, classes and
// their methods, imports, 'X = a.b' aliases) and the decorators of its
// functions, all as spelled. Names are resolved only in phase 2, once every
// module's summary is known.
//
// This is the summary read off a parse tree: the definition that phase 1's
// BindingScanner, which reads the same off the tokens without parsing, is
// tested and fuzzed against.
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

//===- MainGuard.h - Tests for the main process -----------------*- C++ -*-===//
//
// 'if __name__ == "__main__":' and its forms decide what runs when a spawned
// child imports a module. classifyGuard (public) classifies the text of a
// condition; the front end classifies conditions in its trees.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_LIB_PYTHON_MAINGUARD_H
#define SPAWNGUARD_LIB_PYTHON_MAINGUARD_H

#include "Syntax.h"
#include "spawnguard/Python/PythonFrontEnd.h"

namespace spawnguard {
namespace python {

/// Classifies \p Cond of module \p M.
GuardKind guardOf(const Module &M, TSNode Cond);

} // namespace python
} // namespace spawnguard

#endif // SPAWNGUARD_LIB_PYTHON_MAINGUARD_H

//===- BindingScanner.h - Phase 1 from tokens, without a tree ---*- C++ -*-===//
//
// Phase 1 needs only what a module binds at its top level, and every
// module must be summarised before phase 2 can start, so a cold run used to
// parse each module twice: once for its summary, once for its facts. Parsing
// was three quarters of a cold run.
//
// The scanner computes the same summary as BindingCollector, which walks a
// tree, from the module's tokens: it follows Python's logical lines and
// indentation, and reads only the statements a summary is made of (imports,
// 'def' and 'class' headers, decorators, 'X = a.b'). It is several times
// faster than a parse and keeps no tree, so a cold run parses each module
// once, in phase 2, and reports its syntax errors there.
//
// On a module that parses without errors the two agree exactly, as the unit
// tests check over the standard library and the fuzzer on any input.
// Where tree-sitter recovers from an error, each does its own deterministic
// best; the module's own facts still come from its tree.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_LIB_PYTHON_BINDINGSCANNER_H
#define SPAWNGUARD_LIB_PYTHON_BINDINGSCANNER_H

#include "ModuleSummary.h"
#include "llvm/ADT/StringRef.h"
#include <vector>

namespace spawnguard {
namespace python {

/// Fills the bindings of \p M (Globals, RawAliases, Functions, Classes,
/// Decorated) from \p Source, as collectBindings does from its tree.
/// M.Name and M.IsPackage must be set.
void scanBindings(ModuleSummary &M, llvm::StringRef Source);

/// Where each logical line of \p Source begins (its first token), as the
/// scanner splits them; for checking that split against a parser's.
std::vector<size_t> logicalLineStarts(llvm::StringRef Source);

} // namespace python
} // namespace spawnguard

#endif // SPAWNGUARD_LIB_PYTHON_BINDINGSCANNER_H

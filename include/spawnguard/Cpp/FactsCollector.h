//===- FactsCollector.h - Facts of one C/C++ translation unit ---*- C++ -*-===//
//
// Extracts the facts of a parsed translation unit: its roots (dynamic
// initializers and destructors of static objects, constructor and destructor
// functions, DllMain, IFUNC resolvers, init/fini sections, exit handlers),
// the calls made by every function it defines, and its process-creating calls.
//
// Which bodies are walked: every function defined in the main file, every
// root, and, transitively, every function they call whose body the unit can
// see (inline functions and template instantiations from headers included).
// A header function nobody in this unit calls is left to the units that do
// call it, so each unit pays only for what it uses.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_CPP_FACTSCOLLECTOR_H
#define SPAWNGUARD_CPP_FACTSCOLLECTOR_H

#include "spawnguard/Core/Facts.h"
#include "llvm/ADT/StringRef.h"

namespace clang {
class ASTContext;
} // namespace clang

namespace spawnguard {

class SinkCatalog;

/// \p PathBase, if not empty, is an absolute directory: paths below it are
/// recorded relative to it (for build systems that run each extraction in
/// its own sandbox, whose absolute path means nothing later).
FactsUnit collectFacts(clang::ASTContext &Ctx, const SinkCatalog &Sinks,
                       llvm::StringRef PathBase = "");

} // namespace spawnguard

#endif // SPAWNGUARD_CPP_FACTSCOLLECTOR_H

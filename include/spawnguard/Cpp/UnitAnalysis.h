//===- UnitAnalysis.h - The engine on one parsed translation unit -*- C++ -*-=//
//
// What the front doors that live inside a compiler run (the clang-tidy
// plugin, spawnguard-clangd) report for the unit in front of them: the same
// pipeline as the CLI (collectFacts, ProgramGraph, findReachableSinks), on
// this unit's facts plus, optionally, the units of a facts index.
//
// Two rules keep that consistent with the CLI:
// - Only findings whose root is in the main file are returned, so a root in
//   a header is reported once (by the CLI), not by every includer.
// - The live parse is the truth for the main file. Facts that the index
//   holds for code located in the main file (typically the unit's own,
//   older facts) are dropped, and so are the index's roots; everything the
//   index knows about other files (other units, header bodies that an editor
//   parse skipped) is linked in.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_CPP_UNITANALYSIS_H
#define SPAWNGUARD_CPP_UNITANALYSIS_H

#include "spawnguard/Core/Facts.h"
#include "spawnguard/Core/Finding.h"
#include "spawnguard/Core/Rules.h"
#include "llvm/ADT/ArrayRef.h"
#include <bitset>
#include <memory>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
} // namespace clang

namespace spawnguard {

class SinkCatalog;

/// The absolute, normalized path of the unit's main file, spelled as facts
/// and findings spell paths.
std::string mainFilePath(clang::ASTContext &Ctx);

/// A set of root kinds, indexed by RootKind.
using RootKindSet = std::bitset<static_cast<size_t>(LastRootKind) + 1>;

/// Findings of the enabled rules whose root is in the main file of \p Ctx
/// and of a kind in \p RootKinds, in canonical order.
std::vector<Finding> analyzeTranslationUnit(
    clang::ASTContext &Ctx, const SinkCatalog &Sinks,
    const RuleSelection &Rules,
    llvm::ArrayRef<std::shared_ptr<const FactsUnit>> Index = {},
    RootKindSet RootKinds = RootKindSet().set());

} // namespace spawnguard

#endif // SPAWNGUARD_CPP_UNITANALYSIS_H

//===- RuleDocs.h - The rule pages, built into the binary -------*- C++ -*-===//
//
// docs/rules/*.md are embedded at build time (CMake generates RuleDocs.inc),
// so `spawnguard explain` and SARIF's help text work from an installed
// binary without the source tree.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_CORE_RULEDOCS_H
#define SPAWNGUARD_CORE_RULEDOCS_H

#include "spawnguard/Core/Rules.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

namespace spawnguard {

/// The page's file name without ".md": the rule name without "spawnguard-".
llvm::StringRef rulePageName(const RuleInfo &Rule);

/// The Markdown page of \p Rule, or "" if the build has none.
llvm::StringRef ruleDocs(const RuleInfo &Rule);

/// `spawnguard explain <rule>`: prints the page of the rule named by name or
/// code to \p OS. Returns false (printing nothing) for an unknown rule.
bool explainRule(llvm::raw_ostream &OS, llvm::StringRef NameOrCode);

} // namespace spawnguard

#endif // SPAWNGUARD_CORE_RULEDOCS_H

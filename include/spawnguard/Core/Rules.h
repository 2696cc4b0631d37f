//===- Rules.h - The rule catalog and rule selection ------------*- C++ -*-===//

#ifndef SPAWNGUARD_CORE_RULES_H
#define SPAWNGUARD_CORE_RULES_H

#include "spawnguard/Core/Facts.h"
#include "spawnguard/Core/GlobList.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace spawnguard {

struct RuleInfo {
  /// The clang-tidy style name used in output, --checks and NOLINT.
  llvm::StringLiteral Name;
  /// A short stable code, accepted wherever the name is.
  llvm::StringLiteral Code;
  /// "C/C++" or "Python".
  llvm::StringLiteral Language;
  /// One line for `spawnguard rules`.
  llvm::StringLiteral Summary;
};

/// Every rule spawnguard knows, in a fixed order.
llvm::ArrayRef<RuleInfo> allRules();

/// Finds a rule by name or code.
const RuleInfo *findRule(llvm::StringRef NameOrCode);

/// The rule that reports process creation reachable from a root of \p Kind.
const RuleInfo &ruleForRoot(RootKind Kind);

/// The rule that reports a sink of \p Action reached from a root of \p Root,
/// or null when the pair means nothing (a worker that creates a process, a
/// C++ initializer that reads a Python global).
const RuleInfo *ruleForSink(RootKind Root, SinkAction Action);

/// True for the rules a root reports (not, say, the report of unused
/// suppressions): the rules a single-unit door such as clang-tidy can run.
bool isRootRule(const RuleInfo &Rule);

/// Which rules are enabled, from a clang-tidy style glob list that may name
/// rules by name or code, e.g. "-*,spawnguard-spawn-before-main".
class RuleSelection {
public:
  explicit RuleSelection(llvm::StringRef Globs = "*") : Globs(Globs) {}
  bool isEnabled(const RuleInfo &Rule) const;

private:
  GlobList Globs;
};

/// True if a suppression list (globs from a NOLINT comment, "*" for a bare
/// one) covers \p Rule.
bool isSuppressed(const SuppressionList &Suppressions, const RuleInfo &Rule);

} // namespace spawnguard

#endif // SPAWNGUARD_CORE_RULES_H

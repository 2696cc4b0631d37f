//===- Rules.cpp ----------------------------------------------------------===//

#include "spawnguard/Core/Rules.h"

namespace spawnguard {

static const RuleInfo Rules[] = {
    {"spawnguard-spawn-before-main", "SG101", "C/C++",
     "process creation reachable from code that runs before main "
     "(static initializers, constructor functions, DllMain, IFUNC "
     "resolvers, .init_array)"},
    {"spawnguard-spawn-after-main", "SG102", "C/C++",
     "process creation reachable from code that runs after main (static "
     "destructors, destructor functions, atexit handlers, .fini_array)"},
    {"spawnguard-unused-suppression", "SG100", "C/C++",
     "a NOLINT comment that names a spawnguard rule but silences no "
     "finding (only with --report-unused-suppressions)"},
    {"spawnguard-spawn-outside-main-guard", "SG201", "Python",
     "process creation reachable from module-level code that is not under "
     "'if __name__ == \"__main__\":' (it runs again in every spawned child)"},
    {"spawnguard-spawn-at-import", "SG202", "Python",
     "a module imported by another analysed module creates processes while "
     "it is being imported"},
    {"spawnguard-unpicklable-worker", "SG203", "Python",
     "a worker handed to a process API is a lambda, a nested function (or a "
     "functools.partial of one) or defined only under the main guard"},
    {"spawnguard-parent-only-state", "SG204", "Python",
     "a worker reads a global bound only under the main guard, or uses a "
     "module-level Queue/Lock/... as a global instead of an argument"},
    {"spawnguard-start-method-at-import", "SG205", "Python",
     "set_start_method() called at module level, outside a main guard"},
};

llvm::ArrayRef<RuleInfo> allRules() { return Rules; }

const RuleInfo *findRule(llvm::StringRef NameOrCode) {
  for (const RuleInfo &Rule : Rules)
    if (Rule.Name == NameOrCode || Rule.Code == NameOrCode)
      return &Rule;
  return nullptr;
}

const RuleInfo &ruleForRoot(RootKind Kind) {
  // By code, not position, so the catalog's order is free.
  if (Kind == RootKind::ModuleLevel || Kind == RootKind::ConfiguredAtImport)
    return *findRule("SG201");
  return *findRule(runsAfterMain(Kind) ? "SG102" : "SG101");
}

bool isRootRule(const RuleInfo &Rule) {
  for (unsigned K = 0; K <= static_cast<unsigned>(LastConfiguredRootKind); ++K)
    if (&ruleForRoot(static_cast<RootKind>(K)) == &Rule)
      return true;
  return false;
}

bool RuleSelection::isEnabled(const RuleInfo &Rule) const {
  return Globs.containsAny({Rule.Name, Rule.Code});
}

bool isSuppressed(const SuppressionList &Suppressions, const RuleInfo &Rule) {
  for (const std::string &Glob : Suppressions)
    if (wildcardMatch(Glob, Rule.Name) || wildcardMatch(Glob, Rule.Code))
      return true;
  return false;
}

} // namespace spawnguard

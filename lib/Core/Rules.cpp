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
};

llvm::ArrayRef<RuleInfo> allRules() { return Rules; }

const RuleInfo *findRule(llvm::StringRef NameOrCode) {
  for (const RuleInfo &Rule : Rules)
    if (Rule.Name == NameOrCode || Rule.Code == NameOrCode)
      return &Rule;
  return nullptr;
}

const RuleInfo &ruleForRoot(RootKind Kind) {
  return runsAfterMain(Kind) ? Rules[1] : Rules[0];
}

bool isRootRule(const RuleInfo &Rule) {
  for (unsigned K = 0; K <= static_cast<unsigned>(LastRootKind); ++K)
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

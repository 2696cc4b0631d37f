//===- UnusedSuppressions.cpp ---------------------------------------------===//

#include "spawnguard/Core/UnusedSuppressions.h"
#include "spawnguard/Core/GlobList.h"
#include "spawnguard/Core/Rules.h"

namespace spawnguard {

static bool covers(const SuppressionComment &C, const SourcePoint &P) {
  return P.File == C.File && C.FirstLine <= P.Line && P.Line <= C.LastLine;
}

std::vector<Finding>
findUnusedSuppressions(llvm::ArrayRef<SuppressionComment> Comments,
                       llvm::ArrayRef<Finding> Suppressed) {
  std::vector<Finding> Unused;
  for (const SuppressionComment &C : Comments) {
    // The rules this comment names explicitly.
    std::vector<llvm::StringRef> Named;
    for (const RuleInfo &Rule : allRules()) {
      if (Rule.Name == UnusedSuppressionRule)
        continue;
      for (const std::string &Glob : C.Globs)
        if (Glob != "*" && (wildcardMatch(Glob, Rule.Name) ||
                            wildcardMatch(Glob, Rule.Code))) {
          Named.push_back(Rule.Name);
          break;
        }
    }
    if (Named.empty())
      continue;
    bool Used = false;
    for (const Finding &F : Suppressed) {
      if (llvm::find(Named, F.Rule) == Named.end())
        continue;
      if (covers(C, F.Loc) ||
          (!F.Trace.empty() && covers(C, F.Trace.back().Loc))) {
        Used = true;
        break;
      }
    }
    if (Used)
      continue;
    Finding F;
    F.Rule = UnusedSuppressionRule.str();
    F.Loc = {C.File, C.Line, C.Column};
    F.Message = "'" + C.Text + "' suppresses no spawnguard finding";
    Unused.push_back(std::move(F));
  }
  canonicalize(Unused);
  return Unused;
}

} // namespace spawnguard

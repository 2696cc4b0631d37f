//===- GlobList.cpp -------------------------------------------------------===//

#include "spawnguard/Core/GlobList.h"
#include "llvm/ADT/SmallVector.h"

namespace spawnguard {

bool wildcardMatch(llvm::StringRef Pattern, llvm::StringRef Text) {
  // Iterative matcher with single-star backtracking: linear in practice and
  // immune to the exponential blow-up of the naive recursive version.
  size_t P = 0, T = 0;
  size_t StarP = llvm::StringRef::npos, StarT = 0;
  while (T < Text.size()) {
    if (P < Pattern.size() && Pattern[P] == '*') {
      StarP = P++;
      StarT = T;
    } else if (P < Pattern.size() && Pattern[P] == Text[T]) {
      ++P;
      ++T;
    } else if (StarP != llvm::StringRef::npos) {
      P = StarP + 1;
      T = ++StarT;
    } else {
      return false;
    }
  }
  while (P < Pattern.size() && Pattern[P] == '*')
    ++P;
  return P == Pattern.size();
}

GlobList::GlobList(llvm::StringRef Globs) {
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Globs.split(Parts, ',', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  for (llvm::StringRef Part : Parts) {
    Part = Part.trim();
    bool Positive = !Part.consume_front("-");
    Part = Part.trim();
    if (!Part.empty())
      Entries.push_back({Positive, Part.str()});
  }
}

bool GlobList::containsAny(llvm::ArrayRef<llvm::StringRef> Names) const {
  for (auto It = Entries.rbegin(), End = Entries.rend(); It != End; ++It)
    for (llvm::StringRef Name : Names)
      if (wildcardMatch(It->Pattern, Name))
        return It->Positive;
  return false;
}

} // namespace spawnguard

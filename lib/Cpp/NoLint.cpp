//===- NoLint.cpp ---------------------------------------------------------===//

#include "spawnguard/Cpp/NoLint.h"
#include "llvm/ADT/SmallVector.h"
#include <algorithm>

namespace spawnguard {

/// Parses the optional "(glob, glob)" after a NOLINT keyword. A bare keyword
/// suppresses everything.
static SuppressionList parseGlobs(llvm::StringRef Rest) {
  if (!Rest.consume_front("("))
    return {"*"};
  size_t Close = Rest.find(')');
  // An unterminated list is malformed; clang-tidy then ignores the comment.
  if (Close == llvm::StringRef::npos)
    return {};
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Rest.take_front(Close).split(Parts, ',', -1, /*KeepEmpty=*/false);
  SuppressionList Globs;
  for (llvm::StringRef Part : Parts) {
    Part = Part.trim();
    // Negative globs have no meaning in a suppression; clang-tidy drops them.
    if (!Part.empty() && !Part.starts_with("-"))
      Globs.push_back(Part.str());
  }
  return Globs;
}

NoLintIndex::NoLintIndex(llvm::StringRef Buffer) {
  struct OpenRegion {
    unsigned Begin;
    SuppressionList Globs;
  };
  std::vector<OpenRegion> Open;
  unsigned Line = 1;
  size_t Scanned = 0;
  for (size_t Pos = Buffer.find("NOLINT"); Pos != llvm::StringRef::npos;
       Pos = Buffer.find("NOLINT", Pos + 1)) {
    Line += Buffer.slice(Scanned, Pos).count('\n');
    Scanned = Pos;
    llvm::StringRef Rest = Buffer.drop_front(Pos + 6);
    if (Rest.consume_front("NEXTLINE")) {
      SuppressionList Globs = parseGlobs(Rest);
      auto &Entry = Lines[Line + 1];
      Entry.insert(Entry.end(), Globs.begin(), Globs.end());
    } else if (Rest.consume_front("BEGIN")) {
      Open.push_back({Line, parseGlobs(Rest)});
    } else if (Rest.consume_front("END")) {
      // Close the innermost region with the same globs, as clang-tidy pairs
      // them; a stray END is ignored.
      SuppressionList Globs = parseGlobs(Rest);
      auto It = std::find_if(Open.rbegin(), Open.rend(),
                             [&](const OpenRegion &R) {
                               return R.Globs == Globs;
                             });
      if (It != Open.rend()) {
        Regions.push_back({It->Begin, Line, It->Globs});
        Open.erase(std::next(It).base());
      }
    } else {
      SuppressionList Globs = parseGlobs(Rest);
      auto &Entry = Lines[Line];
      Entry.insert(Entry.end(), Globs.begin(), Globs.end());
    }
  }
  // An unterminated BEGIN covers the rest of the file.
  for (OpenRegion &R : Open)
    Regions.push_back({R.Begin, ~0u, std::move(R.Globs)});
}

SuppressionList NoLintIndex::at(unsigned Line) const {
  SuppressionList Result;
  auto It = Lines.find(Line);
  if (It != Lines.end())
    Result = It->second;
  for (const Region &R : Regions)
    if (R.Begin <= Line && Line <= R.End)
      Result.insert(Result.end(), R.Globs.begin(), R.Globs.end());
  return Result;
}

} // namespace spawnguard

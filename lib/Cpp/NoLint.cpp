//===- NoLint.cpp ---------------------------------------------------------===//

#include "spawnguard/Cpp/NoLint.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/MemoryBuffer.h"
#include <algorithm>

namespace spawnguard {

/// Parses the optional "(glob, glob)" after a NOLINT keyword. A bare keyword
/// suppresses everything.
static SuppressionList parseGlobs(llvm::StringRef Rest) {
  // The list ends on the comment's line: a ')' further down belongs to
  // something else.
  Rest = Rest.take_until([](char C) { return C == '\n'; });
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
    size_t Comment; // Index in Comments, or ~0 for a malformed BEGIN.
  };
  // Records a well-formed comment at Pos, spelled up to its ')'.
  auto Record = [&](size_t Pos, unsigned Line, llvm::StringRef Keyword,
                    llvm::StringRef Rest, const SuppressionList &Globs,
                    unsigned First, unsigned Last) -> size_t {
    if (Globs.empty())
      return ~size_t(0);
    size_t LineStart = Buffer.rfind('\n', Pos);
    unsigned Column =
        Pos - (LineStart == llvm::StringRef::npos ? 0 : LineStart + 1) + 1;
    std::string Text = Keyword.str();
    if (Rest.starts_with("("))
      Text += Rest.take_front(Rest.find(')') + 1).str();
    Comments.push_back({"", Line, Column, Text, Globs, First, Last});
    return Comments.size() - 1;
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
      Record(Pos, Line, "NOLINTNEXTLINE", Rest, Globs, Line + 1, Line + 1);
    } else if (Rest.consume_front("BEGIN")) {
      SuppressionList Globs = parseGlobs(Rest);
      size_t Comment =
          Record(Pos, Line, "NOLINTBEGIN", Rest, Globs, Line, ~0u);
      Open.push_back({Line, std::move(Globs), Comment});
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
        if (It->Comment != ~size_t(0))
          Comments[It->Comment].LastLine = Line;
        Open.erase(std::next(It).base());
      }
    } else {
      SuppressionList Globs = parseGlobs(Rest);
      auto &Entry = Lines[Line];
      Entry.insert(Entry.end(), Globs.begin(), Globs.end());
      Record(Pos, Line, "NOLINT", Rest, Globs, Line, Line);
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

std::vector<SuppressionComment>
scanSuppressionComments(llvm::ArrayRef<std::string> Files) {
  std::vector<SuppressionComment> Result;
  for (const std::string &File : Files) {
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
        llvm::MemoryBuffer::getFile(File);
    if (!Buffer)
      continue;
    NoLintIndex Index((*Buffer)->getBuffer());
    for (SuppressionComment C : Index.comments()) {
      C.File = File;
      Result.push_back(std::move(C));
    }
  }
  return Result;
}

} // namespace spawnguard

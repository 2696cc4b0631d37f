//===- Noqa.cpp -----------------------------------------------------------===//

#include "spawnguard/Python/Noqa.h"
#include "llvm/ADT/SmallVector.h"

namespace spawnguard {
namespace python {

std::optional<NoqaComment> findNoqa(llvm::StringRef Line) {
  for (size_t Hash = Line.find('#'); Hash != llvm::StringRef::npos;
       Hash = Line.find('#', Hash + 1)) {
    llvm::StringRef Rest = Line.substr(Hash + 1).ltrim();
    if (Rest.size() < 4 || !Rest.take_front(4).equals_insensitive("noqa"))
      continue;
    Rest = Rest.drop_front(4);
    NoqaComment Comment;
    if (Rest.consume_front(":")) {
      Comment.HasList = true;
      // The list runs to the next comment, if any.
      llvm::StringRef List = Rest.take_until([](char C) { return C == '#'; });
      Comment.ListEnd = List.rtrim().end() - Line.begin();
      llvm::SmallVector<llvm::StringRef, 4> Codes;
      List.split(Codes, ',', -1, false);
      for (llvm::StringRef Code : Codes) {
        // Flake8 style also allows spaces: '# noqa: SG201 SG202'.
        llvm::SmallVector<llvm::StringRef, 2> Words;
        Code.trim().split(Words, ' ', -1, false);
        for (llvm::StringRef W : Words)
          Comment.Codes.push_back(W.str());
      }
    }
    if (Comment.Codes.empty())
      Comment.Codes.push_back("*");
    return Comment;
  }
  return std::nullopt;
}

std::map<unsigned, SuppressionList> indexNoqa(llvm::StringRef Source) {
  std::map<unsigned, SuppressionList> Out;
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Source.split(Lines, '\n');
  for (unsigned I = 0; I < Lines.size(); ++I)
    if (std::optional<NoqaComment> Comment = findNoqa(Lines[I]))
      Out[I + 1] = std::move(Comment->Codes);
  return Out;
}

} // namespace python
} // namespace spawnguard

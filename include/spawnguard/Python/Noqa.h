//===- Noqa.h - '# noqa' suppression comments -------------------*- C++ -*-===//
//
// '# noqa' silences every rule on its line, '# noqa: SG201, E501' the listed
// ones (flake8's syntax; spaces also separate codes). The front end reads
// them into facts; the language server edits them.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_PYTHON_NOQA_H
#define SPAWNGUARD_PYTHON_NOQA_H

#include "spawnguard/Core/Facts.h"
#include "llvm/ADT/StringRef.h"
#include <map>
#include <optional>
#include <string>

namespace spawnguard {
namespace python {

/// The first '# noqa' comment of one line.
struct NoqaComment {
  /// The codes listed after 'noqa:'; "*" for a bare '# noqa'.
  SuppressionList Codes;
  /// True if the comment has a ':' list (possibly empty).
  bool HasList = false;
  /// Byte offset in the line just past the last listed code (or past the
  /// ':' if the list is empty); meaningful only with HasList.
  size_t ListEnd = 0;
};

/// Finds the first '# noqa' comment in \p Line (no newline).
std::optional<NoqaComment> findNoqa(llvm::StringRef Line);

/// The suppressions of every line of \p Source, by 1-based line number.
std::map<unsigned, SuppressionList> indexNoqa(llvm::StringRef Source);

} // namespace python
} // namespace spawnguard

#endif // SPAWNGUARD_PYTHON_NOQA_H

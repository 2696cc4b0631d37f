//===- GlobList.h - clang-tidy style check globs ----------------*- C++ -*-===//
//
// Rule selection and suppression comments use the glob language users know
// from clang-tidy: a comma-separated list of '*' wildcards where a leading '-'
// removes matches and later entries override earlier ones.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_CORE_GLOBLIST_H
#define SPAWNGUARD_CORE_GLOBLIST_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace spawnguard {

/// Matches \p Text against \p Pattern, where '*' matches any run of
/// characters. Case-sensitive, like clang-tidy check names.
bool wildcardMatch(llvm::StringRef Pattern, llvm::StringRef Text);

class GlobList {
public:
  /// Parses "glob1,-glob2,...". Whitespace around entries is ignored.
  explicit GlobList(llvm::StringRef Globs);

  /// True if the last entry that matches \p Name is positive.
  bool contains(llvm::StringRef Name) const { return containsAny({Name}); }

  /// Like contains() for a thing with several names (a rule's name and
  /// code): the last entry matching any of them decides.
  bool containsAny(llvm::ArrayRef<llvm::StringRef> Names) const;

private:
  struct Entry {
    bool Positive;
    std::string Pattern;
  };
  std::vector<Entry> Entries;
};

} // namespace spawnguard

#endif // SPAWNGUARD_CORE_GLOBLIST_H

//===- FactsIndex.h - A directory of facts files, read back -----*- C++ -*-===//
//
// The front doors that see one translation unit at a time (the clang-tidy
// plugin, spawnguard-clangd) follow callees into other units through a facts
// index: a directory tree of '*.sgfacts' files, each one unit written with
// writeFacts(). Loading is cached for the life of the process by path, size
// and modification time, so an editor that analyses a file on every change
// reads each facts file once until it is rewritten.
//
// Nothing here needs Clang; it lives beside the Clang front end because the
// front doors built on Clang are its only users so far.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_CPP_FACTSINDEX_H
#define SPAWNGUARD_CPP_FACTSINDEX_H

#include "spawnguard/Core/Facts.h"
#include "llvm/ADT/StringRef.h"
#include <memory>
#include <string>
#include <vector>

namespace spawnguard {

/// The extension of facts files in an index, with its dot.
constexpr llvm::StringLiteral FactsFileExtension = ".sgfacts";

struct FactsIndex {
  /// Every readable unit below the directory, in path order.
  std::vector<std::shared_ptr<const FactsUnit>> Units;
  /// One line per problem: a missing directory, an unreadable or invalid
  /// facts file (which is then skipped).
  std::vector<std::string> Errors;
};

/// Loads every '*.sgfacts' file below \p Directory (recursively). Thread-safe.
FactsIndex loadFactsIndex(llvm::StringRef Directory);

} // namespace spawnguard

#endif // SPAWNGUARD_CPP_FACTSINDEX_H

//===- FactsCache.h - Reuse facts of unchanged units ------------*- C++ -*-===//
//
// A directory of cache entries, one per unit *command* (tool version, working
// directory, command line, options that shape the facts). An entry records
// the content hash of every file the unit read when it was extracted, and
// the facts. It is valid while every one of those files still hashes the
// same, so editing a header invalidates exactly the units that include it.
//
// Keying by command rather than by content means an edited unit overwrites
// its own entry, and the cache does not grow with every edit. Entries are
// written to a temporary file and renamed into place, so concurrent runs
// and interrupted runs never leave a half-written entry, and anything that
// does not validate is treated as a miss.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_CORE_FACTSCACHE_H
#define SPAWNGUARD_CORE_FACTSCACHE_H

#include "spawnguard/Core/Facts.h"
#include "spawnguard/Core/FileStatIndex.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <mutex>
#include <optional>
#include <string>

namespace spawnguard {

/// Writes \p Bytes to \p Path through a temporary file in the same
/// directory and a rename: readers see the old file or the new one, never a
/// mix.
llvm::Error writeFileAtomically(llvm::StringRef Path, llvm::StringRef Bytes);

/// Hex digest of \p Data (BLAKE3, 128 bits).
std::string contentHash(llvm::StringRef Data);

/// Content hashes of files, each file read once per run however many units
/// include it, and not at all if \p Index knows it unchanged. Thread-safe.
class FileHasher {
public:
  explicit FileHasher(FileStatIndex *Index = nullptr) : Index(Index) {}

  /// The hash of the file's contents, or std::nullopt if it cannot be read.
  std::optional<std::string> hash(llvm::StringRef Path);

private:
  FileStatIndex *Index;
  std::mutex Lock;
  llvm::StringMap<std::optional<std::string>> Hashes;
};

class FactsCache {
public:
  explicit FactsCache(std::string Directory)
      : Directory(std::move(Directory)) {}

  const std::string &directory() const { return Directory; }

  /// The facts stored under \p Key if every file they depend on is
  /// unchanged. A damaged entry is a miss, described in \p Problem.
  std::optional<FactsUnit> lookup(llvm::StringRef Key, FileHasher &Hasher,
                                  std::string &Problem) const;

  /// Stores \p Facts under \p Key with the current hashes of
  /// \p Dependencies. A dependency that cannot be read makes the entry
  /// impossible to validate, so nothing is stored.
  llvm::Error store(llvm::StringRef Key,
                    llvm::ArrayRef<std::string> Dependencies,
                    FileHasher &Hasher, const FactsUnit &Facts) const;

  /// A dependency of a record: a name (a path, or a name the caller gives
  /// meaning to) and the hash it had when the record was stored.
  struct Dependency {
    std::string Name;
    std::string Hash;
  };

  /// The bytes stored under \p Key if \p IsCurrent accepts every recorded
  /// dependency. For entries whose validity is not a set of files (the
  /// Python front end's, which also depend on other modules' interfaces).
  /// A damaged entry is a miss, described in \p Problem.
  std::optional<std::string> lookupRecord(
      llvm::StringRef Key,
      llvm::function_ref<bool(llvm::StringRef Name, llvm::StringRef Hash)>
          IsCurrent,
      std::string &Problem) const;

  /// Stores \p Record under \p Key with \p Dependencies.
  llvm::Error storeRecord(llvm::StringRef Key,
                          llvm::ArrayRef<Dependency> Dependencies,
                          llvm::StringRef Record) const;

  /// The message for an entry whose record the caller found damaged.
  std::string damaged(llvm::StringRef Key, llvm::StringRef Why) const;

private:
  std::string entryPath(llvm::StringRef Key) const;

  std::string Directory;
};

} // namespace spawnguard

#endif // SPAWNGUARD_CORE_FACTSCACHE_H

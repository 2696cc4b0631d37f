//===- ModuleCache.h - Cached summaries and facts of modules ----*- C++ -*-===//
//
// The Python front end keeps two records per module in the facts cache:
//  - its summary (phase 1), valid while the module's contents are unchanged;
//  - its facts (phase 2), valid while its contents *and the interface of the
//    run* (the hash of every module's summary) are unchanged.
// Both are keyed by the module's path and name, the tool and, for facts, the
// extra sinks, so an edited module overwrites its own entries. A record also
// carries the messages found while making it (a syntax error), which are
// reported again on every run that uses it.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_LIB_PYTHON_MODULECACHE_H
#define SPAWNGUARD_LIB_PYTHON_MODULECACHE_H

#include "ModuleSummary.h"
#include "spawnguard/Core/Facts.h"
#include "spawnguard/Core/FactsCache.h"
#include "llvm/ADT/ArrayRef.h"
#include <optional>

namespace spawnguard {
namespace python {

/// A hash of one module's summary, taken on the module's own thread.
std::string summaryDigest(const ModuleSummary &Summary);

/// One hash for the summaries of all modules of a run, from their digests
/// in order.
std::string interfaceHash(llvm::ArrayRef<std::string> SummaryDigests);

class ModuleCache {
public:
  /// No cache if \p Cache is null.
  ModuleCache(const FactsCache *Cache, llvm::StringRef ToolIdentity,
              llvm::ArrayRef<std::string> UserSinks);

  bool enabled() const { return Cache != nullptr; }

  struct Summary {
    ModuleSummary Data;
    std::vector<std::string> Errors;
    /// summaryDigest(Data), taken from the record's bytes.
    std::string Digest;
  };
  struct Facts {
    FactsUnit Data;
    std::vector<std::string> Errors;
  };

  // Every lookup and store adds damaged entries and failed writes to
  // \p Problems. They are safe to call from several threads.

  /// The summary of the module at \p Path named \p Name, stored when its
  /// contents hashed to \p ContentHash.
  std::optional<Summary>
  lookupSummary(llvm::StringRef Path, llvm::StringRef Name,
                llvm::StringRef ContentHash,
                std::vector<std::string> &Problems) const;
  void storeSummary(const ModuleSummary &Data,
                    llvm::ArrayRef<std::string> Errors,
                    llvm::StringRef ContentHash,
                    std::vector<std::string> &Problems) const;

  std::optional<Facts> lookupFacts(llvm::StringRef Path, llvm::StringRef Name,
                                   llvm::StringRef ContentHash,
                                   llvm::StringRef InterfaceHash,
                                   std::vector<std::string> &Problems) const;
  void storeFacts(llvm::StringRef Path, llvm::StringRef Name,
                  llvm::StringRef ContentHash, llvm::StringRef InterfaceHash,
                  const FactsUnit &Data, llvm::ArrayRef<std::string> Errors,
                  std::vector<std::string> &Problems) const;

private:
  std::string key(llvm::StringRef Kind, llvm::StringRef Path,
                  llvm::StringRef Name) const;
  std::optional<std::string>
  lookup(llvm::StringRef Key, llvm::ArrayRef<FactsCache::Dependency> Expected,
         std::vector<std::string> &Problems) const;
  void store(llvm::StringRef Key,
             llvm::ArrayRef<FactsCache::Dependency> Dependencies,
             llvm::StringRef Record, std::vector<std::string> &Problems) const;

  const FactsCache *Cache;
  std::string Identity;
};

} // namespace python
} // namespace spawnguard

#endif // SPAWNGUARD_LIB_PYTHON_MODULECACHE_H

//===- PythonFrontEnd.cpp -------------------------------------------------===//
//
// Two phases over all modules of a run:
//  1. scan every file and record, per module, what its top level binds:
//     functions, classes (and their methods), imports and plain aliases;
//  2. parse every module and emit its facts, resolving names through the
//     bindings of phase 1 (across modules and re-exports).
//
// This file drives them over the modules of a run, on -j threads, with the
// cache; BindingScanner.cpp is phase 1 and FactsEmitter.h phase 2.
//
//===----------------------------------------------------------------------===//

#include "spawnguard/Python/PythonFrontEnd.h"
#include "BindingScanner.h"
#include "FactsEmitter.h"
#include "ModuleCache.h"
#include "ModuleNames.h"
#include "ModuleSummary.h"
#include "Project.h"
#include "SourceFiles.h"
#include "Syntax.h"
#include "spawnguard/Core/FileStatIndex.h"
#include "spawnguard/Core/InputLimits.h"
#include "spawnguard/Core/Parallel.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <optional>

namespace spawnguard {
namespace python {

namespace {

/// One module of the run, from reading it to its facts. Each is worked on by
/// one thread at a time, and read in path order, so that messages come out
/// the same for any number of threads.
struct ModuleSlot {
  /// False if the module could not be read or parsed at all.
  bool Usable = false;
  /// Whether this run emits the module's facts (it is in the shard).
  bool Owned = true;
  std::string ContentHash;
  /// Scanned from its source, or from the cache.
  ModuleSummary Summary;
  /// With a cache: the summary's digest, for the run's interface hash.
  std::string SummaryDigest;
  /// Parsed for its facts during this run.
  bool WasParsed = false;
  std::optional<FactsUnit> Facts;
  /// Its messages, from both phases, and cache problems.
  std::vector<std::string> Errors;
  std::vector<std::string> CacheProblems;
};

} // namespace

/// Fills \p Slot with the cached summary of the module whose contents hash
/// to \p Hash, if there is one.
static bool useCachedSummary(ModuleSlot &Slot, const std::string &Path,
                             const std::string &Name, const std::string &Hash,
                             const ModuleCache &Cache) {
  Slot.ContentHash = Hash;
  std::optional<ModuleCache::Summary> Hit =
      Cache.lookupSummary(Path, Name, Hash, Slot.CacheProblems);
  if (!Hit)
    return false;
  llvm::append_range(Slot.Errors, Hit->Errors);
  Slot.Summary = std::move(Hit->Data);
  Slot.SummaryDigest = std::move(Hit->Digest);
  Slot.Usable = true;
  return true;
}

/// Phase 1 for one module: its summary, from the cache or from a scan of its
/// source. Syntax errors are for phase 2, which parses.
static void summarize(ModuleSlot &Slot, const std::string &Path,
                      const std::string &Name, const PythonOptions &Options,
                      const ModuleCache &Cache) {
  // A module whose file the index knows unchanged is not even read when
  // its summary is cached. The size limit is checked all the same.
  std::optional<FileStamp> Stamp;
  std::optional<std::string> KnownHash;
  if (Cache.enabled() && Options.FileIndex && !Options.Overlay.count(Path))
    Stamp = stampFile(Path);
  if (Stamp && !checkSizeLimit(Path, Stamp->Size, Options.MaxFileSize))
    KnownHash = Options.FileIndex->lookup(Path, *Stamp);
  if (KnownHash && useCachedSummary(Slot, Path, Name, *KnownHash, Cache))
    return;

  llvm::SmallVector<char, 0> Contents;
  if (!readModuleSource(Path, Options, Contents, Slot.Errors))
    return;
  llvm::StringRef Source(Contents.data(), Contents.size());
  if (Cache.enabled()) {
    std::string Hash = contentHash(Source);
    if (Stamp)
      Options.FileIndex->remember(Path, *Stamp, Hash);
    if (Hash != KnownHash && useCachedSummary(Slot, Path, Name, Hash, Cache))
      return;
    Slot.ContentHash = Hash;
  }
  ModuleSummary &Summary = Slot.Summary;
  Summary.Path = Path;
  Summary.Name = Name;
  Summary.IsPackage = llvm::sys::path::stem(Path) == "__init__";
  scanBindings(Summary, Source);
  if (Cache.enabled()) {
    Cache.storeSummary(Summary, /*Errors=*/{}, Slot.ContentHash,
                       Slot.CacheProblems);
    Slot.SummaryDigest = summaryDigest(Summary);
  }
  Slot.Usable = true;
}

/// Phase 2 for one module: its facts, from the cache or from its tree.
static void emitFacts(ModuleSlot &Slot, const Project &P,
                      const PythonOptions &Options, const ModuleCache &Cache,
                      llvm::StringRef Interface) {
  const ModuleSummary &S = Slot.Summary;
  if (Cache.enabled())
    if (std::optional<ModuleCache::Facts> Hit = Cache.lookupFacts(
            S.Path, S.Name, Slot.ContentHash, Interface, Slot.CacheProblems)) {
      Slot.Facts = std::move(Hit->Data);
      llvm::append_range(Slot.Errors, Hit->Errors);
      return;
    }
  // Read the module again. Should it have changed since phase 1, its facts
  // are not stored under the summary's content hash. Phase 1 reported
  // whether it could be read.
  llvm::SmallVector<char, 0> Contents;
  std::vector<std::string> Ignored;
  if (!readModuleSource(S.Path, Options, Contents, Ignored))
    return;
  TreeArenaScope Arena;
  Module M;
  static_cast<ModuleSummary &>(M) = S;
  M.Source = std::string(Contents.data(), Contents.size());
  std::vector<std::string> EmitErrors;
  bool Parsed = parseModule(PythonParser(), M, EmitErrors);
  if (!Parsed) {
    llvm::append_range(Slot.Errors, EmitErrors);
    return;
  }
  Slot.WasParsed = true;
  FactsUnit &U = Slot.Facts.emplace();
  FactsEmitter E(P, M, U);
  E.run();
  if (E.TooDeep)
    EmitErrors.push_back("'" + S.Path + "' nests deeper than " +
                         std::to_string(MaxDepth) +
                         " levels; analysed down to that depth");
  llvm::append_range(Slot.Errors, EmitErrors);
  if (Cache.enabled() && contentHash(M.Source) == Slot.ContentHash)
    Cache.storeFacts(S.Path, S.Name, Slot.ContentHash, Interface, U, EmitErrors,
                     Slot.CacheProblems);
}

PythonResult analyzePython(const std::vector<std::string> &Paths,
                           const PythonOptions &Options) {
  PythonResult Result;
  FileFinder Finder(Options.Overlay);
  for (const std::string &Path : Paths)
    Finder.add(Path);
  Result.Errors = Finder.Errors;
  Result.InputsWithFiles = Finder.InputsWithFiles;

  std::vector<std::string> UserSinks = Options.UserSinks;
  if (Options.ConfiguredSinks)
    for (const std::string &Path : Finder.Files)
      llvm::append_range(UserSinks, Options.ConfiguredSinks(Path));
  // In a stable order, since the list is part of the cache key.
  llvm::sort(UserSinks);
  UserSinks.erase(std::unique(UserSinks.begin(), UserSinks.end()),
                  UserSinks.end());

  Project P;
  for (const std::string &Sink : UserSinks)
    P.Sinks.addUserSink(Sink);
  const ModuleCache Cache(Options.Cache, Options.ToolIdentity, UserSinks);

  const std::vector<std::string> &Files = Finder.Files;
  std::vector<std::string> Names = distinctModuleNames(Files);
  std::vector<ModuleSlot> Slots(Files.size());
  for (size_t I = 0; I < Files.size(); ++I)
    Slots[I].Owned = I % Options.ShardCount == Options.ShardIndex - 1;

  // Phase 1: every module's summary, from its tokens. Phase 2 needs them
  // all before it starts, and a tree takes about 25 times its source, so
  // phase 1 builds none: each module is parsed once, in phase 2.
  forEachIndex(Options.Jobs, Files.size(), [&](size_t I) {
    summarize(Slots[I], Files[I], Names[I], Options, Cache);
  });

  std::vector<const ModuleSummary *> Summaries;
  std::vector<std::string> Digests;
  for (const ModuleSlot &Slot : Slots)
    if (Slot.Usable) {
      Summaries.push_back(&Slot.Summary);
      Digests.push_back(Slot.SummaryDigest);
      P.add(Slot.Summary);
    }
  P.resolveDecorators(Summaries);
  std::string Interface = Cache.enabled() ? interfaceHash(Digests) : "";

  // Phase 2: the facts of the shard's modules.
  forEachIndex(Options.Jobs, Files.size(), [&](size_t I) {
    if (Slots[I].Usable && Slots[I].Owned)
      emitFacts(Slots[I], P, Options, Cache, Interface);
  });

  Result.Units.reserve(Slots.size());
  for (ModuleSlot &Slot : Slots) {
    if (!Slot.Owned)
      continue;
    llvm::append_range(Result.Errors, Slot.Errors);
    llvm::append_range(Result.CacheProblems, Slot.CacheProblems);
    if (!Slot.Facts)
      continue;
    Result.Units.push_back(std::move(*Slot.Facts));
    ++Result.Modules;
    ++(Slot.WasParsed ? Result.Parsed : Result.FromCache);
  }
  return Result;
}

} // namespace python
} // namespace spawnguard

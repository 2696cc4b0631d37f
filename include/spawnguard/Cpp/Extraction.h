//===- Extraction.h - Facts of many units, in parallel, cached --*- C++ -*-===//

#ifndef SPAWNGUARD_CPP_EXTRACTION_H
#define SPAWNGUARD_CPP_EXTRACTION_H

#include "spawnguard/Core/FactsCache.h"
#include "spawnguard/Core/InputLimits.h"
#include "spawnguard/Cpp/CompilationRunner.h"
#include <functional>

namespace spawnguard {

class SinkCatalog;

struct ExtractionOptions {
  CompilationOptions Compile;
  /// Units extracted at once; 0 means one per core.
  unsigned Jobs = 0;
  /// Where to reuse and store facts; null for no cache.
  const FactsCache *Cache = nullptr;
  /// With a cache: the hashes of unchanged files, so that a warm run need
  /// not read them; null to read and hash every file.
  FileStatIndex *FileIndex = nullptr;
  /// Identifies the extractor itself (tool version and build), so that a
  /// new tool never trusts facts an older one extracted.
  std::string ToolIdentity;
  /// Units whose main file is larger than this many bytes are skipped, not
  /// parsed; 0 for no limit. Headers are not limited: the compiler reads
  /// them wherever they are included.
  uint64_t MaxFileSize = DefaultMaxFileSize;
  /// Called after each unit, from worker threads but never concurrently.
  std::function<void(size_t Done, size_t Total)> OnProgress;
};

struct ExtractionStats {
  unsigned CacheHits = 0;
  unsigned Parsed = 0;
  /// Damaged cache entries and failed cache writes, in unit order.
  std::vector<std::string> CacheProblems;
};

/// Extracts the facts of every command, command I with the sinks of
/// \p Catalogs[I] (each unit may have its own configuration). Result I
/// belongs to command I, whatever order the work finished in. Units with
/// errors are never cached, so their errors are reported on every run.
std::vector<CompilationResult>
extractUnits(llvm::ArrayRef<clang::tooling::CompileCommand> Commands,
             llvm::ArrayRef<const SinkCatalog *> Catalogs,
             const ExtractionOptions &Options, ExtractionStats &Stats);

} // namespace spawnguard

#endif // SPAWNGUARD_CPP_EXTRACTION_H

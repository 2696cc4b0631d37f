//===- Extraction.cpp -----------------------------------------------------===//

#include "spawnguard/Cpp/Extraction.h"
#include "spawnguard/Core/InputLimits.h"
#include "spawnguard/Core/Parallel.h"
#include "spawnguard/Cpp/SinkCatalog.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <mutex>

namespace spawnguard {

std::vector<CompilationResult>
extractUnits(llvm::ArrayRef<clang::tooling::CompileCommand> Commands,
             llvm::ArrayRef<const SinkCatalog *> Catalogs,
             const ExtractionOptions &Options, ExtractionStats &Stats) {
  assert(Catalogs.size() == Commands.size() && "one catalog per command");
  std::vector<CompilationResult> Results(Commands.size());
  std::vector<std::string> Problems(Commands.size());
  std::vector<char> Hit(Commands.size(), 0), Skipped(Commands.size(), 0);
  FileHasher Hasher(Options.Cache ? Options.FileIndex : nullptr);
  std::mutex ProgressLock;
  size_t Done = 0;

  auto Extract = [&](size_t I) {
    const clang::tooling::CompileCommand &Cmd = Commands[I];
    const SinkCatalog &Sinks = *Catalogs[I];
    // Checked before the cache, so that a file that grew past the limit is
    // reported even when its old facts are cached.
    llvm::SmallString<256> File(Cmd.Filename);
    llvm::sys::fs::make_absolute(Cmd.Directory, File);
    llvm::sys::path::remove_dots(File, /*remove_dot_dot=*/true);
    if (std::optional<std::string> TooLarge =
            checkFileSize(File, Options.MaxFileSize)) {
      Results[I].File = File.str().str();
      Results[I].Skipped = std::move(*TooLarge);
      Skipped[I] = 1;
    }
    std::string Key;
    if (Options.Cache && !Skipped[I]) {
      Key = Options.ToolIdentity + '\0' + Sinks.identity() + '\0' +
            commandIdentity(Cmd, Options.Compile);
      if (std::optional<FactsUnit> Cached =
              Options.Cache->lookup(Key, Hasher, Problems[I])) {
        CompilationResult &R = Results[I];
        R.File = File.str().str();
        R.Facts = std::move(*Cached);
        R.Clean = true;
        Hit[I] = 1;
      }
    }
    if (!Hit[I] && !Skipped[I]) {
      Results[I] = runCompilation(Cmd, Sinks, Options.Compile);
      if (Options.Cache && Results[I].Clean)
        if (llvm::Error Err = Options.Cache->store(Key, Results[I].Dependencies,
                                                   Hasher, Results[I].Facts))
          Problems[I] = "cannot write the cache: " + toString(std::move(Err));
    }
    if (Options.OnProgress) {
      std::lock_guard<std::mutex> Guard(ProgressLock);
      Options.OnProgress(++Done, Commands.size());
    }
  };

  forEachIndex(Options.Jobs, Commands.size(), Extract);

  for (size_t I = 0; I < Commands.size(); ++I) {
    Stats.CacheHits += Hit[I];
    Stats.Parsed += !Hit[I] && !Skipped[I];
    if (!Problems[I].empty())
      Stats.CacheProblems.push_back(std::move(Problems[I]));
  }
  return Results;
}

} // namespace spawnguard

//===- CompilationRunner.h - Parse one compile command ----------*- C++ -*-===//
//
// Runs Clang on one compile command and collects the unit's facts. Each run
// has its own file manager and working directory, so runs can proceed on
// several threads at once.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_CPP_COMPILATIONRUNNER_H
#define SPAWNGUARD_CPP_COMPILATIONRUNNER_H

#include "spawnguard/Core/Facts.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <string>
#include <vector>

namespace spawnguard {

class SinkCatalog;

struct CompilationOptions {
  /// Arguments added before and after the compile command's own.
  std::vector<std::string> ExtraArgsBefore;
  std::vector<std::string> ExtraArgs;
  /// Record paths below this absolute directory relative to it.
  std::string PathBase;
};

struct CompilationResult {
  /// The source file, absolute.
  std::string File;
  FactsUnit Facts;
  /// The compiler ran to the end and reported no error.
  bool Clean = false;
  unsigned ErrorCount = 0;
  /// The first error, formatted like clang ("file:line:col: error: ...").
  std::string FirstError;
  /// Why the unit was not parsed at all (a main file over the size limit);
  /// empty if it was parsed. A skipped unit is not clean.
  std::string Skipped;
  /// Every file the compiler read (main file and headers), absolute, sorted.
  std::vector<std::string> Dependencies;
};

/// A string that identifies what an extraction of \p Command computes: the
/// working directory, the file, the command line and the arguments that
/// \p Options adds. For one build of the tool, two equal identities over
/// unchanged files give equal facts.
std::string commandIdentity(const clang::tooling::CompileCommand &Command,
                            const CompilationOptions &Options);

CompilationResult runCompilation(const clang::tooling::CompileCommand &Command,
                                 const SinkCatalog &Sinks,
                                 const CompilationOptions &Options);

} // namespace spawnguard

#endif // SPAWNGUARD_CPP_COMPILATIONRUNNER_H

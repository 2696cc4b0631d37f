//===- CompileCommands.h - Which units to analyse ---------------*- C++ -*-===//
//
// Loads the compilation database, reports a broken one precisely, restricts
// it to the paths given and to one shard, and reads a raw compiler command
// line for 'spawnguard extract -- <compiler> ...'.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_TOOL_COMPILECOMMANDS_H
#define SPAWNGUARD_TOOL_COMPILECOMMANDS_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Error.h"
#include <set>
#include <string>
#include <vector>

namespace spawnguard {

/// Absolute, with "." and ".." removed.
std::string absolutePath(llvm::StringRef Path);

/// Shard I of N (1-based), as in '--shard 2/4'.
struct Shard {
  unsigned Index = 1;
  unsigned Count = 1;
};
llvm::Expected<Shard> parseShard(llvm::StringRef Text);

struct DatabaseSelection {
  std::vector<clang::tooling::CompileCommand> Commands;
  /// The directory holding compile_commands.json.
  std::string Directory;
};

/// Loads the database in \p BuildDir (or, if empty, the current directory or
/// one of its parents) and selects the commands for \p Filters (absolute
/// files or directories; empty means all), deduplicated, in database order,
/// then those of \p Part. A filter that selects nothing is an error unless
/// it is in \p ServedElsewhere (paths another front end analyses). Problems
/// are printed; \p Ok turns false on any. Returns std::nullopt when there
/// is no usable database at all.
std::optional<DatabaseSelection>
selectFromDatabase(llvm::StringRef BuildDir,
                   const std::vector<std::string> &Filters, Shard Part,
                   const std::set<std::string> &ServedElsewhere, bool &Ok);

/// The compile command of a raw compiler invocation
/// ('clang++ -c a.cpp -o a.o'), run in the current directory.
llvm::Expected<clang::tooling::CompileCommand>
commandFromCompilerInvocation(llvm::ArrayRef<std::string> Args);

} // namespace spawnguard

#endif // SPAWNGUARD_TOOL_COMPILECOMMANDS_H

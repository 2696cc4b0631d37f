//===- PythonFrontEnd.h - Facts from Python modules -------------*- C++ -*-===//
//
// The Python front end parses modules with tree-sitter and produces the same
// facts as the Clang front end: one FactsUnit per module, with a synthetic
// node and a root for every statement the module runs when it is imported
// (outside a main guard), call edges between dotted qualified names, and
// process-creating calls at the point where the process is really created.
//
// All modules of a run are parsed first, so that names imported from one
// analysed module into another (including re-exports through a package's
// __init__.py) resolve to the function that is really called.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_PYTHON_PYTHONFRONTEND_H
#define SPAWNGUARD_PYTHON_PYTHONFRONTEND_H

#include "spawnguard/Core/Facts.h"
#include "spawnguard/Core/InputLimits.h"
#include "llvm/ADT/StringRef.h"
#include <map>
#include <functional>
#include <set>
#include <string>
#include <vector>

namespace spawnguard {
class FactsCache;
class FileStatIndex;

namespace python {

struct PythonOptions {
  /// Extra process-creating functions, as dotted names ('pylangacq.read_chat')
  /// or 'name(keyword=value)' to fire only when called with that keyword
  /// argument spelled so, e.g. 'pylangacq.read_chat(parallel=True)'.
  std::vector<std::string> UserSinks;
  /// The extra Python sinks that the configuration of a module's file names;
  /// unset for none. The union over the analysed modules joins UserSinks
  /// for the whole analysis: a sink is a fully qualified API, so where it
  /// is configured matters less than that it is.
  std::function<std::vector<std::string>(llvm::StringRef Path)>
      ConfiguredSinks;
  /// Contents to analyse instead of the file on disk, by absolute path: an
  /// editor's unsaved buffers. A path given here and as an input is
  /// analysed even if it does not exist on disk.
  std::map<std::string, std::string> Overlay;
  /// Where to reuse and store module summaries and facts; null for none.
  const FactsCache *Cache = nullptr;
  /// With a cache: the hashes of unchanged files, so that a warm run need
  /// not read them; null to read and hash every file.
  FileStatIndex *FileIndex = nullptr;
  /// Identifies the tool (version and build) in cache keys.
  std::string ToolIdentity;
  /// Modules larger than this many bytes are skipped with an error; 0 for
  /// no limit.
  uint64_t MaxFileSize = DefaultMaxFileSize;
  /// Threads that parse modules; 0 for one per core.
  unsigned Jobs = 0;
  /// Facts only for shard ShardIndex of ShardCount (1-based): every
  /// ShardCount-th module in path order. Every module is still summarised,
  /// since any of them may resolve a name used in the shard's modules.
  unsigned ShardIndex = 1;
  unsigned ShardCount = 1;
};

struct PythonResult {
  /// One unit per module (of the shard) that could be read, in path order.
  std::vector<FactsUnit> Units;
  /// One message per file that could not be read or parsed cleanly, each
  /// naming the file. Any message makes the run exit with status 2.
  std::vector<std::string> Errors;
  /// Modules of the shard analysed (including partially parsed ones):
  /// Parsed of them parsed in this run, FromCache not parsed at all.
  unsigned Modules = 0;
  unsigned Parsed = 0;
  unsigned FromCache = 0;
  /// Damaged cache entries and failed cache writes: warnings.
  std::vector<std::string> CacheProblems;
  /// The input paths under which at least one '.py' file was found.
  std::set<std::string> InputsWithFiles;
};

/// True if \p Path should go to the Python front end: a '.py' file, or a
/// directory (searched for '.py' files).
bool isPythonInput(llvm::StringRef Path);

/// Finds the '.py' files under \p Paths (files or directories, absolute)
/// and analyses them together. A module's facts depend on its own source
/// and on the summaries (top-level bindings) of all modules analysed with
/// it; with a cache, only modules whose source changed are parsed, and
/// facts are emitted again only when the source or those summaries changed.
PythonResult analyzePython(const std::vector<std::string> &Paths,
                           const PythonOptions &Options);

/// The dotted module name of an absolute file path: the directories above it
/// that hold an '__init__.py' are its packages. 'pkg/__init__.py' is 'pkg'.
std::string moduleNameForPath(llvm::StringRef Path);

/// Resolves 'from <Dots><Name> import ...' in module \p Current (a package
/// if \p CurrentIsPackage) to an absolute module name; "" if it climbs above
/// the top-level package. With no dots, returns \p Name.
std::string resolveImportModule(llvm::StringRef Current, bool CurrentIsPackage,
                                unsigned Dots, llvm::StringRef Name);

/// How an 'if' condition guards its body.
enum class GuardKind {
  /// Not a guard: the body may run when the module is imported.
  None,
  /// The body runs only in the main process: __name__ == "__main__" and
  /// its forms.
  MainOnly,
  /// The body runs everywhere except in the main process:
  /// __name__ != "__main__", not (...).
  NotMain,
};

/// Classifies a Python expression used as an 'if' condition.
GuardKind classifyGuard(llvm::StringRef Condition);

} // namespace python
} // namespace spawnguard

#endif // SPAWNGUARD_PYTHON_PYTHONFRONTEND_H

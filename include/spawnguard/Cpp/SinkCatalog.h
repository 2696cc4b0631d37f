//===- SinkCatalog.h - C and C++ calls that create processes ----*- C++ -*-===//
//
// Decides whether a call creates (or replaces) a process. Matching is by the
// callee's declaration, never by spelling: a C API must be the extern "C"
// function at global scope, a C++ API must have its exact qualified name
// (inline namespaces ignored), so a user's own 'mylib::fork' or
// 'Worker::start' is not a sink. A few APIs also look at the arguments:
// 'system(NULL)' only asks whether a shell exists, and 'clone' with
// CLONE_THREAD makes a thread.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_CPP_SINKCATALOG_H
#define SPAWNGUARD_CPP_SINKCATALOG_H

#include "spawnguard/Core/Facts.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class Expr;
class FunctionDecl;
} // namespace clang

namespace spawnguard {

struct SinkMatch {
  std::string Api;
  SinkAction Action = SinkAction::CreatesProcess;
};

class SinkCatalog {
public:
  /// \p ExtraSinks are qualified names of in-house process launchers, e.g.
  /// "corp::launch" or "::my_spawn"; they match functions, methods and
  /// constructors ("corp::Launcher::Launcher").
  explicit SinkCatalog(llvm::ArrayRef<std::string> ExtraSinks = {});

  /// Matches a call of \p Callee with arguments \p Args.
  std::optional<SinkMatch> match(const clang::FunctionDecl &Callee,
                                 llvm::ArrayRef<const clang::Expr *> Args,
                                 clang::ASTContext &Ctx) const;

  /// Identifies the configuration, for cache keys: the extra sinks.
  const std::string &identity() const { return Identity; }

  /// If \p Callee registers an exit handler (atexit and friends), returns the
  /// index of the handler argument.
  static std::optional<unsigned>
  exitHandlerArgument(const clang::FunctionDecl &Callee);

private:
  enum class Check : uint8_t { None, NotNullCommand, NotThreadClone, Launcher };
  struct Entry {
    SinkAction Action;
    Check Condition;
    /// For Check::Launcher: the fewest parameters a launching overload has.
    uint8_t MinParams = 0;
  };
  std::string Identity;
  llvm::StringMap<Entry> CFunctions;
  llvm::StringMap<Entry> CxxNames;
};

} // namespace spawnguard

#endif // SPAWNGUARD_CPP_SINKCATALOG_H

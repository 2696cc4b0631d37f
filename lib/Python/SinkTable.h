//===- SinkTable.h - Which Python calls create processes, and when -*- C++
//-*-===//
//
// The catalog of Python process APIs as data: for each dotted API name, what
// a call returns (an object the front end follows until it creates its
// processes), whether the call itself creates processes, under which keyword
// conditions, and how the start method is chosen. The front end describes a
// call's arguments as ArgValues; nothing here knows tree-sitter, so the
// catalog can be read, extended and tested on its own.
//
// The authority for the entries is the workspace's
// reference/python-process-apis.md.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_LIB_PYTHON_SINKTABLE_H
#define SPAWNGUARD_LIB_PYTHON_SINKTABLE_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/StringSaver.h"
#include <optional>
#include <string>
#include <vector>

namespace spawnguard {
namespace python {

/// What a call returns that the front end follows until it creates processes.
enum class ObjectKind : uint8_t {
  None,
  /// multiprocessing.get_context(...): 'ctx.X(...)' is 'multiprocessing.X'
  /// with the context's start method.
  Context,
  Process,    // start()
  Pool,       // started by its constructor; its methods take workers
  Executor,   // ProcessPoolExecutor: submit/map, loop.run_in_executor
  Manager,    // SyncManager/BaseManager: start(), with
  DataLoader, // iteration
  PebblePool, // schedule/submit/map
  PathosPool, // map/imap/...; dill pickles lambdas
  MpirePool,  // mpire.WorkerPool: map/imap/apply...
  Parallel,   // joblib.Parallel: calling it
  Trainer,    // Lightning: fit/validate/test/predict
  /// An instance of a class of the analysed project (the front end's own).
  Instance,
};

/// A call argument, as far as the catalog needs to know it.
struct ArgValue {
  enum KindTy : uint8_t {
    Absent,
    Falsy,       // False, None, 0
    One,         // 1
    True,        // True
    String,      // a plain string literal; Text is its value
    StartMethod, // a known multiprocessing context; Text is its method
    Other,
  };
  KindTy Kind = Absent;
  std::string Text;
  /// The argument as written, for user sinks ('parallel=True').
  std::string Spelling;
};

/// A test on one argument.
struct ArgTest {
  enum KindTy : uint8_t {
    Always,
    Truthy,      // given, and not False/None/0
    NotFalsy,    // absent, or not False/None/0
    MoreThanOne, // given, and not False/None/0/1
    IsTrue,      // the literal True
    StringIs,    // a string equal to Text
    StringStartsWith,
    SpelledAs, // written exactly as Text (user sinks)
  };
  KindTy Kind = Always;
  llvm::StringRef Keyword;
  llvm::StringRef Text;

  bool holds(const ArgValue &V) const;
};

/// How an API chooses its start method.
struct StartMethodRule {
  /// The keyword that names it: a string or a context ('context',
  /// 'mp_context', 'start_method', 'multiprocessing_context').
  llvm::StringRef Keyword;
  /// Also accepted as the first positional argument (get_context).
  bool FirstPositional = false;
  /// The method when the keyword is not given: "" for the platform default,
  /// "spawn", or "forkserver|spawn" (stable-baselines3).
  llvm::StringRef Default;
  /// A keyword that, when truthy, makes the default 'spawn'
  /// (ProcessPoolExecutor's max_tasks_per_child).
  llvm::StringRef SpawnIf;
};

/// One row of the catalog. Several rows may share an API name: the first
/// whose condition holds applies; when none does, the call creates nothing.
struct SinkSpec {
  /// The canonical dotted name, e.g. 'multiprocessing.Pool'.
  llvm::StringRef Api;
  /// What the call returns.
  ObjectKind Makes = ObjectKind::None;
  /// The call itself creates processes.
  bool CreatesAtCall = false;
  /// The API in notes when not Api (one name for several spellings).
  llvm::StringRef Shown;
  /// Appended to the API in notes: "(num_proc=...)".
  llvm::StringRef Qualifier;
  ArgTest Condition;
  StartMethodRule Method;
  /// Project classes deriving from Api behave like it.
  bool Subclasses = false;
  /// Arguments that run in the child and must be importable (SG203):
  /// keywords, or "0" for the first positional argument.
  llvm::ArrayRef<llvm::StringLiteral> Workers;
};

/// What a matched call does.
struct SinkMatch {
  const SinkSpec *Spec = nullptr;
  /// The API as the notes show it (without the qualifier).
  std::string Shown;
  /// "fork", "spawn", "forkserver", "forkserver|spawn" or "" (platform).
  std::string Method;
  bool createsNow() const { return Spec->CreatesAtCall && Method != "fork"; }
};

/// How an object, once made, creates its processes.
struct ObjectSpec {
  ObjectKind Kind;
  /// Methods that create processes.
  llvm::ArrayRef<llvm::StringLiteral> StartMethods;
  bool StartsOnEnter = false;
  bool StartsOnIteration = false;
  bool StartsOnCall = false;
  /// Methods whose first positional argument runs in the child (SG203).
  llvm::ArrayRef<llvm::StringLiteral> WorkerMethods;
};

/// A method that creates processes on an object of unknown type, recognised
/// by its name and arguments ('ds.map(f, num_proc=4)'), optionally only in
/// modules that import \c Import.
struct MethodSinkSpec {
  llvm::StringRef Method;
  ArgTest Condition;
  llvm::StringRef Shown;
  /// The start method the API always uses, "" for the platform default.
  llvm::StringRef StartMethod;
  llvm::StringRef Import;
};

/// The catalog: the built-in rows plus the user's --sink entries.
class SinkTable {
public:
  SinkTable();

  /// Adds 'name' or 'name(keyword=value)' (the value compared as spelled).
  void addUserSink(llvm::StringRef Sink);

  /// True if \p Api is a name the catalog knows (even if no row applies).
  bool knows(llvm::StringRef Api) const;

  /// The row of \p Api that applies to a call whose arguments \p Arg
  /// describes: by keyword, or the first positional one when asked.
  using ArgLookup = llvm::function_ref<ArgValue(llvm::StringRef Keyword,
                                                bool FirstPositional)>;
  std::optional<SinkMatch> match(llvm::StringRef Api, ArgLookup Arg) const;

  /// The rows whose API project classes may derive from.
  std::vector<const SinkSpec *> subclassable() const;

  static const ObjectSpec &object(ObjectKind Kind);
  static llvm::ArrayRef<MethodSinkSpec> methodSinks();

private:
  std::vector<SinkSpec> Rows;
  /// Row indices by API, in catalog order.
  llvm::StringMap<llvm::SmallVector<unsigned, 2>> ByApi;
  llvm::BumpPtrAllocator Alloc;
  llvm::StringSaver Saver{Alloc};
};

/// The clause a note adds for a start method that is forced on every
/// platform, "" otherwise.
std::string startMethodDetail(llvm::StringRef Method);

} // namespace python
} // namespace spawnguard

#endif // SPAWNGUARD_LIB_PYTHON_SINKTABLE_H

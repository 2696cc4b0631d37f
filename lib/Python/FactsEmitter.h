//===- FactsEmitter.h - Phase 2: the facts of a module ----------*- C++ -*-===//
//
// Phase 2 of the Python front end: one FactsUnit per module, with names
// resolved through the Project (the summaries of every module of the run).
//
// Within a module the walk follows execution order: module-level statements
// first (each one a root node, created when it has something to say), then
// the bodies of functions and methods, which see the module's final values.
//
// The class is declared here and defined in several files: the walk
// (FactsEmitter.cpp), value tracking (ValueTracking.cpp), sink calls
// (SinkCalls.cpp), SG203 (WorkerChecks.cpp) and SG204 (ParentOnlyReads.cpp).
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_LIB_PYTHON_FACTSEMITTER_H
#define SPAWNGUARD_LIB_PYTHON_FACTSEMITTER_H

#include "Project.h"
#include "SinkTable.h"
#include "Syntax.h"
#include "spawnguard/Core/Facts.h"
#include "spawnguard/Python/PythonFrontEnd.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace spawnguard {
namespace python {

/// What the analysis knows about the value of a variable: an object of a
/// process API (see SinkTable), or an instance of a project class.
struct Value {
  ObjectKind Kind = ObjectKind::None;
  /// The API as notes show it, and the clause after it ("(strategy=...)").
  std::string Api, Qualifier;
  /// Start method when known: "fork", "spawn", "forkserver" or "".
  std::string Method;
  /// For ObjectKind::Instance: the project class.
  std::string Class;
};

/// The names a module or function body binds, in front of those of the
/// scope around it.
struct Scope {
  llvm::StringMap<Value> Values;
  llvm::StringMap<std::string> Locals; // nested defs
  Scope *Parent = nullptr;
  std::string Class; // for 'self.method()'

  /// The value bound to \p Name; ObjectKind::None for a local variable
  /// whose value is unknown (it hides an outer one).
  const Value *find(llvm::StringRef Name) const {
    for (const Scope *S = this; S; S = S->Parent) {
      auto It = S->Values.find(Name);
      if (It != S->Values.end())
        return &It->second;
    }
    return nullptr;
  }
  std::optional<std::string> local(llvm::StringRef Name) const {
    for (const Scope *S = this; S; S = S->Parent)
      if (auto It = S->Locals.find(Name); It != S->Locals.end())
        return It->second;
    return std::nullopt;
  }
};

/// Binds \p Name to \p V in \p S. An unknown value hides outer values in a
/// function scope; at module level the name falls back to its global
/// binding ('MakePool = mp.Pool' is resolved as an alias).
void bindName(Scope &S, llvm::StringRef Name, const std::optional<Value> &V);

/// A function or method body, walked after the module's own statements so
/// that it sees the module's final values.
struct DeferredBody {
  TSNode Def;
  std::string Qualified;
  std::string Class; // enclosing class of a method
  std::shared_ptr<Scope> Parent;
};

class FactsEmitter {
public:
  FactsEmitter(const Project &P, const Module &M, FactsUnit &U)
      : P(P), M(M), U(U) {
    File = U.addFile(M.Path);
    U.MainFile = M.Path;
    ModuleScope = std::make_shared<Scope>();
  }

  void run();
  bool TooDeep = false;

private:
  /// Where the code being walked belongs: a function node, or a module
  /// statement whose node and root are created on first use.
  struct Context {
    std::optional<FunctionIndex> Node;
    FactLocation RootLoc;
    bool ModuleLevel = false;
    /// Under a main guard: no roots, edges or sinks; local rules only.
    bool Guarded = false;
    Scope *S = nullptr;
  };

  FactLocation loc(TSNode N) const {
    TSPoint Pt = ts_node_start_point(N);
    return {File, Pt.row + 1, Pt.column + 1};
  }
  SuppressionList noqa(unsigned Line) const {
    auto It = M.Noqa.find(Line);
    return It == M.Noqa.end() ? SuppressionList{} : It->second;
  }

  FunctionIndex node(Context &C) {
    if (C.Node)
      return *C.Node;
    std::string Id = M.Name + ":" + std::to_string(C.RootLoc.Line) + ":" +
                     std::to_string(C.RootLoc.Column);
    C.Node = U.addFunction(Id, M.Name, NodeKind::ModuleCode);
    U.Roots.push_back({RootKind::ModuleLevel, *C.Node, M.Name, "", C.RootLoc,
                       noqa(C.RootLoc.Line)});
    return *C.Node;
  }
  void addSink(Context &C, TSNode At, llvm::StringRef Api,
               llvm::StringRef Detail = "",
               SinkAction Action = SinkAction::CreatesProcess,
               std::vector<DiagnosticNote> Notes = {}) {
    if (C.Guarded)
      return;
    SinkCallFact S;
    S.Caller = node(C);
    S.Api = Api.str();
    S.Action = Action;
    S.Loc = loc(At);
    S.Suppressions = noqa(S.Loc.Line);
    S.Detail = Detail.str();
    // startMethodDetail() says nothing exactly when the API uses the
    // platform's default start method.
    S.DefaultStartMethod =
        Action == SinkAction::CreatesProcess && Detail.empty();
    S.Notes = std::move(Notes);
    U.SinkCalls.push_back(std::move(S));
  }
  /// SG204: project function \p Function runs in a child, handed over at
  /// \p At (under a main guard too: that is where workers are handed over).
  void addWorkerRoot(const std::string &Function, llvm::StringRef Api,
                     llvm::StringRef Method, TSNode At) {
    FactLocation L = loc(At);
    U.Roots.push_back({RootKind::Worker, U.addFunction(Function, Function),
                       Function, Api.str(), L, noqa(L.Line),
                       /*DefaultStartMethod=*/Method.empty()});
  }
  void addCall(Context &C, TSNode At, const std::string &Callee) {
    if (C.Guarded)
      return;
    FunctionIndex To = U.addFunction(Callee, Callee);
    U.Calls.push_back({node(C), To, EdgeKind::Call, loc(At)});
  }

  std::string resolve(const Scope &S, llvm::StringRef Dotted) const {
    if (Dotted.empty())
      return "";
    auto [Head, Rest] = Dotted.split('.');
    if (std::optional<std::string> L = S.local(Head))
      return Rest.empty() ? *L : *L + "." + Rest.str();
    if (S.find(Head))
      return ""; // a local value, not a global name
    return P.resolveGlobal(M, Dotted);
  }
  std::string resolveExpr(const Scope &S, TSNode N) const {
    return resolve(S, dottedText(M, N));
  }

  /// Does project class \p Q derive (transitively) from \p Base?
  bool derivesFrom(const std::string &Q, llvm::StringRef Base,
                   unsigned Depth = 0) const {
    if (Depth > 16)
      return false;
    for (const std::string &B : basesOf(Q))
      if (B == Base || derivesFrom(B, Base, Depth + 1))
        return true;
    return false;
  }

  /// The base classes of project class \p ClassQ, resolved in its module,
  /// in order ("" for a base that does not resolve).
  std::vector<std::string> basesOf(const std::string &ClassQ) const {
    std::vector<std::string> Out;
    auto It = P.Classes.find(ClassQ);
    if (It == P.Classes.end())
      return Out;
    auto Mod = P.ByName.find(It->second.Module);
    if (Mod == P.ByName.end())
      return Out;
    for (const std::string &Raw : It->second.RawBases)
      Out.push_back(P.resolveGlobal(*Mod->second, Raw));
    return Out;
  }

  TSNode keywordArg(TSNode Call, llvm::StringRef Name) const {
    TSNode Args = field(Call, "arguments");
    if (isNull(Args) || type(Args) != "argument_list")
      return TSNode{};
    for (TSNode A : namedChildren(Args))
      if (type(A) == "keyword_argument" && M.text(field(A, "name")) == Name)
        return field(A, "value");
    return TSNode{};
  }
  TSNode firstPositional(TSNode Call) const {
    TSNode Args = field(Call, "arguments");
    if (!isNull(Args) && type(Args) == "argument_list")
      for (TSNode A : namedChildren(Args))
        if (type(A) != "keyword_argument" && type(A) != "list_splat" &&
            type(A) != "dictionary_splat")
          return A;
    return TSNode{};
  }
  ArgValue argValue(const Scope &S, TSNode V) const;

  std::optional<Value> valueOf(const Scope &S, TSNode N) const;
  std::optional<Value> valueOfCall(const Scope &S, TSNode Call) const;
  /// The catalog row that applies to \p Call, if any.
  std::optional<SinkMatch> matchOf(const Scope &S, TSNode Call) const;
  std::optional<SinkMatch> matchApi(const Scope &S, TSNode Call,
                                    llvm::StringRef Api,
                                    const std::string *ContextMethod) const;
  /// The method \p Name of project class \p ClassQ, inherited or its own.
  std::string findMethod(const std::string &ClassQ, llvm::StringRef Name,
                         unsigned Depth = 0) const;
  /// What a function of this module returns, when every return agrees.
  std::optional<Value> returnValue(const std::string &Function) const;
  /// What 'self.Attr' holds in class \p ClassQ (of this module or its
  /// bases in this module), when every assignment agrees.
  std::optional<Value> attributeValue(const std::string &ClassQ,
                                      llvm::StringRef Attr,
                                      unsigned Depth = 0) const;
  /// Walks a function body's statements without emitting anything:
  /// assignments to names update \p S, \p Visit sees each simple statement.
  void simulate(TSNode Block, Scope &S, llvm::function_ref<void(TSNode)> Visit,
                unsigned Depth) const;
  void bindValue(Scope &S, TSNode Assignment) const;
  void call(Context &C, TSNode Call);
  void checkWorkers(Context &C, TSNode Call);
  void callValue(Context &C, TSNode Call, const Value &V);
  void methodCall(Context &C, TSNode Call, const Value &V,
                  llvm::StringRef Attr);
  void expression(Context &C, TSNode N, unsigned Depth);
  void moduleBlock(TSNode Block, const std::string &ClassQ, unsigned Depth);
  void moduleStatement(TSNode S, const std::string &ClassQ, unsigned Depth,
                       bool &Stop);
  void functionBlock(Context &C, TSNode Block, const std::string &Qual,
                     unsigned Depth, bool &Stop);
  void functionStatement(Context &C, TSNode S, const std::string &Qual,
                         unsigned Depth, bool &Stop);
  void definition(Context &C, TSNode Def, const std::string &Qual,
                  const std::string &ClassQ, unsigned Depth);
  void withStatement(Context &C, TSNode S, unsigned Depth);
  void forIterable(Context &C, TSNode Iterable);
  bool exits(TSNode Block) const;
  bool isMainGuardTest(TSNode Cond, GuardKind &Kind) const;

  const Project &P;
  const Module &M;
  FactsUnit &U;
  /// Decorated functions of this module whose calls start a process, as
  /// the walk meets them. Phase 1 found those of the top level and of
  /// classes for every module; this adds those nested in functions, which
  /// no other module can name. Phase 2 never writes to the project, so a
  /// module's facts do not depend on which modules were emitted before it.
  llvm::StringMap<std::string> NestedSinkFunctions;
  FileIndex File;
  std::shared_ptr<Scope> ModuleScope;
  std::vector<DeferredBody> Deferred;
  /// The functions and methods of this module, by qualified name.
  struct Definition {
    TSNode Node;
    std::string Class; // the enclosing class of a method
  };
  llvm::StringMap<Definition> Defs;
  /// Classes defined inside functions ('f.<locals>.C').
  llvm::StringSet<> LocalClasses;
  /// Memos of returnValue and attributeValue.
  mutable llvm::StringMap<std::optional<Value>> Returns;
  mutable llvm::StringMap<llvm::StringMap<std::optional<Value>>>
      ClassAttributes;
  bool InGuard = false;
  llvm::StringSet<> NotMainOnly;
  // SG204: module-level bindings made only under the main guard, bindings
  // made outside it, and synchronisation objects created at module level.
  llvm::StringMap<FactLocation> MainOnlyAssigned;
  llvm::StringSet<> Unguarded;
  struct SyncObject {
    std::string Api;
    FactLocation Loc;
  };
  llvm::StringMap<SyncObject> ModuleSync;
  /// Module-level names bound to a multiprocessing Manager.
  llvm::StringSet<> ModuleManagers;
  void emitParentOnlyReads();
  /// Module-level functions and classes defined only under the main guard,
  /// with their location.
  llvm::StringMap<FactLocation> MainOnlyDefs;

  /// \p Method is the API's start method, "" for the platform's default.
  void checkWorker(Context &C, TSNode Worker, llvm::StringRef Api,
                   llvm::StringRef Method, unsigned Depth = 0);
};

} // namespace python
} // namespace spawnguard

#endif // SPAWNGUARD_LIB_PYTHON_FACTSEMITTER_H

//===- PythonFrontEnd.cpp -------------------------------------------------===//
//
// Two phases over all modules of a run:
//  1. parse every file and record, per module, what its top level binds:
//     functions, classes (and their methods), imports and plain aliases;
//  2. walk every module again and emit facts, resolving names through the
//     bindings of phase 1 (across modules and re-exports).
//
// Within a module the walk follows execution order: module-level statements
// first (each one a root node, created when it has something to say), then
// the bodies of functions and methods, which see the module's final values.
//
//===----------------------------------------------------------------------===//

#include "spawnguard/Python/PythonFrontEnd.h"
#include "spawnguard/Core/InputLimits.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <tree_sitter/api.h>
#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>

extern "C" const TSLanguage *tree_sitter_python(void);

namespace spawnguard {
namespace python {

namespace {

constexpr unsigned MaxDepth = 800;

//===----------------------------------------------------------------------===//
// tree-sitter helpers
//===----------------------------------------------------------------------===//

llvm::StringRef type(TSNode N) { return ts_node_type(N); }

TSNode field(TSNode N, llvm::StringRef Name) {
  return ts_node_child_by_field_name(N, Name.data(), Name.size());
}

bool isNull(TSNode N) { return ts_node_is_null(N); }

std::vector<TSNode> namedChildren(TSNode N) {
  std::vector<TSNode> Out;
  uint32_t Count = ts_node_named_child_count(N);
  for (uint32_t I = 0; I < Count; ++I) {
    TSNode C = ts_node_named_child(N, I);
    if (type(C) != "comment")
      Out.push_back(C);
  }
  return Out;
}

/// Every child with field name \p Name (e.g. the several 'name' fields of
/// an import statement, or 'alternative' clauses of an if).
std::vector<TSNode> fieldChildren(TSNode N, const char *Name) {
  std::vector<TSNode> Out;
  TSTreeCursor Cursor = ts_tree_cursor_new(N);
  if (ts_tree_cursor_goto_first_child(&Cursor)) {
    do {
      const char *F = ts_tree_cursor_current_field_name(&Cursor);
      if (F && llvm::StringRef(F) == Name)
        Out.push_back(ts_tree_cursor_current_node(&Cursor));
    } while (ts_tree_cursor_goto_next_sibling(&Cursor));
  }
  ts_tree_cursor_delete(&Cursor);
  return Out;
}

//===----------------------------------------------------------------------===//
// Modules and the project
//===----------------------------------------------------------------------===//

struct ClassInfo {
  std::vector<std::string> RawBases; // dotted text, resolved lazily
  std::string Module;
};

struct Module {
  std::string Path, Name;
  bool IsPackage = false;
  std::string Source;
  TSTree *Tree = nullptr;
  /// Top-level name -> dotted target (a function, class, module, or an
  /// external dotted name).
  llvm::StringMap<std::string> Globals;
  /// Top-level 'X = a.b' aliases, resolved on use.
  llvm::StringMap<std::string> RawAliases;
  std::map<unsigned, SuppressionList> Noqa;

  ~Module() {
    if (Tree)
      ts_tree_delete(Tree);
  }
  llvm::StringRef text(TSNode N) const {
    return llvm::StringRef(Source).slice(ts_node_start_byte(N),
                                         ts_node_end_byte(N));
  }
};

/// The value of a string literal, or std::nullopt.
std::optional<std::string> stringValue(const Module &M, TSNode N) {
  if (isNull(N) || type(N) != "string")
    return std::nullopt;
  std::string Out;
  for (TSNode C : namedChildren(N)) {
    if (type(C) == "string_content")
      Out += M.text(C).str();
    else if (type(C) == "interpolation")
      return std::nullopt;
  }
  return Out;
}

/// 'a.b.c' for an identifier or attribute chain, "" otherwise.
std::string dottedText(const Module &M, TSNode N) {
  if (isNull(N))
    return "";
  if (type(N) == "identifier")
    return M.text(N).str();
  if (type(N) == "attribute") {
    std::string Object = dottedText(M, field(N, "object"));
    if (Object.empty())
      return "";
    return Object + "." + M.text(field(N, "attribute")).str();
  }
  return "";
}

/// Parses '# noqa' and '# noqa: A, B' comments, line by line.
std::map<unsigned, SuppressionList> indexNoqa(llvm::StringRef Source) {
  std::map<unsigned, SuppressionList> Out;
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Source.split(Lines, '\n');
  for (unsigned I = 0; I < Lines.size(); ++I) {
    llvm::StringRef Line = Lines[I];
    size_t Hash = Line.find('#');
    while (Hash != llvm::StringRef::npos) {
      llvm::StringRef Rest = Line.substr(Hash + 1).ltrim();
      if (Rest.size() >= 4 && Rest.take_front(4).equals_insensitive("noqa")) {
        Rest = Rest.drop_front(4);
        SuppressionList List;
        if (Rest.consume_front(":")) {
          llvm::SmallVector<llvm::StringRef, 4> Codes;
          Rest.take_until([](char C) { return C == '#'; })
              .split(Codes, ',', -1, false);
          for (llvm::StringRef Code : Codes) {
            Code = Code.trim();
            // Flake8 style also allows spaces: '# noqa: SG201 SG202'.
            llvm::SmallVector<llvm::StringRef, 2> Words;
            Code.split(Words, ' ', -1, false);
            for (llvm::StringRef W : Words)
              List.push_back(W.str());
          }
        }
        if (List.empty())
          List.push_back("*");
        Out[I + 1] = List;
        break;
      }
      Hash = Line.find('#', Hash + 1);
    }
  }
  return Out;
}

/// Maps the drop-in replacements of multiprocessing onto it.
std::string canonicalLibraryName(std::string Name) {
  static const char *const DropIns[] = {"torch.multiprocessing",
                                        "multiprocess", "billiard"};
  for (llvm::StringRef Prefix : DropIns) {
    llvm::StringRef N = Name;
    if (N == Prefix)
      return "multiprocessing";
    if (N.consume_front(Prefix) && N.consume_front(".")) {
      // torch's own spawn helpers are not multiprocessing APIs.
      if (Prefix == "torch.multiprocessing" &&
          (N == "spawn" || N == "start_processes"))
        return Name;
      return ("multiprocessing." + N).str();
    }
  }
  return Name;
}

struct Project {
  std::vector<std::unique_ptr<Module>> Modules;
  llvm::StringMap<Module *> ByName;
  llvm::StringSet<> Functions;
  llvm::StringMap<ClassInfo> Classes;
  /// Functions decorated so that each call starts a process (pebble).
  llvm::StringMap<std::string> SinkFunctions;
  struct UserSink {
    std::string Name, Keyword, Value;
  };
  std::vector<UserSink> UserSinks;

  bool isDefined(llvm::StringRef Q) const {
    return Functions.contains(Q) || Classes.count(Q) || ByName.count(Q);
  }

  /// Resolves a dotted name spelled in module \p M (after local bindings
  /// were tried) to a canonical dotted name; "" if its head is unbound.
  std::string resolveGlobal(const Module &M, llvm::StringRef Dotted,
                            unsigned Depth = 0) const {
    if (Depth > 8)
      return "";
    auto [Head, Rest] = Dotted.split('.');
    std::string Target;
    auto G = M.Globals.find(Head);
    if (G != M.Globals.end())
      Target = G->second;
    else if (auto A = M.RawAliases.find(Head); A != M.RawAliases.end())
      Target = resolveGlobal(M, A->second, Depth + 1);
    if (Target.empty())
      return "";
    if (!Rest.empty())
      Target += "." + Rest.str();
    return canonical(Target, Depth + 1);
  }

  /// Follows re-exports ('from .impl import f' in pkg/__init__.py makes
  /// 'pkg.f' mean 'pkg.impl.f') and drop-in library aliases.
  std::string canonical(std::string Q, unsigned Depth = 0) const {
    for (unsigned Step = 0; Step < 8 && !isDefined(Q); ++Step) {
      bool Changed = false;
      // The longest prefix that is an analysed module.
      for (size_t Dot = Q.rfind('.'); Dot != std::string::npos && Dot > 0;
           Dot = Dot == 0 ? std::string::npos : Q.rfind('.', Dot - 1)) {
        auto It = ByName.find(llvm::StringRef(Q).take_front(Dot));
        if (It == ByName.end())
          continue;
        llvm::StringRef Tail = llvm::StringRef(Q).drop_front(Dot + 1);
        llvm::StringRef Head = Tail.split('.').first;
        const Module &M = *It->second;
        if (!M.Globals.count(Head) && !M.RawAliases.count(Head))
          break;
        std::string Resolved = resolveGlobal(M, Tail, Depth + 1);
        if (Resolved.empty() || Resolved == Q)
          break;
        Q = Resolved;
        Changed = true;
        break;
      }
      if (!Changed)
        break;
    }
    return canonicalLibraryName(Q);
  }
};

std::string moduleParent(llvm::StringRef Name) {
  size_t Dot = Name.rfind('.');
  return Dot == llvm::StringRef::npos ? "" : Name.take_front(Dot).str();
}

//===----------------------------------------------------------------------===//
// Phase 1: what each module binds at its top level
//===----------------------------------------------------------------------===//

class BindingCollector {
public:
  BindingCollector(Project &P, Module &M) : P(P), M(M) {}
  void run() { block(ts_tree_root_node(M.Tree), 0); }

private:
  void block(TSNode Block, unsigned Depth) {
    if (Depth > MaxDepth)
      return;
    for (TSNode S : namedChildren(Block))
      statement(S, Depth + 1);
  }

  void statement(TSNode S, unsigned Depth) {
    llvm::StringRef T = type(S);
    if (T == "import_statement" || T == "import_from_statement") {
      imports(S);
    } else if (T == "function_definition") {
      std::string Name = M.text(field(S, "name")).str();
      std::string Q = M.Name + "." + Name;
      M.Globals[Name] = Q;
      P.Functions.insert(Q);
    } else if (T == "class_definition") {
      classDef(S, M.Name, /*TopLevel=*/true, Depth);
    } else if (T == "decorated_definition") {
      statement(field(S, "definition"), Depth);
    } else if (T == "expression_statement") {
      TSNode A = ts_node_named_child(S, 0);
      if (!isNull(A) && type(A) == "assignment") {
        TSNode L = field(A, "left"), R = field(A, "right");
        if (!isNull(L) && type(L) == "identifier" && !isNull(R)) {
          std::string Raw = dottedText(M, R);
          if (!Raw.empty() && Raw != M.text(L))
            M.RawAliases[M.text(L)] = Raw;
        }
      }
    } else if (T == "if_statement" || T == "for_statement" ||
               T == "while_statement" || T == "try_statement" ||
               T == "with_statement" || T == "elif_clause" ||
               T == "else_clause" || T == "except_clause" ||
               T == "finally_clause" || T == "block") {
      for (TSNode C : namedChildren(S))
        if (type(C) == "block" || type(C) == "elif_clause" ||
            type(C) == "else_clause" || type(C) == "except_clause" ||
            type(C) == "finally_clause")
          statement(C, Depth + 1);
      if (T == "block")
        block(S, Depth);
    }
  }

  void classDef(TSNode S, const std::string &Scope, bool TopLevel,
                unsigned Depth) {
    if (Depth > MaxDepth)
      return;
    std::string Name = M.text(field(S, "name")).str();
    std::string Q = Scope + "." + Name;
    if (TopLevel)
      M.Globals[Name] = Q;
    ClassInfo &Info = P.Classes[Q];
    Info.Module = M.Name;
    TSNode Bases = field(S, "superclasses");
    if (!isNull(Bases))
      for (TSNode B : namedChildren(Bases)) {
        std::string Raw = dottedText(M, B);
        if (!Raw.empty())
          Info.RawBases.push_back(Raw);
      }
    TSNode Body = field(S, "body");
    if (isNull(Body))
      return;
    for (TSNode C : namedChildren(Body)) {
      if (type(C) == "decorated_definition")
        C = field(C, "definition");
      if (isNull(C))
        continue;
      if (type(C) == "function_definition")
        P.Functions.insert(Q + "." + M.text(field(C, "name")).str());
      else if (type(C) == "class_definition")
        classDef(C, Q, false, Depth + 1);
    }
  }

  void imports(TSNode S) {
    if (type(S) == "import_statement") {
      for (TSNode N : fieldChildren(S, "name")) {
        if (type(N) == "aliased_import") {
          M.Globals[M.text(field(N, "alias"))] =
              M.text(field(N, "name")).str();
        } else {
          llvm::StringRef Full = M.text(N);
          llvm::StringRef Head = Full.split('.').first;
          M.Globals[Head] = Head.str();
        }
      }
      return;
    }
    std::string Base = fromModule(M, S);
    if (Base.empty())
      return;
    for (TSNode N : fieldChildren(S, "name")) {
      if (type(N) == "aliased_import")
        M.Globals[M.text(field(N, "alias"))] =
            Base + "." + M.text(field(N, "name")).str();
      else
        M.Globals[M.text(N)] = Base + "." + M.text(N).str();
    }
  }

public:
  /// The absolute module named by 'from X import ...'.
  static std::string fromModule(const Module &M, TSNode S) {
    TSNode Mod = field(S, "module_name");
    if (isNull(Mod))
      return "";
    if (type(Mod) == "relative_import") {
      unsigned Dots = 0;
      std::string Name;
      for (TSNode C : namedChildren(Mod)) {
        if (type(C) == "import_prefix")
          Dots = M.text(C).count('.');
        else
          Name = M.text(C).str();
      }
      return resolveImportModule(M.Name, M.IsPackage, Dots, Name);
    }
    return M.text(Mod).str();
  }

private:
  Project &P;
  Module &M;
};

//===----------------------------------------------------------------------===//
// Phase 2: facts
//===----------------------------------------------------------------------===//

/// What the analysis knows about the value of a variable.
struct Value {
  enum KindTy {
    Context,     // multiprocessing.get_context(...)
    Process,     // a Process (or subclass) not yet started
    Executor,    // ProcessPoolExecutor, created lazily
    SyncManager, // SyncManager/BaseManager, created at start() or with
    DataLoader,  // torch DataLoader; workers start on iteration
    PebblePool,  // pebble.ProcessPool, started on first use
    PathosPool,  // pathos pools, used by map/imap/...
    Parallel,    // joblib.Parallel with the multiprocessing backend
    Trainer,     // Lightning Trainer with a spawn strategy
    Pool,        // a started multiprocessing Pool
  } Kind;
  std::string Api;
  /// Start method when known: "fork", "spawn", "forkserver" or "".
  std::string Method;
  bool Workers = true;
};

std::string spawnDetail(llvm::StringRef Method) {
  if (Method == "spawn" || Method == "forkserver")
    return ("which uses the '" + Method +
            "' start method on every platform")
        .str();
  return "";
}

struct Scope {
  llvm::StringMap<Value> Values;
  llvm::StringMap<std::string> Locals; // nested defs
  Scope *Parent = nullptr;
  std::string Class; // for 'self.method()'

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
               llvm::StringRef Detail = "") {
    if (C.Guarded)
      return;
    SinkCallFact S;
    S.Caller = node(C);
    S.Api = Api.str();
    S.Loc = loc(At);
    S.Suppressions = noqa(S.Loc.Line);
    S.Detail = Detail.str();
    U.SinkCalls.push_back(std::move(S));
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
    auto It = P.Classes.find(Q);
    if (It == P.Classes.end())
      return false;
    auto Mod = P.ByName.find(It->second.Module);
    if (Mod == P.ByName.end())
      return false;
    for (const std::string &Raw : It->second.RawBases) {
      std::string B = P.resolveGlobal(*Mod->second, Raw);
      if (B == Base || derivesFrom(B, Base, Depth + 1))
        return true;
    }
    return false;
  }

  std::map<std::string, TSNode> keywords(TSNode Call) const {
    std::map<std::string, TSNode> Out;
    TSNode Args = field(Call, "arguments");
    if (isNull(Args) || type(Args) != "argument_list")
      return Out;
    for (TSNode A : namedChildren(Args))
      if (type(A) == "keyword_argument")
        Out[M.text(field(A, "name")).str()] = field(A, "value");
    return Out;
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
  /// The start method a 'context='/'mp_context=' argument selects.
  std::string methodOf(const Scope &S, TSNode V) const {
    if (isNull(V))
      return "";
    if (std::optional<std::string> Str = stringValue(M, V))
      return *Str;
    if (std::optional<Value> Val = valueOf(S, V))
      if (Val->Kind == Value::Context)
        return Val->Method;
    return "";
  }
  bool isFalseLiteral(TSNode V) const {
    return !isNull(V) && (type(V) == "false" || type(V) == "none" ||
                          (type(V) == "integer" && M.text(V) == "0"));
  }
  bool isOneOrNone(TSNode V) const {
    return !isNull(V) && (type(V) == "none" || type(V) == "false" ||
                          (type(V) == "integer" &&
                           (M.text(V) == "0" || M.text(V) == "1")));
  }

  std::optional<Value> valueOf(const Scope &S, TSNode N) const;
  std::optional<Value> valueOfCall(const Scope &S, TSNode Call) const;
  void call(Context &C, TSNode Call);
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
  void assign(Context &C, TSNode Assignment);
  void withStatement(Context &C, TSNode S, unsigned Depth);
  void forIterable(Context &C, TSNode Iterable);
  bool exits(TSNode Block) const;
  bool isMainGuardTest(TSNode Cond, GuardKind &Kind) const;

  const Project &P;
  const Module &M;
  FactsUnit &U;
  FileIndex File;
  std::shared_ptr<Scope> ModuleScope;
  std::vector<DeferredBody> Deferred;
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
  struct PendingWorker {
    std::string Function;
    std::string Api;
    FactLocation Loc;
    SuppressionList Suppressions;
  };
  std::vector<PendingWorker> Workers;
  void checkParentOnlyState();
  /// Module-level functions and classes defined only under the main guard,
  /// with their location.
  llvm::StringMap<FactLocation> MainOnlyDefs;

  void checkWorker(Context &C, TSNode Worker, llvm::StringRef Api,
                   unsigned Depth = 0);
};

} // namespace

//===----------------------------------------------------------------------===//
// Guards
//===----------------------------------------------------------------------===//

static TSNode unparen(TSNode N) {
  while (!isNull(N) && type(N) == "parenthesized_expression")
    N = ts_node_named_child(N, 0);
  return N;
}

/// Classifies \p Cond of module \p M.
static GuardKind guardOf(const Module &M, TSNode Cond) {
  Cond = unparen(Cond);
  if (isNull(Cond))
    return GuardKind::None;
  llvm::StringRef T = type(Cond);
  if (T == "not_operator") {
    GuardKind Inner = guardOf(M, field(Cond, "argument"));
    if (Inner == GuardKind::MainOnly)
      return GuardKind::NotMain;
    if (Inner == GuardKind::NotMain)
      return GuardKind::MainOnly;
    return GuardKind::None;
  }
  if (T == "boolean_operator") {
    llvm::StringRef Op = M.text(field(Cond, "operator"));
    GuardKind L = guardOf(M, field(Cond, "left"));
    GuardKind R = guardOf(M, field(Cond, "right"));
    // 'main and x' runs only in main; 'not main or x' is true whenever we
    // are not main.
    if (Op == "and" && (L == GuardKind::MainOnly || R == GuardKind::MainOnly))
      return GuardKind::MainOnly;
    if (Op == "or" && (L == GuardKind::NotMain || R == GuardKind::NotMain))
      return GuardKind::NotMain;
    return GuardKind::None;
  }
  if (T != "comparison_operator")
    return GuardKind::None;
  std::vector<TSNode> Operands = namedChildren(Cond);
  std::vector<TSNode> Ops = fieldChildren(Cond, "operators");
  if (Operands.size() != 2 || Ops.size() != 1)
    return GuardKind::None;
  llvm::StringRef Op = M.text(Ops[0]);
  if (Op != "==" && Op != "!=")
    return GuardKind::None;
  auto Matches = [&](TSNode Subject, TSNode Str) {
    std::optional<std::string> S = stringValue(M, Str);
    if (!S)
      return false;
    Subject = unparen(Subject);
    if (type(Subject) == "identifier" && M.text(Subject) == "__name__")
      return *S == "__main__";
    // current_process().name == "MainProcess"
    if (type(Subject) == "attribute" &&
        M.text(field(Subject, "attribute")) == "name") {
      TSNode Obj = unparen(field(Subject, "object"));
      if (type(Obj) == "call") {
        llvm::StringRef Fn = M.text(field(Obj, "function"));
        if (Fn == "current_process" || Fn.ends_with(".current_process"))
          return *S == "MainProcess";
      }
    }
    return false;
  };
  if (Matches(Operands[0], Operands[1]) || Matches(Operands[1], Operands[0]))
    return Op == "==" ? GuardKind::MainOnly : GuardKind::NotMain;
  return GuardKind::None;
}

bool FactsEmitter::isMainGuardTest(TSNode Cond, GuardKind &Kind) const {
  Kind = guardOf(M, Cond);
  return Kind != GuardKind::None;
}

/// True if a block ends the function or program: return, raise, sys.exit().
bool FactsEmitter::exits(TSNode Block) const {
  for (TSNode S : namedChildren(Block)) {
    llvm::StringRef T = type(S);
    if (T == "return_statement" || T == "raise_statement")
      return true;
    if (T == "expression_statement") {
      TSNode E = ts_node_named_child(S, 0);
      if (!isNull(E) && type(E) == "call") {
        std::string Fn = dottedText(M, field(E, "function"));
        if (Fn == "sys.exit" || Fn == "exit" || Fn == "quit" ||
            Fn == "os._exit" || Fn == "_exit")
          return true;
      }
    }
  }
  return false;
}

//===----------------------------------------------------------------------===//
// Values and sinks
//===----------------------------------------------------------------------===//

std::optional<Value> FactsEmitter::valueOf(const Scope &S, TSNode N) const {
  N = unparen(N);
  if (isNull(N))
    return std::nullopt;
  if (type(N) == "identifier") {
    if (const Value *V = S.find(M.text(N)))
      return *V;
    return std::nullopt;
  }
  if (type(N) == "call")
    return valueOfCall(S, N);
  return std::nullopt;
}

std::optional<Value> FactsEmitter::valueOfCall(const Scope &S,
                                               TSNode Call) const {
  TSNode Fn = field(Call, "function");
  std::map<std::string, TSNode> Kw = keywords(Call);
  auto KwAt = [&](const char *Name) {
    auto It = Kw.find(Name);
    return It == Kw.end() ? TSNode{} : It->second;
  };
  // ctx.Process(...), ctx.SyncManager(...)
  if (!isNull(Fn) && type(Fn) == "attribute") {
    if (std::optional<Value> Obj = valueOf(S, field(Fn, "object"))) {
      llvm::StringRef Attr = M.text(field(Fn, "attribute"));
      if (Obj->Kind == Value::Context && Attr == "Process")
        return Value{Value::Process, "multiprocessing.Process", Obj->Method};
      if (Obj->Kind == Value::Context && Attr == "Pool")
        return Value{Value::Pool, "multiprocessing.Pool", Obj->Method};
      return std::nullopt;
    }
  }
  std::string Q = resolveExpr(S, Fn);
  if (Q.empty())
    return std::nullopt;
  if (Q == "multiprocessing.Pool" || Q == "multiprocessing.pool.Pool")
    return Value{Value::Pool, Q, methodOf(S, KwAt("context"))};
  if (Q == "multiprocessing.get_context") {
    TSNode Arg = firstPositional(Call);
    if (isNull(Arg))
      Arg = KwAt("method");
    return Value{Value::Context, "", isNull(Arg) ? "" : methodOf(S, Arg)};
  }
  if (Q == "multiprocessing.Process" || Q == "multiprocessing.context.Process" ||
      derivesFrom(Q, "multiprocessing.Process"))
    return Value{Value::Process, "multiprocessing.Process", ""};
  if (Q == "concurrent.futures.ProcessPoolExecutor" ||
      Q == "concurrent.futures.process.ProcessPoolExecutor") {
    std::string Method = methodOf(S, KwAt("mp_context"));
    if (Method.empty() && !isNull(KwAt("max_tasks_per_child")) &&
        !isFalseLiteral(KwAt("max_tasks_per_child")))
      Method = "spawn";
    return Value{Value::Executor, "concurrent.futures.ProcessPoolExecutor",
                 Method};
  }
  if (Q == "multiprocessing.managers.SyncManager" ||
      Q == "multiprocessing.managers.BaseManager" ||
      derivesFrom(Q, "multiprocessing.managers.BaseManager") ||
      derivesFrom(Q, "multiprocessing.managers.SyncManager"))
    return Value{Value::SyncManager, "multiprocessing.managers.SyncManager",
                 ""};
  if (Q == "torch.utils.data.DataLoader" ||
      Q == "torch.utils.data.dataloader.DataLoader") {
    TSNode Workers = KwAt("num_workers");
    std::string Method = methodOf(S, KwAt("multiprocessing_context"));
    return Value{Value::DataLoader, "torch.utils.data.DataLoader", Method,
                 !isNull(Workers) && !isFalseLiteral(Workers)};
  }
  if (Q == "pebble.ProcessPool" || Q == "pebble.pool.ProcessPool")
    return Value{Value::PebblePool, "pebble.ProcessPool",
                 methodOf(S, KwAt("context"))};
  if (Q == "pathos.pools.ProcessPool" || Q == "pathos.pools.ProcessingPool" ||
      Q == "pathos.multiprocessing.ProcessingPool" ||
      Q == "pathos.multiprocessing.ProcessPool")
    return Value{Value::PathosPool, Q, ""};
  if (Q == "joblib.Parallel") {
    std::optional<std::string> Backend = stringValue(M, KwAt("backend"));
    if (Backend && *Backend == "multiprocessing")
      return Value{Value::Parallel, "joblib.Parallel", ""};
    return std::nullopt;
  }
  if (Q == "lightning.Trainer" || Q == "lightning.pytorch.Trainer" ||
      Q == "pytorch_lightning.Trainer") {
    std::optional<std::string> Strategy = stringValue(M, KwAt("strategy"));
    if (Strategy && llvm::StringRef(*Strategy).starts_with("ddp_spawn"))
      return Value{Value::Trainer, Q, "spawn"};
  }
  return std::nullopt;
}

void FactsEmitter::methodCall(Context &C, TSNode Call, const Value &V,
                              llvm::StringRef Attr) {
  if (V.Method == "fork")
    return; // no re-import of the main module
  std::string Detail = spawnDetail(V.Method);
  switch (V.Kind) {
  case Value::Context:
    if (Attr == "Pool" || Attr == "Manager")
      addSink(C, Call, "multiprocessing." + Attr.str(), Detail);
    return;
  case Value::Process:
    if (Attr == "start")
      addSink(C, Call, V.Api + ".start", Detail);
    return;
  case Value::Executor:
    if (Attr == "submit" || Attr == "map")
      addSink(C, Call, V.Api + "." + Attr.str(), Detail);
    return;
  case Value::SyncManager:
    if (Attr == "start")
      addSink(C, Call, V.Api + ".start", Detail);
    return;
  case Value::PebblePool:
    if (Attr == "schedule" || Attr == "submit" || Attr == "map")
      addSink(C, Call, V.Api + "." + Attr.str(), Detail);
    return;
  case Value::PathosPool:
    if (Attr == "map" || Attr == "imap" || Attr == "uimap" ||
        Attr == "amap" || Attr == "apipe" || Attr == "pipe")
      addSink(C, Call, V.Api + "." + Attr.str(), Detail);
    return;
  case Value::Trainer:
    if (Attr == "fit" || Attr == "validate" || Attr == "test" ||
        Attr == "predict")
      addSink(C, Call, V.Api + "." + Attr.str() + "(strategy='ddp_spawn')",
              Detail);
    return;
  case Value::DataLoader:
  case Value::Parallel:
  case Value::Pool:
    return;
  }
}

void FactsEmitter::forIterable(Context &C, TSNode Iterable) {
  std::optional<Value> V = valueOf(*C.S, Iterable);
  if (V && V->Kind == Value::DataLoader && V->Workers && V->Method != "fork")
    addSink(C, Iterable, "torch.utils.data.DataLoader.__iter__",
            spawnDetail(V->Method));
}

void FactsEmitter::checkWorker(Context &C, TSNode Worker, llvm::StringRef Api,
                               unsigned Depth) {
  Worker = unparen(Worker);
  if (isNull(Worker) || Depth > 4)
    return;
  DiagnosticFact D;
  D.Rule = "SG203";
  D.Loc = loc(Worker);
  D.Suppressions = noqa(D.Loc.Line);
  std::string Prefix = "the worker passed to '" + Api.str() + "' is ";
  const char *Why =
      ", which a child process cannot unpickle; use a module-level function";
  if (type(Worker) == "lambda") {
    D.Message = Prefix + "a lambda" + Why;
  } else if (type(Worker) == "call") {
    std::string Fn = resolveExpr(*C.S, field(Worker, "function"));
    if (Fn == "functools.partial")
      checkWorker(C, firstPositional(Worker), Api, Depth + 1);
    return;
  } else if (type(Worker) == "identifier") {
    llvm::StringRef Name = M.text(Worker);
    std::optional<std::string> Local = C.S->local(Name);
    if (Local && llvm::StringRef(*Local).contains(".<locals>.")) {
      D.Message = Prefix + "nested function '" + *Local + "'" + Why;
    } else if (auto It = MainOnlyDefs.find(Name);
               It != MainOnlyDefs.end() && !NotMainOnly.contains(Name) &&
               !Local) {
      D.Message = Prefix + "'" + Name.str() +
                  "', which is defined only under the main guard; a spawned "
                  "child imports the main module as '__mp_main__' and does "
                  "not find it";
      D.Notes.push_back({It->second, "'" + Name.str() + "' is defined here"});
    } else {
      std::string Q = resolveExpr(*C.S, Worker);
      if (P.Functions.contains(Q))
        Workers.push_back({Q, Api.str(), D.Loc, D.Suppressions});
      return;
    }
  } else {
    return;
  }
  U.Diagnostics.push_back(std::move(D));
}

void FactsEmitter::call(Context &C, TSNode Call) {
  Scope &S = *C.S;
  TSNode Fn = field(Call, "function");
  if (isNull(Fn))
    return;
  std::map<std::string, TSNode> Kw = keywords(Call);
  auto KwAt = [&](const char *Name) {
    auto It = Kw.find(Name);
    return It == Kw.end() ? TSNode{} : It->second;
  };

  // SG203: what is handed to a process API must be importable by name.
  {
    std::optional<Value> Made = valueOfCall(S, Call);
    if (Made && Made->Method != "fork") {
      if (Made->Kind == Value::Process)
        checkWorker(C, KwAt("target"), Made->Api);
      if (Made->Kind == Value::Pool || Made->Kind == Value::Executor)
        checkWorker(C, KwAt("initializer"), Made->Api);
      if (Made->Kind == Value::DataLoader && Made->Workers) {
        checkWorker(C, KwAt("collate_fn"), Made->Api);
        checkWorker(C, KwAt("worker_init_fn"), Made->Api);
      }
    }
    if (type(Fn) == "attribute") {
      std::optional<Value> Obj = valueOf(S, field(Fn, "object"));
      llvm::StringRef Attr = M.text(field(Fn, "attribute"));
      static const char *const PoolMethods[] = {
          "map",       "imap",       "imap_unordered", "starmap",
          "apply",     "apply_async", "map_async",     "starmap_async",
          "submit",    "schedule"};
      if (Obj && Obj->Method != "fork" &&
          (Obj->Kind == Value::Pool || Obj->Kind == Value::Executor ||
           Obj->Kind == Value::PebblePool || Obj->Kind == Value::PathosPool) &&
          llvm::is_contained(PoolMethods, Attr) &&
          // pathos and multiprocess pickle with dill: lambdas are fine.
          Obj->Kind != Value::PathosPool)
        checkWorker(C, firstPositional(Call), Obj->Api + "." + Attr.str());
    }
    std::string WQ = resolveExpr(S, Fn);
    if (WQ == "torch.multiprocessing.spawn" ||
        WQ == "tqdm.contrib.concurrent.process_map")
      checkWorker(C, firstPositional(Call), WQ);
  }

  // Calling a value: Parallel(...)(...) or par(...).
  if (std::optional<Value> V = valueOf(S, Fn)) {
    if (V->Kind == Value::Parallel)
      addSink(C, Call, "joblib.Parallel(backend='multiprocessing')");
    return;
  }

  if (type(Fn) == "attribute") {
    TSNode Obj = field(Fn, "object");
    llvm::StringRef Attr = M.text(field(Fn, "attribute"));
    if (std::optional<Value> V = valueOf(S, Obj)) {
      methodCall(C, Call, *V, Attr);
      return;
    }
    if (Attr == "run_in_executor") {
      std::optional<Value> Ex = valueOf(S, firstPositional(Call));
      if (Ex && Ex->Kind == Value::Executor && Ex->Method != "fork")
        addSink(C, Call, "asyncio.loop.run_in_executor",
                spawnDetail(Ex->Method));
      return;
    }
    // Method heuristics apply to objects that are not known names.
    bool Opaque = resolveExpr(S, Obj).empty();
    if (Opaque && Attr == "compute") {
      std::optional<std::string> Sched = stringValue(M, KwAt("scheduler"));
      if (Sched && (*Sched == "processes" || *Sched == "multiprocessing"))
        addSink(C, Call, "dask.compute(scheduler='processes')",
                spawnDetail("spawn"));
    }
    if (Opaque && (Attr == "map" || Attr == "filter") &&
        !isNull(KwAt("num_proc")) &&
        !isOneOrNone(KwAt("num_proc")))
      addSink(C, Call, "datasets.Dataset." + Attr.str() + "(num_proc=...)");
    // self.method() inside a class.
    if (!S.Class.empty() && type(Obj) == "identifier" &&
        M.text(Obj) == "self") {
      std::string Q = S.Class + "." + Attr.str();
      if (P.Functions.contains(Q))
        addCall(C, Call, Q);
      return;
    }
  }

  std::string Raw = dottedText(M, Fn);
  std::string Q = resolve(S, Raw);
  if (Q.empty()) {
    // Builtins that iterate a DataLoader.
    if (Raw == "iter" || Raw == "enumerate" || Raw == "list" ||
        Raw == "next" || Raw == "zip")
      forIterable(C, firstPositional(Call));
    return;
  }

  // The call-time catalog.
  auto Fork = [&](const char *Keyword) {
    return methodOf(S, KwAt(Keyword)) == "fork";
  };
  if (Q == "multiprocessing.Pool" || Q == "multiprocessing.pool.Pool" ||
      Q == "multiprocessing.Manager") {
    std::string Method = methodOf(S, KwAt("context"));
    if (Method != "fork")
      addSink(C, Call, Q, spawnDetail(Method));
    return;
  }
  if (Q == "multiprocessing.set_start_method" && C.ModuleLevel && !C.Guarded) {
    DiagnosticFact D;
    D.Rule = "SG205";
    D.Loc = loc(Call);
    D.Message = "'set_start_method' called at module level, outside a main "
                "guard; a spawned child runs it again while it imports the "
                "main module and fails with 'context has already been set'";
    D.Suppressions = noqa(D.Loc.Line);
    U.Diagnostics.push_back(std::move(D));
    return;
  }
  if (Q == "torch.multiprocessing.spawn" ||
      Q == "torch.multiprocessing.start_processes") {
    std::optional<std::string> Method =
        stringValue(M, KwAt("start_method"));
    if (!Method || *Method != "fork")
      addSink(C, Call, Q, spawnDetail(Method ? *Method : "spawn"));
    return;
  }
  if (Q == "torch_xla.distributed.xla_multiprocessing.spawn" ||
      Q == "paddle.distributed.spawn") {
    addSink(C, Call, Q, spawnDetail("spawn"));
    return;
  }
  if (Q == "distributed.Client" || Q == "dask.distributed.Client" ||
      Q == "distributed.LocalCluster" || Q == "dask.distributed.LocalCluster") {
    if (!isFalseLiteral(KwAt("processes")))
      addSink(C, Call, Q, spawnDetail("spawn"));
    return;
  }
  if (Q == "dask.compute" || Q == "dask.multiprocessing.get") {
    std::optional<std::string> Sched = stringValue(M, KwAt("scheduler"));
    if (Q == "dask.multiprocessing.get" ||
        (Sched && (*Sched == "processes" || *Sched == "multiprocessing")))
      addSink(C, Call, Q, spawnDetail("spawn"));
    return;
  }
  if (Q == "stable_baselines3.common.vec_env.SubprocVecEnv" ||
      Q == "stable_baselines3.common.vec_env.subproc_vec_env.SubprocVecEnv") {
    std::optional<std::string> Method =
        stringValue(M, KwAt("start_method"));
    if (!Method || *Method != "fork")
      addSink(C, Call, "stable_baselines3.common.vec_env.SubprocVecEnv",
              Method ? spawnDetail(*Method)
                     : "which uses the 'forkserver' or 'spawn' start method "
                       "on every platform");
    return;
  }
  if (Q == "uvicorn.run") {
    TSNode Reload = KwAt("reload");
    if ((!isNull(KwAt("workers")) && !isOneOrNone(KwAt("workers"))) ||
        (!isNull(Reload) && type(Reload) == "true"))
      addSink(C, Call, "uvicorn.run", spawnDetail("spawn"));
    return;
  }
  if (Q == "tqdm.contrib.concurrent.process_map") {
    if (!Fork("mp_context"))
      addSink(C, Call, Q, spawnDetail(methodOf(S, KwAt("mp_context"))));
    return;
  }
  if (Q == "pqdm.processes.pqdm" || Q == "p_tqdm.p_map" ||
      Q == "p_tqdm.p_umap" || Q == "p_tqdm.p_imap" || Q == "p_tqdm.p_uimap" ||
      Q == "parallelbar.progress_map" || Q == "parallelbar.progress_starmap" ||
      Q == "parallelbar.progress_imap") {
    addSink(C, Call, Q);
    return;
  }
  if (Q == "datasets.load_dataset") {
    if (!isNull(KwAt("num_proc")) && !isOneOrNone(KwAt("num_proc")))
      addSink(C, Call, "datasets.load_dataset(num_proc=...)");
    return;
  }
  if (Q == "compileall.compile_dir") {
    if (!isNull(KwAt("workers")) && !isOneOrNone(KwAt("workers")))
      addSink(C, Call, "compileall.compile_dir(workers=...)");
    return;
  }
  for (const Project::UserSink &User : P.UserSinks) {
    if (User.Name != Q)
      continue;
    if (!User.Keyword.empty()) {
      TSNode V = KwAt(User.Keyword.c_str());
      if (isNull(V) || M.text(V) != User.Value)
        continue;
    }
    addSink(C, Call, Q);
    return;
  }
  if (auto It = P.SinkFunctions.find(Q); It != P.SinkFunctions.end()) {
    addSink(C, Call, It->second);
    return;
  }

  // Calls into analysed code.
  if (P.Functions.contains(Q)) {
    addCall(C, Call, Q);
  } else if (P.Classes.count(Q)) {
    addCall(C, Call, Q);
  }
}

void FactsEmitter::expression(Context &C, TSNode N, unsigned Depth) {
  if (isNull(N))
    return;
  if (Depth > MaxDepth) {
    TooDeep = true;
    return;
  }
  llvm::StringRef T = type(N);
  // Code in these runs later, if ever.
  if (T == "lambda" || T == "function_definition" ||
      T == "class_definition" || T == "decorated_definition")
    return;
  if (T == "call")
    call(C, N);
  uint32_t Count = ts_node_named_child_count(N);
  for (uint32_t I = 0; I < Count; ++I)
    expression(C, ts_node_named_child(N, I), Depth + 1);
}

void FactsEmitter::assign(Context &C, TSNode A) {
  TSNode L = field(A, "left"), R = field(A, "right");
  if (isNull(L) || type(L) != "identifier")
    return;
  llvm::StringRef Name = M.text(L);
  std::optional<Value> V = isNull(R) ? std::nullopt : valueOf(*C.S, R);
  if (V)
    C.S->Values[Name] = *V;
  else
    C.S->Values.erase(Name);
}

void FactsEmitter::withStatement(Context &C, TSNode S, unsigned Depth) {
  TSNode Clause{};
  for (TSNode Ch : namedChildren(S))
    if (type(Ch) == "with_clause")
      Clause = Ch;
  if (isNull(Clause))
    return;
  for (TSNode Item : namedChildren(Clause)) {
    TSNode V = field(Item, "value");
    if (isNull(V))
      continue;
    TSNode Expr = V, Target{};
    if (type(V) == "as_pattern") {
      Expr = ts_node_named_child(V, 0);
      Target = field(V, "alias");
    }
    expression(C, Expr, Depth + 1);
    std::optional<Value> Val = valueOf(*C.S, Expr);
    if (Val && Val->Kind == Value::SyncManager)
      addSink(C, Expr, Val->Api + ".__enter__", spawnDetail(Val->Method));
    if (!isNull(Target)) {
      TSNode Id = ts_node_named_child(Target, 0);
      if (!isNull(Id) && type(Id) == "identifier") {
        if (Val)
          C.S->Values[M.text(Id)] = *Val;
        else
          C.S->Values.erase(M.text(Id));
      }
    }
  }
}

/// A def or class: its decorators, defaults and bases run now; its body
/// later (a function) or now (a class body, at module level).
void FactsEmitter::definition(Context &C, TSNode Def, const std::string &Qual,
                              const std::string &ClassQ, unsigned Depth) {
  TSNode Inner = Def;
  if (type(Def) == "decorated_definition") {
    Inner = field(Def, "definition");
    for (TSNode D : namedChildren(Def))
      if (type(D) == "decorator") {
        expression(C, D, Depth + 1);
        // '@name' calls name with the function.
        TSNode E = ts_node_named_child(D, 0);
        if (!isNull(E) && type(E) != "call") {
          std::string Q = resolveExpr(*C.S, E);
          if (P.Functions.contains(Q) || P.Classes.count(Q))
            addCall(C, E, Q);
        }
      }
  }
  if (isNull(Inner))
    return;
  std::string Name = M.text(field(Inner, "name")).str();
  std::string Q = Qual + "." + Name;
  if (C.ModuleLevel && C.Guarded && ClassQ.empty())
    MainOnlyDefs.try_emplace(Name, loc(Inner));
  else if (C.ModuleLevel && ClassQ.empty())
    NotMainOnly.insert(Name);
  if (type(Inner) == "function_definition") {
    TSNode Params = field(Inner, "parameters");
    if (!isNull(Params))
      for (TSNode Param : namedChildren(Params))
        if (type(Param) == "default_parameter" ||
            type(Param) == "typed_default_parameter")
          expression(C, field(Param, "value"), Depth + 1);
    // pebble: each call of a decorated function starts a process.
    if (type(Def) == "decorated_definition")
      for (TSNode D : namedChildren(Def))
        if (type(D) == "decorator") {
          TSNode E = ts_node_named_child(D, 0);
          if (!isNull(E) && type(E) == "call")
            E = field(E, "function");
          std::string DQ = resolveExpr(*C.S, E);
          if (DQ == "pebble.concurrent.process" ||
              DQ == "pebble.asynchronous.process")
            const_cast<Project &>(P).SinkFunctions[Q] = DQ;
        }
    Deferred.push_back({Inner, Q, ClassQ, nullptr});
    if (!C.ModuleLevel)
      C.S->Locals[Name] = Q;
    return;
  }
  // class_definition
  TSNode Bases = field(Inner, "superclasses");
  if (!isNull(Bases))
    expression(C, Bases, Depth + 1);
  if (P.Functions.contains(Q + ".__init__")) {
    FunctionIndex Class = U.addFunction(Q, Q);
    FunctionIndex Init = U.addFunction(Q + ".__init__", Q + ".__init__");
    U.Calls.push_back({Class, Init, EdgeKind::Call, loc(Inner)});
  }
  TSNode Body = field(Inner, "body");
  if (isNull(Body))
    return;
  if (C.ModuleLevel) {
    moduleBlock(Body, Q, Depth + 1);
    return;
  }
  // A class inside a function: its body runs when the function runs.
  bool Stop = false;
  functionBlock(C, Body, Q, Depth + 1, Stop);
}

void FactsEmitter::moduleBlock(TSNode Block, const std::string &ClassQ,
                               unsigned Depth) {
  if (Depth > MaxDepth) {
    TooDeep = true;
    return;
  }
  bool Stop = false;
  for (TSNode S : namedChildren(Block)) {
    moduleStatement(S, ClassQ, Depth + 1, Stop);
    if (Stop)
      break;
  }
}

void FactsEmitter::moduleStatement(TSNode S, const std::string &ClassQ,
                                   unsigned Depth, bool &Stop) {
  if (Depth > MaxDepth) {
    TooDeep = true;
    return;
  }
  llvm::StringRef T = type(S);
  Context C;
  C.ModuleLevel = true;
  C.RootLoc = loc(S);
  C.S = ModuleScope.get();
  C.Guarded = InGuard;
  std::string Qual = ClassQ.empty() ? M.Name : ClassQ;

  if (T == "import_statement" || T == "import_from_statement") {
    std::vector<std::string> Names;
    if (T == "import_statement") {
      for (TSNode N : fieldChildren(S, "name"))
        Names.push_back(
            M.text(type(N) == "aliased_import" ? field(N, "name") : N).str());
    } else {
      std::string Base = BindingCollector::fromModule(M, S);
      if (!Base.empty()) {
        Names.push_back(Base);
        for (TSNode N : fieldChildren(S, "name"))
          Names.push_back(
              Base + "." +
              M.text(type(N) == "aliased_import" ? field(N, "name") : N)
                  .str());
      }
    }
    // Importing a.b.c runs a, a.b and a.b.c.
    std::set<std::string> All;
    for (const std::string &Name : Names)
      for (size_t Dot = 0; Dot != std::string::npos;) {
        Dot = Name.find('.', Dot + 1);
        All.insert(Name.substr(0, Dot));
      }
    if (!InGuard && ClassQ.empty()) {
      for (TSNode N : fieldChildren(S, "name")) {
        if (type(N) == "aliased_import")
          Unguarded.insert(M.text(field(N, "alias")));
        else
          Unguarded.insert(M.text(N).split('.').first);
      }
    }
    for (const std::string &Name : All)
      if (Name != M.Name && P.ByName.count(Name))
        U.Imports.push_back({M.Name, Name, loc(S)});
    return;
  }
  if (T == "function_definition" || T == "class_definition" ||
      T == "decorated_definition") {
    definition(C, S, Qual, ClassQ, Depth);
    return;
  }
  if (T == "if_statement") {
    GuardKind Kind;
    TSNode Cond = field(S, "condition");
    if (isMainGuardTest(Cond, Kind)) {
      if (Kind == GuardKind::MainOnly) {
        // The body is guarded (walked for local rules only); elif/else run
        // on import.
        bool Saved = InGuard;
        InGuard = true;
        moduleBlock(field(S, "consequence"), ClassQ, Depth + 1);
        InGuard = Saved;
        for (TSNode Alt : fieldChildren(S, "alternative")) {
          if (type(Alt) == "else_clause")
            moduleBlock(field(Alt, "body"), ClassQ, Depth + 1);
          else
            moduleStatement(Alt, ClassQ, Depth + 1, Stop);
        }
        return;
      }
      // NotMain: the body runs on import; the else does not. A body that
      // exits keeps the rest of the module in the main process.
      TSNode Body = field(S, "consequence");
      moduleBlock(Body, ClassQ, Depth + 1);
      if (exits(Body))
        Stop = true;
      return;
    }
    expression(C, Cond, Depth + 1);
    moduleBlock(field(S, "consequence"), ClassQ, Depth + 1);
    for (TSNode Alt : fieldChildren(S, "alternative")) {
      if (type(Alt) == "else_clause")
        moduleBlock(field(Alt, "body"), ClassQ, Depth + 1);
      else
        moduleStatement(Alt, ClassQ, Depth + 1, Stop);
    }
    return;
  }
  if (T == "elif_clause") {
    GuardKind Kind;
    TSNode Cond = field(S, "condition");
    if (isMainGuardTest(Cond, Kind) && Kind == GuardKind::MainOnly)
      return;
    expression(C, Cond, Depth + 1);
    moduleBlock(field(S, "consequence"), ClassQ, Depth + 1);
    return;
  }
  if (T == "for_statement") {
    TSNode Right = field(S, "right");
    expression(C, Right, Depth + 1);
    forIterable(C, Right);
    moduleBlock(field(S, "body"), ClassQ, Depth + 1);
    if (TSNode Alt = field(S, "alternative"); !isNull(Alt))
      moduleBlock(field(Alt, "body"), ClassQ, Depth + 1);
    return;
  }
  if (T == "while_statement") {
    expression(C, field(S, "condition"), Depth + 1);
    moduleBlock(field(S, "body"), ClassQ, Depth + 1);
    if (TSNode Alt = field(S, "alternative"); !isNull(Alt))
      moduleBlock(field(Alt, "body"), ClassQ, Depth + 1);
    return;
  }
  if (T == "try_statement") {
    moduleBlock(field(S, "body"), ClassQ, Depth + 1);
    for (TSNode Ch : namedChildren(S)) {
      llvm::StringRef CT = type(Ch);
      if (CT == "except_clause" || CT == "except_group_clause") {
        for (TSNode B : namedChildren(Ch))
          if (type(B) == "block")
            moduleBlock(B, ClassQ, Depth + 1);
      } else if (CT == "else_clause") {
        moduleBlock(field(Ch, "body"), ClassQ, Depth + 1);
      } else if (CT == "finally_clause") {
        for (TSNode B : namedChildren(Ch))
          if (type(B) == "block")
            moduleBlock(B, ClassQ, Depth + 1);
      }
    }
    return;
  }
  if (T == "with_statement") {
    withStatement(C, S, Depth);
    moduleBlock(field(S, "body"), ClassQ, Depth + 1);
    return;
  }
  if (T == "expression_statement") {
    expression(C, S, Depth + 1);
    TSNode A = ts_node_named_child(S, 0);
    if (!isNull(A) && type(A) == "assignment") {
      assign(C, A);
      TSNode L = field(A, "left"), R = unparen(field(A, "right"));
      if (!isNull(L) && type(L) == "identifier" && ClassQ.empty()) {
        llvm::StringRef Name = M.text(L);
        if (InGuard) {
          MainOnlyAssigned.try_emplace(Name, loc(L));
        } else {
          Unguarded.insert(Name);
          if (!isNull(R) && type(R) == "call") {
            std::string Q = resolveExpr(*C.S, field(R, "function"));
            static const char *const Sync[] = {
                "Queue", "SimpleQueue", "JoinableQueue", "Lock",
                "RLock", "Semaphore", "BoundedSemaphore", "Event",
                "Condition", "Barrier", "Value", "Array"};
            llvm::StringRef Short = llvm::StringRef(Q);
            if (Short.consume_front("multiprocessing.") &&
                llvm::is_contained(Sync, Short))
              ModuleSync[Name] = {Q, loc(R)};
          }
        }
      }
    }
    return;
  }
  // Any other statement: its expressions run now.
  expression(C, S, Depth + 1);
}

void FactsEmitter::functionBlock(Context &C, TSNode Block,
                                 const std::string &Qual, unsigned Depth,
                                 bool &Stop) {
  if (isNull(Block))
    return;
  if (Depth > MaxDepth) {
    TooDeep = true;
    return;
  }
  for (TSNode S : namedChildren(Block)) {
    functionStatement(C, S, Qual, Depth + 1, Stop);
    if (Stop)
      return;
  }
}

void FactsEmitter::functionStatement(Context &C, TSNode S,
                                     const std::string &Qual, unsigned Depth,
                                     bool &Stop) {
  if (Depth > MaxDepth) {
    TooDeep = true;
    return;
  }
  llvm::StringRef T = type(S);
  if (T == "function_definition" || T == "class_definition" ||
      T == "decorated_definition") {
    definition(C, S, Qual + ".<locals>", "", Depth);
    return;
  }
  if (T == "if_statement") {
    GuardKind Kind;
    TSNode Cond = field(S, "condition");
    if (isMainGuardTest(Cond, Kind)) {
      if (Kind == GuardKind::MainOnly) {
        for (TSNode Alt : fieldChildren(S, "alternative"))
          functionBlock(C,
                        type(Alt) == "else_clause" ? field(Alt, "body")
                                                   : field(Alt, "consequence"),
                        Qual, Depth + 1, Stop);
        return;
      }
      TSNode Body = field(S, "consequence");
      functionBlock(C, Body, Qual, Depth + 1, Stop);
      // 'if __name__ != "__main__": return': the rest runs only in main.
      if (exits(Body))
        Stop = true;
      return;
    }
    expression(C, Cond, Depth + 1);
    bool Inner = false;
    functionBlock(C, field(S, "consequence"), Qual, Depth + 1, Inner);
    for (TSNode Alt : fieldChildren(S, "alternative")) {
      if (type(Alt) == "elif_clause")
        expression(C, field(Alt, "condition"), Depth + 1);
      Inner = false;
      functionBlock(C,
                    type(Alt) == "else_clause" ? field(Alt, "body")
                                               : field(Alt, "consequence"),
                    Qual, Depth + 1, Inner);
    }
    return;
  }
  if (T == "for_statement") {
    TSNode Right = field(S, "right");
    expression(C, Right, Depth + 1);
    forIterable(C, Right);
    bool Inner = false;
    functionBlock(C, field(S, "body"), Qual, Depth + 1, Inner);
    return;
  }
  if (T == "with_statement") {
    withStatement(C, S, Depth);
    bool Inner = false;
    functionBlock(C, field(S, "body"), Qual, Depth + 1, Inner);
    return;
  }
  if (T == "while_statement" || T == "try_statement" ||
      T == "except_clause" || T == "except_group_clause" ||
      T == "else_clause" || T == "finally_clause" || T == "block" ||
      T == "match_statement" || T == "case_clause") {
    for (TSNode Ch : namedChildren(S)) {
      llvm::StringRef CT = type(Ch);
      bool Inner = false;
      if (CT == "block")
        functionBlock(C, Ch, Qual, Depth + 1, Inner);
      else if (CT == "except_clause" || CT == "except_group_clause" ||
               CT == "else_clause" || CT == "finally_clause" ||
               CT == "case_clause" || CT == "elif_clause")
        functionStatement(C, Ch, Qual, Depth + 1, Inner);
      else
        expression(C, Ch, Depth + 1);
    }
    return;
  }
  if (T == "expression_statement") {
    expression(C, S, Depth + 1);
    TSNode A = ts_node_named_child(S, 0);
    if (!isNull(A) && type(A) == "assignment")
      assign(C, A);
    return;
  }
  expression(C, S, Depth + 1);
}

/// SG204: a worker function of this module that reads a global bound only
/// under the main guard, or a module-level synchronisation object.
void FactsEmitter::checkParentOnlyState() {
  llvm::StringMap<TSNode> Defs;
  for (const DeferredBody &D : Deferred)
    Defs[D.Qualified] = D.Def;
  std::set<std::pair<std::string, std::string>> Done;
  for (const PendingWorker &W : Workers) {
    auto It = Defs.find(W.Function);
    if (It == Defs.end())
      continue;
    TSNode Def = It->second;
    // Names the function binds itself: parameters and assignments.
    llvm::StringSet<> Local;
    std::vector<std::pair<llvm::StringRef, TSNode>> Reads;
    std::vector<TSNode> Work{field(Def, "parameters"), field(Def, "body")};
    bool InParams = true;
    for (TSNode Root : Work) {
      std::vector<TSNode> Stack{Root};
      while (!Stack.empty()) {
        TSNode N = Stack.back();
        Stack.pop_back();
        if (isNull(N))
          continue;
        llvm::StringRef T = type(N);
        if (T == "function_definition" || T == "class_definition" ||
            T == "lambda")
          continue;
        if (T == "identifier") {
          if (InParams)
            Local.insert(M.text(N));
          else
            Reads.push_back({M.text(N), N});
          continue;
        }
        if (T == "assignment" || T == "augmented_assignment" ||
            T == "for_statement") {
          TSNode L = field(N, "left");
          if (!isNull(L) && type(L) == "identifier")
            Local.insert(M.text(L));
        }
        if (T == "attribute") {
          Stack.push_back(field(N, "object"));
          continue;
        }
        if (T == "keyword_argument") {
          Stack.push_back(field(N, "value"));
          continue;
        }
        for (uint32_t I = 0, E = ts_node_named_child_count(N); I < E; ++I)
          Stack.push_back(ts_node_named_child(N, I));
      }
      InParams = false;
    }
    std::string Short = llvm::StringRef(W.Function).rsplit('.').second.str();
    for (auto &[Name, Node] : Reads) {
      if (Local.contains(Name) || !Done.insert({W.Function, Name.str()}).second)
        continue;
      DiagnosticFact D;
      D.Rule = "SG204";
      D.Loc = loc(Node);
      D.Suppressions = noqa(D.Loc.Line);
      if (auto A = MainOnlyAssigned.find(Name);
          A != MainOnlyAssigned.end() && !Unguarded.contains(Name) &&
          !NotMainOnly.contains(Name)) {
        D.Message = "worker '" + W.Function + "' reads global '" + Name.str() +
                    "', which is bound only under the main guard; in a "
                    "spawned child it does not exist";
        D.Notes.push_back({A->second, "'" + Name.str() + "' is bound here"});
      } else if (auto S = ModuleSync.find(Name); S != ModuleSync.end()) {
        D.Message = "worker '" + W.Function + "' uses module-level '" +
                    Name.str() + "' ('" + S->second.Api +
                    "') as a global; a spawned child creates its own, "
                    "separate object when it imports the module; pass it as "
                    "an argument";
        D.Notes.push_back({S->second.Loc, "'" + Name.str() + "' is created here"});
      } else {
        continue;
      }
      D.Notes.push_back({W.Loc, "'" + Short + "' is handed to '" + W.Api +
                                    "' here"});
      U.Diagnostics.push_back(std::move(D));
    }
  }
}

void FactsEmitter::run() {
  moduleBlock(ts_tree_root_node(M.Tree), "", 0);
  // Function bodies, including nested ones found along the way.
  for (size_t I = 0; I < Deferred.size(); ++I) {
    DeferredBody D = Deferred[I];
    Scope Local;
    Local.Parent = ModuleScope.get();
    Local.Class = D.Class;
    Context C;
    C.Node = U.addFunction(D.Qualified, D.Qualified);
    C.S = &Local;
    bool Stop = false;
    functionBlock(C, field(D.Def, "body"), D.Qualified, 0, Stop);
  }
  checkParentOnlyState();
}

//===----------------------------------------------------------------------===//
// Public API
//===----------------------------------------------------------------------===//

bool isPythonInput(llvm::StringRef Path) {
  return Path.ends_with(".py") || llvm::sys::fs::is_directory(Path);
}

std::string moduleNameForPath(llvm::StringRef Path) {
  llvm::StringRef Stem = llvm::sys::path::stem(Path);
  llvm::SmallVector<std::string, 4> Parts;
  if (Stem != "__init__")
    Parts.push_back(Stem.str());
  llvm::SmallString<256> Dir(llvm::sys::path::parent_path(Path));
  for (unsigned Guard = 0; Guard < 64 && !Dir.empty(); ++Guard) {
    llvm::SmallString<256> Init(Dir);
    llvm::sys::path::append(Init, "__init__.py");
    if (!llvm::sys::fs::exists(Init))
      break;
    Parts.push_back(llvm::sys::path::filename(Dir).str());
    llvm::StringRef Parent = llvm::sys::path::parent_path(Dir);
    if (Parent == Dir)
      break;
    Dir = Parent;
  }
  std::reverse(Parts.begin(), Parts.end());
  return llvm::join(Parts, ".");
}

std::string resolveImportModule(llvm::StringRef Current, bool CurrentIsPackage,
                                unsigned Dots, llvm::StringRef Name) {
  if (Dots == 0)
    return Name.str();
  std::string Base = CurrentIsPackage ? Current.str() : moduleParent(Current);
  for (unsigned I = 1; I < Dots; ++I) {
    if (Base.empty())
      return "";
    Base = moduleParent(Base);
  }
  if (Base.empty())
    return "";
  return Name.empty() ? Base : Base + "." + Name.str();
}

GuardKind classifyGuard(llvm::StringRef Condition) {
  Module M;
  M.Source = ("if " + Condition + ":\n    pass\n").str();
  TSParser *Parser = ts_parser_new();
  ts_parser_set_language(Parser, tree_sitter_python());
  M.Tree = ts_parser_parse_string(Parser, nullptr, M.Source.data(),
                                  M.Source.size());
  ts_parser_delete(Parser);
  TSNode If = ts_node_named_child(ts_tree_root_node(M.Tree), 0);
  if (isNull(If) || type(If) != "if_statement")
    return GuardKind::None;
  return guardOf(M, field(If, "condition"));
}

namespace {

/// Collects '.py' files under a path, detecting symlink loops.
class FileFinder {
public:
  std::vector<std::string> Files;
  std::vector<std::string> Errors;
  std::set<std::string> InputsWithFiles;

  void add(const std::string &Path) {
    size_t Before = Files.size();
    addInput(Path);
    if (Files.size() != Before)
      InputsWithFiles.insert(Path);
  }

private:
  void addInput(const std::string &Path) {
    llvm::sys::fs::file_status Status;
    if (std::error_code EC = llvm::sys::fs::status(Path, Status)) {
      Errors.push_back("cannot read '" + Path + "': " + EC.message());
      return;
    }
    if (llvm::sys::fs::is_directory(Status)) {
      std::vector<std::string> Stack;
      walk(Path, Stack);
    } else {
      addFile(Path);
    }
  }

  void addFile(const std::string &Path) {
    llvm::SmallString<256> Real;
    if (llvm::sys::fs::real_path(Path, Real))
      Real = Path;
    if (SeenFiles.insert(Real.str().str()).second)
      Files.push_back(Path);
  }

  void walk(const std::string &Dir, std::vector<std::string> &Stack) {
    llvm::SmallString<256> Real;
    if (std::error_code EC = llvm::sys::fs::real_path(Dir, Real)) {
      Errors.push_back("cannot read '" + Dir + "': " + EC.message());
      return;
    }
    if (llvm::is_contained(Stack, Real.str())) {
      Errors.push_back("symlink loop: '" + Dir + "' leads back to '" +
                       Real.str().str() + "'; not followed");
      return;
    }
    if (!SeenDirs.insert(Real.str().str()).second)
      return;
    Stack.push_back(Real.str().str());
    std::vector<std::string> Entries;
    std::error_code EC;
    for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
         It.increment(EC))
      Entries.push_back(It->path());
    if (EC)
      Errors.push_back("cannot list '" + Dir + "': " + EC.message());
    std::sort(Entries.begin(), Entries.end());
    for (const std::string &Entry : Entries) {
      llvm::StringRef Name = llvm::sys::path::filename(Entry);
      if (Name.starts_with(".") || Name == "__pycache__")
        continue;
      llvm::sys::fs::file_status Status;
      if (std::error_code SEC = llvm::sys::fs::status(Entry, Status)) {
        if (Name.ends_with(".py") ||
            SEC == std::errc::too_many_symbolic_link_levels)
          Errors.push_back("cannot read '" + Entry + "': " + SEC.message());
        continue;
      }
      if (llvm::sys::fs::is_directory(Status))
        walk(Entry, Stack);
      else if (Name.ends_with(".py"))
        addFile(Entry);
    }
    Stack.pop_back();
  }

  std::set<std::string> SeenFiles, SeenDirs;
};

} // namespace

PythonResult analyzePython(const std::vector<std::string> &Paths,
                           const PythonOptions &Options) {
  PythonResult Result;
  FileFinder Finder;
  for (const std::string &Path : Paths)
    Finder.add(Path);
  Result.Errors = Finder.Errors;
  Result.InputsWithFiles = Finder.InputsWithFiles;

  Project P;
  for (const std::string &Sink : Options.UserSinks) {
    llvm::StringRef S = llvm::StringRef(Sink).trim();
    Project::UserSink User;
    auto [Name, Args] = S.split('(');
    User.Name = Name.trim().str();
    if (!Args.empty()) {
      auto [Key, Val] = Args.rtrim(")").split('=');
      User.Keyword = Key.trim().str();
      User.Value = Val.trim().str();
    }
    P.UserSinks.push_back(std::move(User));
  }

  TSParser *Parser = ts_parser_new();
  ts_parser_set_language(Parser, tree_sitter_python());
  for (const std::string &Path : Finder.Files) {
    if (std::optional<std::string> TooLarge =
            checkFileSize(Path, Options.MaxFileSize)) {
      Result.Errors.push_back(std::move(*TooLarge));
      continue;
    }
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
        llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                    /*RequiresNullTerminator=*/false);
    if (!Buffer) {
      Result.Errors.push_back("cannot read '" + Path +
                              "': " + Buffer.getError().message());
      continue;
    }
    llvm::StringRef Bytes = (*Buffer)->getBuffer();
    const llvm::UTF8 *Begin = Bytes.bytes_begin(), *Cursor = Begin;
    if (!llvm::isLegalUTF8String(&Cursor, Bytes.bytes_end())) {
      Result.Errors.push_back("'" + Path + "' is not valid UTF-8 (byte " +
                              std::to_string(Cursor - Begin) +
                              "); skipped");
      continue;
    }
    // CPython refuses source with a NUL byte, so such a module never runs.
    if (size_t Nul = Bytes.find('\0'); Nul != llvm::StringRef::npos) {
      Result.Errors.push_back("'" + Path + "' contains a NUL byte (byte " +
                              std::to_string(Nul) + "); skipped");
      continue;
    }
    // CPython skips a UTF-8 BOM, and so must columns (found by
    // test/reliability/encodings.test).
    Bytes.consume_front("\xef\xbb\xbf");
    auto M = std::make_unique<Module>();
    M->Path = Path;
    M->Name = moduleNameForPath(Path);
    M->IsPackage = llvm::sys::path::stem(Path) == "__init__";
    M->Source = Bytes.str();
    M->Tree = ts_parser_parse_string(Parser, nullptr, M->Source.data(),
                                     M->Source.size());
    if (!M->Tree) {
      Result.Errors.push_back("'" + Path + "' could not be parsed; skipped");
      continue;
    }
    TSNode Root = ts_tree_root_node(M->Tree);
    if (ts_node_has_error(Root)) {
      // Find the first error or missing node for the message.
      TSNode N = Root;
      while (true) {
        TSNode Next{};
        for (uint32_t I = 0, E = ts_node_child_count(N); I < E; ++I) {
          TSNode Ch = ts_node_child(N, I);
          if (ts_node_has_error(Ch) || ts_node_is_missing(Ch)) {
            Next = Ch;
            break;
          }
        }
        if (isNull(Next) || type(N) == "ERROR" || ts_node_is_missing(N))
          break;
        N = Next;
      }
      TSPoint Pt = ts_node_start_point(N);
      Result.Errors.push_back("'" + Path +
                              "' did not parse cleanly (syntax error at " +
                              std::to_string(Pt.row + 1) + ":" +
                              std::to_string(Pt.column + 1) +
                              "; analysed what parsed)");
    }
    M->Noqa = indexNoqa(M->Source);
    P.ByName[M->Name] = M.get();
    P.Modules.push_back(std::move(M));
  }
  ts_parser_delete(Parser);

  for (auto &M : P.Modules)
    BindingCollector(P, *M).run();
  for (auto &M : P.Modules) {
    FactsUnit &U = Result.Units.emplace_back();
    FactsEmitter E(P, *M, U);
    E.run();
    if (E.TooDeep)
      Result.Errors.push_back("'" + M->Path + "' nests deeper than " +
                              std::to_string(MaxDepth) +
                              " levels; analysed down to that depth");
  }
  Result.Modules = P.Modules.size();
  return Result;
}

} // namespace python
} // namespace spawnguard

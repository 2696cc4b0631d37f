//===- FactsEmitter.cpp - Phase 2: the walk in execution order ------------===//

#include "FactsEmitter.h"
#include "BindingCollector.h"
#include "MainGuard.h"
#include <set>

namespace spawnguard {
namespace python {

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

void FactsEmitter::expression(Context &C, TSNode N, unsigned Depth) {
  if (isNull(N))
    return;
  if (Depth > MaxDepth) {
    TooDeep = true;
    return;
  }
  llvm::StringRef T = type(N);
  // Code in these runs later, if ever.
  if (T == "lambda" || T == "function_definition" || T == "class_definition" ||
      T == "decorated_definition")
    return;
  if (T == "call")
    call(C, N);
  forEachNamedChild(N, [&](TSNode Child) { expression(C, Child, Depth + 1); });
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
    if (Val && SinkTable::object(Val->Kind).StartsOnEnter &&
        Val->Method != "fork")
      addSink(C, Expr, Val->Api + ".__enter__", startMethodDetail(Val->Method));
    if (!isNull(Target)) {
      TSNode Id = ts_node_named_child(Target, 0);
      if (!isNull(Id) && type(Id) == "identifier")
        bindName(*C.S, M.text(Id), Val);
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
          if (startsProcessPerCall(DQ))
            NestedSinkFunctions[Q] = DQ;
        }
    Deferred.push_back({Inner, Q, ClassQ, nullptr});
    Defs.try_emplace(Q, Definition{Inner, ClassQ});
    if (!C.ModuleLevel)
      C.S->Locals[Name] = Q;
    return;
  }
  // class_definition
  if (!C.ModuleLevel) {
    C.S->Locals[Name] = Q;
    LocalClasses.insert(Q);
  }
  TSNode Bases = field(Inner, "superclasses");
  if (!isNull(Bases))
    expression(C, Bases, Depth + 1);
  // Calling the class runs its __init__, its own or inherited.
  if (std::string InitQ = findMethod(Q, "__init__"); !InitQ.empty()) {
    FunctionIndex Class = U.addFunction(Q, Q);
    FunctionIndex Init = U.addFunction(InitQ, InitQ);
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
      std::string Base = fromImportModule(M, S);
      if (!Base.empty()) {
        Names.push_back(Base);
        for (TSNode N : fieldChildren(S, "name"))
          Names.push_back(
              Base + "." +
              M.text(type(N) == "aliased_import" ? field(N, "name") : N).str());
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
      bindValue(*C.S, A);
      TSNode L = field(A, "left"), R = unparen(field(A, "right"));
      if (!isNull(L) && type(L) == "identifier" && ClassQ.empty()) {
        llvm::StringRef Name = M.text(L);
        if (InGuard) {
          MainOnlyAssigned.try_emplace(Name, loc(L));
        } else {
          Unguarded.insert(Name);
          if (!isNull(R) && type(R) == "call") {
            std::string Q = resolveExpr(*C.S, field(R, "function"));
            static const char *const Sync[] = {"Queue",
                                               "SimpleQueue",
                                               "JoinableQueue",
                                               "Lock",
                                               "RLock",
                                               "Semaphore",
                                               "BoundedSemaphore",
                                               "Event",
                                               "Condition",
                                               "Barrier",
                                               "Value",
                                               "Array"};
            llvm::StringRef Short = llvm::StringRef(Q);
            if (Short.consume_front("multiprocessing.") &&
                llvm::is_contained(Sync, Short))
              ModuleSync[Name] = {Q, loc(R)};
            if (Q == "multiprocessing.Manager")
              ModuleManagers.insert(Name);
            // 'shared = manager.dict()': a proxy of a module-level manager,
            // which a spawned child would connect to a manager of its own.
            TSNode F = field(R, "function");
            if (type(F) == "attribute") {
              TSNode Obj = unparen(field(F, "object"));
              bool OfManager = (type(Obj) == "identifier" &&
                                ModuleManagers.contains(M.text(Obj))) ||
                               (type(Obj) == "call" &&
                                resolveExpr(*C.S, field(Obj, "function")) ==
                                    "multiprocessing.Manager");
              if (OfManager)
                ModuleSync[Name] = {"multiprocessing.Manager()." +
                                        M.text(field(F, "attribute")).str(),
                                    loc(R)};
            }
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
  if (T == "while_statement" || T == "try_statement" || T == "except_clause" ||
      T == "except_group_clause" || T == "else_clause" ||
      T == "finally_clause" || T == "block" || T == "match_statement" ||
      T == "case_clause") {
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
      bindValue(*C.S, A);
    return;
  }
  expression(C, S, Depth + 1);
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
  emitParentOnlyReads();
}

} // namespace python
} // namespace spawnguard

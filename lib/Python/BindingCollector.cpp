//===- BindingCollector.cpp - Phase 1: what a module binds ----------------===//

#include "BindingCollector.h"
#include "spawnguard/Python/PythonFrontEnd.h"

namespace spawnguard {
namespace python {

namespace {

class BindingCollector {
public:
  explicit BindingCollector(Module &M) : M(M) {}
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
      M.Functions.push_back(Q);
    } else if (T == "class_definition") {
      classDef(S, M.Name, /*TopLevel=*/true, Depth);
    } else if (T == "decorated_definition") {
      TSNode Def = field(S, "definition");
      statement(Def, Depth);
      if (!isNull(Def) && type(Def) == "function_definition")
        decorators(S, M.Name + "." + M.text(field(Def, "name")).str());
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
    ClassSummary &Info = M.Classes.emplace_back();
    Info.Name = Q;
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
      TSNode Decorated{};
      if (type(C) == "decorated_definition") {
        Decorated = C;
        C = field(C, "definition");
      }
      if (isNull(C))
        continue;
      if (type(C) == "function_definition") {
        std::string Method = Q + "." + M.text(field(C, "name")).str();
        M.Functions.push_back(Method);
        if (!isNull(Decorated))
          decorators(Decorated, Method);
      } else if (type(C) == "class_definition") {
        classDef(C, Q, false, Depth + 1);
      }
    }
  }

  /// Records the decorators of function \p Q, as spelled.
  void decorators(TSNode Decorated, const std::string &Q) {
    for (TSNode D : namedChildren(Decorated)) {
      if (type(D) != "decorator")
        continue;
      TSNode E = ts_node_named_child(D, 0);
      if (!isNull(E) && type(E) == "call")
        E = field(E, "function");
      std::string Raw = dottedText(M, E);
      if (!Raw.empty())
        M.Decorated.push_back({Q, Raw});
    }
  }

  void imports(TSNode S) {
    if (type(S) == "import_statement") {
      for (TSNode N : fieldChildren(S, "name")) {
        if (type(N) == "aliased_import") {
          M.Globals[M.text(field(N, "alias"))] = M.text(field(N, "name")).str();
        } else {
          llvm::StringRef Full = M.text(N);
          llvm::StringRef Head = Full.split('.').first;
          M.Globals[Head] = Head.str();
        }
      }
      return;
    }
    std::string Base = fromImportModule(M, S);
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

  Module &M;
};

} // namespace

void collectBindings(Module &M) { BindingCollector(M).run(); }

std::string fromImportModule(const Module &M, TSNode S) {
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

} // namespace python
} // namespace spawnguard

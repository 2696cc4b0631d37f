//===- ParentOnlyReads.cpp - Phase 2: SG204, state only the parent has ----===//

#include "FactsEmitter.h"

namespace spawnguard {
namespace python {

/// SG204, this module's half: every read, in a function or method of this
/// module, of a global that a spawned child does not share with its parent.
/// Each becomes a sink that only Worker roots report, so a worker handed
/// over in any module reaches it through the functions it calls.
void FactsEmitter::emitParentOnlyReads() {
  if (MainOnlyAssigned.empty() && ModuleSync.empty())
    return;
  // Names some function declares 'global' may be bound in any process that
  // runs the function (a pool initializer, say): not parent-only.
  llvm::StringSet<> DeclaredGlobal;
  struct Scan {
    const DeferredBody *Body;
    llvm::StringSet<> Local;
    std::vector<std::pair<llvm::StringRef, TSNode>> Reads;
  };
  std::vector<Scan> Scans;
  for (const DeferredBody &D : Deferred) {
    // A nested function also reads its enclosing function's locals.
    if (llvm::StringRef(D.Qualified).contains(".<locals>."))
      continue;
    Scan &Sc = Scans.emplace_back();
    Sc.Body = &D;
    std::vector<TSNode> Work{field(D.Def, "parameters"), field(D.Def, "body")};
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
            Sc.Local.insert(M.text(N));
          else
            Sc.Reads.push_back({M.text(N), N});
          continue;
        }
        if (T == "global_statement") {
          for (TSNode G : namedChildren(N))
            DeclaredGlobal.insert(M.text(G));
          continue;
        }
        if (T == "assignment" || T == "augmented_assignment" ||
            T == "for_statement" || T == "for_in_clause") {
          TSNode L = field(N, "left");
          if (!isNull(L) && type(L) == "identifier")
            Sc.Local.insert(M.text(L));
        }
        if (T == "attribute") {
          Stack.push_back(field(N, "object"));
          continue;
        }
        if (T == "keyword_argument") {
          Stack.push_back(field(N, "value"));
          continue;
        }
        for (uint32_t I = ts_node_named_child_count(N); I-- > 0;)
          Stack.push_back(ts_node_named_child(N, I));
      }
      InParams = false;
    }
  }
  for (Scan &Sc : Scans) {
    Context C;
    C.Node = U.addFunction(Sc.Body->Qualified, Sc.Body->Qualified);
    llvm::StringSet<> Done;
    for (auto &[Name, Node] : Sc.Reads) {
      if (Sc.Local.contains(Name) || DeclaredGlobal.contains(Name) ||
          !Done.insert(Name).second)
        continue;
      std::string Detail;
      DiagnosticNote Origin;
      if (auto A = MainOnlyAssigned.find(Name); A != MainOnlyAssigned.end() &&
                                                !Unguarded.contains(Name) &&
                                                !NotMainOnly.contains(Name)) {
        Detail = "reads global '" + Name.str() +
                 "', which is bound only under the main guard; in a spawned "
                 "child it does not exist";
        Origin = {A->second, "'" + Name.str() + "' is bound here"};
      } else if (auto S = ModuleSync.find(Name); S != ModuleSync.end()) {
        Detail = "uses module-level '" + Name.str() + "' ('" + S->second.Api +
                 "') as a global; a spawned child creates its own, separate "
                 "object when it imports the module; pass it as an argument";
        Origin = {S->second.Loc, "'" + Name.str() + "' is created here"};
      } else {
        continue;
      }
      addSink(C, Node, Name, Detail, SinkAction::ReadsParentOnlyState,
              {Origin});
    }
  }
}

} // namespace python
} // namespace spawnguard

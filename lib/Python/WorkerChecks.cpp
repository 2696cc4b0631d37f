//===- WorkerChecks.cpp - Phase 2: SG203, workers a child can import ------===//

#include "FactsEmitter.h"
#include "llvm/ADT/STLExtras.h"
#include <tuple>

namespace spawnguard {
namespace python {

void FactsEmitter::checkWorker(Context &C, TSNode Worker, llvm::StringRef Api,
                               llvm::StringRef Method, unsigned Depth) {
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
  // A class of this module that a child cannot import: a nested one, or
  // one defined only under the main guard.
  auto Unimportable = [&](const std::string &ClassQ,
                          llvm::StringRef What) -> bool {
    if (llvm::StringRef(ClassQ).contains(".<locals>.")) {
      D.Message = Prefix + What.str() + " nested class '" + ClassQ + "'" +
                  ", which a child process cannot unpickle; define it at "
                  "module level";
      return true;
    }
    llvm::StringRef Module, Name;
    std::tie(Module, Name) = llvm::StringRef(ClassQ).rsplit('.');
    auto It = MainOnlyDefs.find(Name);
    if (Module != M.Name || It == MainOnlyDefs.end() ||
        NotMainOnly.contains(Name))
      return false;
    D.Message = Prefix + What.str() + " class '" + Name.str() +
                "', which is defined only under the main guard; a spawned "
                "child imports the main module as '__mp_main__' and does not "
                "find it";
    D.Notes.push_back({It->second, "'" + Name.str() + "' is defined here"});
    return true;
  };
  if (type(Worker) == "lambda") {
    D.Message = Prefix + "a lambda" + Why;
  } else if (type(Worker) == "call") {
    std::string Fn = resolveExpr(*C.S, field(Worker, "function"));
    if (Fn == "functools.partial") {
      checkWorker(C, firstPositional(Worker), Api, Method, Depth + 1);
      return;
    }
    std::optional<Value> Made = valueOf(*C.S, Worker);
    if (!Made || Made->Kind != ObjectKind::Instance ||
        !Unimportable(Made->Class, "an instance of"))
      return;
  } else if (type(Worker) == "identifier") {
    llvm::StringRef Name = M.text(Worker);
    std::optional<std::string> Local = C.S->local(Name);
    std::optional<Value> Held = valueOf(*C.S, Worker);
    if (Local && llvm::StringRef(*Local).contains(".<locals>.")) {
      D.Message = Prefix + "nested function '" + *Local + "'" + Why;
    } else if (auto It = MainOnlyDefs.find(Name); It != MainOnlyDefs.end() &&
                                                  !NotMainOnly.contains(Name) &&
                                                  !Local) {
      D.Message = Prefix + "'" + Name.str() +
                  "', which is defined only under the main guard; a spawned "
                  "child imports the main module as '__mp_main__' and does "
                  "not find it";
      D.Notes.push_back({It->second, "'" + Name.str() + "' is defined here"});
    } else if (Held && Held->Kind == ObjectKind::Instance) {
      if (!Unimportable(Held->Class, "an instance of"))
        return;
    } else {
      std::string Q = resolveExpr(*C.S, Worker);
      if (P.Functions.contains(Q))
        addWorkerRoot(Q, Api, Method, Worker);
      return;
    }
  } else if (type(Worker) == "attribute") {
    // 'tasks.work': a function of another module.
    std::string Q = resolveExpr(*C.S, Worker);
    if (P.Functions.contains(Q))
      addWorkerRoot(Q, Api, Method, Worker);
    return;
  } else {
    return;
  }
  U.Diagnostics.push_back(std::move(D));
}

void FactsEmitter::checkWorkers(Context &C, TSNode Call) {
  Scope &S = *C.S;
  if (std::optional<SinkMatch> Made = matchOf(S, Call);
      Made && Made->Method != "fork")
    for (llvm::StringRef Arg : Made->Spec->Workers)
      checkWorker(C, Arg == "0" ? firstPositional(Call) : keywordArg(Call, Arg),
                  Made->Shown, Made->Method);
  TSNode Fn = field(Call, "function");
  if (type(Fn) != "attribute")
    return;
  std::optional<Value> Obj = valueOf(S, field(Fn, "object"));
  llvm::StringRef Attr = M.text(field(Fn, "attribute"));
  if (Obj && Obj->Method != "fork" &&
      llvm::is_contained(SinkTable::object(Obj->Kind).WorkerMethods, Attr))
    checkWorker(C, firstPositional(Call), Obj->Api + "." + Attr.str(),
                Obj->Method);
}

} // namespace python
} // namespace spawnguard

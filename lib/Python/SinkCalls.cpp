//===- SinkCalls.cpp - Phase 2: calls that start processes ----------------===//

#include "FactsEmitter.h"
#include "llvm/ADT/STLExtras.h"

namespace spawnguard {
namespace python {

void FactsEmitter::methodCall(Context &C, TSNode Call, const Value &V,
                              llvm::StringRef Attr) {
  if (V.Kind == ObjectKind::Instance) {
    std::string Method = findMethod(V.Class, Attr);
    if (!Method.empty())
      addCall(C, Call, Method);
    return;
  }
  if (V.Kind == ObjectKind::Context) {
    if (std::optional<SinkMatch> Match =
            matchApi(*C.S, Call, "multiprocessing." + Attr.str(), &V.Method);
        Match && Match->createsNow())
      addSink(C, Call, Match->Shown + Match->Spec->Qualifier.str(),
              startMethodDetail(Match->Method));
    return;
  }
  if (V.Method == "fork")
    return; // no re-import of the main module
  if (llvm::is_contained(SinkTable::object(V.Kind).StartMethods, Attr))
    addSink(C, Call, V.Api + "." + Attr.str() + V.Qualifier,
            startMethodDetail(V.Method));
}

void FactsEmitter::callValue(Context &C, TSNode Call, const Value &V) {
  if (V.Kind == ObjectKind::Instance) {
    std::string Method = findMethod(V.Class, "__call__");
    if (!Method.empty())
      addCall(C, Call, Method);
    return;
  }
  if (SinkTable::object(V.Kind).StartsOnCall && V.Method != "fork")
    addSink(C, Call, V.Api + V.Qualifier, startMethodDetail(V.Method));
}

void FactsEmitter::forIterable(Context &C, TSNode Iterable) {
  std::optional<Value> V = valueOf(*C.S, Iterable);
  if (V && SinkTable::object(V->Kind).StartsOnIteration && V->Method != "fork")
    addSink(C, Iterable, V->Api + ".__iter__", startMethodDetail(V->Method));
}

/// True if module \p M imports \p Library (or something in it).
static bool importsLibrary(const Module &M, llvm::StringRef Library) {
  for (const auto &G : M.Globals) {
    llvm::StringRef Target = G.second;
    if (Target == Library ||
        (Target.starts_with(Library) && Target[Library.size()] == '.'))
      return true;
  }
  return false;
}

void FactsEmitter::call(Context &C, TSNode Call) {
  Scope &S = *C.S;
  TSNode Fn = field(Call, "function");
  if (isNull(Fn))
    return;

  // SG203: what is handed to a process API must be importable by name.
  checkWorkers(C, Call);

  // Calling a value: Parallel(...)(...), an instance's __call__.
  if (std::optional<Value> V = valueOf(S, Fn)) {
    callValue(C, Call, *V);
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
      if (Ex && Ex->Kind == ObjectKind::Executor && Ex->Method != "fork")
        addSink(C, Call, "asyncio.loop.run_in_executor",
                startMethodDetail(Ex->Method));
      return;
    }
    // Methods recognised by name apply to objects that are not known names.
    if (resolveExpr(S, Obj).empty())
      for (const MethodSinkSpec &Spec : SinkTable::methodSinks())
        if (Spec.Method == Attr &&
            Spec.Condition.holds(
                argValue(S, keywordArg(Call, Spec.Condition.Keyword))) &&
            (Spec.Import.empty() || importsLibrary(M, Spec.Import))) {
          addSink(C, Call, Spec.Shown, startMethodDetail(Spec.StartMethod));
          break;
        }
  }

  std::string Raw = dottedText(M, Fn);
  std::string Q = resolve(S, Raw);
  if (Q.empty()) {
    // Builtins that iterate a DataLoader.
    if (Raw == "iter" || Raw == "enumerate" || Raw == "list" || Raw == "next" ||
        Raw == "zip")
      forIterable(C, firstPositional(Call));
    return;
  }

  // SG205: only module-level roots report it, through any chain of calls.
  // With force=True a second call replaces the method instead of failing.
  if (Q == "multiprocessing.set_start_method") {
    if (argValue(S, keywordArg(Call, "force")).Kind != ArgValue::True)
      addSink(C, Call, Q, "", SinkAction::SetsStartMethod);
    return;
  }
  if (P.Sinks.knows(Q)) {
    if (std::optional<SinkMatch> Match = matchApi(S, Call, Q, nullptr);
        Match && Match->createsNow())
      addSink(C, Call, Match->Shown + Match->Spec->Qualifier.str(),
              startMethodDetail(Match->Method));
    return;
  }
  if (auto It = P.SinkFunctions.find(Q); It != P.SinkFunctions.end()) {
    addSink(C, Call, It->second);
    return;
  }
  if (auto It = NestedSinkFunctions.find(Q); It != NestedSinkFunctions.end()) {
    addSink(C, Call, It->second);
    return;
  }

  // Calls into analysed code.
  if (P.Functions.contains(Q) || P.Classes.count(Q))
    addCall(C, Call, Q);
}

} // namespace python
} // namespace spawnguard

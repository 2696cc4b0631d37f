//===- ValueTracking.cpp - Phase 2: what variables hold -------------------===//

#include "FactsEmitter.h"
#include "llvm/ADT/STLExtras.h"

namespace spawnguard {
namespace python {

void bindName(Scope &S, llvm::StringRef Name, const std::optional<Value> &V) {
  if (V)
    S.Values[Name] = *V;
  else if (S.Parent)
    S.Values[Name] = Value{};
  else
    S.Values.erase(Name);
}

ArgValue FactsEmitter::argValue(const Scope &S, TSNode V) const {
  ArgValue Out;
  V = unparen(V);
  if (isNull(V))
    return Out;
  Out.Spelling = M.text(V).str();
  llvm::StringRef T = type(V);
  if (std::optional<std::string> Str = stringValue(M, V)) {
    Out.Kind = ArgValue::String;
    Out.Text = *Str;
  } else if (T == "false" || T == "none" ||
             (T == "integer" && Out.Spelling == "0")) {
    Out.Kind = ArgValue::Falsy;
  } else if (T == "integer" && Out.Spelling == "1") {
    Out.Kind = ArgValue::One;
  } else if (T == "true") {
    Out.Kind = ArgValue::True;
  } else if (std::optional<Value> Val = valueOf(S, V);
             Val && Val->Kind == ObjectKind::Context) {
    Out.Kind = ArgValue::StartMethod;
    Out.Text = Val->Method;
  } else {
    Out.Kind = ArgValue::Other;
  }
  return Out;
}

std::optional<Value> FactsEmitter::valueOf(const Scope &S, TSNode N) const {
  N = unparen(N);
  if (isNull(N))
    return std::nullopt;
  llvm::StringRef T = type(N);
  if (T == "identifier") {
    if (const Value *V = S.find(M.text(N)))
      return V->Kind == ObjectKind::None ? std::nullopt
                                         : std::optional<Value>(*V);
    if (M.text(N) == "self" && !S.Class.empty())
      return Value{ObjectKind::Instance, "", "", "", S.Class};
    return std::nullopt;
  }
  if (T == "attribute") {
    // 'self.pool' or 'obj.pool' for an instance of a class of this module.
    std::optional<Value> Obj = valueOf(S, field(N, "object"));
    if (Obj && Obj->Kind == ObjectKind::Instance)
      return attributeValue(Obj->Class, M.text(field(N, "attribute")));
    return std::nullopt;
  }
  if (T == "call")
    return valueOfCall(S, N);
  return std::nullopt;
}

std::optional<SinkMatch>
FactsEmitter::matchApi(const Scope &S, TSNode Call, llvm::StringRef Api,
                       const std::string *ContextMethod) const {
  std::optional<SinkMatch> Match =
      P.Sinks.match(Api, [&](llvm::StringRef Keyword, bool First) {
        return argValue(S, First ? firstPositional(Call)
                                 : keywordArg(Call, Keyword));
      });
  // 'ctx.Pool()': the context decides the start method.
  if (Match && ContextMethod)
    Match->Method = *ContextMethod;
  return Match;
}

std::optional<SinkMatch> FactsEmitter::matchOf(const Scope &S,
                                               TSNode Call) const {
  TSNode Fn = field(Call, "function");
  if (isNull(Fn))
    return std::nullopt;
  // A context's attributes are multiprocessing's: 'ctx.Process(...)'.
  if (type(Fn) == "attribute") {
    if (std::optional<Value> Obj = valueOf(S, field(Fn, "object"))) {
      if (Obj->Kind != ObjectKind::Context)
        return std::nullopt;
      return matchApi(S, Call,
                      "multiprocessing." + M.text(field(Fn, "attribute")).str(),
                      &Obj->Method);
    }
  }
  std::string Q = resolveExpr(S, Fn);
  if (Q.empty())
    return std::nullopt;
  if (P.Sinks.knows(Q))
    return matchApi(S, Call, Q, nullptr);
  // A project class deriving from a process API class behaves like it.
  if (P.Classes.count(Q))
    for (const SinkSpec *Base : P.Sinks.subclassable())
      if (derivesFrom(Q, Base->Api))
        return matchApi(S, Call, Base->Api, nullptr);
  return std::nullopt;
}

std::optional<Value> FactsEmitter::valueOfCall(const Scope &S,
                                               TSNode Call) const {
  if (std::optional<SinkMatch> Match = matchOf(S, Call)) {
    if (Match->Spec->Makes == ObjectKind::None)
      return std::nullopt;
    return Value{Match->Spec->Makes, Match->Shown, Match->Spec->Qualifier.str(),
                 Match->Method, ""};
  }
  TSNode Fn = field(Call, "function");
  // 'obj.make()' / 'self.make()': what the method returns.
  if (type(Fn) == "attribute") {
    std::optional<Value> Obj = valueOf(S, field(Fn, "object"));
    if (!Obj)
      return std::nullopt;
    if (Obj->Kind != ObjectKind::Instance)
      return std::nullopt;
    std::string Method = findMethod(Obj->Class, M.text(field(Fn, "attribute")));
    return Method.empty() ? std::nullopt : returnValue(Method);
  }
  std::string Q = resolveExpr(S, Fn);
  if (Q.empty())
    return std::nullopt;
  if (P.Classes.count(Q) || LocalClasses.contains(Q))
    return Value{ObjectKind::Instance, "", "", "", Q};
  return returnValue(Q);
}

std::string FactsEmitter::findMethod(const std::string &ClassQ,
                                     llvm::StringRef Name,
                                     unsigned Depth) const {
  std::string Own = ClassQ + "." + Name.str();
  if (P.Functions.contains(Own))
    return Own;
  if (Depth > 16)
    return "";
  // Bases left to right, depth first: Python's MRO for the usual shapes.
  for (const std::string &Base : basesOf(ClassQ)) {
    std::string Found = findMethod(Base, Name, Depth + 1);
    if (!Found.empty())
      return Found;
  }
  return "";
}

/// Two values a variable may hold are the same for the analysis.
static bool sameValue(const Value &A, const Value &B) {
  return A.Kind == B.Kind && A.Api == B.Api && A.Qualifier == B.Qualifier &&
         A.Method == B.Method && A.Class == B.Class;
}

/// Merges one more possible value into \p Into: values that disagree, or
/// an unknown one, make the result unknown. 'None' is skipped: a method
/// called on it would fail anyway.
static void mergeValue(std::optional<std::optional<Value>> &Into,
                       const std::optional<Value> &V) {
  if (!Into)
    Into = V;
  else if (*Into && (!V || !sameValue(**Into, *V)))
    *Into = std::nullopt;
}

void FactsEmitter::simulate(TSNode Block, Scope &S,
                            llvm::function_ref<void(TSNode)> Visit,
                            unsigned Depth) const {
  if (isNull(Block) || Depth > MaxDepth)
    return;
  for (TSNode St : namedChildren(Block)) {
    llvm::StringRef T = type(St);
    if (T == "function_definition" || T == "class_definition" ||
        T == "decorated_definition")
      continue;
    if (T == "expression_statement" || T == "return_statement") {
      TSNode A = ts_node_named_child(St, 0);
      if (T == "expression_statement" && !isNull(A) && type(A) == "assignment")
        bindValue(S, A);
      Visit(St);
      continue;
    }
    for (TSNode Ch : namedChildren(St)) {
      llvm::StringRef CT = type(Ch);
      if (CT == "block")
        simulate(Ch, S, Visit, Depth + 1);
      else if (CT == "else_clause" || CT == "elif_clause" ||
               CT == "except_clause" || CT == "finally_clause" ||
               CT == "except_group_clause" || CT == "case_clause")
        simulate(Ch, S, Visit, Depth + 1);
    }
  }
}

std::optional<Value>
FactsEmitter::returnValue(const std::string &Function) const {
  auto Def = Defs.find(Function);
  if (Def == Defs.end())
    return std::nullopt;
  auto [Memo, Inserted] = Returns.try_emplace(Function, std::nullopt);
  if (!Inserted)
    return Memo->second; // known, or being computed (recursion): unknown
  Scope Local;
  Local.Parent = ModuleScope.get();
  Local.Class = Def->second.Class;
  std::optional<std::optional<Value>> Result;
  simulate(
      field(Def->second.Node, "body"), Local,
      [&](TSNode St) {
        if (type(St) != "return_statement")
          return;
        TSNode E = unparen(ts_node_named_child(St, 0));
        if (isNull(E) || type(E) == "none")
          return;
        mergeValue(Result, valueOf(Local, E));
      },
      0);
  std::optional<Value> Out = Result ? *Result : std::nullopt;
  Returns[Function] = Out;
  return Out;
}

std::optional<Value> FactsEmitter::attributeValue(const std::string &ClassQ,
                                                  llvm::StringRef Attr,
                                                  unsigned Depth) const {
  if (Depth > 16)
    return std::nullopt;
  if (ClassAttributes.try_emplace(ClassQ).second) {
    // Every 'self.X = ...' in the methods of the class, in this module.
    llvm::StringMap<std::optional<std::optional<Value>>> Merged;
    for (const auto &[Name, Def] : Defs) {
      if (Def.Class != ClassQ)
        continue;
      Scope Local;
      Local.Parent = ModuleScope.get();
      Local.Class = ClassQ;
      simulate(
          field(Def.Node, "body"), Local,
          [&](TSNode St) {
            TSNode A = ts_node_named_child(St, 0);
            if (isNull(A) || type(A) != "assignment")
              return;
            TSNode L = field(A, "left"), R = unparen(field(A, "right"));
            if (isNull(L) || type(L) != "attribute" || isNull(R) ||
                M.text(field(L, "object")) != "self" || type(R) == "none")
              return;
            mergeValue(Merged[M.text(field(L, "attribute"))],
                       valueOf(Local, R));
          },
          0);
    }
    for (auto &[Name, V] : Merged)
      ClassAttributes[ClassQ][Name] = V ? *V : std::nullopt;
  }
  const auto &Known = ClassAttributes[ClassQ];
  if (auto It = Known.find(Attr); It != Known.end())
    return It->second;
  // Not assigned in this class: a base class of this module may.
  for (const std::string &Base : basesOf(ClassQ)) {
    auto BaseInfo = P.Classes.find(Base);
    if (BaseInfo != P.Classes.end() && BaseInfo->second.Module == M.Name)
      if (std::optional<Value> V = attributeValue(Base, Attr, Depth + 1))
        return V;
  }
  return std::nullopt;
}

void FactsEmitter::bindValue(Scope &S, TSNode A) const {
  TSNode L = field(A, "left"), R = field(A, "right");
  if (isNull(L) || type(L) != "identifier")
    return;
  bindName(S, M.text(L), isNull(R) ? std::nullopt : valueOf(S, R));
}

} // namespace python
} // namespace spawnguard

//===- Project.cpp - The summaries of a run, merged -----------------------===//

#include "Project.h"
#include "llvm/ADT/STLExtras.h"

namespace spawnguard {
namespace python {

/// Maps the drop-in replacements of multiprocessing onto it.
static std::string canonicalLibraryName(std::string Name) {
  static const char *const DropIns[] = {"torch.multiprocessing", "multiprocess",
                                        "billiard"};
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

bool startsProcessPerCall(llvm::StringRef Decorator) {
  return Decorator == "pebble.concurrent.process" ||
         Decorator == "pebble.asynchronous.process";
}

void Project::add(const ModuleSummary &S) {
  ByName[S.Name] = &S;
  for (const std::string &F : S.Functions)
    Functions.insert(F);
  for (const ClassSummary &C : S.Classes) {
    ClassInfo &Info = Classes[C.Name];
    Info.Module = S.Name;
    llvm::append_range(Info.RawBases, C.RawBases);
  }
}

void Project::resolveDecorators(
    llvm::ArrayRef<const ModuleSummary *> Summaries) {
  for (const ModuleSummary *S : Summaries)
    for (const DecoratedFunction &D : S->Decorated) {
      std::string Q = resolveGlobal(*S, D.RawDecorator);
      if (startsProcessPerCall(Q))
        SinkFunctions[D.Function] = Q;
    }
}

std::string Project::resolveGlobal(const ModuleSummary &M,
                                   llvm::StringRef Dotted,
                                   unsigned Depth) const {
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

std::string Project::canonical(std::string Q, unsigned Depth) const {
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
      const ModuleSummary &M = *It->second;
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

} // namespace python
} // namespace spawnguard

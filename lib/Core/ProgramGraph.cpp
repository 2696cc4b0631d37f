//===- ProgramGraph.cpp ---------------------------------------------------===//

#include "spawnguard/Core/ProgramGraph.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <algorithm>
#include <tuple>

namespace spawnguard {

uint32_t ProgramGraph::internFile(llvm::StringRef Path) {
  auto [It, Inserted] = FileIds.try_emplace(Path, Files.size());
  if (Inserted)
    Files.push_back(Path.str());
  return It->second;
}

ProgramGraph::NodeId ProgramGraph::internNode(const FunctionFact &Fact) {
  auto [It, Inserted] = NodeIds.try_emplace(Fact.Id, Nodes.size());
  if (Inserted) {
    Node &N = Nodes.emplace_back();
    N.Id = Fact.Id;
    N.Name = Fact.Name;
    N.Kind = Fact.Kind;
  }
  return It->second;
}

void ProgramGraph::addUnit(const FactsUnit &Unit) {
  std::vector<uint32_t> FileMap;
  FileMap.reserve(Unit.Files.size());
  for (const std::string &Path : Unit.Files)
    FileMap.push_back(internFile(Path));
  std::vector<NodeId> NodeMap;
  NodeMap.reserve(Unit.Functions.size());
  for (const FunctionFact &Fact : Unit.Functions)
    NodeMap.push_back(internNode(Fact));

  auto Loc = [&](const FactLocation &L) {
    return Location{FileMap[L.File], L.Line, L.Column};
  };

  for (const CallFact &Call : Unit.Calls) {
    NodeId Callee = NodeMap[Call.Callee];
    Nodes[NodeMap[Call.Caller]].Edges.push_back(
        {Callee, Call.Kind, Loc(Call.Loc), Callee, false});
  }
  for (const SinkCallFact &Sink : Unit.SinkCalls)
    Nodes[NodeMap[Sink.Caller]].Sinks.push_back(
        {Sink.Api, Sink.Action, Loc(Sink.Loc), Sink.Suppressions, {},
         Sink.Detail, Sink.DefaultStartMethod});
  for (const SinkArgumentFact &S : Unit.SinkArguments) {
    NodeId Callee = NodeMap[S.Callee];
    SinkArguments.push_back(
        {NodeMap[S.Caller],
         {Callee, S.Param},
         {S.Api, S.Action, Loc(S.Loc), S.Suppressions, Callee, {}}});
  }
  for (const RootFact &Root : Unit.Roots)
    Roots.push_back({Root.Kind, NodeMap[Root.Node], Root.Subject, Root.Detail,
                     Loc(Root.Loc), Root.Suppressions});
  for (const ImportFact &I : Unit.Imports)
    Imports[I.Module].push_back({I.Importer, Loc(I.Loc)});
  for (const DiagnosticFact &D : Unit.Diagnostics) {
    Diagnostic &Out = Diagnostics.emplace_back();
    Out.Rule = D.Rule;
    Out.Loc = Loc(D.Loc);
    Out.Message = D.Message;
    for (const DiagnosticNote &N : D.Notes)
      Out.Notes.emplace_back(Loc(N.Loc), N.Message);
    Out.Suppressions = D.Suppressions;
    Out.DefaultStartMethod = D.DefaultStartMethod;
  }
  for (const OverrideFact &O : Unit.Overrides)
    Overrides.emplace_back(NodeMap[O.Method], NodeMap[O.Overridden]);
  for (const ArgumentFact &A : Unit.Arguments)
    Arguments.push_back({NodeMap[A.Caller], NodeMap[A.Callee], A.Param,
                         NodeMap[A.Target], Loc(A.Loc)});
  for (const ParamCallFact &P : Unit.ParamCalls)
    ParamCalls.push_back({NodeMap[P.Function], P.Param});
  for (const ParamForwardFact &F : Unit.ParamForwards)
    ParamForwards.push_back({{NodeMap[F.Function], F.Param},
                             {NodeMap[F.Callee], F.CalleeParam}});
}

void ProgramGraph::addOverriderEdges() {
  llvm::DenseMap<NodeId, std::vector<NodeId>> DirectOverriders;
  for (auto [Method, Overridden] : Overrides)
    DirectOverriders[Overridden].push_back(Method);
  if (DirectOverriders.empty())
    return;

  // Every overrider, however deep in the hierarchy, is a possible target.
  auto AllOverriders = [&](NodeId Method) {
    std::vector<NodeId> Result, Work{Method};
    llvm::DenseSet<NodeId> Seen{Method};
    while (!Work.empty()) {
      NodeId Current = Work.back();
      Work.pop_back();
      auto It = DirectOverriders.find(Current);
      if (It == DirectOverriders.end())
        continue;
      for (NodeId Overrider : It->second)
        if (Seen.insert(Overrider).second) {
          Result.push_back(Overrider);
          Work.push_back(Overrider);
        }
    }
    return Result;
  };

  for (Node &N : Nodes) {
    std::vector<Edge> Dispatch;
    for (const Edge &E : N.Edges)
      if (E.Kind == EdgeKind::VirtualCall && E.Via == E.Callee)
        for (NodeId Overrider : AllOverriders(E.Callee))
          Dispatch.push_back(
              {Overrider, EdgeKind::VirtualCall, E.Loc, E.Callee, false});
    N.Edges.insert(N.Edges.end(), Dispatch.begin(), Dispatch.end());
  }
}

void ProgramGraph::addArgumentEdges() {
  if (Arguments.empty() && SinkArguments.empty())
    return;
  auto Key = [](ParamRef P) {
    return (static_cast<uint64_t>(P.Function) << 32) | P.Param;
  };

  // A parameter is called if the function calls it, or passes it on to a
  // parameter that is called. Propagate backwards along the forwards.
  llvm::DenseMap<uint64_t, std::vector<ParamRef>> ForwardedFrom;
  for (const PendingForward &F : ParamForwards)
    ForwardedFrom[Key(F.To)].push_back(F.From);
  llvm::DenseSet<uint64_t> Called;
  std::vector<ParamRef> Work;
  for (ParamRef P : ParamCalls)
    if (Called.insert(Key(P)).second)
      Work.push_back(P);
  while (!Work.empty()) {
    ParamRef P = Work.back();
    Work.pop_back();
    auto It = ForwardedFrom.find(Key(P));
    if (It == ForwardedFrom.end())
      continue;
    for (ParamRef From : It->second)
      if (Called.insert(Key(From)).second)
        Work.push_back(From);
  }

  for (const PendingArgument &A : Arguments)
    if (Called.contains(Key({A.Callee, A.Param})))
      Nodes[A.Caller].Edges.push_back(
          {A.Target, EdgeKind::IndirectCall, A.Loc, A.Callee, true});
  for (PendingSinkArgument &S : SinkArguments)
    if (Called.contains(Key(S.Param)))
      Nodes[S.Caller].Sinks.push_back(std::move(S.Call));
}

bool ProgramGraph::lessLocation(const Location &A, const Location &B) const {
  return std::make_tuple(llvm::StringRef(Files[A.File]), A.Line, A.Column) <
         std::make_tuple(llvm::StringRef(Files[B.File]), B.Line, B.Column);
}

void ProgramGraph::finalize() {
  addOverriderEdges();
  addArgumentEdges();

  // Order everything by content (paths and ids), never by the order units
  // arrived in, so that traces are the same for every -j.
  auto EdgeKey = [&](const Edge &E) {
    return std::make_tuple(llvm::StringRef(Files[E.Loc.File]), E.Loc.Line,
                           E.Loc.Column, llvm::StringRef(Nodes[E.Callee].Id),
                           E.Kind, llvm::StringRef(Nodes[E.Via].Id),
                           E.ThroughArgument);
  };
  auto SinkKey = [&](const Sink &S) {
    return std::make_tuple(llvm::StringRef(Files[S.Loc.File]), S.Loc.Line,
                           S.Loc.Column, llvm::StringRef(S.Api));
  };
  for (Node &N : Nodes) {
    std::sort(N.Edges.begin(), N.Edges.end(),
              [&](const Edge &A, const Edge &B) {
                return EdgeKey(A) < EdgeKey(B);
              });
    N.Edges.erase(std::unique(N.Edges.begin(), N.Edges.end(),
                              [&](const Edge &A, const Edge &B) {
                                return EdgeKey(A) == EdgeKey(B);
                              }),
                  N.Edges.end());
    std::sort(N.Sinks.begin(), N.Sinks.end(),
              [&](const Sink &A, const Sink &B) {
                return SinkKey(A) < SinkKey(B);
              });
    N.Sinks.erase(std::unique(N.Sinks.begin(), N.Sinks.end(),
                              [&](const Sink &A, const Sink &B) {
                                return SinkKey(A) == SinkKey(B);
                              }),
                  N.Sinks.end());
  }

  auto RootKey = [&](const Root &R) {
    return std::make_tuple(llvm::StringRef(Files[R.Loc.File]), R.Loc.Line,
                           R.Loc.Column, R.Kind,
                           llvm::StringRef(Nodes[R.Node].Id),
                           llvm::StringRef(R.Subject));
  };
  std::sort(Roots.begin(), Roots.end(), [&](const Root &A, const Root &B) {
    return RootKey(A) < RootKey(B);
  });
  Roots.erase(std::unique(Roots.begin(), Roots.end(),
                          [&](const Root &A, const Root &B) {
                            return RootKey(A) == RootKey(B);
                          }),
              Roots.end());

  auto ImportKey = [&](const Import &I) {
    return std::make_tuple(llvm::StringRef(Files[I.Loc.File]), I.Loc.Line,
                           I.Loc.Column, llvm::StringRef(I.Importer));
  };
  for (auto &Entry : Imports) {
    std::vector<Import> &List = Entry.second;
    std::sort(List.begin(), List.end(), [&](const Import &A, const Import &B) {
      return ImportKey(A) < ImportKey(B);
    });
  }

  Overrides.clear();
  Arguments.clear();
  ParamCalls.clear();
  ParamForwards.clear();
  SinkArguments.clear();
}

void ProgramGraph::addConfiguredRoot(llvm::StringRef Function, RootKind Kind) {
  assert(isConfiguredRoot(Kind) && "not a configured root kind");
  for (NodeId Id = 0, E = Nodes.size(); Id != E; ++Id)
    if (Nodes[Id].Kind == NodeKind::Function && Nodes[Id].Name == Function)
      ConfiguredRoots.push_back({Kind, Id, Function.str(), "", {}, {}});
}

llvm::ArrayRef<ProgramGraph::Import>
ProgramGraph::importsOf(llvm::StringRef Module) const {
  auto It = Imports.find(Module);
  if (It == Imports.end())
    return {};
  return It->second;
}

SourcePoint ProgramGraph::resolve(const Location &Loc) const {
  return {Files[Loc.File], Loc.Line, Loc.Column};
}

} // namespace spawnguard

//===- Reachability.cpp ---------------------------------------------------===//
//
// One breadth-first search per root gives the shortest trace to every sink
// the root reaches. Two things keep that cheap on large programs: the search
// only enters nodes from which some sink is reachable at all (computed once,
// backwards from the sinks), and the per-search bookkeeping is reset by
// bumping a generation counter instead of clearing arrays.
//
//===----------------------------------------------------------------------===//

#include "spawnguard/Core/Reachability.h"
#include "llvm/ADT/Twine.h"
#include <deque>

namespace spawnguard {

using NodeId = ProgramGraph::NodeId;

/// How a node is named inside a sentence.
static std::string describe(const ProgramGraph::Node &N) {
  switch (N.Kind) {
  case NodeKind::Function:
    return "'" + N.Name + "'";
  case NodeKind::Initializer:
    return "the initializer of '" + N.Name + "'";
  case NodeKind::Finalizer:
    return "the destruction of '" + N.Name + "'";
  case NodeKind::ThreadLocalInitializer:
    return "the initializer of thread_local '" + N.Name + "'";
  case NodeKind::ModuleCode:
    return "module '" + N.Name + "'";
  }
  return "'" + N.Name + "'";
}

static std::string rootMessage(const ProgramGraph::Root &R) {
  const std::string &S = R.Subject;
  const char *Prefix = "process creation reachable ";
  switch (R.Kind) {
  case RootKind::DynamicInitializer:
    return (Prefix + llvm::Twine("during static initialization of '") + S +
            "'")
        .str();
  case RootKind::ConstructorFunction:
    return (Prefix + llvm::Twine("from constructor function '") + S +
            "', which runs before 'main'")
        .str();
  case RootKind::DllMain:
    return (Prefix + llvm::Twine("from '") + S +
            "', which runs under the loader lock")
        .str();
  case RootKind::IFuncResolver:
    return (Prefix + llvm::Twine("from IFUNC resolver '") + S + "' of '" +
            R.Detail + "', which runs while the program is being loaded")
        .str();
  case RootKind::InitSection:
    return (Prefix + llvm::Twine("from '") + S + "', which is placed in '" +
            R.Detail + "' and runs before 'main'")
        .str();
  case RootKind::StaticDestructor:
    return (Prefix + llvm::Twine("during static destruction of '") + S + "'")
        .str();
  case RootKind::DestructorFunction:
    return (Prefix + llvm::Twine("from destructor function '") + S +
            "', which runs after 'main'")
        .str();
  case RootKind::FiniSection:
    return (Prefix + llvm::Twine("from '") + S + "', which is placed in '" +
            R.Detail + "' and runs after 'main'")
        .str();
  case RootKind::ExitHandler:
    return (Prefix + llvm::Twine("from exit handler '") + S +
            "', registered here with '" + R.Detail + "'")
        .str();
  case RootKind::ModuleLevel:
    return (Prefix + llvm::Twine("from module-level code of '") + S +
            "', outside a main guard; spawned children run it again when "
            "they import the main module")
        .str();
  case RootKind::ConfiguredBeforeMain:
    return (Prefix + llvm::Twine("from '") + S +
            "', which the configuration says runs before 'main'")
        .str();
  case RootKind::ConfiguredAfterMain:
    return (Prefix + llvm::Twine("from '") + S +
            "', which the configuration says runs after 'main'")
        .str();
  case RootKind::ConfiguredAtImport:
    return (Prefix + llvm::Twine("from '") + S +
            "', which the configuration says runs while its module is "
            "imported; spawned children run it again when they import the "
            "main module")
        .str();
  }
  return Prefix;
}

static std::string edgeNote(const ProgramGraph &G, NodeId Caller,
                            const ProgramGraph::Edge &E) {
  std::string From = describe(G.node(Caller));
  const std::string &To = G.node(E.Callee).Name;
  if (E.ThroughArgument)
    return From + " passes '" + To + "' to '" + G.node(E.Via).Name +
           "' here, which calls it";
  switch (E.Kind) {
  case EdgeKind::Call:
    return From + " calls '" + To + "' here";
  case EdgeKind::ImplicitDestructor:
    return From + " implicitly calls '" + To + "' here";
  case EdgeKind::VirtualCall:
    if (E.Via != E.Callee)
      return From + " calls '" + To + "' here through virtual '" +
             G.node(E.Via).Name + "'";
    return From + " calls '" + To + "' here";
  case EdgeKind::IndirectCall:
    return From + " calls '" + To + "' indirectly here";
  case EdgeKind::ThreadLocalUse:
    return From + " uses thread_local '" + To +
           "' here, which runs its initializer";
  }
  return From + " calls '" + To + "' here";
}

static std::string sinkNote(const ProgramGraph &G, NodeId Caller,
                            const ProgramGraph::Sink &S) {
  std::string From = describe(G.node(Caller));
  if (S.PassedTo)
    return From + " passes '" + S.Api + "' to '" + G.node(*S.PassedTo).Name +
           "' here, which " +
           (S.Action == SinkAction::ReplacesProcess
                ? "replaces the process image with it"
                : "creates a process with it");
  if (S.Action == SinkAction::ReplacesProcess)
    return From + " replaces the process image with '" + S.Api + "' here";
  std::string Note = From + " creates a process with '" + S.Api + "' here";
  if (!S.Detail.empty())
    Note += ", " + S.Detail;
  return Note;
}

/// Nodes from which at least one sink is reachable.
static std::vector<bool> nodesReachingSinks(const ProgramGraph &G) {
  size_t N = G.nodes().size();
  std::vector<std::vector<NodeId>> Callers(N);
  std::vector<NodeId> Work;
  std::vector<bool> Reaches(N, false);
  for (NodeId Id = 0; Id < N; ++Id) {
    const ProgramGraph::Node &Node = G.node(Id);
    for (const ProgramGraph::Edge &E : Node.Edges)
      Callers[E.Callee].push_back(Id);
    if (!Node.Sinks.empty()) {
      Reaches[Id] = true;
      Work.push_back(Id);
    }
  }
  while (!Work.empty()) {
    NodeId Id = Work.back();
    Work.pop_back();
    for (NodeId Caller : Callers[Id])
      if (!Reaches[Caller]) {
        Reaches[Caller] = true;
        Work.push_back(Caller);
      }
  }
  return Reaches;
}

namespace {
/// Breadth-first search state, reused across roots.
class TraceSearch {
public:
  explicit TraceSearch(const ProgramGraph &G, const std::vector<bool> &Reaches)
      : G(G), Reaches(Reaches), Stamp(G.nodes().size(), 0),
        ParentNode(G.nodes().size()), ParentEdge(G.nodes().size()) {}

  void run(const ProgramGraph::Root &R, const RuleInfo &Rule,
           bool HonorSuppressions, std::vector<Finding> &Out,
           const ProgramGraph::Import *ImportedAt = nullptr);

private:
  Finding makeFinding(const ProgramGraph::Root &R, const RuleInfo &Rule,
                      NodeId SinkNode, const ProgramGraph::Sink &S,
                      const ProgramGraph::Import *ImportedAt) const;

  const ProgramGraph &G;
  const std::vector<bool> &Reaches;
  uint32_t Generation = 0;
  std::vector<uint32_t> Stamp;
  std::vector<NodeId> ParentNode;
  std::vector<uint32_t> ParentEdge;
};
} // namespace

void TraceSearch::run(const ProgramGraph::Root &R, const RuleInfo &Rule,
                      bool HonorSuppressions, std::vector<Finding> &Out,
                      const ProgramGraph::Import *ImportedAt) {
  if (!Reaches[R.Node])
    return;
  ++Generation;
  std::deque<NodeId> Queue{R.Node};
  Stamp[R.Node] = Generation;
  ParentNode[R.Node] = R.Node;
  while (!Queue.empty()) {
    NodeId Current = Queue.front();
    Queue.pop_front();
    const ProgramGraph::Node &N = G.node(Current);
    for (const ProgramGraph::Sink &S : N.Sinks)
      if (!HonorSuppressions || !isSuppressed(S.Suppressions, Rule))
        Out.push_back(makeFinding(R, Rule, Current, S, ImportedAt));
    for (uint32_t I = 0, E = N.Edges.size(); I != E; ++I) {
      NodeId Callee = N.Edges[I].Callee;
      if (Stamp[Callee] == Generation || !Reaches[Callee])
        continue;
      Stamp[Callee] = Generation;
      ParentNode[Callee] = Current;
      ParentEdge[Callee] = I;
      Queue.push_back(Callee);
    }
  }
}

Finding TraceSearch::makeFinding(const ProgramGraph::Root &R,
                                 const RuleInfo &Rule, NodeId SinkNode,
                                 const ProgramGraph::Sink &S,
                                 const ProgramGraph::Import *ImportedAt) const {
  Finding F;
  F.Rule = Rule.Name.str();
  bool Configured = isConfiguredRoot(R.Kind);
  if (!Configured)
    F.Loc = G.resolve(R.Loc);
  F.Message = rootMessage(R);
  // An import-time spawn deadlocks whatever the start method.
  F.DefaultStartMethod = S.DefaultStartMethod && !ImportedAt;
  if (Configured)
    F.ConfiguredRoot = R.Subject;
  if (ImportedAt) {
    F.Message = "process creation reachable from module-level code of '" +
                R.Subject +
                "', which runs while the module is being imported; this "
                "deadlocks on the import lock under every start method";
    F.Trace.push_back({G.resolve(ImportedAt->Loc),
                       "module '" + ImportedAt->Importer + "' imports '" +
                           R.Subject + "' here"});
  }

  std::vector<NodeId> Path;
  for (NodeId Id = SinkNode; Id != R.Node; Id = ParentNode[Id])
    Path.push_back(Id);
  for (auto It = Path.rbegin(), End = Path.rend(); It != End; ++It) {
    NodeId Caller = ParentNode[*It];
    const ProgramGraph::Edge &E = G.node(Caller).Edges[ParentEdge[*It]];
    SourcePoint Loc = G.resolve(E.Loc);
    // The warning already points at the first call when it sits on the same
    // spot, e.g. the constructor call of a global object.
    // Python statements keep the note: the statement is the root, the call
    // is the first step.
    if (Caller == R.Node && Loc == F.Loc && R.Kind != RootKind::ModuleLevel)
      continue;
    F.Trace.push_back({Loc, edgeNote(G, Caller, E)});
  }
  F.Trace.push_back({G.resolve(S.Loc), sinkNote(G, SinkNode, S)});
  // A configured root has no place of its own in the source: the warning
  // goes to the first step of the chain, inside the root function.
  if (Configured)
    F.Loc = F.Trace.front().Loc;
  return F;
}

std::vector<Finding> findReachableSinks(const ProgramGraph &Graph,
                                        const RuleSelection &Selection,
                                        bool HonorSuppressions) {
  std::vector<Finding> Findings;
  std::vector<bool> Reaches = nodesReachingSinks(Graph);
  TraceSearch Search(Graph, Reaches);
  for (const ProgramGraph::Root &R : Graph.configuredRoots()) {
    const RuleInfo &Rule = ruleForRoot(R.Kind);
    if (Selection.isEnabled(Rule))
      Search.run(R, Rule, HonorSuppressions, Findings, nullptr);
  }
  for (const ProgramGraph::Root &R : Graph.roots()) {
    const RuleInfo *Rule = &ruleForRoot(R.Kind);
    // A Python module that another analysed module imports spawns at
    // import time: rule SG202, with a note at the first import.
    const ProgramGraph::Import *ImportedAt = nullptr;
    if (R.Kind == RootKind::ModuleLevel) {
      llvm::ArrayRef<ProgramGraph::Import> Imports = Graph.importsOf(R.Subject);
      if (!Imports.empty()) {
        ImportedAt = &Imports.front();
        Rule = findRule("SG202");
      }
    }
    if (!Selection.isEnabled(*Rule) ||
        (HonorSuppressions && isSuppressed(R.Suppressions, *Rule)))
      continue;
    Search.run(R, *Rule, HonorSuppressions, Findings, ImportedAt);
  }
  for (const ProgramGraph::Diagnostic &D : Graph.diagnostics()) {
    const RuleInfo *Rule = findRule(D.Rule);
    if (!Rule || !Selection.isEnabled(*Rule) ||
        (HonorSuppressions && isSuppressed(D.Suppressions, *Rule)))
      continue;
    Finding F;
    F.Rule = Rule->Name.str();
    F.Loc = Graph.resolve(D.Loc);
    F.Message = D.Message;
    F.DefaultStartMethod = D.DefaultStartMethod;
    for (const auto &[Loc, Message] : D.Notes)
      F.Trace.push_back({Graph.resolve(Loc), Message});
    Findings.push_back(std::move(F));
  }
  canonicalize(Findings);
  return Findings;
}

} // namespace spawnguard

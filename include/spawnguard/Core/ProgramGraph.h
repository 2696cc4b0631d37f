//===- ProgramGraph.h - Facts of all units, linked by id --------*- C++ -*-===//
//
// The program graph merges the facts of every unit: a function defined in a
// header and seen by many translation units becomes one node, calls from one
// unit reach definitions in another, and facts that need the whole program
// (virtual overriders, functions passed to a callee that calls them) are
// resolved once everything is in.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_CORE_PROGRAMGRAPH_H
#define SPAWNGUARD_CORE_PROGRAMGRAPH_H

#include "spawnguard/Core/Facts.h"
#include "spawnguard/Core/Finding.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include <optional>

namespace spawnguard {

class ProgramGraph {
public:
  using NodeId = uint32_t;

  struct Location {
    uint32_t File = 0;
    uint32_t Line = 0;
    uint32_t Column = 0;
  };

  struct Edge {
    NodeId Callee = 0;
    EdgeKind Kind = EdgeKind::Call;
    Location Loc;
    /// For an edge the linker derived, the function that explains it: the
    /// virtual method that dispatched here, or the function that calls the
    /// argument. Equal to Callee otherwise.
    NodeId Via = 0;
    /// True for edges derived from an ArgumentFact.
    bool ThroughArgument = false;
  };

  struct Sink {
    std::string Api;
    SinkAction Action = SinkAction::CreatesProcess;
    Location Loc;
    SuppressionList Suppressions;
    /// For a process-creating function passed as an argument, the function
    /// that calls it.
    std::optional<NodeId> PassedTo;
    /// Optional clause for the note (see SinkCallFact::Detail).
    std::string Detail;
    bool DefaultStartMethod = false;
  };

  /// A Python module imported by another analysed module, at Loc.
  struct Import {
    std::string Importer;
    Location Loc;
  };

  /// A finding a front end decided on its own (see DiagnosticFact).
  struct Diagnostic {
    std::string Rule;
    Location Loc;
    std::string Message;
    std::vector<std::pair<Location, std::string>> Notes;
    SuppressionList Suppressions;
    bool DefaultStartMethod = false;
  };

  struct Node {
    std::string Id;
    std::string Name;
    NodeKind Kind = NodeKind::Function;
    std::vector<Edge> Edges;
    std::vector<Sink> Sinks;
  };

  struct Root {
    RootKind Kind = RootKind::DynamicInitializer;
    NodeId Node = 0;
    std::string Subject;
    std::string Detail;
    Location Loc;
    SuppressionList Suppressions;
  };

  /// Merges one unit's facts. Units may come in any order.
  void addUnit(const FactsUnit &Unit);

  /// Resolves whole-program facts and puts edges, sinks and roots into a
  /// canonical order. Call once, after the last addUnit().
  void finalize();

  llvm::ArrayRef<Node> nodes() const { return Nodes; }
  llvm::ArrayRef<Root> roots() const { return Roots; }
  /// Makes every function named \p Function (its qualified name, as in
  /// messages) a root of \p Kind, one of the configured kinds. Such a root
  /// has no location of its own: findings from it sit at the first step of
  /// their chain. Call after finalize().
  void addConfiguredRoot(llvm::StringRef Function, RootKind Kind);
  llvm::ArrayRef<Root> configuredRoots() const { return ConfiguredRoots; }
  llvm::ArrayRef<Diagnostic> diagnostics() const { return Diagnostics; }
  /// Where analysed modules import the module \p Module, first location
  /// first; empty if no analysed module imports it.
  llvm::ArrayRef<Import> importsOf(llvm::StringRef Module) const;
  const Node &node(NodeId Id) const { return Nodes[Id]; }
  /// Every file the units mention.
  llvm::ArrayRef<std::string> files() const { return Files; }
  SourcePoint resolve(const Location &Loc) const;

private:
  NodeId internNode(const FunctionFact &Fact);
  uint32_t internFile(llvm::StringRef Path);
  bool lessLocation(const Location &A, const Location &B) const;
  void addOverriderEdges();
  void addArgumentEdges();

  std::vector<std::string> Files;
  llvm::StringMap<uint32_t> FileIds;
  std::vector<Node> Nodes;
  llvm::StringMap<NodeId> NodeIds;
  std::vector<Root> Roots;
  std::vector<Root> ConfiguredRoots;
  std::vector<Diagnostic> Diagnostics;
  llvm::StringMap<std::vector<Import>> Imports;

  // Facts that can only be resolved when every unit is in.
  struct PendingArgument {
    NodeId Caller, Callee;
    uint32_t Param;
    NodeId Target;
    Location Loc;
  };
  struct ParamRef {
    NodeId Function;
    uint32_t Param;
  };
  struct PendingForward {
    ParamRef From, To;
  };
  struct PendingSinkArgument {
    NodeId Caller;
    ParamRef Param;
    Sink Call;
  };
  std::vector<std::pair<NodeId, NodeId>> Overrides; // (method, overridden)
  std::vector<PendingArgument> Arguments;
  std::vector<ParamRef> ParamCalls;
  std::vector<PendingForward> ParamForwards;
  std::vector<PendingSinkArgument> SinkArguments;
};

} // namespace spawnguard

#endif // SPAWNGUARD_CORE_PROGRAMGRAPH_H

//===- ReachabilityTest.cpp - Linking and trace search --------------------===//

#include "spawnguard/Core/Reachability.h"
#include "gtest/gtest.h"
#include <algorithm>

using namespace spawnguard;

namespace {

/// Builds a FactsUnit with one file and terse helpers.
struct UnitBuilder {
  FactsUnit Unit;
  FileIndex File;

  explicit UnitBuilder(llvm::StringRef Path) { File = Unit.addFile(Path); }

  /// Synthetic nodes are named after their variable, as the front end does.
  FunctionIndex fn(llvm::StringRef Id, NodeKind Kind = NodeKind::Function) {
    llvm::StringRef Name = Id;
    Name.consume_front("init:") || Name.consume_front("fini:");
    return Unit.addFunction(Id, Name, Kind);
  }
  FactLocation at(uint32_t Line, uint32_t Column = 1) {
    return {File, Line, Column};
  }
  void call(llvm::StringRef From, llvm::StringRef To, uint32_t Line,
            EdgeKind Kind = EdgeKind::Call) {
    Unit.Calls.push_back({fn(From), fn(To), Kind, at(Line)});
  }
  void sink(llvm::StringRef In, llvm::StringRef Api, uint32_t Line,
            SuppressionList Suppressions = {}) {
    Unit.SinkCalls.push_back({fn(In), Api.str(), SinkAction::CreatesProcess,
                              at(Line), std::move(Suppressions)});
  }
  void root(RootKind Kind, llvm::StringRef Node, llvm::StringRef Subject,
            uint32_t Line, SuppressionList Suppressions = {}) {
    NodeKind NK = Kind == RootKind::DynamicInitializer ? NodeKind::Initializer
                                                        : NodeKind::Function;
    Unit.Roots.push_back({Kind, fn(Node, NK), Subject.str(), "", at(Line),
                          std::move(Suppressions)});
  }
};

std::vector<Finding> analyse(std::vector<const FactsUnit *> Units,
                             llvm::StringRef Checks = "*") {
  ProgramGraph Graph;
  for (const FactsUnit *U : Units)
    Graph.addUnit(*U);
  Graph.finalize();
  return findReachableSinks(Graph, RuleSelection(Checks));
}

std::vector<std::string> notes(const Finding &F) {
  std::vector<std::string> Result;
  for (const TraceNote &N : F.Trace)
    Result.push_back(N.Loc.File + ":" + std::to_string(N.Loc.Line) + ": " +
                     N.Message);
  return Result;
}

} // namespace

TEST(Reachability, ChainAcrossUnits) {
  UnitBuilder A("/src/a.cpp");
  A.root(RootKind::DynamicInitializer, "init:g", "g", 10);
  A.call("init:g", "Exporter::Exporter", 10);
  A.call("Exporter::Exporter", "launch", 20);
  UnitBuilder B("/src/b.cpp");
  B.sink("launch", "posix_spawnp", 5);

  std::vector<Finding> Findings = analyse({&A.Unit, &B.Unit});
  ASSERT_EQ(Findings.size(), 1u);
  const Finding &F = Findings[0];
  EXPECT_EQ(F.Rule, "spawnguard-spawn-before-main");
  EXPECT_EQ(F.Loc.File, "/src/a.cpp");
  EXPECT_EQ(F.Loc.Line, 10u);
  EXPECT_EQ(F.Message,
            "process creation reachable during static initialization of 'g'");
  // The first call sits on the warning itself and gets no note.
  EXPECT_EQ(notes(F),
            (std::vector<std::string>{
                "/src/a.cpp:20: 'Exporter::Exporter' calls 'launch' here",
                "/src/b.cpp:5: 'launch' creates a process with "
                "'posix_spawnp' here"}));
}

TEST(Reachability, NoRootNoFinding) {
  UnitBuilder A("/src/a.cpp");
  A.call("main", "launch", 3);
  A.sink("launch", "fork", 7);
  EXPECT_TRUE(analyse({&A.Unit}).empty());
}

TEST(Reachability, ShortestTraceAndOneFindingPerSink) {
  UnitBuilder A("/src/a.cpp");
  A.root(RootKind::ConstructorFunction, "init", "init", 1);
  A.call("init", "long1", 2);
  A.call("long1", "long2", 3);
  A.call("long2", "spawn", 4);
  A.call("init", "spawn", 5);
  A.sink("spawn", "fork", 9);
  A.sink("spawn", "execv", 10);

  std::vector<Finding> Findings = analyse({&A.Unit});
  ASSERT_EQ(Findings.size(), 2u); // One per sink call site.
  for (const Finding &F : Findings)
    EXPECT_EQ(F.Trace.size(), 2u) << "shortest path goes init -> spawn";
  EXPECT_EQ(Findings[0].Trace[0].Loc.Line, 5u);
}

TEST(Reachability, CyclesTerminate) {
  UnitBuilder A("/src/a.cpp");
  A.root(RootKind::StaticDestructor, "fini:g", "g", 1);
  A.call("fini:g", "a", 2);
  A.call("a", "b", 3);
  A.call("b", "a", 4);
  A.call("b", "b", 5);
  A.sink("b", "system", 6);
  std::vector<Finding> Findings = analyse({&A.Unit});
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_EQ(Findings[0].Rule, "spawnguard-spawn-after-main");
}

TEST(Reachability, OutputDoesNotDependOnUnitOrder) {
  UnitBuilder A("/src/a.cpp"), B("/src/b.cpp"), C("/src/c.cpp");
  A.root(RootKind::DynamicInitializer, "init:x", "x", 1);
  A.call("init:x", "left", 2);
  A.call("init:x", "right", 2);
  B.call("left", "spawn", 3);
  C.call("right", "spawn", 4);
  C.sink("spawn", "fork", 5);
  B.root(RootKind::DynamicInitializer, "init:y", "y", 9);
  B.call("init:y", "spawn", 9);

  std::vector<const FactsUnit *> Order{&A.Unit, &B.Unit, &C.Unit};
  std::vector<Finding> First = analyse(Order);
  ASSERT_EQ(First.size(), 2u);
  std::sort(Order.begin(), Order.end());
  do
    EXPECT_EQ(analyse(Order), First);
  while (std::next_permutation(Order.begin(), Order.end()));
}

TEST(Reachability, HeaderFunctionSeenByManyUnitsIsOneNode) {
  UnitBuilder A("/src/a.cpp"), B("/src/b.cpp");
  for (UnitBuilder *U : {&A, &B}) {
    U->Unit.addFile("/src/h.h");
    U->Unit.SinkCalls.push_back({U->fn("inline_helper"), "popen",
                                 SinkAction::CreatesProcess,
                                 {1, 3, 5}, {}});
  }
  A.root(RootKind::DynamicInitializer, "init:g", "g", 1);
  A.call("init:g", "inline_helper", 2);
  std::vector<Finding> Findings = analyse({&A.Unit, &B.Unit});
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_EQ(Findings[0].Trace.back().Loc.File, "/src/h.h");
}

TEST(Reachability, VirtualCallReachesOverridersInOtherUnits) {
  UnitBuilder A("/src/a.cpp"), B("/src/b.cpp");
  A.root(RootKind::DynamicInitializer, "init:g", "g", 1);
  A.call("init:g", "Base::go", 2, EdgeKind::VirtualCall);
  B.Unit.Overrides.push_back({B.fn("Mid::go"), B.fn("Base::go")});
  B.Unit.Overrides.push_back({B.fn("Leaf::go"), B.fn("Mid::go")});
  B.sink("Leaf::go", "fork", 7);

  std::vector<Finding> Findings = analyse({&A.Unit, &B.Unit});
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_EQ(Findings[0].Trace[0].Message,
            "the initializer of 'g' calls 'Leaf::go' here through virtual "
            "'Base::go'");

  // A call that is not virtual (e.g. qualified) does not dispatch.
  UnitBuilder C("/src/c.cpp");
  C.root(RootKind::DynamicInitializer, "init:g", "g", 1);
  C.call("init:g", "Base::go", 2, EdgeKind::Call);
  EXPECT_TRUE(analyse({&C.Unit, &B.Unit}).empty());
}

TEST(Reachability, FunctionArgumentsCalledThroughForwarding) {
  UnitBuilder A("/src/a.cpp");
  A.root(RootKind::DynamicInitializer, "init:g", "g", 1);
  A.Unit.Arguments.push_back(
      {A.fn("init:g"), A.fn("outer"), 0, A.fn("spawn"), A.at(2, 7)});
  A.Unit.ParamForwards.push_back({A.fn("outer"), 0, A.fn("inner"), 1});
  A.Unit.ParamCalls.push_back({A.fn("inner"), 1});
  A.sink("spawn", "fork", 9);
  std::vector<Finding> Findings = analyse({&A.Unit});
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_EQ(Findings[0].Trace[0].Message,
            "the initializer of 'g' passes 'spawn' to 'outer' here, which "
            "calls it");

  // A callee that only stores its parameter creates no edge.
  UnitBuilder B("/src/b.cpp");
  B.root(RootKind::DynamicInitializer, "init:g", "g", 1);
  B.Unit.Arguments.push_back(
      {B.fn("init:g"), B.fn("store"), 0, B.fn("spawn"), B.at(2)});
  B.Unit.ParamCalls.push_back({B.fn("store"), 1}); // A different parameter.
  B.sink("spawn", "fork", 9);
  EXPECT_TRUE(analyse({&B.Unit}).empty());
}

TEST(Reachability, SuppressionsAtRootOrSink) {
  UnitBuilder A("/src/a.cpp");
  A.root(RootKind::DynamicInitializer, "init:a", "a", 1, {"SG101"});
  A.call("init:a", "spawn", 1);
  A.root(RootKind::DynamicInitializer, "init:b", "b", 2, {"SG102"});
  A.call("init:b", "spawn", 2);
  A.root(RootKind::DynamicInitializer, "init:c", "c", 3);
  A.call("init:c", "quiet", 3);
  A.sink("spawn", "fork", 5);
  A.sink("quiet", "fork", 6, {"*"});

  std::vector<Finding> Findings = analyse({&A.Unit});
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_EQ(Findings[0].Loc.Line, 2u) << "a NOLINT for another rule is inert";
}

TEST(Reachability, RuleSelection) {
  UnitBuilder A("/src/a.cpp");
  A.root(RootKind::DynamicInitializer, "init:a", "a", 1);
  A.call("init:a", "spawn", 1);
  A.root(RootKind::ExitHandler, "handler", "handler", 2);
  A.call("handler", "spawn", 3);
  A.sink("spawn", "fork", 5);
  EXPECT_EQ(analyse({&A.Unit}).size(), 2u);
  std::vector<Finding> After = analyse({&A.Unit}, "-*,SG102");
  ASSERT_EQ(After.size(), 1u);
  EXPECT_EQ(After[0].Rule, "spawnguard-spawn-after-main");
  EXPECT_TRUE(analyse({&A.Unit}, "-*").empty());
}

namespace {

/// A root of each Python kind reaching a sink of each Python action: only
/// the pairs with a meaning become findings, each under its own rule.
TEST(Reachability, PythonSinkActionsPickTheirRule) {
  UnitBuilder B("m.py");
  B.root(RootKind::ModuleLevel, "m:1:1", "m", 1);
  B.call("m:1:1", "m.setup", 1);
  B.root(RootKind::Worker, "m.work", "m.work", 9);
  B.Unit.Roots.back().Detail = "multiprocessing.Pool.map";
  B.call("m.work", "m.setup", 5);
  auto Sink = [&](SinkAction Action, llvm::StringRef Api, uint32_t Line) {
    B.Unit.SinkCalls.push_back(
        {B.fn("m.setup"), Api.str(), Action, B.at(Line), {}, "", {}});
  };
  Sink(SinkAction::SetsStartMethod, "multiprocessing.set_start_method", 2);
  Sink(SinkAction::ReadsParentOnlyState, "scale", 3);
  B.Unit.SinkCalls.back().Detail = "reads global 'scale', which is bound "
                                   "only under the main guard";
  B.Unit.SinkCalls.back().Notes.push_back({B.at(8), "'scale' is bound here"});

  std::vector<Finding> Found = analyse({&B.Unit});
  ASSERT_EQ(Found.size(), 2u);
  EXPECT_EQ(Found[0].Rule, "spawnguard-start-method-at-import");
  EXPECT_EQ(Found[0].Loc.Line, 1u);
  EXPECT_EQ(notes(Found[0]).back(),
            "m.py:2: 'm.setup' sets the start method with "
            "'multiprocessing.set_start_method' here");
  EXPECT_EQ(Found[1].Rule, "spawnguard-parent-only-state");
  EXPECT_EQ(Found[1].Loc.Line, 9u);
  EXPECT_EQ(Found[1].Message, "worker 'm.work' reads global 'scale', which "
                              "is bound only under the main guard");
  EXPECT_EQ(notes(Found[1]),
            (std::vector<std::string>{"m.py:5: 'm.work' calls 'm.setup' here",
                                      "m.py:3: 'm.setup' reads 'scale' here",
                                      "m.py:8: 'scale' is bound here"}));

  // Each rule is selected on its own.
  EXPECT_EQ(analyse({&B.Unit}, "*,-SG205").size(), 1u);
  EXPECT_EQ(analyse({&B.Unit}, "-*,SG205").size(), 1u);
}

} // namespace

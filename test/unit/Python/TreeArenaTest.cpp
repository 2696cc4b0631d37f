//===- TreeArenaTest.cpp --------------------------------------------------===//

#include "Syntax.h"
#include "gtest/gtest.h"
#include <thread>

using namespace spawnguard::python;

namespace {

/// A module of \p Functions functions, each with a few statements.
std::string source(unsigned Functions) {
  std::string S = "import multiprocessing\n";
  for (unsigned I = 0; I < Functions; ++I)
    S += "def f" + std::to_string(I) + "(a, b=[1, 2]):\n    x = a.b(c)\n" +
         "    return {'k': x, 'v': [b, (1, 2)]}\n";
  return S;
}

/// Parses \p Text into \p M, checks the tree's last function, and says
/// whether the arena holds the tree.
bool parseAndCheck(Module &M, const std::string &Text, unsigned Functions) {
  M.Path = "m.py";
  M.Source = Text;
  std::vector<std::string> Errors;
  EXPECT_TRUE(parseModule(PythonParser(), M, Errors));
  EXPECT_TRUE(Errors.empty());
  TSNode Root = ts_tree_root_node(M.Tree);
  EXPECT_EQ(ts_node_named_child_count(Root), Functions + 1);
  TSNode Last = ts_node_named_child(Root, Functions);
  EXPECT_EQ(M.text(field(Last, "name")), "f" + std::to_string(Functions - 1));
  return TreeArenaScope::owns(M.Tree);
}

TEST(TreeArena, TreesInAScopeLiveInTheArena) {
  for (int Round = 0; Round < 3; ++Round) {
    TreeArenaScope Arena;
    Module M;
    EXPECT_EQ(parseAndCheck(M, source(50), 50), TreeArenaScope::enabled());
  }
  Module Outside;
  EXPECT_FALSE(parseAndCheck(Outside, source(5), 5))
      << "outside a scope, tree-sitter uses malloc";
}

TEST(TreeArena, LargeTreesGrowTheArenaAndGiveMemoryBack) {
  // A tree of well over the memory the arena keeps between scopes, then
  // small ones that reuse what was kept.
  std::string Large = source(40000);
  {
    TreeArenaScope Arena;
    Module M;
    parseAndCheck(M, Large, 40000);
  }
  for (int Round = 0; Round < 3; ++Round) {
    TreeArenaScope Arena;
    Module M;
    EXPECT_EQ(parseAndCheck(M, source(20), 20), TreeArenaScope::enabled());
  }
}

TEST(TreeArena, EachThreadHasItsOwn) {
  auto Work = [](unsigned Functions) {
    for (int Round = 0; Round < 20; ++Round) {
      TreeArenaScope Arena;
      Module M;
      parseAndCheck(M, source(Functions), Functions);
    }
  };
  std::thread A(Work, 30), B(Work, 70);
  A.join();
  B.join();
}

} // namespace

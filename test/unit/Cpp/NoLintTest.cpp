//===- NoLintTest.cpp -----------------------------------------------------===//

#include "spawnguard/Cpp/NoLint.h"
#include "gtest/gtest.h"

using namespace spawnguard;
using List = SuppressionList;

TEST(NoLint, SameLine) {
  NoLintIndex Index("int a;\nint b; // NOLINT\nint c; // NOLINT(x-*, y)\n");
  EXPECT_EQ(Index.at(1), List{});
  EXPECT_EQ(Index.at(2), List{"*"});
  EXPECT_EQ(Index.at(3), (List{"x-*", "y"}));
}

TEST(NoLint, NextLine) {
  NoLintIndex Index("// NOLINTNEXTLINE(SG101)\nint a;\nint b;\n");
  EXPECT_EQ(Index.at(1), List{});
  EXPECT_EQ(Index.at(2), List{"SG101"});
  EXPECT_EQ(Index.at(3), List{});
}

TEST(NoLint, BeginEndRegions) {
  NoLintIndex Index("int a;\n// NOLINTBEGIN(c)\nint b;\n// NOLINTEND(c)\n"
                    "int d;\n");
  EXPECT_EQ(Index.at(1), List{});
  EXPECT_EQ(Index.at(3), List{"c"});
  EXPECT_EQ(Index.at(5), List{});
}

TEST(NoLint, EndMustMatchBegin) {
  // An END with other globs closes nothing; the region runs to the end.
  NoLintIndex Index("// NOLINTBEGIN(a)\n// NOLINTEND(b)\nint x;\n");
  EXPECT_EQ(Index.at(3), List{"a"});
}

TEST(NoLint, NegativeGlobsAndMalformedLists) {
  NoLintIndex Index("int a; // NOLINT(-x, y)\nint b; // NOLINT(unterminated\n");
  EXPECT_EQ(Index.at(1), List{"y"});
  EXPECT_EQ(Index.at(2), List{});
}

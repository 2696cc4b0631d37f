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

TEST(NoLint, ListEndsOnItsLine) {
  NoLintIndex Index("int a; // NOLINT(unterminated\nint b; // (x)\n");
  EXPECT_EQ(Index.at(1), List{});
}

TEST(NoLint, CommentsWithTheLinesTheyCover) {
  NoLintIndex Index("int a; // NOLINT(SG101)\n"
                    "// NOLINTNEXTLINE\n"
                    "int b;\n"
                    "  // NOLINTBEGIN(x, y)\n"
                    "// NOLINTEND(x, y)\n"
                    "// NOLINTEND(z)\n"
                    "int c; // NOLINT(unterminated\n"
                    "// NOLINTBEGIN(open)\n");
  llvm::ArrayRef<SuppressionComment> C = Index.comments();
  ASSERT_EQ(C.size(), 4u);
  EXPECT_EQ(C[0].Text, "NOLINT(SG101)");
  EXPECT_EQ(C[0].Line, 1u);
  EXPECT_EQ(C[0].Column, 11u);
  EXPECT_EQ(C[0].FirstLine, 1u);
  EXPECT_EQ(C[0].LastLine, 1u);
  EXPECT_EQ(C[1].Text, "NOLINTNEXTLINE");
  EXPECT_EQ(C[1].Globs, List{"*"});
  EXPECT_EQ(C[1].FirstLine, 3u);
  EXPECT_EQ(C[1].LastLine, 3u);
  EXPECT_EQ(C[2].Text, "NOLINTBEGIN(x, y)");
  EXPECT_EQ(C[2].Column, 6u);
  EXPECT_EQ(C[2].FirstLine, 4u);
  EXPECT_EQ(C[2].LastLine, 5u);
  // A stray END and a malformed list are not comments; an open BEGIN
  // covers the rest of the file.
  EXPECT_EQ(C[3].Text, "NOLINTBEGIN(open)");
  EXPECT_EQ(C[3].LastLine, ~0u);
}

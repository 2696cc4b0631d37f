//===- GlobListTest.cpp ---------------------------------------------------===//

#include "spawnguard/Core/GlobList.h"
#include "spawnguard/Core/Rules.h"
#include "gtest/gtest.h"

using namespace spawnguard;

TEST(WildcardMatch, StarsAndLiterals) {
  EXPECT_TRUE(wildcardMatch("*", ""));
  EXPECT_TRUE(wildcardMatch("*", "anything"));
  EXPECT_TRUE(wildcardMatch("spawnguard-*", "spawnguard-spawn-before-main"));
  EXPECT_TRUE(wildcardMatch("*-main", "spawnguard-spawn-after-main"));
  EXPECT_TRUE(wildcardMatch("s*n*d", "spawnguard"));
  EXPECT_FALSE(wildcardMatch("spawnguard-*", "bugprone-signal-handler"));
  EXPECT_FALSE(wildcardMatch("abc", "abcd"));
  EXPECT_FALSE(wildcardMatch("abcd", "abc"));
  // Backtracking must not be exponential.
  EXPECT_FALSE(wildcardMatch("*a*a*a*a*a*a*a*a*b", std::string(200, 'a')));
}

TEST(GlobList, LaterEntriesWin) {
  GlobList Globs("-*,spawnguard-*,-spawnguard-spawn-after-main");
  EXPECT_TRUE(Globs.contains("spawnguard-spawn-before-main"));
  EXPECT_FALSE(Globs.contains("spawnguard-spawn-after-main"));
  EXPECT_FALSE(Globs.contains("other"));
}

TEST(GlobList, EmptyAndWhitespace) {
  EXPECT_FALSE(GlobList("").contains("x"));
  EXPECT_TRUE(GlobList(" , x ,").contains("x"));
  EXPECT_FALSE(GlobList(" - x ").contains("x"));
}

TEST(RuleSelection, NameAndCodeAreAliases) {
  const RuleInfo &Before = *findRule("spawnguard-spawn-before-main");
  const RuleInfo &After = *findRule("SG102");
  EXPECT_EQ(findRule("SG101"), &Before);
  EXPECT_TRUE(RuleSelection("*").isEnabled(Before));
  // Disabling by name must not be undone by the code matching '*'.
  EXPECT_FALSE(RuleSelection("*,-spawnguard-spawn-before-main").isEnabled(Before));
  EXPECT_FALSE(RuleSelection("*,-SG101").isEnabled(Before));
  EXPECT_TRUE(RuleSelection("-*,SG102").isEnabled(After));
  EXPECT_FALSE(RuleSelection("-*,SG102").isEnabled(Before));
}

TEST(Suppression, GlobsMatchNameOrCode) {
  const RuleInfo &Before = *findRule("SG101");
  EXPECT_TRUE(isSuppressed({"*"}, Before));
  EXPECT_TRUE(isSuppressed({"spawnguard-*"}, Before));
  EXPECT_TRUE(isSuppressed({"SG101"}, Before));
  EXPECT_FALSE(isSuppressed({"SG102"}, Before));
  EXPECT_FALSE(isSuppressed({}, Before));
}

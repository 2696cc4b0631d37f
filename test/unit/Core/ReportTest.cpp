//===- ReportTest.cpp - Escaping, URIs, fingerprints, config parsing ------===//

#include "spawnguard/Core/Report.h"
#include "spawnguard/Core/Config.h"
#include "spawnguard/Core/Fingerprint.h"
#include "spawnguard/Core/RuleDocs.h"
#include "gtest/gtest.h"

using namespace spawnguard;

TEST(Github, EscapesDataAndProperties) {
  EXPECT_EQ(escapeGithub("50% a:b,c\r\nd", /*IsProperty=*/false),
            "50%25 a:b,c%0D%0Ad");
  EXPECT_EQ(escapeGithub("50% a:b,c\r\nd", /*IsProperty=*/true),
            "50%25 a%3Ab%2Cc%0D%0Ad");
}

TEST(Uri, EncodesWhatNeedsIt) {
  EXPECT_EQ(encodeUriPath("src/a b#c%.cpp"), "src/a%20b%23c%25.cpp");
  EXPECT_EQ(encodeUriPath("src/ok-_.~+.cpp"), "src/ok-_.~+.cpp");
  EXPECT_EQ(fileUri("/x y/a.cpp"), "file:///x%20y/a.cpp");
}

static Finding makeFinding(unsigned Line, std::string Callee) {
  Finding F;
  F.Rule = "spawnguard-spawn-before-main";
  F.Loc = {"/src/a.cpp", Line, 5};
  F.Message = "process creation reachable during static initialization of 'g'";
  F.Trace.push_back({{"/src/a.cpp", Line - 1, 3},
                     "'" + Callee + "' creates a process with 'fork' here"});
  return F;
}

TEST(Fingerprint, IgnoresLinesButNotContent) {
  std::vector<std::string> A =
      computeFingerprints({makeFinding(10, "f")}, "/src");
  std::vector<std::string> Moved =
      computeFingerprints({makeFinding(42, "f")}, "/src");
  std::vector<std::string> Other =
      computeFingerprints({makeFinding(10, "h")}, "/src");
  ASSERT_EQ(A.size(), 1u);
  EXPECT_EQ(A, Moved);
  EXPECT_NE(A, Other);
  EXPECT_EQ(A[0].size(), 32u + 2u);
  EXPECT_EQ(A[0].substr(32), ":1");
  // The same content twice is told apart by its occurrence.
  std::vector<std::string> Twice =
      computeFingerprints({makeFinding(10, "f"), makeFinding(12, "f")}, "/src");
  EXPECT_EQ(Twice[0], A[0]);
  EXPECT_EQ(Twice[1], A[0].substr(0, 32) + ":2");
  // Relative to the base directory: checking out elsewhere keeps them.
  Finding Elsewhere = makeFinding(10, "f");
  Elsewhere.Loc.File = "/other/a.cpp";
  EXPECT_EQ(computeFingerprints({Elsewhere}, "/other"), A);
}

TEST(Config, ParsesKeys) {
  std::vector<std::string> Errors;
  std::optional<ConfigFile> C =
      parseConfig("Checks: '-*,SG101'\nSinks: [corp::launch, '::my_spawn']\n"
                  "Ignore:\n  - Path: 'gen/*'\n    Checks: SG102\n"
                  "InheritParentConfig: true\n",
                  "/p/.spawnguard.yaml", Errors);
  ASSERT_TRUE(C) << (Errors.empty() ? "" : Errors[0]);
  EXPECT_EQ(*C->Checks, "-*,SG101");
  EXPECT_EQ(C->Sinks, (std::vector<std::string>{"corp::launch", "::my_spawn"}));
  ASSERT_EQ(C->Ignores.size(), 1u);
  EXPECT_EQ(C->Ignores[0].Path, "gen/*");
  EXPECT_EQ(C->Ignores[0].Checks, "SG102");
  EXPECT_TRUE(C->InheritParentConfig);
}

TEST(Config, ParsesRootsAndPythonPolicy) {
  std::vector<std::string> Errors;
  std::optional<ConfigFile> C = parseConfig(
      "Sinks: ['pkg.read_chat(parallel=True)']\n"
      "Roots:\n  - Function: corp::init\n"
      "  - Function: app.hooks.load\n    Runs: at-import\n"
      "Python:\n  StartMethod: fork\n  Platforms: [linux, macos]\n",
      "/p/.spawnguard.yaml", Errors);
  ASSERT_TRUE(C) << (Errors.empty() ? "" : Errors[0]);
  EXPECT_EQ(C->Sinks,
            (std::vector<std::string>{"pkg.read_chat(parallel=True)"}));
  ASSERT_EQ(C->Roots.size(), 2u);
  EXPECT_EQ(C->Roots[0].Function, "corp::init");
  EXPECT_EQ(C->Roots[0].Runs, RootTiming::BeforeMain);
  EXPECT_EQ(C->Roots[1].Runs, RootTiming::AtImport);
  EXPECT_EQ(*C->Python.StartMethod, "fork");
  EXPECT_EQ(*C->Python.Platforms,
            (std::vector<std::string>{"linux", "macos"}));
}

TEST(Config, SameKeysInPyproject) {
  std::vector<std::string> Errors;
  bool HasTable = false;
  std::optional<ConfigFile> C = parsePyprojectConfig(
      "[project]\nname = 'x'\n[tool.spawnguard]\nChecks = '-*,SG201'\n"
      "[[tool.spawnguard.Roots]]\nFunction = 'app.load'\nRuns = 'at-import'\n"
      "[tool.spawnguard.Python]\nStartMethod = 'fork'\n",
      "/p/pyproject.toml", HasTable, Errors);
  ASSERT_TRUE(C) << (Errors.empty() ? "" : Errors[0]);
  EXPECT_TRUE(HasTable);
  EXPECT_EQ(*C->Checks, "-*,SG201");
  ASSERT_EQ(C->Roots.size(), 1u);
  EXPECT_EQ(C->Roots[0].Runs, RootTiming::AtImport);
  EXPECT_EQ(*C->Python.StartMethod, "fork");

  C = parsePyprojectConfig("[project]\nname = 'x'\n", "/p/pyproject.toml",
                           HasTable, Errors);
  ASSERT_TRUE(C);
  EXPECT_FALSE(HasTable);
  EXPECT_TRUE(Errors.empty());
}

TEST(Config, ForksEverywhereNeedsPinnedForkAndNoWindows) {
  EffectiveConfig C;
  EXPECT_FALSE(C.forksEverywhere());
  C.Python.StartMethod = "fork";
  // Without Platforms, the project may run on Windows, which cannot fork.
  EXPECT_FALSE(C.forksEverywhere());
  C.Python.Platforms = {"linux", "macos"};
  EXPECT_TRUE(C.forksEverywhere());
  C.Python.Platforms = {"linux", "windows"};
  EXPECT_FALSE(C.forksEverywhere());
  C.Python.StartMethod = "forkserver";
  C.Python.Platforms = {"linux"};
  EXPECT_FALSE(C.forksEverywhere());
}

TEST(Config, EmptyFileIsEmptyConfig) {
  std::vector<std::string> Errors;
  std::optional<ConfigFile> C = parseConfig("# nothing\n", "/p/x", Errors);
  ASSERT_TRUE(C);
  EXPECT_FALSE(C->Checks);
  EXPECT_TRUE(Errors.empty());
}

TEST(Config, ErrorsNameFileLineAndColumn) {
  std::vector<std::string> Errors;
  EXPECT_FALSE(parseConfig("Checks: '*'\nSink: [a]\n", "/p/c.yaml", Errors));
  ASSERT_EQ(Errors.size(), 1u);
  EXPECT_EQ(Errors[0], "/p/c.yaml:2:1: unknown key 'Sink'");
}

TEST(Config, SelectionAppendsCommandLine) {
  EffectiveConfig C;
  EXPECT_EQ(C.globs(""), "*");
  EXPECT_EQ(C.globs("SG101"), "SG101");
  C.Checks = "-*,SG101";
  EXPECT_EQ(C.globs(""), "-*,SG101");
  EXPECT_EQ(C.globs("SG102"), "-*,SG101,SG102");
  EXPECT_TRUE(C.isEnabled(*findRule("SG101"), ""));
  EXPECT_FALSE(C.isEnabled(*findRule("SG102"), ""));
  C.Ignores.push_back({"/p/gen/*", "SG101"});
  EXPECT_TRUE(C.isIgnored(*findRule("SG101"), "/p/gen/x/a.cpp"));
  EXPECT_FALSE(C.isIgnored(*findRule("SG102"), "/p/gen/a.cpp"));
  EXPECT_FALSE(C.isIgnored(*findRule("SG101"), "/p/src/a.cpp"));
}

TEST(RuleDocs, EveryRuleHasItsPage) {
  for (const RuleInfo &Rule : allRules()) {
    llvm::StringRef Docs = ruleDocs(Rule);
    EXPECT_TRUE(Docs.starts_with("# " + rulePageName(Rule).str() + " (" +
                                 Rule.Code.str() + ")"))
        << Rule.Name.str();
  }
}

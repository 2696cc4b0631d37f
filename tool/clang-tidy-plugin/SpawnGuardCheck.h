//===- SpawnGuardCheck.h - spawnguard rules as clang-tidy checks -*- C++ -*-==//
//
// Reports process creation reachable before or after main, for roots in the
// main file, with the call chain as notes. One class serves every C/C++ rule
// of the catalog: the check named 'spawnguard-spawn-before-main' runs the
// engine with exactly that rule enabled, and so on, so the plugin has no
// rule logic of its own.
//
// For the user-facing documentation see docs/clang-tidy-plugin.md and
// docs/rules/<rule>.md.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_TOOL_CLANG_TIDY_PLUGIN_SPAWNGUARDCHECK_H
#define SPAWNGUARD_TOOL_CLANG_TIDY_PLUGIN_SPAWNGUARDCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "spawnguard/Core/Rules.h"
#include "spawnguard/Cpp/SinkCatalog.h"
#include "spawnguard/Cpp/UnitAnalysis.h"
#include <string>
#include <vector>

namespace spawnguard::tidy {

class SpawnGuardCheck : public clang::tidy::ClangTidyCheck {
public:
  /// \p Rule is the catalog rule this check reports; the check's name is the
  /// rule's name.
  SpawnGuardCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context,
                  const RuleInfo &Rule);

  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void onEndOfTranslationUnit() override;

private:
  const RuleInfo &Rule;
  /// Option 'Sinks': qualified names of in-house launchers, ';'-separated.
  std::string SinksOption;
  /// Option 'FactsIndex': a directory of '*.sgfacts' files; relative paths
  /// are taken relative to the compile command's directory.
  std::string FactsIndexOption;
  /// Option 'RootKinds': the kinds of roots to report, ';'-separated names
  /// as rootKindName() spells them; empty for all.
  std::string RootKindsOption;
  RootKindSet RootKinds;
  SinkCatalog Sinks;
};

} // namespace spawnguard::tidy

#endif // SPAWNGUARD_TOOL_CLANG_TIDY_PLUGIN_SPAWNGUARDCHECK_H

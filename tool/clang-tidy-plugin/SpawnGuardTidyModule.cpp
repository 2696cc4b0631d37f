//===- SpawnGuardTidyModule.cpp - Registers the spawnguard checks ---------===//
//
// One check per C/C++ rule of the catalog, under the rule's own name, so
// that '.clang-tidy' Checks, NOLINT comments and the CLI's --checks all use
// the same words.
//
//===----------------------------------------------------------------------===//

#include "SpawnGuardCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"
#include <memory>

namespace spawnguard::tidy {
namespace {

class SpawnGuardModule : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(
      clang::tidy::ClangTidyCheckFactories &CheckFactories) override {
    for (const RuleInfo &Rule : allRules()) {
      if (Rule.Language != "C/C++" || !isRootRule(Rule))
        continue;
      CheckFactories.registerCheckFactory(
          Rule.Name, [&Rule](llvm::StringRef Name,
                             clang::tidy::ClangTidyContext *Context) {
            return std::make_unique<SpawnGuardCheck>(Name, Context, Rule);
          });
    }
  }
};

} // namespace
} // namespace spawnguard::tidy

static clang::tidy::ClangTidyModuleRegistry::Add<
    spawnguard::tidy::SpawnGuardModule>
    X("spawnguard-module", "Process creation before or after main.");

namespace spawnguard::tidy {
// Referenced by binaries that link the module statically (spawnguard-clangd)
// so that the linker keeps the registration above.
// NOLINTNEXTLINE(misc-use-internal-linkage)
volatile int SpawnGuardModuleAnchorSource = 0;
} // namespace spawnguard::tidy

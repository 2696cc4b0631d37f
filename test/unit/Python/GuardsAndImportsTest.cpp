//===- GuardsAndImportsTest.cpp -------------------------------------------===//

#include "spawnguard/Python/PythonFrontEnd.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"

using namespace spawnguard::python;

TEST(MainGuard, RecognisedForms) {
  EXPECT_EQ(classifyGuard("__name__ == \"__main__\""), GuardKind::MainOnly);
  EXPECT_EQ(classifyGuard("__name__ == '__main__'"), GuardKind::MainOnly);
  EXPECT_EQ(classifyGuard("'__main__' == __name__"), GuardKind::MainOnly);
  EXPECT_EQ(classifyGuard("(__name__ == \"__main__\")"), GuardKind::MainOnly);
  EXPECT_EQ(classifyGuard("__name__ == \"__main__\" and args.run"),
            GuardKind::MainOnly);
  EXPECT_EQ(classifyGuard("debug and __name__ == \"__main__\""),
            GuardKind::MainOnly);
  EXPECT_EQ(classifyGuard("current_process().name == \"MainProcess\""),
            GuardKind::MainOnly);
  EXPECT_EQ(
      classifyGuard("multiprocessing.current_process().name == 'MainProcess'"),
      GuardKind::MainOnly);
  EXPECT_EQ(classifyGuard("not __name__ != '__main__'"), GuardKind::MainOnly);
}

TEST(MainGuard, NegatedForms) {
  EXPECT_EQ(classifyGuard("__name__ != \"__main__\""), GuardKind::NotMain);
  EXPECT_EQ(classifyGuard("not __name__ == \"__main__\""), GuardKind::NotMain);
  EXPECT_EQ(classifyGuard("__name__ != '__main__' or quiet"),
            GuardKind::NotMain);
  EXPECT_EQ(classifyGuard("current_process().name != 'MainProcess'"),
            GuardKind::NotMain);
}

TEST(MainGuard, NotGuards) {
  EXPECT_EQ(classifyGuard("len(sys.argv) > 1"), GuardKind::None);
  EXPECT_EQ(classifyGuard("os.environ.get('WORKER') is None"),
            GuardKind::None);
  EXPECT_EQ(classifyGuard("parent_process() is None"), GuardKind::None);
  EXPECT_EQ(classifyGuard("__name__ == \"__mp_main__\""), GuardKind::None);
  EXPECT_EQ(classifyGuard("__name__ == \"__main__\" or x"), GuardKind::None);
  EXPECT_EQ(classifyGuard("__name__ in ('__main__',)"), GuardKind::None);
  EXPECT_EQ(classifyGuard("current_process().name == 'Worker'"),
            GuardKind::None);
  EXPECT_EQ(classifyGuard("__name__"), GuardKind::None);
}

TEST(Imports, RelativeResolution) {
  EXPECT_EQ(resolveImportModule("pkg.mod", false, 0, "os.path"), "os.path");
  EXPECT_EQ(resolveImportModule("pkg.mod", false, 1, ""), "pkg");
  EXPECT_EQ(resolveImportModule("pkg.mod", false, 1, "util"), "pkg.util");
  EXPECT_EQ(resolveImportModule("pkg.sub.mod", false, 2, "x"), "pkg.x");
  // In a package's __init__, one dot is the package itself.
  EXPECT_EQ(resolveImportModule("pkg", true, 1, "impl"), "pkg.impl");
  EXPECT_EQ(resolveImportModule("pkg.sub", true, 2, "impl"), "pkg.impl");
  // Climbing above the top-level package fails.
  EXPECT_EQ(resolveImportModule("script", false, 1, "x"), "");
  EXPECT_EQ(resolveImportModule("pkg.mod", false, 3, "x"), "");
}

namespace {
void touch(const llvm::Twine &Path) {
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path.str(), EC);
  ASSERT_FALSE(EC);
}
} // namespace

TEST(Imports, ModuleNamesFollowPackages) {
  llvm::SmallString<128> Root;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("sg-modules", Root));
  std::string R = Root.str().str();
  ASSERT_FALSE(llvm::sys::fs::create_directories(R + "/src/pkg/sub"));
  touch(R + "/src/pkg/__init__.py");
  touch(R + "/src/pkg/sub/__init__.py");
  touch(R + "/src/pkg/sub/mod.py");
  touch(R + "/src/script.py");
  EXPECT_EQ(moduleNameForPath(R + "/src/script.py"), "script");
  EXPECT_EQ(moduleNameForPath(R + "/src/pkg/__init__.py"), "pkg");
  EXPECT_EQ(moduleNameForPath(R + "/src/pkg/sub/__init__.py"), "pkg.sub");
  EXPECT_EQ(moduleNameForPath(R + "/src/pkg/sub/mod.py"), "pkg.sub.mod");
  llvm::sys::fs::remove_directories(R);
}

TEST(Imports, CallsResolveAcrossModulesAndReExports) {
  llvm::SmallString<128> Root;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("sg-calls", Root));
  std::string R = Root.str().str();
  ASSERT_FALSE(llvm::sys::fs::create_directories(R + "/pkg"));
  auto Write = [](const std::string &Path, llvm::StringRef Text) {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    OS << Text;
  };
  Write(R + "/pkg/__init__.py", "from .impl import run as go\n");
  Write(R + "/pkg/impl.py", "def run():\n    pass\n");
  Write(R + "/main.py", "import pkg\nfrom pkg import go\npkg.go()\ngo()\n");
  PythonResult Result = analyzePython({R}, PythonOptions());
  EXPECT_TRUE(Result.Errors.empty());
  ASSERT_EQ(Result.Modules, 3u);
  unsigned Calls = 0;
  for (const spawnguard::FactsUnit &U : Result.Units)
    for (const spawnguard::CallFact &C : U.Calls) {
      EXPECT_EQ(U.Functions[C.Callee].Id, "pkg.impl.run");
      ++Calls;
    }
  EXPECT_EQ(Calls, 2u);
  llvm::sys::fs::remove_directories(R);
}

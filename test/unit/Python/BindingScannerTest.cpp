//===- BindingScannerTest.cpp ---------------------------------------------===//
//
// The scanner must give exactly the summary that BindingCollector reads off
// a tree, on every module that parses without errors: constructs one by
// one, then every module of the standard library and of examples/.
//
//===----------------------------------------------------------------------===//

#include "BindingScanner.h"
#include "BindingCollector.h"
#include "Syntax.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "gtest/gtest.h"
#include <algorithm>

using namespace spawnguard::python;

namespace {

struct Comparison {
  /// False if tree-sitter found a syntax error, so nothing was compared.
  bool Clean = false;
  std::string FromTree, FromScanner;
  ModuleSummary Scanned;
};

Comparison compare(llvm::StringRef Source, llvm::StringRef Name = "pkg.mod",
                   bool IsPackage = false) {
  Comparison C;
  TreeArenaScope Arena;
  Module M;
  M.Path = "mod.py";
  M.Name = Name.str();
  M.IsPackage = IsPackage;
  M.Source = Source.str();
  std::vector<std::string> Errors;
  if (!parseModule(PythonParser(), M, Errors) || !Errors.empty())
    return C;
  C.Clean = true;
  collectBindings(M);
  C.FromTree = writeModuleSummary(M);
  C.Scanned.Path = M.Path;
  C.Scanned.Name = M.Name;
  C.Scanned.IsPackage = IsPackage;
  scanBindings(C.Scanned, Source);
  C.FromScanner = writeModuleSummary(C.Scanned);
  return C;
}

/// What the summary holds, readably, for failure messages.
std::string describe(const ModuleSummary &S) {
  std::string Out;
  std::vector<std::string> Lines;
  for (const auto &G : S.Globals)
    Lines.push_back("global " + G.getKey().str() + " = " + G.getValue());
  for (const auto &A : S.RawAliases)
    Lines.push_back("alias " + A.getKey().str() + " = " + A.getValue());
  llvm::sort(Lines);
  for (const std::string &F : S.Functions)
    Lines.push_back("function " + F);
  for (const ClassSummary &C : S.Classes)
    Lines.push_back("class " + C.Name + "(" + llvm::join(C.RawBases, ", ") +
                    ")");
  for (const DecoratedFunction &D : S.Decorated)
    Lines.push_back("decorated " + D.Function + " @" + D.RawDecorator);
  return llvm::join(Lines, "\n");
}

/// Compares on \p Source, which must parse cleanly, and returns what the
/// scanner found.
ModuleSummary agree(llvm::StringRef Source, llvm::StringRef Name = "pkg.mod",
                    bool IsPackage = false) {
  Comparison C = compare(Source, Name, IsPackage);
  EXPECT_TRUE(C.Clean) << "the test's module does not parse:\n" << Source.str();
  EXPECT_EQ(C.FromTree, C.FromScanner)
      << "scanner and tree disagree on:\n"
      << Source.str() << "\nthe scanner found:\n"
      << describe(C.Scanned);
  return std::move(C.Scanned);
}

TEST(BindingScanner, Imports) {
  ModuleSummary S = agree("import os, os.path\n"
                          "import xml.dom.minidom as md, json as j\n"
                          "from concurrent.futures import (\n"
                          "    ProcessPoolExecutor as PPE,  # comment\n"
                          "    wait,\n"
                          ")\n"
                          "from . import sibling\n"
                          "from ..up import thing as other\n"
                          "from .sub.deep import x; from . sub import y\n"
                          "from __future__ import annotations\n"
                          "from star import *\n"
                          "import a . b\n",
                          "top.pkg.mod");
  EXPECT_EQ(S.Globals.lookup("os"), "os");
  EXPECT_EQ(S.Globals.lookup("md"), "xml.dom.minidom");
  EXPECT_EQ(S.Globals.lookup("PPE"), "concurrent.futures.ProcessPoolExecutor");
  EXPECT_EQ(S.Globals.lookup("sibling"), "top.pkg.sibling");
  EXPECT_EQ(S.Globals.lookup("other"), "top.up.thing");
  EXPECT_FALSE(S.Globals.count("annotations"));
  agree("from . import a\nfrom .. import b\n", "pkg.sub", /*IsPackage=*/true);
  agree("from ... import c\nfrom .... import d\n", "a.b.c.d.e");
}

TEST(BindingScanner, Aliases) {
  ModuleSummary S = agree("Pool = multiprocessing.Pool\n"
                          "P2 = mp . get_context\n"
                          "Same = Same\n"
                          "Typed: type[Pool] = mp.Pool\n"
                          "Bare: int\n"
                          "A = B = mp.Pool\n"
                          "C = (mp.Pool)\n"
                          "D = mp.Pool()\n"
                          "E = mp.Pool if x else None\n"
                          "F = mp.Pool,\n"
                          "G += mp.Pool\n"
                          "H = None\n"
                          "match = re.match; type = builtins.type\n"
                          "I = \\\n    mp.Pool\n"
                          "x.y = mp.Pool\n");
  EXPECT_EQ(S.RawAliases.lookup("Pool"), "multiprocessing.Pool");
  EXPECT_EQ(S.RawAliases.lookup("P2"), "mp.get_context");
  EXPECT_EQ(S.RawAliases.lookup("Typed"), "mp.Pool");
  EXPECT_EQ(S.RawAliases.lookup("I"), "mp.Pool");
  EXPECT_EQ(S.RawAliases.lookup("match"), "re.match");
  for (const char *Absent :
       {"Same", "Bare", "A", "B", "C", "D", "E", "F", "G", "H"})
    EXPECT_FALSE(S.RawAliases.count(Absent)) << Absent;
}

TEST(BindingScanner, FunctionsClassesAndDecorators) {
  ModuleSummary S =
      agree("@pebble.concurrent.process(timeout=10)\n"
            "@plain\n"
            "@(weird)\n"
            "@a.b(1)(2)\n"
            "@a.b[0]\n"
            "async def job(x: int = {'a': 1}) -> dict[str, int]:\n"
            "    def inner(): pass\n"
            "    class Local: pass\n"
            "    import hidden\n"
            "    return x\n"
            "class Base(mp.Process, Mixin, metaclass=Meta, *more):\n"
            "    '''Docs with def fake(): and class Fake: inside.'''\n"
            "    attr = mp.Pool\n"
            "    @staticmethod\n"
            "    def method(self): pass\n"
            "    @dataclass\n"
            "    class Nested(Base):\n"
            "        def deeper(self):\n"
            "            def no(): pass\n"
            "    if FLAG:\n"
            "        def conditional(self): pass\n"
            "    async def amethod(self): ...\n"
            "class Generic[T](Base[T], x.Y): pass\n"
            "class NoBases: x = 1; y = 2\n"
            "def after(): return 1\n");
  EXPECT_EQ(S.Functions, (std::vector<std::string>{
                             "pkg.mod.job", "pkg.mod.Base.method",
                             "pkg.mod.Base.Nested.deeper",
                             "pkg.mod.Base.amethod", "pkg.mod.after"}));
  ASSERT_EQ(S.Classes.size(), 4u);
  EXPECT_EQ(S.Classes[0].RawBases,
            (std::vector<std::string>{"mp.Process", "Mixin"}));
  EXPECT_EQ(S.Classes[2].RawBases, (std::vector<std::string>{"x.Y"}));
  ASSERT_EQ(S.Decorated.size(), 3u);
  EXPECT_EQ(S.Decorated[0].RawDecorator, "pebble.concurrent.process");
  EXPECT_EQ(S.Decorated[2].RawDecorator, "staticmethod");
  EXPECT_FALSE(S.Globals.count("inner"));
  EXPECT_FALSE(S.Globals.count("hidden"));
}

TEST(BindingScanner, CompoundStatementsAtTheTopLevel) {
  agree("if sys.platform == 'win32':\n"
        "    import nt as osmod\n"
        "    def f(): pass\n"
        "elif x: import posix as osmod\n"
        "else:\n"
        "    class C: pass\n"
        "try:\n"
        "    import fast\n"
        "except ImportError as e:\n"
        "    fast = slow.impl\n"
        "else:\n"
        "    def g(): pass\n"
        "finally:\n"
        "    h = k.l\n"
        "for i in range(3):\n"
        "    def loop(): pass\n"
        "else:\n"
        "    import for_else\n"
        "while False:\n"
        "    import w\n"
        "with open(p) as f, lock:\n"
        "    from a import b\n"
        "async with x: import aw\n"
        "if lambda: 0:\n"
        "    import after_lambda\n"
        "if (a :=\n"
        "        b): import walrus; import second\n");
  agree("try:\n"
        "    pass\n"
        "except* ValueError:\n"
        "    import hidden_in_group\n"
        "match command:\n"
        "    case 'go':\n"
        "        import hidden_in_case\n"
        "        def hidden(): pass\n"
        "    case _:\n"
        "        pass\n"
        "match(x)\n"
        "match = 1\n"
        "type Alias = int\n"
        "import visible\n");
}

TEST(BindingScanner, StringsCommentsAndLines) {
  agree("s = '''\nimport fake\ndef fake(): pass\n'''\n"
        "t = \"\"\"x = a.b \\\"\"\"\" ; import after_string\n"
        "u = r'\\'' ; import after_raw\n"
        "v = f\"{x!r:>{width}} {'}'} {d[\"k\"]} {{literal}}\"; import fs\n"
        "w = f'''{\n  a  # comment in a field\n}'''\n"
        "y = rb'\\x' b\"\\N{x}\" f\"\\N{BULLET} {z}\"\n"
        "def after_strings(): pass\n"
        "# import commented\n"
        "x = (1,\n"
        "     2)  # def not_a_def(): pass\n"
        "import a; import b;\n"
        "\f\n"
        "import after_form_feed\n",
        "pkg.mod");
  agree("import a\r\nif x:\r\n    import b\r\ndef f():\r\n    import c\r\n");
  agree("if x:\n\tdef tabbed(): pass\n\timport t\nimport top\n");
  agree("class A:\n"
        "    def f(self):\n"
        "        return (\n"
        "def_not())\n"
        "    def g(self): pass\n");
  agree("café = unicodé.attr\ndef naïve(): pass\n");
}

/// Every '.py' file below \p Root.
std::vector<std::string> pythonFiles(const std::string &Root) {
  std::vector<std::string> Files;
  std::error_code EC;
  for (llvm::sys::fs::recursive_directory_iterator It(Root, EC), End;
       It != End && !EC; It.increment(EC))
    if (llvm::StringRef(It->path()).ends_with(".py") &&
        It->type() != llvm::sys::fs::file_type::directory_file)
      Files.push_back(It->path());
  llvm::sort(Files);
  return Files;
}

/// Compares on the module \p Source from \p File; true if it parsed
/// cleanly, so that it was compared.
bool compareFile(llvm::StringRef File, llvm::StringRef Source) {
  if (Source.starts_with("\xef\xbb\xbf"))
    Source = Source.drop_front(3);
  llvm::StringRef Stem = llvm::sys::path::stem(File);
  Comparison C = compare(Source, Stem, Stem == "__init__");
  if (!C.Clean)
    return false;
  EXPECT_EQ(C.FromTree, C.FromScanner) << File.str() << ": the scanner found:\n"
                                       << describe(C.Scanned);
  return true;
}

/// Compares on every module below \p Root; returns how many parsed cleanly.
size_t compareTree(const std::string &Root) {
  size_t Clean = 0;
  for (const std::string &File : pythonFiles(Root))
    if (auto Buffer = llvm::MemoryBuffer::getFile(File))
      Clean += compareFile(File, (*Buffer)->getBuffer());
  return Clean;
}

TEST(BindingScanner, AgreesOnTheStandardLibrary) {
  // Debian's python3 (a dependency of the build) puts it here.
  std::string Root;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It("/usr/lib", EC), End;
       It != End && !EC; It.increment(EC))
    if (llvm::StringRef Name = llvm::sys::path::filename(It->path());
        Name.starts_with("python3.") &&
        llvm::sys::fs::exists(It->path() + "/multiprocessing/pool.py"))
      Root = std::max(Root, It->path());
  ASSERT_FALSE(Root.empty()) << "no standard library under /usr/lib";
  EXPECT_GT(compareTree(Root), 500u) << Root;
}

TEST(BindingScanner, AgreesOnTheExamples) {
  EXPECT_GT(compareTree(SPAWNGUARD_SOURCE_DIR "/examples"), 5u);
}

// The lit tests: '.py' files, and split-file sections ('#--- name.py').
TEST(BindingScanner, AgreesOnTheTestsModules) {
  size_t Clean = 0;
  std::error_code EC;
  for (llvm::sys::fs::recursive_directory_iterator
           It(SPAWNGUARD_SOURCE_DIR "/test", EC),
       End;
       It != End && !EC; It.increment(EC)) {
    if (It->type() == llvm::sys::fs::file_type::directory_file)
      continue;
    auto Buffer = llvm::MemoryBuffer::getFile(It->path());
    if (!Buffer)
      continue;
    if (llvm::StringRef(It->path()).ends_with(".py"))
      Clean += compareFile(It->path(), (*Buffer)->getBuffer());
    llvm::SmallVector<llvm::StringRef, 0> Sections;
    (*Buffer)->getBuffer().split(Sections, "#--- ");
    for (llvm::StringRef Section : llvm::ArrayRef(Sections).drop_front()) {
      auto [Name, Text] = Section.split('\n');
      if (Name.trim().ends_with(".py"))
        Clean += compareFile(Name.trim(), Text);
    }
  }
  EXPECT_GT(Clean, 80u);
}

} // namespace

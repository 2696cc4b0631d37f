//===- extract-facts.cpp - Test helper: write facts files -----------------===//
//
// A stand-in for the CLI's future 'extract' command, for tests only:
//
//   extract-facts <out-dir> <file>... -- <compiler args>
//
// runs the Clang front end on each file and writes <out-dir>/<name>.sgfacts
// with writeFacts(), which is what the clang-tidy plugin and
// spawnguard-clangd read as a facts index.
//
//===----------------------------------------------------------------------===//

#include "spawnguard/Core/FactsIO.h"
#include "spawnguard/Cpp/CompilationRunner.h"
#include "spawnguard/Cpp/FactsIndex.h"
#include "spawnguard/Cpp/SinkCatalog.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace spawnguard;

int main(int argc, const char **argv) {
  std::string Error;
  std::unique_ptr<clang::tooling::CompilationDatabase> DB =
      clang::tooling::FixedCompilationDatabase::loadFromCommandLine(argc, argv,
                                                                    Error);
  if (!DB || argc < 3) {
    errs() << "usage: extract-facts <out-dir> <file>... -- <compiler args>\n";
    return 2;
  }
  StringRef OutDir = argv[1];
  if (std::error_code EC = sys::fs::create_directories(OutDir)) {
    errs() << "extract-facts: cannot create '" << OutDir
           << "': " << EC.message() << "\n";
    return 2;
  }
  SinkCatalog Sinks;
  int Status = 0;
  for (int I = 2; I < argc; ++I) {
    SmallString<256> File(argv[I]);
    sys::fs::make_absolute(File);
    for (const clang::tooling::CompileCommand &Cmd :
         DB->getCompileCommands(File)) {
      CompilationResult Result = runCompilation(Cmd, Sinks, {});
      if (!Result.Clean) {
        errs() << "extract-facts: " << Result.FirstError << "\n";
        Status = 1;
      }
      SmallString<256> Out(OutDir);
      sys::path::append(Out, sys::path::filename(File) + FactsFileExtension);
      std::error_code EC;
      raw_fd_ostream OS(Out, EC, sys::fs::OF_None);
      if (EC) {
        errs() << "extract-facts: cannot write '" << Out
               << "': " << EC.message() << "\n";
        return 2;
      }
      OS << writeFacts(Result.Facts);
    }
  }
  return Status;
}

//===- PythonFrontEndFuzzer.cpp - Fuzz the Python front end ---------------===//
//
// Any bytes in, as Python modules. The input is split into modules the way
// lit's split-file splits a test: a line '#--- pkg/mod.py' starts a new
// file, and the text before the first such line is 'main.py'. The tests'
// own split-file inputs are then seeds with imports between modules, which
// is where name resolution (re-exports, aliases, cycles) is most fragile.
//
// The modules are written to a private directory and analysed through
// analyzePython, as the CLI does, so the file checks in front of the parser
// (size, UTF-8, symlinks) are fuzzed too. Whatever comes out goes through
// linking, the search and every output format.
//
//===----------------------------------------------------------------------===//

#include "FuzzChecks.h"
#include "spawnguard/Python/PythonFrontEnd.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdlib>

using namespace spawnguard;

namespace {

constexpr size_t MaxModules = 16;
constexpr llvm::StringLiteral Marker = "#--- ";

/// A file name from a marker line, if it is a harmless relative path of
/// identifiers ending in '.py'; anything else gets a generated name.
bool isSafeModulePath(llvm::StringRef Name) {
  if (!Name.consume_back(".py") || Name.empty())
    return false;
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Name.split(Parts, '/');
  if (Parts.size() > 4)
    return false;
  for (llvm::StringRef Part : Parts)
    if (Part.empty() || llvm::isDigit(Part.front()) ||
        !llvm::all_of(Part,
                      [](char C) { return llvm::isAlnum(C) || C == '_'; }))
      return false;
  return true;
}

struct ModuleText {
  std::string Path;
  llvm::StringRef Text;
};

std::vector<ModuleText> splitModules(llvm::StringRef Input) {
  std::vector<ModuleText> Modules;
  llvm::StringSet<> Seen;
  auto Add = [&](llvm::StringRef Name, llvm::StringRef Text) {
    if (Modules.size() == MaxModules)
      return;
    std::string Path = Name.str();
    if (!isSafeModulePath(Path) || !Seen.insert(Path).second)
      Path = "module" + std::to_string(Modules.size()) + ".py";
    Seen.insert(Path);
    Modules.push_back({Path, Text});
  };
  llvm::StringRef Name = "main.py";
  size_t Start = 0, Pos = 0;
  while (Pos <= Input.size()) {
    size_t End = Input.find('\n', Pos);
    if (End == llvm::StringRef::npos)
      End = Input.size();
    llvm::StringRef Line = Input.slice(Pos, End);
    if (Line.starts_with(Marker)) {
      if (Pos != 0)
        Add(Name, Input.slice(Start, Pos));
      Name = Line.drop_front(Marker.size()).trim();
      Start = End + 1;
    }
    Pos = End + 1;
  }
  Add(Name, Input.slice(std::min(Start, Input.size()), Input.size()));
  return Modules;
}

/// The directory the modules are written to: private to this process and
/// always the same within it, so module names do not depend on the run.
const std::string &workDirectory() {
  static const std::string Dir = [] {
    llvm::SmallString<256> Base;
    if (std::error_code EC =
            llvm::sys::fs::createUniqueDirectory("spawnguard-fuzz", Base)) {
      llvm::errs() << "cannot create a temporary directory: " << EC.message()
                   << "\n";
      std::exit(1);
    }
    llvm::sys::path::append(Base, "work");
    return Base.str().str();
  }();
  return Dir;
}

void writeModules(const std::vector<ModuleText> &Modules) {
  const std::string &Dir = workDirectory();
  llvm::sys::fs::remove_directories(Dir);
  for (const ModuleText &M : Modules) {
    llvm::SmallString<256> Path(Dir);
    llvm::sys::path::append(Path, M.Path);
    llvm::sys::fs::create_directories(llvm::sys::path::parent_path(Path));
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    if (EC)
      fuzz::invariantBroken("cannot write '" + Path + "': " + EC.message());
    OS << M.Text;
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Input(reinterpret_cast<const char *>(Data), Size);
  writeModules(splitModules(Input));
  python::PythonOptions Options;
  Options.UserSinks = {"corp.launch", "corp.read(parallel=True)"};
  python::PythonResult Result =
      python::analyzePython({workDirectory()}, Options);
  for (const std::string &Error : Result.Errors)
    if (Error.find(workDirectory()) == std::string::npos)
      fuzz::invariantBroken("an error does not name its file: " + Error);
  fuzz::linkSearchAndPrint(Result.Units);
  return 0;
}

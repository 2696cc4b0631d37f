//===- ModuleNames.cpp - Dotted names of Python modules -------------------===//

#include "ModuleNames.h"
#include "spawnguard/Python/PythonFrontEnd.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <algorithm>

namespace spawnguard {
namespace python {

static std::string moduleParent(llvm::StringRef Name) {
  size_t Dot = Name.rfind('.');
  return Dot == llvm::StringRef::npos ? "" : Name.take_front(Dot).str();
}

std::string moduleNameForPath(llvm::StringRef Path) {
  llvm::StringRef Stem = llvm::sys::path::stem(Path);
  llvm::SmallVector<std::string, 4> Parts;
  if (Stem != "__init__")
    Parts.push_back(Stem.str());
  llvm::SmallString<256> Dir(llvm::sys::path::parent_path(Path));
  for (unsigned Guard = 0; Guard < 64 && !Dir.empty(); ++Guard) {
    llvm::SmallString<256> Init(Dir);
    llvm::sys::path::append(Init, "__init__.py");
    if (!llvm::sys::fs::exists(Init))
      break;
    Parts.push_back(llvm::sys::path::filename(Dir).str());
    llvm::StringRef Parent = llvm::sys::path::parent_path(Dir);
    if (Parent == Dir)
      break;
    // The parent is a prefix of Dir itself: shorten Dir rather than assign
    // from its own storage.
    Dir.resize(Parent.size());
  }
  std::reverse(Parts.begin(), Parts.end());
  return llvm::join(Parts, ".");
}

std::string resolveImportModule(llvm::StringRef Current, bool CurrentIsPackage,
                                unsigned Dots, llvm::StringRef Name) {
  if (Dots == 0)
    return Name.str();
  std::string Base = CurrentIsPackage ? Current.str() : moduleParent(Current);
  for (unsigned I = 1; I < Dots; ++I) {
    if (Base.empty())
      return "";
    Base = moduleParent(Base);
  }
  if (Base.empty())
    return "";
  return Name.empty() ? Base : Base + "." + Name.str();
}

std::vector<std::string>
distinctModuleNames(const std::vector<std::string> &Files) {
  std::vector<std::string> Names;
  std::vector<llvm::StringRef> Above; // the directory above each name
  for (const std::string &File : Files) {
    Names.push_back(moduleNameForPath(File));
    llvm::StringRef Dir = llvm::sys::path::parent_path(File);
    for (size_t Dots = llvm::count(Names.back(), '.'); Dots; --Dots)
      Dir = llvm::sys::path::parent_path(Dir);
    Above.push_back(Dir);
  }
  for (unsigned Round = 0; Round < 64; ++Round) {
    llvm::StringMap<unsigned> Count;
    for (const std::string &Name : Names)
      ++Count[Name];
    bool Renamed = false;
    for (size_t I = 0; I < Names.size(); ++I) {
      llvm::StringRef Prefix = llvm::sys::path::filename(Above[I]);
      if (Count[Names[I]] < 2 || Prefix.empty() || Prefix == "/")
        continue;
      Names[I] = (Prefix + "." + Names[I]).str();
      Above[I] = llvm::sys::path::parent_path(Above[I]);
      Renamed = true;
    }
    if (!Renamed)
      break;
  }
  return Names;
}

} // namespace python
} // namespace spawnguard

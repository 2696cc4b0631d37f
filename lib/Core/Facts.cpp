//===- Facts.cpp ----------------------------------------------------------===//

#include "spawnguard/Core/Facts.h"

namespace spawnguard {

bool runsAfterMain(RootKind Kind) {
  switch (Kind) {
  case RootKind::DynamicInitializer:
  case RootKind::ConstructorFunction:
  case RootKind::DllMain:
  case RootKind::IFuncResolver:
  case RootKind::InitSection:
  case RootKind::ModuleLevel:
  case RootKind::ConfiguredBeforeMain:
  case RootKind::ConfiguredAtImport:
    return false;
  case RootKind::StaticDestructor:
  case RootKind::DestructorFunction:
  case RootKind::FiniSection:
  case RootKind::ExitHandler:
  case RootKind::ConfiguredAfterMain:
    return true;
  }
  return false;
}

bool isConfiguredRoot(RootKind Kind) {
  return Kind == RootKind::ConfiguredBeforeMain ||
         Kind == RootKind::ConfiguredAfterMain ||
         Kind == RootKind::ConfiguredAtImport;
}

FileIndex FactsUnit::addFile(llvm::StringRef Path) {
  auto [It, Inserted] = FileIndices.try_emplace(Path, Files.size());
  if (Inserted)
    Files.push_back(Path.str());
  return It->second;
}

FunctionIndex FactsUnit::addFunction(llvm::StringRef Id, llvm::StringRef Name,
                                     NodeKind Kind) {
  auto [It, Inserted] = FunctionIndices.try_emplace(Id, Functions.size());
  if (Inserted)
    Functions.push_back({Id.str(), Name.str(), Kind});
  return It->second;
}

} // namespace spawnguard

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
    return false;
  case RootKind::StaticDestructor:
  case RootKind::DestructorFunction:
  case RootKind::FiniSection:
  case RootKind::ExitHandler:
    return true;
  }
  return false;
}

llvm::StringRef rootKindName(RootKind Kind) {
  switch (Kind) {
  case RootKind::DynamicInitializer:
    return "DynamicInitializer";
  case RootKind::ConstructorFunction:
    return "ConstructorFunction";
  case RootKind::DllMain:
    return "DllMain";
  case RootKind::IFuncResolver:
    return "IFuncResolver";
  case RootKind::InitSection:
    return "InitSection";
  case RootKind::StaticDestructor:
    return "StaticDestructor";
  case RootKind::DestructorFunction:
    return "DestructorFunction";
  case RootKind::FiniSection:
    return "FiniSection";
  case RootKind::ExitHandler:
    return "ExitHandler";
  case RootKind::ModuleLevel:
    return "ModuleLevel";
  }
  return "";
}

std::optional<RootKind> parseRootKind(llvm::StringRef Name) {
  for (unsigned K = 0; K <= static_cast<unsigned>(LastRootKind); ++K)
    if (rootKindName(static_cast<RootKind>(K)) == Name)
      return static_cast<RootKind>(K);
  return std::nullopt;
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

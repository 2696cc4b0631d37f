//===- FactsBuilder.cpp ---------------------------------------------------===//

#include "spawnguard/Cpp/FactsBuilder.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace spawnguard {

FactsBuilder::FactsBuilder(ASTContext &Ctx, FactsUnit &Unit,
                           llvm::StringRef PathBase)
    : Ctx(Ctx), SM(Ctx.getSourceManager()), Unit(Unit),
      PathBase(PathBase.rtrim('/').str()) {}

FactsBuilder::~FactsBuilder() = default;

FileIndex FactsBuilder::fileIndex(FileID FID) {
  auto It = FileIndices.find(FID);
  if (It != FileIndices.end())
    return It->second;
  llvm::SmallString<256> Path;
  if (OptionalFileEntryRef File = SM.getFileEntryRefForID(FID)) {
    Path = File->getName();
    SM.getFileManager().makeAbsolutePath(Path);
    llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
    llvm::StringRef Rest = Path;
    if (!PathBase.empty() && Rest.consume_front(PathBase) &&
        Rest.consume_front("/"))
      Path = Rest.str();
  } else {
    Path = SM.getBufferName(SM.getLocForStartOfFile(FID));
  }
  FileIndex Index = Unit.addFile(Path);
  FileIndices[FID] = Index;
  return Index;
}

FactLocation FactsBuilder::location(SourceLocation Loc) {
  if (Loc.isInvalid())
    return {Unit.addFile("<unknown>"), 0, 0};
  SourceLocation Expansion = SM.getExpansionLoc(Loc);
  std::pair<FileID, unsigned> Decomposed = SM.getDecomposedLoc(Expansion);
  return {fileIndex(Decomposed.first),
          SM.getLineNumber(Decomposed.first, Decomposed.second),
          SM.getColumnNumber(Decomposed.first, Decomposed.second)};
}

SuppressionList FactsBuilder::suppressionsAt(SourceLocation Loc) {
  if (Loc.isInvalid())
    return {};
  SourceLocation Expansion = SM.getExpansionLoc(Loc);
  FileID FID = SM.getFileID(Expansion);
  std::unique_ptr<NoLintIndex> &Index = NoLints[FID];
  if (!Index) {
    bool Invalid = false;
    llvm::StringRef Buffer = SM.getBufferData(FID, &Invalid);
    Index = std::make_unique<NoLintIndex>(Invalid ? "" : Buffer);
  }
  return Index->at(SM.getExpansionLineNumber(Expansion));
}

std::string FactsBuilder::declId(const Decl *D) {
  llvm::SmallString<128> USR;
  bool Failed = index::generateUSRForDecl(D, USR);
  // USRs of internal-linkage entities carry only the file's base name, so
  // 'static void helper()' in two files named util.cpp would merge. Qualify
  // them with the full path of their file: definitions in a header are then
  // still shared by every unit that includes it, as they should be.
  // Lambdas have no name at all, so their USRs collide within a file: they
  // are told apart by position.
  const auto *ND = dyn_cast<NamedDecl>(D);
  const auto *Method = dyn_cast<CXXMethodDecl>(D);
  bool NeedsPosition = Failed || (Method && Method->getParent()->isLambda());
  if (NeedsPosition || !ND || !ND->isExternallyVisible()) {
    FactLocation Loc = location(D->getLocation());
    std::string Id = Failed ? "loc:" : USR.str().str();
    Id += "@";
    Id += Unit.Files[Loc.File];
    if (NeedsPosition)
      Id += ":" + std::to_string(Loc.Line) + ":" + std::to_string(Loc.Column);
    return Id;
  }
  return USR.str().str();
}

std::string FactsBuilder::displayName(const NamedDecl *D) {
  if (const auto *MD = dyn_cast<CXXMethodDecl>(D))
    if (MD->getParent()->isLambda()) {
      PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(D->getLocation()));
      if (P.isValid())
        return "lambda at " +
               llvm::sys::path::filename(P.getFilename()).str() + ":" +
               std::to_string(P.getLine()) + ":" +
               std::to_string(P.getColumn());
      return "lambda";
    }
  if (const auto *VD = dyn_cast<VarDecl>(D))
    if (VD->isLocalVarDecl())
      if (const auto *Parent = dyn_cast_or_null<NamedDecl>(
              VD->getParentFunctionOrMethod()))
        return displayName(Parent) + "::" + VD->getNameAsString();
  // Name specializations of variable templates with their arguments
  // ('vt<int>'), as clang's diagnostics do.
  if (isa<VarTemplateSpecializationDecl>(D)) {
    std::string Name;
    llvm::raw_string_ostream OS(Name);
    D->getNameForDiagnostic(OS, Ctx.getPrintingPolicy(), /*Qualified=*/true);
    return Name;
  }
  return D->getQualifiedNameAsString();
}

FunctionIndex FactsBuilder::function(const FunctionDecl *FD) {
  FD = FD->getCanonicalDecl();
  auto It = Functions.find(FD);
  if (It != Functions.end())
    return It->second;
  FunctionIndex Index = Unit.addFunction(declId(FD), displayName(FD));
  Functions[FD] = Index;
  return Index;
}

FunctionIndex FactsBuilder::syntheticNode(const VarDecl *VD,
                                          llvm::StringRef Prefix,
                                          NodeKind Kind) {
  VD = VD->getCanonicalDecl();
  return Unit.addFunction((Prefix + declId(VD)).str(), displayName(VD), Kind);
}

FunctionIndex FactsBuilder::initializer(const VarDecl *VD) {
  return syntheticNode(VD, "init:", NodeKind::Initializer);
}

FunctionIndex FactsBuilder::finalizer(const VarDecl *VD) {
  return syntheticNode(VD, "fini:", NodeKind::Finalizer);
}

FunctionIndex FactsBuilder::threadLocalInitializer(const VarDecl *VD) {
  return syntheticNode(VD, "tlsinit:", NodeKind::ThreadLocalInitializer);
}

} // namespace spawnguard

//===- FactsBuilder.h - Clang declarations into facts -----------*- C++ -*-===//
//
// Turns Clang entities into the plain data of a FactsUnit: declarations into
// function ids (USRs) and display names, source locations into file indices
// and line/column pairs, and lines into the suppressions written on them.
// Everything here is cached per unit, since the same callee and the same file
// come up again and again.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_CPP_FACTSBUILDER_H
#define SPAWNGUARD_CPP_FACTSBUILDER_H

#include "spawnguard/Core/Facts.h"
#include "spawnguard/Cpp/NoLint.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>

namespace clang {
class ASTContext;
class Decl;
class FunctionDecl;
class NamedDecl;
class SourceManager;
class VarDecl;
} // namespace clang

namespace spawnguard {

class FactsBuilder {
public:
  /// Paths below \p PathBase (if not empty) are recorded relative to it.
  FactsBuilder(clang::ASTContext &Ctx, FactsUnit &Unit,
               llvm::StringRef PathBase = "");
  ~FactsBuilder();

  FactsUnit &unit() { return Unit; }

  /// The node of a function (any redeclaration).
  FunctionIndex function(const clang::FunctionDecl *FD);
  /// The synthesized node for the dynamic initializer of \p VD.
  FunctionIndex initializer(const clang::VarDecl *VD);
  /// The synthesized node for the destruction of \p VD.
  FunctionIndex finalizer(const clang::VarDecl *VD);
  /// The synthesized node for the initializer of thread_local \p VD.
  FunctionIndex threadLocalInitializer(const clang::VarDecl *VD);

  /// The name used in messages: qualified, with lambdas named by position.
  std::string displayName(const clang::NamedDecl *D);

  FactLocation location(clang::SourceLocation Loc);
  SuppressionList suppressionsAt(clang::SourceLocation Loc);

private:
  std::string declId(const clang::Decl *D);
  FunctionIndex syntheticNode(const clang::VarDecl *VD, llvm::StringRef Prefix,
                              NodeKind Kind);
  FileIndex fileIndex(clang::FileID FID);

  clang::ASTContext &Ctx;
  clang::SourceManager &SM;
  FactsUnit &Unit;
  std::string PathBase;
  llvm::DenseMap<const clang::Decl *, FunctionIndex> Functions;
  llvm::DenseMap<clang::FileID, FileIndex> FileIndices;
  llvm::DenseMap<clang::FileID, std::unique_ptr<NoLintIndex>> NoLints;
};

} // namespace spawnguard

#endif // SPAWNGUARD_CPP_FACTSBUILDER_H

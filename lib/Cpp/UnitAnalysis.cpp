//===- UnitAnalysis.cpp ---------------------------------------------------===//

#include "spawnguard/Cpp/UnitAnalysis.h"
#include "spawnguard/Core/ProgramGraph.h"
#include "spawnguard/Core/Reachability.h"
#include "spawnguard/Cpp/FactsCollector.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"

namespace spawnguard {
namespace {

/// The facts of an index unit that the live parse does not know better:
/// everything not located in the main file, minus the roots.
FactsUnit withoutMainFile(const FactsUnit &Unit, FileIndex MainFile) {
  FactsUnit Out;
  Out.MainFile = Unit.MainFile;
  Out.Files = Unit.Files;
  Out.Functions = Unit.Functions;
  auto Elsewhere = [&](const auto &Fact) { return Fact.Loc.File != MainFile; };
  llvm::copy_if(Unit.Calls, std::back_inserter(Out.Calls), Elsewhere);
  llvm::copy_if(Unit.Arguments, std::back_inserter(Out.Arguments), Elsewhere);
  llvm::copy_if(Unit.SinkCalls, std::back_inserter(Out.SinkCalls), Elsewhere);
  llvm::copy_if(Unit.SinkArguments, std::back_inserter(Out.SinkArguments),
                Elsewhere);
  // Facts without a location describe a function's parameters and
  // overrides; they only ever add edges where some caller passes a function.
  Out.ParamCalls = Unit.ParamCalls;
  Out.ParamForwards = Unit.ParamForwards;
  Out.Overrides = Unit.Overrides;
  return Out;
}

} // namespace

std::string mainFilePath(clang::ASTContext &Ctx) {
  clang::SourceManager &SM = Ctx.getSourceManager();
  clang::OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID());
  if (!Main)
    return "";
  // Spelled exactly as FactsBuilder spells file paths.
  llvm::SmallString<256> Path(Main->getName());
  SM.getFileManager().makeAbsolutePath(Path);
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return Path.str().str();
}

std::vector<Finding>
analyzeTranslationUnit(clang::ASTContext &Ctx, const SinkCatalog &Sinks,
                       const RuleSelection &Rules,
                       llvm::ArrayRef<std::shared_ptr<const FactsUnit>> Index,
                       RootKindSet RootKinds) {
  std::string MainFile = mainFilePath(Ctx);
  FactsUnit Live = collectFacts(Ctx, Sinks);
  // Roots outside the main file belong to the units (or the CLI run) that
  // report them; searching from them here would only be thrown away. The
  // index's roots are never searched (see withoutMainFile), so filtering
  // the live ones by kind is the whole of RootKinds.
  llvm::erase_if(Live.Roots, [&](const RootFact &Root) {
    return Live.Files[Root.Loc.File] != MainFile ||
           !RootKinds.test(static_cast<size_t>(Root.Kind));
  });
  if (Live.Roots.empty())
    return {};

  ProgramGraph Graph;
  Graph.addUnit(Live);
  for (const std::shared_ptr<const FactsUnit> &Unit : Index) {
    auto Main = llvm::find(Unit->Files, MainFile);
    if (Main == Unit->Files.end() && Unit->Roots.empty()) {
      Graph.addUnit(*Unit);
      continue;
    }
    FileIndex MainIndex = Main == Unit->Files.end()
                              ? ~FileIndex(0)
                              : FileIndex(Main - Unit->Files.begin());
    Graph.addUnit(withoutMainFile(*Unit, MainIndex));
  }
  Graph.finalize();

  std::vector<Finding> Findings = findReachableSinks(Graph, Rules);
  llvm::erase_if(Findings,
                 [&](const Finding &F) { return F.Loc.File != MainFile; });
  return Findings;
}

} // namespace spawnguard

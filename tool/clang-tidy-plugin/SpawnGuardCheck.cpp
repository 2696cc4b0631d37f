//===- SpawnGuardCheck.cpp ------------------------------------------------===//

#include "SpawnGuardCheck.h"
#include "spawnguard/Cpp/FactsIndex.h"
#include "spawnguard/Cpp/UnitAnalysis.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace spawnguard::tidy {
namespace {

/// The non-empty entries of a ';'-separated option.
std::vector<std::string> parseList(llvm::StringRef Option) {
  std::vector<std::string> Result;
  for (llvm::StringRef Name : clang::tidy::utils::options::parseStringList(Option))
    if (!Name.trim().empty())
      Result.push_back(Name.trim().str());
  return Result;
}

/// The location of \p Point in this unit's source manager. A file the unit
/// never included (a callee's file, known from the facts index) is loaded
/// now, so that notes can point into it.
SourceLocation locate(SourceManager &SM, const SourcePoint &Point) {
  FileManager &FM = SM.getFileManager();
  OptionalFileEntryRef File = FM.getOptionalFileRef(Point.File);
  if (!File || Point.Line == 0)
    return {};
  FileID FID = SM.translateFile(*File);
  if (FID.isInvalid())
    FID = SM.createFileID(*File, SourceLocation(), SrcMgr::C_User);
  if (FID.isInvalid())
    return {};
  return SM.translateLineCol(FID, Point.Line, std::max(Point.Column, 1u));
}

/// The findings of every C/C++ rule for the unit being matched. Each check
/// of the module needs the same engine run (it only keeps its own rule's
/// findings), so the first check to ask runs it and the others reuse it;
/// onEndOfTranslationUnit() drops it. A unit is matched on one thread.
struct UnitFindings {
  const ASTContext *Context = nullptr;
  std::string Options;
  std::vector<Finding> Findings;
  std::vector<std::string> IndexErrors;
};
thread_local UnitFindings CurrentUnit;

std::string spell(const SourcePoint &Point) {
  return Point.File + ":" + std::to_string(Point.Line) + ":" +
         std::to_string(Point.Column);
}

} // namespace

SpawnGuardCheck::SpawnGuardCheck(llvm::StringRef Name,
                                 clang::tidy::ClangTidyContext *Context,
                                 const RuleInfo &Rule)
    : ClangTidyCheck(Name, Context), Rule(Rule),
      SinksOption(Options.getLocalOrGlobal("Sinks", "").str()),
      FactsIndexOption(Options.getLocalOrGlobal("FactsIndex", "").str()),
      RootKindsOption(Options.getLocalOrGlobal("RootKinds", "").str()),
      Sinks(parseList(SinksOption)) {
  std::vector<std::string> KindNames = parseList(RootKindsOption);
  if (KindNames.empty())
    RootKinds.set();
  for (const std::string &KindName : KindNames) {
    if (std::optional<RootKind> Kind = parseRootKind(KindName)) {
      RootKinds.set(static_cast<size_t>(*Kind));
      continue;
    }
    std::string Known;
    for (unsigned K = 0; K <= static_cast<unsigned>(LastRootKind); ++K)
      Known += (K ? ", " : "") + rootKindName(static_cast<RootKind>(K)).str();
    configurationDiag("%0: unknown root kind '%1' in option 'RootKinds' "
                      "(known: %2)")
        << Rule.Name << KindName << Known;
  }
}

void SpawnGuardCheck::storeOptions(
    clang::tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "Sinks", SinksOption);
  Options.store(Opts, "FactsIndex", FactsIndexOption);
  Options.store(Opts, "RootKinds", RootKindsOption);
}

void SpawnGuardCheck::registerMatchers(MatchFinder *Finder) {
  // The engine looks at the whole unit at once, like misc-no-recursion.
  Finder->addMatcher(translationUnitDecl().bind("unit"), this);
}

void SpawnGuardCheck::onEndOfTranslationUnit() { CurrentUnit = {}; }

void SpawnGuardCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  SourceManager &SM = Ctx.getSourceManager();

  // Checks configured differently (per-check options) cannot share a run.
  std::string OptionsKey =
      SinksOption + '\n' + FactsIndexOption + '\n' + RootKinds.to_string();
  if (CurrentUnit.Context != &Ctx || CurrentUnit.Options != OptionsKey) {
    CurrentUnit = {};
    CurrentUnit.Context = &Ctx;
    CurrentUnit.Options = OptionsKey;
    FactsIndex Index;
    if (!FactsIndexOption.empty()) {
      llvm::SmallString<256> Directory(FactsIndexOption);
      SM.getFileManager().makeAbsolutePath(Directory);
      llvm::sys::path::remove_dots(Directory, /*remove_dot_dot=*/true);
      Index = loadFactsIndex(Directory);
    }
    CurrentUnit.IndexErrors = std::move(Index.Errors);
    CurrentUnit.Findings = analyzeTranslationUnit(
        Ctx, Sinks, RuleSelection("*"), Index.Units, RootKinds);
  }
  for (const std::string &Error : CurrentUnit.IndexErrors)
    configurationDiag("%0: %1") << Rule.Name << Error;

  std::vector<Finding> Findings;
  for (const Finding &F : CurrentUnit.Findings)
    if (F.Rule == Rule.Name)
      Findings.push_back(F);

  // clang-tidy merges warnings with the same check, location and message,
  // keeping only the first one's notes. A root that reaches several
  // process-creating calls is several findings with one message, so they
  // become one warning that carries every trace, in the CLI's order.
  for (size_t I = 0; I < Findings.size();) {
    const Finding &First = Findings[I];
    SourceLocation Loc = locate(SM, First.Loc);
    size_t End = I + 1;
    while (End < Findings.size() && Findings[End].Loc == First.Loc &&
           Findings[End].Message == First.Message)
      ++End;
    if (Loc.isValid()) {
      diag(Loc, "%0") << First.Message;
      for (; I < End; ++I)
        for (const TraceNote &Note : Findings[I].Trace) {
          if (SourceLocation NoteLoc = locate(SM, Note.Loc); NoteLoc.isValid())
            diag(NoteLoc, "%0", DiagnosticIDs::Note) << Note.Message;
          else
            diag("%0: %1", DiagnosticIDs::Note)
                << spell(Note.Loc) << Note.Message;
        }
    }
    I = End;
  }
}

} // namespace spawnguard::tidy

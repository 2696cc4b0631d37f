//===- CompilationRunner.cpp ----------------------------------------------===//

#include "spawnguard/Cpp/CompilationRunner.h"
#include "spawnguard/Cpp/FactsCollector.h"
#include "spawnguard/Cpp/SinkCatalog.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Driver/Options.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"

using namespace clang;

namespace spawnguard {
namespace {

/// Keeps the first error, counts the rest, and prints nothing: the driver
/// decides how to report a unit that did not parse cleanly.
class ErrorCollector : public DiagnosticConsumer {
public:
  explicit ErrorCollector(CompilationResult &Result) : Result(Result) {}

  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level < DiagnosticsEngine::Error)
      return;
    if (Result.ErrorCount++ != 0)
      return;
    llvm::SmallString<256> Message;
    Info.FormatDiagnostic(Message);
    std::string Where;
    if (Info.hasSourceManager() && Info.getLocation().isValid()) {
      const SourceManager &SM = Info.getSourceManager();
      PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(Info.getLocation()));
      if (P.isValid())
        Where = std::string(P.getFilename()) + ":" +
                std::to_string(P.getLine()) + ":" +
                std::to_string(P.getColumn()) + ": ";
    }
    Result.FirstError = Where + "error: " + Message.str().str();
  }

private:
  CompilationResult &Result;
};

class FactsConsumer : public ASTConsumer {
public:
  FactsConsumer(const SinkCatalog &Sinks, llvm::StringRef PathBase,
                CompilationResult &Out)
      : Sinks(Sinks), PathBase(PathBase), Out(Out) {}
  void HandleTranslationUnit(ASTContext &Ctx) override {
    Out.Facts = collectFacts(Ctx, Sinks, PathBase);
    // What the unit read decides when its facts go stale.
    const SourceManager &SM = Ctx.getSourceManager();
    FileManager &FM = SM.getFileManager();
    for (auto It = SM.fileinfo_begin(), End = SM.fileinfo_end(); It != End;
         ++It) {
      llvm::SmallString<256> Path(It->first.getName());
      FM.makeAbsolutePath(Path);
      // Keep "..": folding it lexically is wrong across symlinks. A driver
      // found through a bare 'clang++' reads libstdc++ as
      // /../lib/gcc/<triple>/12/../../../../include/c++/12/map, and with
      // /lib a link to /usr/lib the folded /include/c++/12/map does not
      // exist, so the entry could never be validated.
      llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/false);
      Out.Dependencies.push_back(Path.str().str());
    }
    llvm::sort(Out.Dependencies);
    Out.Dependencies.erase(
        std::unique(Out.Dependencies.begin(), Out.Dependencies.end()),
        Out.Dependencies.end());
  }

private:
  const SinkCatalog &Sinks;
  llvm::StringRef PathBase;
  CompilationResult &Out;
};

class FactsAction : public ASTFrontendAction {
public:
  FactsAction(const SinkCatalog &Sinks, llvm::StringRef PathBase,
              CompilationResult &Out)
      : Sinks(Sinks), PathBase(PathBase), Out(Out) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &,
                                                 llvm::StringRef) override {
    return std::make_unique<FactsConsumer>(Sinks, PathBase, Out);
  }

private:
  const SinkCatalog &Sinks;
  llvm::StringRef PathBase;
  CompilationResult &Out;
};

/// Drops the arguments Clang's driver does not know, such as GCC-only flags
/// ('-fno-canonical-system-headers') in a database written for GCC: they
/// make Clang reject the whole unit, and none of them changes what the code
/// means to us. clangd does the same.
std::vector<std::string> dropUnknownArguments(std::vector<std::string> Args) {
  if (Args.size() < 2)
    return Args;
  std::vector<const char *> Argv;
  for (size_t I = 1; I < Args.size(); ++I)
    Argv.push_back(Args[I].c_str());
  unsigned MissingIndex = 0, MissingCount = 0;
  llvm::opt::InputArgList Parsed = driver::getDriverOptTable().ParseArgs(
      Argv, MissingIndex, MissingCount);
  llvm::StringSet<> Unknown;
  for (const llvm::opt::Arg *A : Parsed.filtered(driver::options::OPT_UNKNOWN))
    Unknown.insert(A->getAsString(Parsed));
  if (Unknown.empty())
    return Args;
  llvm::erase_if(Args, [&](const std::string &Arg) {
    return Unknown.contains(Arg);
  });
  return Args;
}

/// The command line Clang should run: a syntax-only parse with the builtin
/// headers of the Clang we link, without outputs or dependency files, and
/// with warnings off (we need the AST, and -Werror must not turn a warning
/// into a parse failure). Diagnostics are collected, never printed.
std::vector<std::string> adjustCommandLine(const tooling::CompileCommand &Cmd,
                                           const CompilationOptions &Options) {
  using namespace tooling;
  std::vector<std::string> Args = dropUnknownArguments(Cmd.CommandLine);
  for (const ArgumentsAdjuster &Adjust :
       {getClangStripOutputAdjuster(), getClangSyntaxOnlyAdjuster(),
        getClangStripDependencyFileAdjuster()})
    Args = Adjust(Args, Cmd.Filename);

  std::vector<std::string> Before = Options.ExtraArgsBefore;
  bool HasResourceDir = false;
  for (const std::string &Arg : Args)
    HasResourceDir |= llvm::StringRef(Arg).starts_with("-resource-dir");
  if (!HasResourceDir)
    Before.insert(Before.begin(),
                  std::string("-resource-dir=") + SPAWNGUARD_CLANG_RESOURCE_DIR);
  Args = getInsertArgumentAdjuster(Before, ArgumentInsertPosition::BEGIN)(
      Args, Cmd.Filename);
  std::vector<std::string> After = Options.ExtraArgs;
  After.push_back("-w");
  // Without carets Clang also skips its "N errors generated." line.
  After.push_back("-fno-caret-diagnostics");
  return getInsertArgumentAdjuster(After, ArgumentInsertPosition::END)(
      Args, Cmd.Filename);
}

} // namespace

std::string commandIdentity(const tooling::CompileCommand &Command,
                            const CompilationOptions &Options) {
  // Everything adjustCommandLine reads rather than what it returns: the
  // adjusted command is a pure function of these and of the tool's build,
  // and computing it parses the driver's options, a fifth of a warm run
  // over thousands of cached units. Lists carry their length, so that no
  // two different inputs give the same string.
  std::string Identity;
  auto Add = [&](llvm::StringRef Field) {
    Identity += Field;
    Identity += '\0';
  };
  auto AddList = [&](llvm::ArrayRef<std::string> List) {
    Add(std::to_string(List.size()));
    for (const std::string &Item : List)
      Add(Item);
  };
  Add(Options.PathBase);
  Add(Command.Directory);
  Add(Command.Filename);
  AddList(Command.CommandLine);
  AddList(Options.ExtraArgsBefore);
  AddList(Options.ExtraArgs);
  return Identity;
}

CompilationResult runCompilation(const tooling::CompileCommand &Command,
                                 const SinkCatalog &Sinks,
                                 const CompilationOptions &Options) {
  CompilationResult Result;
  llvm::SmallString<256> File(Command.Filename);
  llvm::sys::fs::make_absolute(Command.Directory, File);
  llvm::sys::path::remove_dots(File, /*remove_dot_dot=*/true);
  Result.File = File.str().str();

  // A private working directory per run: threads must not share one.
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS =
      llvm::vfs::createPhysicalFileSystem();
  if (std::error_code EC = FS->setCurrentWorkingDirectory(Command.Directory)) {
    Result.ErrorCount = 1;
    Result.FirstError = "error: cannot enter directory '" + Command.Directory +
                        "': " + EC.message();
    return Result;
  }
  FileSystemOptions FSOptions;
  FSOptions.WorkingDir = Command.Directory;
  llvm::IntrusiveRefCntPtr<FileManager> Files(new FileManager(FSOptions, FS));

  // A response file that could not be read stays in the command as
  // '@file', which the driver then drops: the unit would parse without its
  // flags and look clean. It is an error of the unit, reported first.
  for (const std::string &Arg : Command.CommandLine)
    if (Arg.size() > 1 && Arg.front() == '@' && Result.ErrorCount++ == 0)
      Result.FirstError = "error: cannot read response file '" +
                          Arg.substr(1) + "' in the compile command";

  ErrorCollector Errors(Result);
  tooling::ToolInvocation Invocation(
      adjustCommandLine(Command, Options),
      std::make_unique<FactsAction>(Sinks, Options.PathBase, Result),
      Files.get());
  Invocation.setDiagnosticConsumer(&Errors);
  bool Ran = Invocation.run();
  if (!Ran && Result.ErrorCount == 0) {
    Result.ErrorCount = 1;
    Result.FirstError = "error: the compiler could not run this command";
  }
  Result.Clean = Ran && Result.ErrorCount == 0;
  if (Result.Facts.MainFile.empty())
    Result.Facts.MainFile = Result.File;
  return Result;
}

} // namespace spawnguard

//===- SinkCatalog.cpp ----------------------------------------------------===//

#include "spawnguard/Cpp/SinkCatalog.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace spawnguard {

// C functions with external C linkage at global scope.
static const char *const CreatingCFunctions[] = {
    // POSIX and glibc.
    "fork", "vfork", "_Fork", "posix_spawn", "posix_spawnp", "popen",
    "daemon", "forkpty", "clone3",
    // Win32.
    "CreateProcessA", "CreateProcessW", "CreateProcessAsUserA",
    "CreateProcessAsUserW", "CreateProcessWithLogonW",
    "CreateProcessWithTokenW", "ShellExecuteA", "ShellExecuteW",
    "ShellExecuteExA", "ShellExecuteExW", "WinExec",
    // MSVC CRT.
    "_popen", "_wpopen", "_spawnl", "_spawnle", "_spawnlp", "_spawnlpe",
    "_spawnv", "_spawnve", "_spawnvp", "_spawnvpe", "_wspawnl", "_wspawnle",
    "_wspawnlp", "_wspawnlpe", "_wspawnv", "_wspawnve", "_wspawnvp",
    "_wspawnvpe",
    // GLib.
    "g_spawn_async", "g_spawn_async_with_fds", "g_spawn_async_with_pipes",
    "g_spawn_async_with_pipes_and_fds", "g_spawn_sync",
    "g_spawn_command_line_async", "g_spawn_command_line_sync"};

static const char *const ReplacingCFunctions[] = {
    "execl",   "execle",   "execlp",   "execv",    "execve",  "execvp",
    "execvpe", "fexecve",  "execveat", "_execl",   "_execle", "_execlp",
    "_execlpe", "_execv",  "_execve",  "_execvp",  "_execvpe", "_wexecl",
    "_wexecle", "_wexeclp", "_wexeclpe", "_wexecv", "_wexecve", "_wexecvp",
    "_wexecvpe"};

// C++ APIs by qualified name, without template arguments. Boost.Process v1
// lives in boost::process or, since Boost 1.86, boost::process::v1. The
// constructors that launch are function templates taking the command: v1
// 'child(Args&&...)', v2 'basic_process(exec, exe, args, inits...)'. The
// others (default, move, attach to a pid, bind to an execution context)
// launch nothing.
static const struct {
  const char *Name;
  uint8_t MinParams;
} LauncherConstructors[] = {
    {"boost::process::child::child", 1},
    {"boost::process::v1::child::child", 1},
    {"boost::process::v2::basic_process::basic_process", 3}};

static const char *const CreatingCxxFunctions[] = {
    "boost::process::spawn",        "boost::process::v1::spawn",
    "boost::process::system",       "boost::process::v1::system",
    "boost::process::async_system", "boost::process::v1::async_system",
    "QProcess::start",              "QProcess::startDetached",
    "QProcess::startCommand",       "QProcess::execute",
    "QProcess::open"};

SinkCatalog::SinkCatalog(llvm::ArrayRef<std::string> ExtraSinks) {
  for (const char *Name : CreatingCFunctions)
    CFunctions[Name] = {SinkAction::CreatesProcess, Check::None};
  for (const char *Name : ReplacingCFunctions)
    CFunctions[Name] = {SinkAction::ReplacesProcess, Check::None};
  for (const char *Name : {"system", "_wsystem"})
    CFunctions[Name] = {SinkAction::CreatesProcess, Check::NotNullCommand};
  CFunctions["clone"] = {SinkAction::CreatesProcess, Check::NotThreadClone};

  for (const auto &Launcher : LauncherConstructors)
    CxxNames[Launcher.Name] = {SinkAction::CreatesProcess, Check::Launcher,
                               Launcher.MinParams};
  for (const char *Name : CreatingCxxFunctions)
    CxxNames[Name] = {SinkAction::CreatesProcess, Check::None};

  std::vector<std::string> Extra;
  for (llvm::StringRef Name : ExtraSinks) {
    Name.consume_front("::");
    CxxNames[Name] = {SinkAction::CreatesProcess, Check::None};
    Extra.push_back(Name.str());
  }
  llvm::sort(Extra);
  for (const std::string &Name : Extra)
    Identity += Name + ";";
}

static bool isGlobalExternC(const FunctionDecl &FD) {
  return FD.isExternC() &&
         FD.getDeclContext()->getRedeclContext()->isTranslationUnit();
}

/// "ns::Class::method" with inline namespaces and template arguments left
/// out, so one catalog entry covers every specialization and ABI namespace.
/// Empty for local entities, which no catalog entry can name.
static std::string plainQualifiedName(const FunctionDecl &FD) {
  llvm::SmallVector<std::string, 4> Parts;
  const auto *Ctor = dyn_cast<CXXConstructorDecl>(&FD);
  Parts.push_back(Ctor ? Ctor->getParent()->getName().str()
                       : FD.getDeclName().getAsString());
  for (const DeclContext *DC = FD.getDeclContext(); !DC->isTranslationUnit();
       DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (!NS->isInline())
        Parts.push_back(NS->isAnonymousNamespace() ? "(anonymous namespace)"
                                                   : NS->getName().str());
    } else if (const auto *RD = dyn_cast<RecordDecl>(DC)) {
      Parts.push_back(RD->getName().str());
    } else if (!isa<LinkageSpecDecl, ExportDecl>(DC)) {
      return "";
    }
  }
  std::string Name;
  for (auto It = Parts.rbegin(); It != Parts.rend(); ++It)
    Name += (Name.empty() ? "" : "::") + *It;
  return Name;
}

static std::optional<uint64_t> constantArgument(const Expr *Arg,
                                                ASTContext &Ctx) {
  Expr::EvalResult Result;
  if (Arg->isValueDependent() || !Arg->EvaluateAsInt(Result, Ctx))
    return std::nullopt;
  return Result.Val.getInt().getZExtValue();
}

std::optional<SinkMatch>
SinkCatalog::match(const FunctionDecl &Callee,
                   llvm::ArrayRef<const Expr *> Args, ASTContext &Ctx) const {
  const IdentifierInfo *Id = Callee.getIdentifier();
  const Entry *Found = nullptr;
  std::string Api;
  if (Id && isGlobalExternC(Callee)) {
    auto It = CFunctions.find(Id->getName());
    if (It != CFunctions.end()) {
      Found = &It->second;
      Api = Id->getName().str();
    }
  }
  if (!Found && !CxxNames.empty()) {
    std::string Qualified = plainQualifiedName(Callee);
    auto It = CxxNames.find(Qualified);
    if (It != CxxNames.end()) {
      Found = &It->second;
      Api = std::move(Qualified);
    }
  }
  if (!Found)
    return std::nullopt;

  switch (Found->Condition) {
  case Check::None:
    break;
  case Check::NotNullCommand:
    // system(NULL) reports whether a command processor exists.
    if (!Args.empty() &&
        Args[0]->IgnoreParenImpCasts()->isNullPointerConstant(
            Ctx, Expr::NPC_ValueDependentIsNotNull))
      return std::nullopt;
    break;
  case Check::NotThreadClone: {
    // clone(fn, stack, flags, ...) with CLONE_THREAD makes a thread.
    constexpr uint64_t CloneThread = 0x00010000;
    if (Args.size() > 2)
      if (std::optional<uint64_t> Flags = constantArgument(Args[2], Ctx))
        if (*Flags & CloneThread)
          return std::nullopt;
    break;
  }
  case Check::Launcher:
    if (!Callee.getPrimaryTemplate() ||
        Callee.getNumParams() < Found->MinParams)
      return std::nullopt;
    break;
  }
  return SinkMatch{std::move(Api), Found->Action};
}

std::optional<unsigned>
SinkCatalog::exitHandlerArgument(const FunctionDecl &Callee) {
  const IdentifierInfo *Id = Callee.getIdentifier();
  if (!Id || !Callee.getDeclContext()->getRedeclContext()->isTranslationUnit())
    return std::nullopt;
  // glibc declares at_quick_exit 'extern "C++"' for C++, so accept the
  // C library's own declaration as well as any extern "C" one.
  const SourceManager &SM = Callee.getASTContext().getSourceManager();
  if (!Callee.isExternC() &&
      !SM.isInSystemHeader(SM.getExpansionLoc(Callee.getLocation())))
    return std::nullopt;
  return llvm::StringSwitch<std::optional<unsigned>>(Id->getName())
      .Cases("atexit", "at_quick_exit", "__cxa_atexit", "_onexit", 0u)
      .Default(std::nullopt);
}

} // namespace spawnguard

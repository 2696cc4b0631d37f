//===- Driver.cpp - The spawnguard command line ---------------------------===//
//
// Wires the pieces together and nothing more. Three ways to run:
//
//   spawnguard [-p build] [paths] [-- flags]   extract every unit (reusing
//                                              cached facts) and link them
//   spawnguard extract ...                     write facts files, one per
//                                              unit, for a later link
//   spawnguard link <facts files or dirs>      link facts files and report
//   spawnguard lsp                             the Python language server
//
// Exit codes: 0 no findings, 1 findings, 2 usage or input errors (a bad
// option, a missing database, a unit that failed to parse, a damaged facts
// file). Input errors win over findings: a run that could not see
// everything must not look clean or merely dirty.
//
//===----------------------------------------------------------------------===//

#include "CompileCommands.h"
#include "Progress.h"
#include "ToolIdentity.h"
#include "spawnguard/Core/Baseline.h"
#include "spawnguard/Core/Config.h"
#include "spawnguard/Core/FactsCache.h"
#include "spawnguard/Core/FactsIO.h"
#include "spawnguard/Core/InputLimits.h"
#include "spawnguard/Core/ProgramGraph.h"
#include "spawnguard/Core/Reachability.h"
#include "spawnguard/Core/Report.h"
#include "spawnguard/Core/RuleDocs.h"
#include "spawnguard/Core/Rules.h"
#include "spawnguard/Core/TextOutput.h"
#include "spawnguard/Core/UnusedSuppressions.h"
#include "spawnguard/Cpp/Extraction.h"
#include "spawnguard/Cpp/NoLint.h"
#include "spawnguard/Cpp/SinkCatalog.h"
#include "spawnguard/Lsp/PythonServer.h"
#include "spawnguard/Python/PythonFrontEnd.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/BuryPointer.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/Signals.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <memory>
#include <set>

using namespace llvm;
using namespace spawnguard;
namespace tooling = clang::tooling;

namespace {

enum ExitCode { ExitClean = 0, ExitFindings = 1, ExitError = 2 };

cl::OptionCategory Category("spawnguard options");

const char Overview[] =
    "Finds process creation that runs before a program has finished starting\n"
    "up, or after it began shutting down: in C and C++, fork, exec, system,\n"
    "posix_spawn, CreateProcess, ... reachable from static initializers and\n"
    "destructors, constructor functions, DllMain and exit handlers; in\n"
    "Python, multiprocessing pools, Process.start(), executors, DataLoader\n"
    "workers, ... reachable from module-level code outside a main guard.\n"
    "Each finding comes with the call chain that gets there.\n"
    "\n"
    "  spawnguard -p <build-dir> [paths...]      analyse the compilation\n"
    "                                            database in <build-dir>\n"
    "  spawnguard <files...> -- <compiler args>  analyse files with one\n"
    "                                            command line\n"
    "  spawnguard <.py files or directories>     analyse Python (add -p for\n"
    "                                            C++ and Python together)\n"
    "  spawnguard extract -p <build-dir> -o <dir> [--shard I/N]\n"
    "                                            write one facts file per unit\n"
    "  spawnguard extract -o <dir> <files...> -- <compiler args>\n"
    "  spawnguard extract [--compile] [-o <file>] -- <compiler> <args...>\n"
    "                                            facts of one compile command\n"
    "                                            (usable as a compiler wrapper)\n"
    "  spawnguard link <facts files or dirs...>  link facts files and report\n"
    "  spawnguard rules                          list the rules\n"
    "  spawnguard explain <rule>                 print a rule's page\n"
    "  spawnguard lsp                            serve diagnostics for '.py'\n"
    "                                            files to an editor (LSP on\n"
    "                                            stdin and stdout)\n"
    "\n"
    "Each file's configuration (rules, ignores, extra sinks and roots, the\n"
    "Python start-method policy) comes from the nearest .spawnguard.yaml, or\n"
    "[tool.spawnguard] in pyproject.toml; --dump-config shows it.\n";

cl::opt<std::string> BuildPath("p",
                               cl::desc("Build directory containing "
                                        "compile_commands.json"),
                               cl::value_desc("build-dir"), cl::cat(Category));
cl::list<std::string> Paths(cl::Positional,
                            cl::desc("[<file or directory>...]"),
                            cl::cat(Category));
cl::opt<unsigned> Jobs("j",
                       cl::desc("Translation units or Python modules to "
                                "analyse in parallel (default: the number "
                                "of cores)"),
                       cl::init(0), cl::Prefix, cl::cat(Category));
cl::opt<std::string>
    Checks("checks",
           cl::desc("Comma-separated globs of rules to enable, by name or "
                    "code; a leading '-' disables (default: '*')"),
           cl::init("*"), cl::cat(Category));
cl::opt<std::string> Format("format",
                            cl::desc("Output format: text, json, sarif or "
                                     "github (default: text)"),
                            cl::init("text"), cl::cat(Category));
enum class ColorMode { Auto, Always, Never };
// Registered under a private name: libLLVM already owns "color" (a boolean).
// main() retires LLVM's option and gives ours the public name.
cl::opt<ColorMode> ColorOpt(
    "spawnguard-color", cl::desc("Color the output (default: auto)"),
    cl::values(clEnumValN(ColorMode::Auto, "auto",
                          "when stdout is a terminal and NO_COLOR is unset"),
               clEnumValN(ColorMode::Always, "always", "always"),
               clEnumValN(ColorMode::Never, "never", "never")),
    cl::init(ColorMode::Auto), cl::cat(Category));
cl::list<std::string> Sinks("sink",
                            cl::desc("An extra function that creates a "
                                     "process: a C++ qualified name "
                                     "(corp::launch) or a Python dotted "
                                     "name (pkg.read_chat(parallel=True)); "
                                     "repeatable"),
                            cl::value_desc("name"), cl::cat(Category));
cl::list<std::string>
    ExtraArgs("extra-arg",
              cl::desc("Append an argument to every compile command"),
              cl::cat(Category));
cl::list<std::string> ExtraArgsBefore(
    "extra-arg-before",
    cl::desc("Prepend an argument to every compile command"),
    cl::cat(Category));
cl::opt<std::string>
    CacheDir("cache-dir",
             cl::desc("Directory for cached facts (default: "
                      "<build-dir>/.spawnguard-cache with -p; safe to "
                      "delete)"),
             cl::value_desc("dir"), cl::cat(Category));
cl::opt<bool> NoCache("no-cache", cl::desc("Neither read nor write the cache"),
                      cl::cat(Category));
cl::opt<std::string>
    ShardOpt("shard",
             cl::desc("extract: only every N-th unit and Python module, "
                      "starting at the I-th (1-based), for CI jobs in "
                      "parallel"),
             cl::value_desc("I/N"), cl::cat(Category));
cl::opt<std::string>
    Output("o",
           cl::desc("Write the report to <path> (atomically) instead of "
                    "stdout; with extract, where the facts go (a directory "
                    "with -p, a file for one compiler command)"),
           cl::value_desc("path"), cl::cat(Category));
cl::opt<std::string> RelativeTo(
    "relative-to",
    cl::desc("extract: record paths below this directory relative to it "
             "(for sandboxed build actions)"),
    cl::value_desc("dir"), cl::cat(Category));
cl::opt<bool> Compile("compile",
                      cl::desc("extract: also run the compiler command, as a "
                               "compiler wrapper does"),
                      cl::cat(Category));
cl::opt<bool> Quiet("quiet",
                    cl::desc("Print no progress and no summary line"),
                    cl::cat(Category));
cl::alias QuietShort("q", cl::desc("Alias for --quiet"), cl::aliasopt(Quiet));
cl::opt<bool> Statistics("statistics",
                         cl::desc("Print the number of findings per rule "
                                  "instead of the findings"),
                         cl::cat(Category));
cl::opt<std::string> BaselineFile("baseline",
                                  cl::desc("Report only findings that are "
                                           "not in this baseline file"),
                                  cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> WriteBaselineFile(
    "write-baseline",
    cl::desc("Write every finding to this baseline file and exit 0"),
    cl::value_desc("file"), cl::cat(Category));
cl::opt<bool> DumpConfig("dump-config",
                         cl::desc("Print the effective configuration for "
                                  "the given file or directory (default: "
                                  "the current directory) and exit"),
                         cl::cat(Category));
cl::opt<bool> ReportUnusedSuppressions(
    "report-unused-suppressions",
    cl::desc("Report NOLINT comments that name a spawnguard rule but "
             "silence nothing (rule SG100)"),
    cl::cat(Category));
cl::opt<std::string> DocsUrl(
    "docs-url", cl::desc("Base URL of the docs for SARIF help links"),
    cl::init(SPAWNGUARD_DOCS_URL), cl::Hidden, cl::cat(Category));
cl::opt<std::string> MaxFileSize(
    "max-file-size",
    cl::desc("Skip Python modules and C/C++ main files larger than this, "
             "with an error: bytes, or with K, M or G; 0 for no limit "
             "(default: 10M)"),
    cl::value_desc("size"), cl::init("10M"), cl::cat(Category));
cl::opt<bool> Verbose("verbose",
                      cl::desc("Say how many units were parsed and how many "
                               "came from the cache"),
                      cl::cat(Category));

enum class Mode { Analyse, Extract, Link };

void printVersion(raw_ostream &OS) {
  OS << "spawnguard " SPAWNGUARD_VERSION " (LLVM " LLVM_VERSION_STRING ")\n";
}

int listRules() {
  for (const RuleInfo &Rule : allRules())
    outs() << Rule.Code << "  " << Rule.Name << "  [" << Rule.Language
           << "]\n        " << Rule.Summary << "\n";
  return ExitClean;
}

bool useColor() {
  switch (ColorOpt) {
  case ColorMode::Always:
    return true;
  case ColorMode::Never:
    return false;
  case ColorMode::Auto:
    // https://no-color.org: only a non-empty NO_COLOR turns color off.
    if (std::optional<std::string> NoColor = sys::Process::GetEnv("NO_COLOR"))
      if (!NoColor->empty())
        return false;
    return outs().is_displayed();
  }
  return false;
}

/// The cache of the Python modules: --cache-dir, else the build
/// directory's with -p. A Python-only run without --cache-dir writes no
/// cache: spawnguard does not create directories among the user's sources.
std::unique_ptr<FactsCache> pythonCache() {
  if (NoCache)
    return nullptr;
  if (!CacheDir.empty())
    return std::make_unique<FactsCache>(absolutePath(CacheDir));
  if (!BuildPath.empty() && sys::fs::is_directory(BuildPath))
    return std::make_unique<FactsCache>(absolutePath(BuildPath) +
                                        "/.spawnguard-cache");
  return nullptr;
}

struct Session {
  OutputFormat Format = OutputFormat::Text;
  /// --checks as given, applied after each file's configuration.
  std::string CommandLineChecks;
  ConfigResolver Configs;
  ExtractionOptions Extraction;
  std::unique_ptr<FactsCache> Cache;
  bool Ok = true;

  /// The file stat index of \p Cache's directory, shared by the front
  /// ends; null without a cache. Not for a single compiler command, which
  /// would rewrite an index of the whole project for one unit.
  FileStatIndex *fileIndexFor(const FactsCache *Cache);
  /// Writes back what the indexes learned; a failure is a warning.
  void saveFileIndexes();

  /// Sink catalogs for units, one per distinct configured sink list.
  std::vector<const SinkCatalog *> catalogsFor(
      ArrayRef<tooling::CompileCommand> Commands);

  /// Reports configuration errors found so far; false if there were any.
  bool configIsValid();

private:
  std::map<std::vector<std::string>, std::unique_ptr<SinkCatalog>> Catalogs;
  std::map<std::string, std::unique_ptr<FileStatIndex>> FileIndexes;
};

FileStatIndex *Session::fileIndexFor(const FactsCache *Cache) {
  if (!Cache)
    return nullptr;
  std::unique_ptr<FileStatIndex> &Index = FileIndexes[Cache->directory()];
  if (!Index) {
    std::string Problem;
    Index = std::make_unique<FileStatIndex>(Cache->directory(), Problem);
    if (!Problem.empty())
      errs() << "spawnguard: warning: " << Problem << "\n";
  }
  return Index.get();
}

void Session::saveFileIndexes() {
  for (auto &[Directory, Index] : FileIndexes)
    if (llvm::Error Err = Index->save())
      errs() << "spawnguard: warning: cannot update the cache index: "
             << toString(std::move(Err)) << "\n";
}

std::vector<const SinkCatalog *>
Session::catalogsFor(ArrayRef<tooling::CompileCommand> Commands) {
  std::vector<const SinkCatalog *> Result;
  for (const tooling::CompileCommand &Cmd : Commands) {
    SmallString<256> File(Cmd.Filename);
    sys::fs::make_absolute(Cmd.Directory, File);
    sys::path::remove_dots(File, /*remove_dot_dot=*/true);
    // Each unit's extra sinks come from its own .spawnguard.yaml, then --sink.
    std::vector<std::string> UnitSinks = Configs.forFile(File).Sinks;
    UnitSinks.insert(UnitSinks.end(), Sinks.begin(), Sinks.end());
    std::unique_ptr<SinkCatalog> &Catalog = Catalogs[UnitSinks];
    if (!Catalog)
      Catalog = std::make_unique<SinkCatalog>(UnitSinks);
    Result.push_back(Catalog.get());
  }
  return Result;
}

bool Session::configIsValid() {
  for (const std::string &Error : Configs.errors())
    errs() << "spawnguard: error: " << Error << "\n";
  return Configs.errors().empty();
}

/// Extracts \p Commands, reporting cache problems and units that did not
/// parse cleanly; the facts of those still count.
std::vector<CompilationResult>
extract(Session &S, ArrayRef<tooling::CompileCommand> Commands) {
  ProgressLine Progress(!Quiet && errs().is_displayed() && Commands.size() > 1);
  S.Extraction.OnProgress = [&](size_t Done, size_t Total) {
    Progress.update(Done, Total);
  };
  ExtractionStats Stats;
  std::vector<const SinkCatalog *> Catalogs = S.catalogsFor(Commands);
  std::vector<CompilationResult> Results =
      extractUnits(Commands, Catalogs, S.Extraction, Stats);
  S.Extraction.OnProgress = nullptr;
  S.saveFileIndexes();
  for (const std::string &Problem : Stats.CacheProblems)
    errs() << "spawnguard: warning: " << Problem << "\n";
  if (Verbose && !Commands.empty()) {
    errs() << "spawnguard: " << Stats.Parsed << " parsed, " << Stats.CacheHits
           << " from cache";
    if (S.Extraction.Cache)
      errs() << " ('" << S.Extraction.Cache->directory() << "')";
    else
      errs() << " (no cache)";
    errs() << "\n";
  }
  for (const CompilationResult &R : Results)
    if (!R.Skipped.empty()) {
      S.Ok = false;
      errs() << "spawnguard: error: " << R.Skipped << "\n";
    } else if (!R.Clean) {
      S.Ok = false;
      errs() << "spawnguard: error: '" << R.File << "' did not parse cleanly ("
             << R.ErrorCount << (R.ErrorCount == 1 ? " error" : " errors")
             << "; analysed what parsed): " << R.FirstError << "\n";
    }
  return Results;
}

/// Searches the linked program and reports: rules selected per file by the
/// configuration and --checks, baselines, unused suppressions, and the
/// chosen format. \p SourceFiles are the files the units read, for the
/// suppression scan.
int report(Session &S, ProgramGraph &Graph,
           const std::set<std::string> &SourceFiles, StringRef Scope,
           unsigned Failed = 0) {
  addConfiguredRoots(Graph, S.Configs);
  // Rules are selected per file, so search for all and filter after.
  std::vector<Finding> Findings = findReachableSinks(Graph, RuleSelection("*"));
  if (ReportUnusedSuppressions) {
    // What the suppressions removed, and the comments that removed nothing.
    std::vector<Finding> All =
        findReachableSinks(Graph, RuleSelection("*"), /*Honor=*/false);
    std::vector<Finding> Suppressed;
    std::set_difference(All.begin(), All.end(), Findings.begin(),
                        Findings.end(), std::back_inserter(Suppressed));
    std::vector<std::string> Files(SourceFiles.begin(), SourceFiles.end());
    std::vector<Finding> Unused =
        findUnusedSuppressions(scanSuppressionComments(Files), Suppressed);
    Findings.insert(Findings.end(), Unused.begin(), Unused.end());
    canonicalize(Findings);
  }
  applyConfig(Findings, S.Configs, S.CommandLineChecks);
  if (!S.configIsValid())
    return ExitError;

  std::string BaseDirectory = absolutePath(".");
  if (!WriteBaselineFile.empty()) {
    if (Error Err = writeToOutput(WriteBaselineFile, [&](raw_ostream &OS) {
          writeBaseline(OS, Findings, BaseDirectory);
          return Error::success();
        })) {
      errs() << "spawnguard: error: cannot write '" << WriteBaselineFile
             << "': " << toString(std::move(Err)) << "\n";
      return ExitError;
    }
    if (!Quiet)
      errs() << "spawnguard: wrote " << Findings.size()
             << (Findings.size() == 1 ? " finding" : " findings") << " to '"
             << WriteBaselineFile << "'\n";
    return S.Ok ? ExitClean : ExitError;
  }
  size_t Baselined = 0;
  if (!BaselineFile.empty()) {
    Expected<Baseline> B = readBaseline(BaselineFile);
    if (!B) {
      errs() << "spawnguard: error: " << toString(B.takeError()) << "\n";
      return ExitError;
    }
    Baselined = applyBaseline(Findings, *B, BaseDirectory);
  }

  TextOptions Text;
  Text.Color = S.Format == OutputFormat::Text && Output.empty() && useColor();
  if (Text.Color)
    outs().enable_colors(true);
  Text.BaseDirectory = BaseDirectory;
  ReportOptions Options;
  Options.BaseDirectory = BaseDirectory;
  Options.ToolVersion = SPAWNGUARD_VERSION;
  Options.DocsUrl = DocsUrl;
  if (Error Err = writeReport(Output.empty() ? "-" : Output.getValue(),
                              S.Format, Statistics, Findings, Options, Text)) {
    errs() << "spawnguard: error: cannot write '" << Output
           << "': " << toString(std::move(Err)) << "\n";
    return ExitError;
  }
  outs().flush();

  if (!Quiet)
    errs() << "spawnguard: " << Findings.size()
           << (Findings.size() == 1 ? " finding" : " findings") << " in "
           << Scope;
  if (!Quiet && Failed)
    errs() << " (" << Failed << " with errors)";
  if (!Quiet && Baselined)
    errs() << " (" << Baselined << " more in the baseline)";
  if (!Quiet)
    errs() << "\n";
  if (!S.Ok)
    return ExitError;
  return Findings.empty() ? ExitClean : ExitFindings;
}

/// The analysed units, from the database or from '<files> -- <flags>'.
std::optional<std::vector<tooling::CompileCommand>>
selectUnits(Session &S, tooling::CompilationDatabase *FixedDB,
            const std::vector<std::string> &Filters, Shard Part,
            const std::set<std::string> &ServedElsewhere) {
  if (FixedDB) {
    std::vector<tooling::CompileCommand> Commands;
    for (const std::string &Path : Filters)
      for (tooling::CompileCommand &Cmd : FixedDB->getCompileCommands(Path))
        Commands.push_back(std::move(Cmd));
    return Commands;
  }
  std::optional<DatabaseSelection> Selection =
      selectFromDatabase(BuildPath, Filters, Part, ServedElsewhere, S.Ok);
  if (!Selection)
    return std::nullopt;
  if (!NoCache)
    S.Cache = std::make_unique<FactsCache>(
        CacheDir.empty() ? Selection->Directory + "/.spawnguard-cache"
                         : absolutePath(CacheDir));
  return std::move(Selection->Commands);
}

std::string plural(size_t N, StringRef Noun) {
  return std::to_string(N) + " " + Noun.str() + (N == 1 ? "" : "s");
}

/// Extracts the C and C++ units, links them with the Python modules'
/// facts, and reports. \p PythonOnly: there was no compile command source
/// at all, so the summary does not count translation units.
int runAnalyse(Session &S, ArrayRef<tooling::CompileCommand> Commands,
               const python::PythonResult *Python, bool PythonOnly) {
  auto ResultsOwner =
      std::make_unique<std::vector<CompilationResult>>(extract(S, Commands));
  std::vector<CompilationResult> &Results = *ResultsOwner;
  auto GraphOwner = std::make_unique<ProgramGraph>();
  ProgramGraph &Graph = *GraphOwner;
  // The process ends after the report: its facts and graph are left to the
  // system rather than freed object by object, which was a tenth of a warm
  // run (clang's -disable-free does the same).
  llvm::BuryPointer(std::move(ResultsOwner));
  llvm::BuryPointer(std::move(GraphOwner));
  std::set<std::string> SourceFiles;
  for (const CompilationResult &R : Results) {
    Graph.addUnit(R.Facts);
    SourceFiles.insert(R.Facts.Files.begin(), R.Facts.Files.end());
  }
  if (Python)
    for (const FactsUnit &Unit : Python->Units)
      Graph.addUnit(Unit);
  Graph.finalize();
  unsigned Failed = llvm::count_if(
      Results, [](const CompilationResult &R) { return !R.Clean; });
  std::string Scope;
  if (!PythonOnly)
    Scope = plural(Results.size(), "translation unit");
  if (Python) {
    if (!Scope.empty())
      Scope += " and ";
    Scope += plural(Python->Modules, "Python module");
  }
  return report(S, Graph, SourceFiles, Scope, Failed);
}

/// A stable, readable name for the facts file of one unit.
std::string factsFileName(const tooling::CompileCommand &Cmd,
                          const ExtractionOptions &Options) {
  std::string Hash = contentHash(commandIdentity(Cmd, Options.Compile));
  return (sys::path::filename(Cmd.Filename) + "-" + StringRef(Hash).take_front(16) +
          ".sgfacts")
      .str();
}

void writeFactsFile(Session &S, StringRef Path, const FactsUnit &Facts) {
  if (Error Err = writeFileAtomically(Path, writeFacts(Facts))) {
    errs() << "spawnguard: error: " << toString(std::move(Err)) << "\n";
    S.Ok = false;
  }
}

/// A stable, readable name for the facts file of one Python module.
std::string factsFileName(const FactsUnit &Module) {
  return (sys::path::stem(Module.MainFile) + "-" +
          StringRef(contentHash(Module.MainFile)).take_front(16) + ".sgfacts")
      .str();
}

int runExtractDatabase(Session &S, ArrayRef<tooling::CompileCommand> Commands,
                       const python::PythonResult *Python) {
  if (Output.empty()) {
    errs() << "spawnguard: error: extract needs -o <directory>\n";
    return ExitError;
  }
  if (std::error_code EC = sys::fs::create_directories(Output)) {
    errs() << "spawnguard: error: cannot create '" << Output
           << "': " << EC.message() << "\n";
    return ExitError;
  }
  std::vector<CompilationResult> Results = extract(S, Commands);
  for (size_t I = 0; I < Results.size(); ++I) {
    SmallString<256> Path(Output);
    sys::path::append(Path, factsFileName(Commands[I], S.Extraction));
    writeFactsFile(S, Path, Results[I].Facts);
  }
  size_t Modules = Python ? Python->Units.size() : 0;
  for (size_t I = 0; I < Modules; ++I) {
    SmallString<256> Path(Output);
    sys::path::append(Path, factsFileName(Python->Units[I]));
    writeFactsFile(S, Path, Python->Units[I]);
  }
  if (!Quiet) {
    std::string Scope = plural(Results.size(), "translation unit");
    if (Python)
      Scope = Commands.empty()
                  ? plural(Modules, "Python module")
                  : Scope + " and " + plural(Modules, "Python module");
    errs() << "spawnguard: wrote facts of " << Scope << " to '" << Output
           << "'\n";
  }
  return S.Ok ? ExitClean : ExitError;
}

/// 'spawnguard extract [--compile] [-o file] -- <compiler> <args...>'.
int runExtractCommand(Session &S, ArrayRef<std::string> CompilerCommand) {
  Expected<tooling::CompileCommand> Cmd =
      commandFromCompilerInvocation(CompilerCommand);
  if (!Cmd) {
    errs() << "spawnguard: error: " << toString(Cmd.takeError()) << "\n";
    return ExitError;
  }
  std::string FactsPath = Output;
  if (FactsPath.empty()) {
    // Beside the object file, as a build system's side output.
    auto O = llvm::find(CompilerCommand, "-o");
    if (O == CompilerCommand.end() || O + 1 == CompilerCommand.end()) {
      errs() << "spawnguard: error: extract needs -o <file> when the "
                "compiler command has no -o\n";
      return ExitError;
    }
    FactsPath = *(O + 1) + ".sgfacts";
  }
  if (Compile) {
    // As a wrapper, the build's result is the compiler's.
    ErrorOr<std::string> Program =
        sys::path::is_absolute(CompilerCommand[0])
            ? ErrorOr<std::string>(CompilerCommand[0])
            : sys::findProgramByName(CompilerCommand[0]);
    if (!Program) {
      errs() << "spawnguard: error: cannot find '" << CompilerCommand[0]
             << "'\n";
      return ExitError;
    }
    std::vector<StringRef> Argv(CompilerCommand.begin(), CompilerCommand.end());
    if (int Status = sys::ExecuteAndWait(*Program, Argv))
      return Status < 0 ? ExitError : Status;
  }
  std::vector<CompilationResult> Results = extract(S, {*Cmd});
  writeFactsFile(S, FactsPath, Results.front().Facts);
  return S.Ok ? ExitClean : ExitError;
}

/// Facts files named on the command line, directories searched
/// recursively, in a fixed order.
std::vector<std::string> collectFactsFiles(Session &S) {
  std::vector<std::string> Files;
  for (const std::string &Path : Paths) {
    if (!sys::fs::is_directory(Path)) {
      Files.push_back(Path);
      continue;
    }
    std::error_code EC;
    for (sys::fs::recursive_directory_iterator It(Path, EC), End;
         It != End && !EC; It.increment(EC))
      if (sys::path::extension(It->path()) == ".sgfacts")
        Files.push_back(It->path());
    if (EC) {
      errs() << "spawnguard: error: cannot list '" << Path
             << "': " << EC.message() << "\n";
      S.Ok = false;
    }
  }
  llvm::sort(Files);
  return Files;
}

int runLink(Session &S) {
  std::vector<std::string> Files = collectFactsFiles(S);
  if (Files.empty()) {
    errs() << "spawnguard: error: no facts files to link (give .sgfacts "
              "files or directories holding them)\n";
    return ExitError;
  }
  auto GraphOwner = std::make_unique<ProgramGraph>();
  ProgramGraph &Graph = *GraphOwner;
  llvm::BuryPointer(std::move(GraphOwner)); // As in runAnalyse.
  std::set<std::string> SourceFiles;
  for (const std::string &File : Files) {
    ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer = MemoryBuffer::getFile(
        File, /*IsText=*/false, /*RequiresNullTerminator=*/false);
    if (!Buffer) {
      errs() << "spawnguard: error: cannot read '" << File
             << "': " << Buffer.getError().message() << "\n";
      S.Ok = false;
      continue;
    }
    Expected<FactsUnit> Facts = readFacts((*Buffer)->getBuffer());
    if (!Facts) {
      errs() << "spawnguard: error: '" << File
             << "': " << toString(Facts.takeError()) << "\n";
      S.Ok = false;
      continue;
    }
    Graph.addUnit(*Facts);
    SourceFiles.insert(Facts->Files.begin(), Facts->Files.end());
  }
  Graph.finalize();
  return report(S, Graph, SourceFiles, plural(Files.size(), "facts file"));
}

} // namespace

int main(int argc, const char **argv) {
  // Installs LLVM's signal handlers (and their alternate stack) on the main
  // thread, before worker threads create temporaries that must be removed
  // on SIGINT/SIGTERM: installed first from a worker, the alternate stack
  // is unmapped by ASan when that thread exits, which aborts.
  sys::PrintStackTraceOnErrorSignal(argv[0]);
  Mode M = Mode::Analyse;
  std::vector<const char *> Args(argv, argv + argc);
  if (argc >= 2) {
    StringRef First = argv[1];
    if (First == "rules")
      return listRules();
    if (First == "explain") {
      if (argc != 3) {
        errs() << "spawnguard: error: usage: spawnguard explain <rule>\n";
        return ExitError;
      }
      if (explainRule(outs(), argv[2]))
        return ExitClean;
      errs() << "spawnguard: error: unknown rule '" << argv[2]
             << "' (see 'spawnguard rules')\n";
      return ExitError;
    }
    if (First == "lsp") {
      // Editors commonly pass '--stdio'; stdio is the only transport.
      if (argc > 3 || (argc == 3 && StringRef(argv[2]) != "--stdio")) {
        errs() << "spawnguard: error: usage: spawnguard lsp [--stdio]\n";
        return ExitError;
      }
      lsp::ServerOptions Options;
      Options.DocsUrl = SPAWNGUARD_DOCS_URL;
      return lsp::runStdioServer(std::move(Options));
    }
    if (First == "extract" || First == "link") {
      M = First == "extract" ? Mode::Extract : Mode::Link;
      Args.erase(Args.begin() + 1);
    }
  }

  // After "--" comes a compile command: flags for the named files (as in
  // clang-tidy), or, for extract, a whole compiler invocation.
  std::unique_ptr<tooling::CompilationDatabase> FixedDB;
  std::vector<std::string> CompilerCommand;
  auto DashDash = llvm::find_if(
      Args, [](const char *A) { return StringRef(A) == "--"; });
  if (DashDash != Args.end()) {
    if (M == Mode::Link) {
      errs() << "spawnguard: error: link takes no compile command\n";
      return ExitError;
    }
    if (M == Mode::Extract) {
      CompilerCommand.assign(DashDash + 1, Args.end());
      Args.erase(DashDash, Args.end());
    } else {
      int Count = Args.size();
      std::string DBError;
      FixedDB = tooling::FixedCompilationDatabase::loadFromCommandLine(
          Count, Args.data(), DBError);
      if (!DBError.empty()) {
        errs() << "spawnguard: error: " << DBError << "\n";
        return ExitError;
      }
      Args.resize(Count);
    }
  }

  if (cl::Option *LLVMColor = cl::getRegisteredOptions().lookup("color"))
    LLVMColor->removeArgument();
  ColorOpt.setArgStr("color");
  cl::HideUnrelatedOptions(Category);
  cl::SetVersionPrinter(printVersion);
  if (!cl::ParseCommandLineOptions(Args.size(), Args.data(), Overview, &errs()))
    return ExitError;

  Session S;
  std::optional<OutputFormat> Fmt = parseOutputFormat(Format);
  if (!Fmt) {
    errs() << "spawnguard: error: unknown --format '" << Format
           << "' (supported: text, json, sarif, github)\n";
    return ExitError;
  }
  S.Format = *Fmt;
  if (Statistics && S.Format != OutputFormat::Text) {
    errs() << "spawnguard: error: --statistics prints text; it cannot be "
              "combined with --format="
           << Format << "\n";
    return ExitError;
  }
  S.CommandLineChecks =
      Checks.getNumOccurrences() ? Checks.getValue() : std::string();
  if (DumpConfig) {
    if (Paths.size() > 1) {
      errs() << "spawnguard: error: --dump-config takes at most one path\n";
      return ExitError;
    }
    std::string Target = absolutePath(Paths.empty() ? "." : Paths[0]);
    const EffectiveConfig &Config = sys::fs::is_directory(Target)
                                        ? S.Configs.forDirectory(Target)
                                        : S.Configs.forFile(Target);
    if (!S.configIsValid())
      return ExitError;
    dumpConfig(outs(), Config, S.CommandLineChecks, Sinks);
    return ExitClean;
  }
  // A run that looks at nothing must not pass for a clean one.
  RuleSelection Selection(Checks);
  if (llvm::none_of(allRules(), [&](const RuleInfo &Rule) {
        return Selection.isEnabled(Rule);
      })) {
    errs() << "spawnguard: error: --checks='" << Checks
           << "' enables no rule (see 'spawnguard rules')\n";
    return ExitError;
  }
  Shard Part;
  if (!ShardOpt.empty()) {
    if (M != Mode::Extract) {
      errs() << "spawnguard: error: --shard only applies to 'extract'; link "
                "the shards' facts to report\n";
      return ExitError;
    }
    Expected<Shard> Parsed = parseShard(ShardOpt);
    if (!Parsed) {
      errs() << "spawnguard: error: " << toString(Parsed.takeError()) << "\n";
      return ExitError;
    }
    Part = *Parsed;
  }
  if (M != Mode::Extract && (Compile || !RelativeTo.empty())) {
    errs() << "spawnguard: error: --compile and --relative-to only apply "
              "to 'extract'\n";
    return ExitError;
  }

  Expected<uint64_t> SizeLimit = parseByteSize(MaxFileSize);
  if (!SizeLimit) {
    errs() << "spawnguard: error: --max-file-size: "
           << toString(SizeLimit.takeError()) << "\n";
    return ExitError;
  }

  if (M == Mode::Link)
    return runLink(S);

  S.Extraction.Jobs = Jobs;
  S.Extraction.MaxFileSize = *SizeLimit;
  S.Extraction.Compile.ExtraArgs = ExtraArgs;
  S.Extraction.Compile.ExtraArgsBefore = ExtraArgsBefore;
  if (!RelativeTo.empty())
    S.Extraction.Compile.PathBase = absolutePath(RelativeTo);
  S.Extraction.ToolIdentity = toolIdentity(argv[0], SPAWNGUARD_VERSION);
  if (!NoCache && !CacheDir.empty())
    S.Cache = std::make_unique<FactsCache>(absolutePath(CacheDir));

  if (M == Mode::Extract && !CompilerCommand.empty()) {
    // 'extract <files> -- <flags>' is the analyse mode's form: flags for
    // the named files. Without files, '--' starts a compiler invocation.
    if (Paths.empty()) {
      S.Extraction.Cache = S.Cache.get();
      return runExtractCommand(S, CompilerCommand);
    }
    FixedDB = std::make_unique<tooling::FixedCompilationDatabase>(
        absolutePath("."), CompilerCommand);
  }

  std::vector<std::string> Filters;
  for (const std::string &Path : Paths) {
    Filters.push_back(absolutePath(Path));
    sys::fs::file_status Status;
    if (std::error_code EC = sys::fs::status(Filters.back(), Status)) {
      errs() << "spawnguard: error: "
             << (EC == std::errc::no_such_file_or_directory
                     ? std::string("no such file or directory")
                     : EC.message())
             << ": '" << Path << "'\n";
      S.Ok = false;
    }
  }

  // Python: '.py' files and directories go to the Python front end. With
  // neither -p nor '--' (and no compile_commands.json here), the run is
  // Python only. '.py' files are never compile-command filters.
  std::vector<std::string> PythonPaths;
  size_t PythonByName = 0;
  for (const std::string &Path : Filters) {
    if (!python::isPythonInput(Path))
      continue;
    ++PythonByName;
    if (sys::fs::exists(Path))
      PythonPaths.push_back(Path);
  }
  bool PythonOnly = BuildPath.empty() && !FixedDB && PythonByName != 0 &&
                    PythonByName == Filters.size() &&
                    !sys::fs::exists("compile_commands.json");
  const python::PythonResult *Python = nullptr;
  if (!PythonPaths.empty()) {
    python::PythonOptions PyOptions;
    PyOptions.UserSinks = Sinks;
    PyOptions.ConfiguredSinks = [&](StringRef File) {
      return S.Configs.forFile(File).pythonSinks();
    };
    std::unique_ptr<FactsCache> PythonCache = pythonCache();
    PyOptions.Cache = PythonCache.get();
    PyOptions.FileIndex = S.fileIndexFor(PythonCache.get());
    PyOptions.ToolIdentity = S.Extraction.ToolIdentity;
    PyOptions.MaxFileSize = *SizeLimit;
    PyOptions.Jobs = Jobs;
    PyOptions.ShardIndex = Part.Index;
    PyOptions.ShardCount = Part.Count;
    // Left to the system at exit, as runAnalyse leaves the graph.
    auto PythonOwner = std::make_unique<python::PythonResult>(
        python::analyzePython(PythonPaths, PyOptions));
    Python = &*PythonOwner;
    llvm::BuryPointer(std::move(PythonOwner));
    S.saveFileIndexes();
    for (const std::string &Problem : Python->CacheProblems)
      errs() << "spawnguard: warning: " << Problem << "\n";
    if (Verbose)
      errs() << "spawnguard: Python: " << Python->Parsed << " parsed, "
             << Python->FromCache << " from cache"
             << (PythonCache ? " ('" + PythonCache->directory() + "')"
                             : std::string(" (no cache)"))
             << "\n";
    for (const std::string &Message : Python->Errors)
      errs() << "spawnguard: error: " << Message << "\n";
    if (!Python->Errors.empty())
      S.Ok = false;
    if (PythonOnly)
      for (const std::string &Path : PythonPaths)
        if (!Python->InputsWithFiles.count(Path)) {
          errs() << "spawnguard: error: no '.py' files under '" << Path
                 << "'\n";
          S.Ok = false;
        }
  }
  llvm::erase_if(Filters, [](const std::string &F) {
    return StringRef(F).ends_with(".py");
  });
  if (FixedDB && !BuildPath.empty()) {
    errs() << "spawnguard: error: use either -p or '--', not both\n";
    return ExitError;
  }
  if (FixedDB && Paths.empty()) {
    errs() << "spawnguard: error: no input files before '--'\n";
    return ExitError;
  }
  std::optional<std::vector<tooling::CompileCommand>> Commands;
  if (PythonOnly)
    Commands.emplace(); // No compilation database.
  else
    Commands = selectUnits(S, FixedDB.get(), Filters, Part,
                           Python ? Python->InputsWithFiles
                                  : std::set<std::string>());
  if (!Commands)
    return ExitError;
  if (Commands->empty() && S.Ok && Part.Count == 1 && !Python) {
    errs() << "spawnguard: error: the compilation database lists no "
              "translation units\n";
    return ExitError;
  }
  S.Extraction.Cache = S.Cache.get();
  S.Extraction.FileIndex = S.fileIndexFor(S.Cache.get());
  // Configuration problems stop the run before any analysis.
  S.catalogsFor(*Commands);
  if (!S.configIsValid())
    return ExitError;
  return M == Mode::Extract
             ? runExtractDatabase(S, *Commands, Python)
             : runAnalyse(S, *Commands, Python, PythonOnly);
}

//===- Driver.cpp - The spawnguard command line ---------------------------===//
//
// Wires the pieces together and nothing more: read the compilation database,
// run the front end on each selected unit (in parallel), link the facts,
// search for traces and print the findings.
//
// Exit codes: 0 no findings, 1 findings, 2 usage or input errors (a bad
// option, a missing database, a unit that failed to parse). Input errors win
// over findings: a run that could not see everything must not look clean or
// merely dirty.
//
//===----------------------------------------------------------------------===//

#include "spawnguard/Core/ProgramGraph.h"
#include "spawnguard/Core/Reachability.h"
#include "spawnguard/Core/Rules.h"
#include "spawnguard/Core/TextOutput.h"
#include "spawnguard/Cpp/CompilationRunner.h"
#include "spawnguard/Cpp/SinkCatalog.h"
#include "spawnguard/Python/PythonFrontEnd.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdlib>
#include <memory>
#include <set>

using namespace llvm;
using namespace spawnguard;
namespace tooling = clang::tooling;

namespace {

enum ExitCode { ExitClean = 0, ExitFindings = 1, ExitError = 2 };

cl::OptionCategory Category("spawnguard options");

const char Overview[] =
    "Finds process creation that runs before main or after it: fork, exec,\n"
    "system, posix_spawn, CreateProcess, ... reachable from static\n"
    "initializers and destructors, constructor functions, DllMain and exit\n"
    "handlers, with the call chain that gets there.\n"
    "\n"
    "  spawnguard -p <build-dir> [paths...]      analyse the compilation\n"
    "                                            database in <build-dir>\n"
    "  spawnguard <files...> -- <compiler args>  analyse files with one\n"
    "                                            command line\n"
    "  spawnguard rules                          list the rules\n";

cl::opt<std::string> BuildPath("p", cl::desc("Build directory containing "
                                             "compile_commands.json"),
                               cl::value_desc("build-dir"), cl::cat(Category));
cl::list<std::string> Paths(cl::Positional,
                            cl::desc("[<file or directory>...]"),
                            cl::cat(Category));
cl::opt<unsigned> Jobs("j",
                       cl::desc("Translation units to analyse in parallel "
                                "(default: the number of cores)"),
                       cl::init(0), cl::Prefix, cl::cat(Category));
cl::opt<std::string>
    Checks("checks",
           cl::desc("Comma-separated globs of rules to enable, by name or "
                    "code; a leading '-' disables (default: '*')"),
           cl::init("*"), cl::cat(Category));
cl::opt<std::string> Format("format", cl::desc("Output format: text"),
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
                            cl::desc("Qualified name of an extra function "
                                     "that creates a process (repeatable)"),
                            cl::value_desc("name"), cl::cat(Category));
cl::list<std::string>
    ExtraArgs("extra-arg",
              cl::desc("Append an argument to every compile command"),
              cl::cat(Category));
cl::list<std::string> ExtraArgsBefore(
    "extra-arg-before",
    cl::desc("Prepend an argument to every compile command"),
    cl::cat(Category));
cl::opt<bool> Quiet("quiet", cl::desc("Print no summary line"),
                    cl::cat(Category));
cl::alias QuietShort("q", cl::desc("Alias for --quiet"), cl::aliasopt(Quiet));

void printVersion(raw_ostream &OS) {
  OS << "spawnguard " SPAWNGUARD_VERSION " (LLVM " LLVM_VERSION_STRING ")\n";
}

int listRules() {
  for (const RuleInfo &Rule : allRules())
    outs() << Rule.Code << "  " << Rule.Name << "  [" << Rule.Language
           << "]\n        " << Rule.Summary << "\n";
  return ExitClean;
}

std::string absolutePath(StringRef Path) {
  SmallString<256> Abs(Path);
  sys::fs::make_absolute(Abs);
  sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return Abs.str().str();
}

/// True if \p File is \p Filter or lies below it.
bool isUnder(StringRef File, StringRef Filter) {
  if (!File.consume_front(Filter))
    return false;
  return File.empty() || File.front() == '/' || Filter.ends_with("/");
}

/// The compile commands to run, in database order, restricted to \p Filters
/// (absolute paths of files or directories). Reports filters that select
/// nothing. A relative "directory" is taken relative to \p DatabaseDir, so
/// the result does not depend on where spawnguard was started.
std::vector<tooling::CompileCommand>
selectCommands(const tooling::CompilationDatabase &DB, StringRef DatabaseDir,
               const std::vector<std::string> &Filters, bool &Ok,
               const std::set<std::string> &PythonInputs) {
  std::vector<tooling::CompileCommand> Selected;
  std::vector<bool> FilterUsed(Filters.size(), false);
  std::set<std::pair<std::string, std::vector<std::string>>> Seen;
  for (tooling::CompileCommand &Cmd : DB.getAllCompileCommands()) {
    // The file stays relative to the (now absolute) directory.
    if (sys::path::is_relative(Cmd.Directory))
      Cmd.Directory = absolutePath((DatabaseDir + "/" + Cmd.Directory).str());
    SmallString<256> File(Cmd.Filename);
    sys::fs::make_absolute(Cmd.Directory, File);
    sys::path::remove_dots(File, /*remove_dot_dot=*/true);
    bool Wanted = Filters.empty();
    for (size_t I = 0; I < Filters.size(); ++I)
      if (isUnder(File, Filters[I])) {
        FilterUsed[I] = true;
        Wanted = true;
      }
    // Databases sometimes list the same command twice; analyse it once.
    if (Wanted && Seen.insert({File.str().str(), Cmd.CommandLine}).second)
      Selected.push_back(std::move(Cmd));
  }
  for (size_t I = 0; I < Filters.size(); ++I)
    if (!FilterUsed[I] && !PythonInputs.count(Filters[I])) {
      errs() << "spawnguard: error: no compile command for '" << Filters[I]
             << "' in the compilation database\n";
      Ok = false;
    }
  return Selected;
}

Error checkJsonSyntax(StringRef Path) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer = MemoryBuffer::getFile(Path);
  if (!Buffer)
    return createStringError(Buffer.getError(), Buffer.getError().message());
  return json::parse((*Buffer)->getBuffer()).takeError();
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

} // namespace

int main(int argc, const char **argv) {
  if (argc >= 2 && StringRef(argv[1]) == "rules")
    return listRules();

  // Everything after "--" is a compile command for the named files, as in
  // clang-tidy.
  std::string DBError;
  std::unique_ptr<tooling::CompilationDatabase> DB =
      tooling::FixedCompilationDatabase::loadFromCommandLine(argc, argv,
                                                             DBError);
  bool HasFixedCommand = DB != nullptr;
  if (!DBError.empty()) {
    errs() << "spawnguard: error: " << DBError << "\n";
    return ExitError;
  }

  if (cl::Option *LLVMColor = cl::getRegisteredOptions().lookup("color"))
    LLVMColor->removeArgument();
  ColorOpt.setArgStr("color");
  cl::HideUnrelatedOptions(Category);
  cl::SetVersionPrinter(printVersion);
  if (!cl::ParseCommandLineOptions(argc, argv, Overview, &errs()))
    return ExitError;

  if (Format != "text") {
    errs() << "spawnguard: error: unknown --format '" << Format
           << "' (supported: text)\n";
    return ExitError;
  }

  bool Ok = true;
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
      Ok = false;
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
  bool PythonOnly = BuildPath.empty() && !HasFixedCommand &&
                    PythonByName != 0 && PythonByName == Filters.size() &&
                    !sys::fs::exists("compile_commands.json");
  python::PythonResult Python;
  if (!PythonPaths.empty()) {
    python::PythonOptions PyOptions;
    PyOptions.UserSinks = Sinks;
    Python = python::analyzePython(PythonPaths, PyOptions);
    for (const std::string &Message : Python.Errors)
      errs() << "spawnguard: error: " << Message << "\n";
    if (PythonOnly)
      for (const std::string &Path : PythonPaths)
        if (!Python.InputsWithFiles.count(Path)) {
          errs() << "spawnguard: error: no '.py' files under '" << Path
                 << "'\n";
          Ok = false;
        }
    if (!Python.Errors.empty())
      Ok = false;
  }
  llvm::erase_if(Filters, [](const std::string &F) {
    return StringRef(F).ends_with(".py");
  });

  std::vector<tooling::CompileCommand> Commands;
  if (PythonOnly) {
    // No compilation database.
  } else if (HasFixedCommand) {
    if (!BuildPath.empty()) {
      errs() << "spawnguard: error: use either -p or '--', not both\n";
      return ExitError;
    }
    if (Paths.empty()) {
      errs() << "spawnguard: error: no input files before '--'\n";
      return ExitError;
    }
    for (const std::string &Path : Filters)
      for (tooling::CompileCommand &Cmd : DB->getCompileCommands(Path))
        Commands.push_back(std::move(Cmd));
  } else {
    std::string Dir = BuildPath.empty() ? "." : BuildPath.getValue();
    std::string DatabaseDir = absolutePath(Dir);
    SmallString<256> JsonPath(DatabaseDir);
    sys::path::append(JsonPath, "compile_commands.json");
    std::string LoadError;
    // LLVM's loader reads JSON with its YAML parser, which echoes a broken
    // file (binary included) to stderr; check the syntax ourselves first.
    if (sys::fs::exists(JsonPath)) {
      if (Error Err = checkJsonSyntax(JsonPath)) {
        errs() << "spawnguard: error: cannot read '" << JsonPath
               << "': " << toString(std::move(Err)) << "\n";
        return ExitError;
      }
    }
    DB = tooling::CompilationDatabase::loadFromDirectory(Dir, LoadError);
    if (!DB && sys::fs::exists(JsonPath)) {
      // The loader reports for each database plugin; only JSON's is ours.
      StringRef Why = LoadError;
      constexpr StringLiteral Json("json-compilation-database: ");
      if (size_t At = Why.find(Json); At != StringRef::npos)
        Why = Why.substr(At + Json.size());
      errs() << "spawnguard: error: cannot read '" << JsonPath
             << "': " << Why.take_until([](char C) { return C == '\n'; })
             << "\n";
      return ExitError;
    }
    if (!DB && BuildPath.empty())
      DB = tooling::CompilationDatabase::autoDetectFromDirectory(DatabaseDir,
                                                                 LoadError);
    if (!DB) {
      errs() << "spawnguard: error: no compilation database in '" << Dir
             << "' (expected compile_commands.json; pass -p <build-dir>, or "
                "files followed by '-- <compiler args>')\n";
      return ExitError;
    }
    Commands = selectCommands(*DB, DatabaseDir, Filters, Ok,
                              Python.InputsWithFiles);
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
  if (Commands.empty() && Ok && !PythonOnly && PythonPaths.empty()) {
    errs() << "spawnguard: error: the compilation database lists no "
              "translation units\n";
    return ExitError;
  }

  SinkCatalog Catalog(Sinks);
  CompilationOptions Options;
  Options.ExtraArgs = ExtraArgs;
  Options.ExtraArgsBefore = ExtraArgsBefore;

  // Every unit writes its own slot; linking then follows database order, so
  // the result cannot depend on which thread finished first.
  std::vector<CompilationResult> Results(Commands.size());
  {
    unsigned Threads = Jobs ? Jobs.getValue()
                            : hardware_concurrency().compute_thread_count();
    DefaultThreadPool Pool(hardware_concurrency(Threads));
    for (size_t I = 0; I < Commands.size(); ++I)
      Pool.async([&, I] {
        Results[I] = runCompilation(Commands[I], Catalog, Options);
      });
    Pool.wait();
  }

  ProgramGraph Graph;
  unsigned Failed = 0;
  for (const CompilationResult &R : Results) {
    if (!R.Clean) {
      ++Failed;
      Ok = false;
      errs() << "spawnguard: error: '" << R.File << "' did not parse cleanly ("
             << R.ErrorCount << (R.ErrorCount == 1 ? " error" : " errors")
             << "; analysed what parsed): " << R.FirstError << "\n";
    }
    Graph.addUnit(R.Facts);
  }
  for (const FactsUnit &Unit : Python.Units)
    Graph.addUnit(Unit);
  Graph.finalize();

  std::vector<Finding> Findings =
      findReachableSinks(Graph, Selection);

  TextOptions Text;
  Text.Color = useColor();
  if (Text.Color)
    outs().enable_colors(true);
  Text.BaseDirectory = absolutePath(".");
  printText(outs(), Findings, Text);
  outs().flush();

  if (!Quiet) {
    errs() << "spawnguard: " << Findings.size()
           << (Findings.size() == 1 ? " finding" : " findings") << " in ";
    if (!PythonOnly)
      errs() << Results.size()
             << (Results.size() == 1 ? " translation unit"
                                     : " translation units");
    if (!PythonOnly && !PythonPaths.empty())
      errs() << " and ";
    if (!PythonPaths.empty())
      errs() << Python.Modules
             << (Python.Modules == 1 ? " Python module" : " Python modules");
    if (Failed)
      errs() << " (" << Failed << " with errors)";
    errs() << "\n";
  }
  if (!Ok)
    return ExitError;
  return Findings.empty() ? ExitClean : ExitFindings;
}

//===- Config.cpp ---------------------------------------------------------===//

#include "spawnguard/Core/Config.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLTraits.h"

using namespace spawnguard;

namespace spawnguard {

static bool isIdentifier(llvm::StringRef Name) {
  return !Name.empty() && !llvm::isDigit(Name.front()) &&
         llvm::all_of(Name, [](char C) { return llvm::isAlnum(C) || C == '_'; });
}

/// 'a.b.c': a Python dotted name.
static bool isDottedName(llvm::StringRef Name) {
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Name.split(Parts, '.');
  return llvm::all_of(Parts, isIdentifier);
}

/// 'ns::f', '::f', 'ns::C::~C': a C++ qualified name.
static bool isQualifiedName(llvm::StringRef Name) {
  Name.consume_front("::");
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Name.split(Parts, "::");
  return llvm::all_of(Parts, [](llvm::StringRef Part) {
    Part.consume_front("~");
    return isIdentifier(Part);
  });
}

/// A Python sink is spelled with a dot or a keyword condition; a C++ sink
/// with neither.
static bool isPythonSinkName(llvm::StringRef Name) {
  return Name.contains('.') || Name.contains('(');
}

std::string checkSinkName(llvm::StringRef Value) {
  llvm::StringRef Name = Value.trim();
  if (Name.empty())
    return "empty sink name";
  // A Python sink may be conditional on a keyword argument:
  // 'pkg.read_chat(parallel=True)'.
  if (isPythonSinkName(Name)) {
    auto [Function, Condition] = Name.split('(');
    bool Valid = isDottedName(Function.trim());
    if (Valid && Name.contains('(')) {
      auto [Keyword, Argument] = Condition.split('=');
      Valid = Condition.ends_with(")") && isIdentifier(Keyword.trim()) &&
              !Argument.drop_back().trim().empty();
    }
    if (!Valid)
      return "a Python sink is a dotted name, optionally with one keyword "
             "argument, such as 'pkg.read_chat(parallel=True)'";
    return "";
  }
  if (!isQualifiedName(Name))
    return "a sink is a qualified C++ name such as 'corp::launch' or a "
           "Python dotted name such as 'pkg.run_all'";
  return "";
}

std::string checkRootName(llvm::StringRef Value) {
  llvm::StringRef Name = Value.trim();
  if (Name.empty())
    return "empty root function name";
  if (Name.contains('.') ? !isDottedName(Name) : !isQualifiedName(Name))
    return "a root is a qualified C++ name such as 'corp::plugin_init' or a "
           "Python dotted name such as 'pkg.hooks.on_import'";
  return "";
}

std::string checkStartMethod(llvm::StringRef Value) {
  if (Value == "fork" || Value == "spawn" || Value == "forkserver")
    return "";
  return "a start method is 'fork', 'spawn' or 'forkserver'";
}

std::string checkPlatform(llvm::StringRef Value) {
  if (Value == "linux" || Value == "macos" || Value == "windows")
    return "";
  return "a platform is 'linux', 'macos' or 'windows'";
}

std::optional<RootTiming> parseRootTiming(llvm::StringRef Value) {
  return llvm::StringSwitch<std::optional<RootTiming>>(Value)
      .Case("before-main", RootTiming::BeforeMain)
      .Case("after-main", RootTiming::AfterMain)
      .Case("at-import", RootTiming::AtImport)
      .Default(std::nullopt);
}

llvm::StringRef rootTimingName(RootTiming Timing) {
  switch (Timing) {
  case RootTiming::BeforeMain:
    return "before-main";
  case RootTiming::AfterMain:
    return "after-main";
  case RootTiming::AtImport:
    return "at-import";
  }
  llvm_unreachable("unknown root timing");
}

} // namespace spawnguard

namespace {
/// A scalar checked when read, so that the error has a line: Check returns
/// the message for a bad value.
template <std::string (*Check)(llvm::StringRef)> struct CheckedScalar {
  std::string Value;
};
using SinkName = CheckedScalar<checkSinkName>;
using RootName = CheckedScalar<checkRootName>;
using StartMethod = CheckedScalar<checkStartMethod>;
using Platform = CheckedScalar<checkPlatform>;

std::string checkPathPattern(llvm::StringRef Value) {
  return Value.trim().empty() ? "'Path' of an Ignore entry must not be empty"
                              : "";
}
using PathPattern = CheckedScalar<checkPathPattern>;

struct RawRoot {
  RootName Function;
  RootTiming Runs = RootTiming::BeforeMain;
};
struct RawPython {
  std::optional<StartMethod> Method;
  std::optional<std::vector<Platform>> Platforms;
};
/// A file as YAML I/O reads and writes it.
struct RawConfig {
  std::optional<std::string> Checks;
  std::vector<SinkName> Sinks;
  std::vector<RawRoot> Roots;
  std::vector<ConfigFile::Ignore> Ignores;
  std::optional<RawPython> Python;
  bool InheritParentConfig = false;
};
} // namespace

LLVM_YAML_IS_SEQUENCE_VECTOR(SinkName)
LLVM_YAML_IS_SEQUENCE_VECTOR(Platform)
LLVM_YAML_IS_SEQUENCE_VECTOR(RawRoot)
LLVM_YAML_IS_SEQUENCE_VECTOR(ConfigFile::Ignore)

namespace llvm {
namespace yaml {
template <std::string (*Check)(StringRef)>
struct ScalarTraits<CheckedScalar<Check>> {
  // Returning the message through a StringRef needs storage that outlives
  // the call; YAML I/O reports it at once, so one buffer per type will do.
  static std::string &message() {
    static thread_local std::string Message;
    return Message;
  }
  static void output(const CheckedScalar<Check> &S, void *, raw_ostream &OS) {
    OS << S.Value;
  }
  static StringRef input(StringRef Scalar, void *, CheckedScalar<Check> &S) {
    message() = Check(Scalar);
    if (!message().empty())
      return message();
    S.Value = Scalar.trim().str();
    return "";
  }
  static QuotingType mustQuote(StringRef) { return QuotingType::Single; }
};

template <> struct ScalarEnumerationTraits<RootTiming> {
  static void enumeration(IO &IO, RootTiming &Value) {
    for (RootTiming T :
         {RootTiming::BeforeMain, RootTiming::AfterMain, RootTiming::AtImport})
      IO.enumCase(Value, rootTimingName(T).data(), T);
  }
};

template <> struct MappingTraits<ConfigFile::Ignore> {
  static void mapping(IO &IO, ConfigFile::Ignore &I) {
    PathPattern Path{I.Path};
    IO.mapRequired("Path", Path);
    I.Path = Path.Value;
    IO.mapOptional("Checks", I.Checks, std::string("*"));
  }
};

template <> struct MappingTraits<RawRoot> {
  static void mapping(IO &IO, RawRoot &R) {
    IO.mapRequired("Function", R.Function);
    IO.mapOptional("Runs", R.Runs, RootTiming::BeforeMain);
  }
};

template <> struct MappingTraits<RawPython> {
  static void mapping(IO &IO, RawPython &P) {
    IO.mapOptional("StartMethod", P.Method);
    IO.mapOptional("Platforms", P.Platforms);
  }
};

template <> struct MappingTraits<RawConfig> {
  static void mapping(IO &IO, RawConfig &C) {
    IO.mapOptional("Checks", C.Checks);
    IO.mapOptional("Sinks", C.Sinks);
    IO.mapOptional("Roots", C.Roots);
    IO.mapOptional("Ignore", C.Ignores);
    IO.mapOptional("Python", C.Python);
    IO.mapOptional("InheritParentConfig", C.InheritParentConfig, false);
  }
};
} // namespace yaml
} // namespace llvm

namespace spawnguard {

namespace {
struct DiagnosticSink {
  llvm::StringRef Path;
  std::vector<std::string> &Errors;
};
} // namespace

static void collectDiagnostic(const llvm::SMDiagnostic &Diag, void *Context) {
  auto &Sink = *static_cast<DiagnosticSink *>(Context);
  // Some YAML I/O errors (an alias cut short by a NUL byte) carry no
  // location, and SourceMgr then names no file: name it ourselves (found by
  // ConfigFuzzer).
  if (Diag.getLineNo() <= 0) {
    Sink.Errors.push_back((Sink.Path + ": " + Diag.getMessage()).str());
    return;
  }
  Sink.Errors.push_back(
      (Diag.getFilename() + ":" + llvm::Twine(Diag.getLineNo()) + ":" +
       llvm::Twine(Diag.getColumnNo() + 1) + ": " + Diag.getMessage())
          .str());
}

std::optional<ConfigFile> parseConfig(llvm::StringRef Text,
                                      llvm::StringRef Path,
                                      std::vector<std::string> &Errors) {
  size_t Before = Errors.size();
  RawConfig Raw;
  DiagnosticSink Sink{Path, Errors};
  llvm::yaml::Input In(llvm::MemoryBufferRef(Text, Path), nullptr,
                       collectDiagnostic, &Sink);
  // An empty file is an empty configuration.
  if (!Text.trim().empty())
    In >> Raw;
  if (In.error() || Errors.size() != Before) {
    if (Errors.size() == Before)
      Errors.push_back((Path + ": " + In.error().message()).str());
    return std::nullopt;
  }
  ConfigFile Config;
  Config.Checks = Raw.Checks;
  for (SinkName &S : Raw.Sinks)
    Config.Sinks.push_back(std::move(S.Value));
  for (RawRoot &R : Raw.Roots)
    Config.Roots.push_back({std::move(R.Function.Value), R.Runs});
  Config.Ignores = std::move(Raw.Ignores);
  if (Raw.Python) {
    if (Raw.Python->Method)
      Config.Python.StartMethod = Raw.Python->Method->Value;
    if (Raw.Python->Platforms) {
      Config.Python.Platforms.emplace();
      for (Platform &P : *Raw.Python->Platforms)
        Config.Python.Platforms->push_back(std::move(P.Value));
    }
  }
  Config.InheritParentConfig = Raw.InheritParentConfig;
  return Config;
}

std::string EffectiveConfig::globs(llvm::StringRef CommandLineChecks) const {
  std::string Globs = Checks;
  if (!Globs.empty() && !CommandLineChecks.empty())
    Globs += ",";
  Globs += CommandLineChecks;
  return Globs.empty() ? "*" : Globs;
}

bool EffectiveConfig::isEnabled(const RuleInfo &Rule,
                                llvm::StringRef CommandLineChecks) const {
  return RuleSelection(globs(CommandLineChecks)).isEnabled(Rule);
}

bool EffectiveConfig::isIgnored(const RuleInfo &Rule,
                                llvm::StringRef File) const {
  for (const ConfigFile::Ignore &I : Ignores)
    if (wildcardMatch(I.Path, File) &&
        GlobList(I.Checks).containsAny({Rule.Name, Rule.Code}))
      return true;
  return false;
}

bool EffectiveConfig::forksEverywhere() const {
  if (Python.StartMethod != "fork")
    return false;
  // Windows cannot fork, whatever the project pins.
  return Python.Platforms && !llvm::is_contained(*Python.Platforms, "windows");
}

std::vector<std::string> EffectiveConfig::pythonSinks() const {
  std::vector<std::string> Python;
  llvm::copy_if(Sinks, std::back_inserter(Python), isPythonSinkName);
  return Python;
}

bool EffectiveConfig::hasRoot(llvm::StringRef Function) const {
  return llvm::any_of(
      Roots, [&](const ConfigFile::Root &R) { return R.Function == Function; });
}

/// Reads the configuration file of directory \p Dir, if it has one, and
/// sets \p Path to it ("" if none). A .spawnguard.yaml wins over a
/// pyproject.toml, which counts only if it has a [tool.spawnguard] table.
std::optional<ConfigFile>
ConfigResolver::readConfigIn(llvm::StringRef Dir, std::string &Path) {
  for (llvm::StringRef Name : {ConfigFileName, PyprojectFileName}) {
    llvm::SmallString<256> Candidate(Dir);
    llvm::sys::path::append(Candidate, Name);
    if (!llvm::sys::fs::exists(Candidate))
      continue;
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
        llvm::MemoryBuffer::getFile(Candidate);
    if (!Buffer) {
      Errors.push_back(("cannot read '" + Candidate +
                        "': " + Buffer.getError().message())
                           .str());
      Path = Candidate.str().str();
      return std::nullopt;
    }
    llvm::StringRef Text = (*Buffer)->getBuffer();
    if (Name == ConfigFileName) {
      Path = Candidate.str().str();
      return parseConfig(Text, Candidate, Errors);
    }
    // Most pyproject.toml files are not ours; skip them without parsing,
    // so that a broken one that does not mention us stays its owner's
    // business.
    if (!Text.contains("spawnguard"))
      continue;
    bool HasTable = false;
    std::optional<ConfigFile> File =
        parsePyprojectConfig(Text, Candidate, HasTable, Errors);
    if (File && !HasTable)
      continue;
    Path = Candidate.str().str();
    return File;
  }
  return std::nullopt;
}

/// Adds \p File, found in directory \p Dir, over \p Config.
static void mergeInto(EffectiveConfig &Config, const ConfigFile &File,
                      llvm::StringRef Dir) {
  if (File.Checks && !File.Checks->empty())
    Config.Checks += (Config.Checks.empty() ? "" : ",") + *File.Checks;
  llvm::append_range(Config.Sinks, File.Sinks);
  llvm::append_range(Config.Roots, File.Roots);
  for (const ConfigFile::Ignore &I : File.Ignores) {
    llvm::SmallString<256> Pattern(Dir);
    llvm::sys::path::append(Pattern, I.Path);
    Config.Ignores.push_back({Pattern.str().str(), I.Checks});
  }
  if (File.Python.StartMethod)
    Config.Python.StartMethod = File.Python.StartMethod;
  if (File.Python.Platforms)
    Config.Python.Platforms = File.Python.Platforms;
}

std::vector<ConfigFile::Root> ConfigResolver::allRoots() const {
  std::vector<ConfigFile::Root> Roots;
  for (const EffectiveConfig &Config : Storage)
    llvm::append_range(Roots, Config.Roots);
  llvm::sort(Roots, [](const ConfigFile::Root &A, const ConfigFile::Root &B) {
    return std::tie(A.Function, A.Runs) < std::tie(B.Function, B.Runs);
  });
  Roots.erase(std::unique(Roots.begin(), Roots.end(),
                          [](const ConfigFile::Root &A,
                             const ConfigFile::Root &B) {
                            return A.Function == B.Function && A.Runs == B.Runs;
                          }),
              Roots.end());
  return Roots;
}

const EffectiveConfig &ConfigResolver::forFile(llvm::StringRef File) {
  return forDirectory(llvm::sys::path::parent_path(File));
}

const EffectiveConfig &ConfigResolver::forDirectory(llvm::StringRef Dir) {
  auto It = Cache.find(Dir);
  if (It != Cache.end())
    return *It->second;

  llvm::StringRef Parent = llvm::sys::path::parent_path(Dir);
  bool AtTop = Parent.empty() || Parent == Dir;
  std::string Path;
  std::optional<ConfigFile> File = readConfigIn(Dir, Path);
  const EffectiveConfig *Result = nullptr;
  if (Path.empty()) {
    if (AtTop) {
      Storage.emplace_back();
      Result = &Storage.back();
    } else {
      Result = &forDirectory(Parent);
    }
  } else {
    EffectiveConfig Config;
    if (File && File->InheritParentConfig && !AtTop)
      Config = forDirectory(Parent);
    Config.Sources.push_back(Path);
    if (File)
      mergeInto(Config, *File, Dir);
    Storage.push_back(std::move(Config));
    Result = &Storage.back();
  }
  Cache[Dir] = Result;
  return *Result;
}

void addConfiguredRoots(ProgramGraph &Graph, ConfigResolver &Resolver) {
  for (const std::string &File : Graph.files())
    Resolver.forFile(File);
  for (const ConfigFile::Root &R : Resolver.allRoots()) {
    RootKind Kind = RootKind::ConfiguredBeforeMain;
    if (R.Runs == RootTiming::AfterMain)
      Kind = RootKind::ConfiguredAfterMain;
    else if (R.Runs == RootTiming::AtImport)
      Kind = RootKind::ConfiguredAtImport;
    Graph.addConfiguredRoot(R.Function, Kind);
  }
}

void applyConfig(std::vector<Finding> &Findings, ConfigResolver &Resolver,
                 llvm::StringRef CommandLineChecks) {
  std::vector<Finding> Kept;
  for (Finding &F : Findings) {
    const RuleInfo *Rule = findRule(F.Rule);
    const EffectiveConfig &Config = Resolver.forFile(F.Loc.File);
    if (Rule && (!Config.isEnabled(*Rule, CommandLineChecks) ||
                 Config.isIgnored(*Rule, F.Loc.File)))
      continue;
    // A configured root counts only where its configuration applies.
    if (!F.ConfiguredRoot.empty() && !Config.hasRoot(F.ConfiguredRoot))
      continue;
    if (F.DefaultStartMethod && Config.forksEverywhere())
      continue;
    Kept.push_back(std::move(F));
  }
  Findings = std::move(Kept);
}

void dumpConfig(llvm::raw_ostream &OS, const EffectiveConfig &Config,
                llvm::StringRef CommandLineChecks,
                llvm::ArrayRef<std::string> CommandLineSinks) {
  if (Config.Sources.empty())
    OS << "# no " << ConfigFileName << " or " << PyprojectFileName
       << " with [tool.spawnguard] found; defaults\n";
  for (const std::string &Source : Config.Sources)
    OS << "# from " << Source << "\n";
  if (!CommandLineChecks.empty() || !CommandLineSinks.empty())
    OS << "# and the command line\n";
  RawConfig Raw;
  Raw.Checks = Config.globs(CommandLineChecks);
  for (const std::string &S : Config.Sinks)
    Raw.Sinks.push_back({S});
  for (const std::string &S : CommandLineSinks)
    Raw.Sinks.push_back({S});
  for (const ConfigFile::Root &R : Config.Roots)
    Raw.Roots.push_back({{R.Function}, R.Runs});
  Raw.Ignores = Config.Ignores;
  if (Config.Python.StartMethod || Config.Python.Platforms) {
    Raw.Python.emplace();
    if (Config.Python.StartMethod)
      Raw.Python->Method = StartMethod{*Config.Python.StartMethod};
    if (Config.Python.Platforms) {
      Raw.Python->Platforms.emplace();
      for (const std::string &P : *Config.Python.Platforms)
        Raw.Python->Platforms->push_back({P});
    }
  }
  llvm::yaml::Output Out(OS);
  Out << Raw;
}

} // namespace spawnguard

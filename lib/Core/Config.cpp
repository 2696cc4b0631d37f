//===- Config.cpp ---------------------------------------------------------===//

#include "spawnguard/Core/Config.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLTraits.h"

using namespace spawnguard;

namespace {
/// A qualified C++ name, checked when read so that the error has a line.
struct SinkName {
  std::string Value;
};
/// A path glob of an Ignore entry; must not be empty.
struct PathPattern {
  std::string Value;
};
/// A file as YAML I/O reads and writes it.
struct RawConfig {
  std::optional<std::string> Checks;
  std::vector<SinkName> Sinks;
  std::vector<ConfigFile::Ignore> Ignores;
  bool InheritParentConfig = false;
};
} // namespace

LLVM_YAML_IS_SEQUENCE_VECTOR(SinkName)
LLVM_YAML_IS_SEQUENCE_VECTOR(ConfigFile::Ignore)

namespace llvm {
namespace yaml {
template <> struct ScalarTraits<SinkName> {
  static void output(const SinkName &S, void *, raw_ostream &OS) {
    OS << S.Value;
  }
  static StringRef input(StringRef Scalar, void *, SinkName &S) {
    StringRef Name = Scalar.trim();
    if (Name.empty())
      return "empty sink name";
    StringRef Rest = Name;
    Rest.consume_front("::");
    if (Rest.empty() || Rest.ends_with(":"))
      return "a sink is a qualified C++ name such as 'corp::launch'";
    for (char C : Rest)
      if (!isAlnum(C) && C != '_' && C != ':' && C != '~')
        return "a sink is a qualified C++ name such as 'corp::launch'";
    S.Value = Name.str();
    return "";
  }
  static QuotingType mustQuote(StringRef) { return QuotingType::Single; }
};

template <> struct ScalarTraits<PathPattern> {
  static void output(const PathPattern &P, void *, raw_ostream &OS) {
    OS << P.Value;
  }
  static StringRef input(StringRef Scalar, void *, PathPattern &P) {
    if (Scalar.trim().empty())
      return "'Path' of an Ignore entry must not be empty";
    P.Value = Scalar.str();
    return "";
  }
  static QuotingType mustQuote(StringRef) { return QuotingType::Single; }
};

template <> struct MappingTraits<ConfigFile::Ignore> {
  static void mapping(IO &IO, ConfigFile::Ignore &I) {
    PathPattern Path{I.Path};
    IO.mapRequired("Path", Path);
    I.Path = Path.Value;
    IO.mapOptional("Checks", I.Checks, std::string("*"));
  }
};

template <> struct MappingTraits<RawConfig> {
  static void mapping(IO &IO, RawConfig &C) {
    IO.mapOptional("Checks", C.Checks);
    IO.mapOptional("Sinks", C.Sinks);
    IO.mapOptional("Ignore", C.Ignores);
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
  Config.Ignores = std::move(Raw.Ignores);
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

const EffectiveConfig &ConfigResolver::forFile(llvm::StringRef File) {
  return forDirectory(llvm::sys::path::parent_path(File));
}

const EffectiveConfig &ConfigResolver::forDirectory(llvm::StringRef Dir) {
  auto It = Cache.find(Dir);
  if (It != Cache.end())
    return *It->second;

  llvm::StringRef Parent = llvm::sys::path::parent_path(Dir);
  llvm::SmallString<256> Path(Dir);
  llvm::sys::path::append(Path, ConfigFileName);
  const EffectiveConfig *Result = nullptr;
  if (!llvm::sys::fs::exists(Path)) {
    if (Parent.empty() || Parent == Dir) {
      Storage.emplace_back();
      Result = &Storage.back();
    } else {
      Result = &forDirectory(Parent);
    }
  } else {
    std::optional<ConfigFile> File;
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
        llvm::MemoryBuffer::getFile(Path);
    if (!Buffer)
      Errors.push_back(
          ("cannot read '" + Path + "': " + Buffer.getError().message()).str());
    else
      File = parseConfig((*Buffer)->getBuffer(), Path, Errors);
    EffectiveConfig Config;
    if (File && File->InheritParentConfig && !Parent.empty() && Parent != Dir)
      Config = forDirectory(Parent);
    Config.Sources.push_back(Path.str().str());
    if (File) {
      if (File->Checks && !File->Checks->empty())
        Config.Checks += (Config.Checks.empty() ? "" : ",") + *File->Checks;
      Config.Sinks.insert(Config.Sinks.end(), File->Sinks.begin(),
                          File->Sinks.end());
      for (const ConfigFile::Ignore &I : File->Ignores) {
        llvm::SmallString<256> Pattern(Dir);
        llvm::sys::path::append(Pattern, I.Path);
        Config.Ignores.push_back({Pattern.str().str(), I.Checks});
      }
    }
    Storage.push_back(std::move(Config));
    Result = &Storage.back();
  }
  Cache[Dir] = Result;
  return *Result;
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
    Kept.push_back(std::move(F));
  }
  Findings = std::move(Kept);
}

void dumpConfig(llvm::raw_ostream &OS, const EffectiveConfig &Config,
                llvm::StringRef CommandLineChecks,
                llvm::ArrayRef<std::string> CommandLineSinks) {
  if (Config.Sources.empty())
    OS << "# no " << ConfigFileName << " found; defaults\n";
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
  Raw.Ignores = Config.Ignores;
  llvm::yaml::Output Out(OS);
  Out << Raw;
}

} // namespace spawnguard

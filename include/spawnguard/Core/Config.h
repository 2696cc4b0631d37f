//===- Config.h - .spawnguard.yaml, discovered upward -----------*- C++ -*-===//
//
// Like .clang-tidy: the configuration of a file comes from the nearest
// .spawnguard.yaml in its directory or a parent directory. A directory
// without one may hold a pyproject.toml with a [tool.spawnguard] table, with
// the same keys. A file that sets InheritParentConfig: true is merged over
// its parent's configuration.
//
//   Checks: '-*,SG101'                  # appended to the parents' Checks
//   Sinks: ['corp::launch', 'pkg.run']  # extra process launchers
//   Roots:                              # code that runs at start-up or exit
//     - Function: 'corp::plugin_init'   # and that no source shows as such
//       Runs: before-main               # before-main, after-main, at-import
//   Ignore:                             # per-path ignores
//     - Path: 'third_party/*'           # relative to this file's directory
//       Checks: '*'                     # which rules to ignore (default '*')
//   Python:
//     StartMethod: fork                 # what the project pins
//     Platforms: [linux]                # where it runs
//   InheritParentConfig: false
//
// YAML is parsed with LLVM's YAML I/O, TOML with toml++. Unknown keys and
// bad values are errors that name the file, line and column.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_CORE_CONFIG_H
#define SPAWNGUARD_CORE_CONFIG_H

#include "spawnguard/Core/Finding.h"
#include "spawnguard/Core/ProgramGraph.h"
#include "spawnguard/Core/Rules.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"
#include <deque>
#include <optional>
#include <string>
#include <vector>

namespace spawnguard {

constexpr llvm::StringLiteral ConfigFileName = ".spawnguard.yaml";
constexpr llvm::StringLiteral PyprojectFileName = "pyproject.toml";

/// When the code of a configured root runs, which decides its rule.
enum class RootTiming {
  BeforeMain, // SG101
  AfterMain,  // SG102
  AtImport,   // SG201 (a Python function a framework calls at import)
};

/// One configuration file as written.
struct ConfigFile {
  struct Ignore {
    std::string Path;
    std::string Checks = "*";
  };
  /// A function that runs outside the normal life of the program although
  /// no source shows why: a plugin entry point a loader calls from its own
  /// static initializers, a hook a framework runs at import.
  struct Root {
    std::string Function;
    RootTiming Runs = RootTiming::BeforeMain;
  };
  /// How the project starts Python processes.
  struct PythonPolicy {
    /// The start method the project pins with set_start_method() under its
    /// main guard: "fork", "spawn" or "forkserver".
    std::optional<std::string> StartMethod;
    /// Where the project runs: "linux", "macos", "windows".
    std::optional<std::vector<std::string>> Platforms;
  };
  std::optional<std::string> Checks;
  /// C++ qualified names and Python dotted names, as --sink.
  std::vector<std::string> Sinks;
  std::vector<Root> Roots;
  std::vector<Ignore> Ignores;
  PythonPolicy Python;
  bool InheritParentConfig = false;
};

/// Value checks shared by the YAML and TOML readers: "" if \p Value is valid,
/// otherwise the message.
std::string checkSinkName(llvm::StringRef Value);
std::string checkRootName(llvm::StringRef Value);
std::string checkStartMethod(llvm::StringRef Value);
std::string checkPlatform(llvm::StringRef Value);
/// Parses 'before-main', 'after-main' or 'at-import'.
std::optional<RootTiming> parseRootTiming(llvm::StringRef Value);
llvm::StringRef rootTimingName(RootTiming Timing);

/// Parses \p Text, a .spawnguard.yaml at \p Path. On failure returns
/// std::nullopt and appends "path:line:col: message" lines to \p Errors.
std::optional<ConfigFile> parseConfig(llvm::StringRef Text,
                                      llvm::StringRef Path,
                                      std::vector<std::string> &Errors);

/// Parses the [tool.spawnguard] table of \p Text, a pyproject.toml at
/// \p Path. Sets \p HasTable to whether the table exists; a file without it
/// is not a spawnguard configuration. On failure returns std::nullopt and
/// appends "path:line:col: message" lines to \p Errors.
std::optional<ConfigFile> parsePyprojectConfig(llvm::StringRef Text,
                                               llvm::StringRef Path,
                                               bool &HasTable,
                                               std::vector<std::string> &Errors);

/// The configuration in force for one directory, all files merged.
struct EffectiveConfig {
  /// The files it came from, outermost first.
  std::vector<std::string> Sources;
  /// Every file's Checks, outermost first, joined by ','. Empty if no file
  /// sets any.
  std::string Checks;
  std::vector<std::string> Sinks;
  std::vector<ConfigFile::Root> Roots;
  /// Ignores with absolute path patterns ('*' also matches '/').
  std::vector<ConfigFile::Ignore> Ignores;
  /// The nearest file's value of each key wins.
  ConfigFile::PythonPolicy Python;

  /// True if every process the project starts with the default start method
  /// is forked: the project pins 'fork' and does not run on Windows, which
  /// cannot fork. Then spawn-only hazards of default-method APIs are moot.
  bool forksEverywhere() const;
  /// The Python names among Sinks (dotted, maybe with a keyword argument).
  std::vector<std::string> pythonSinks() const;
  /// True if \p Function is one of Roots.
  bool hasRoot(llvm::StringRef Function) const;

  /// The rule selection: the files' Checks followed by the command line's
  /// --checks (empty if not given), so the command line wins, as in
  /// clang-tidy; '*' if both are empty.
  std::string globs(llvm::StringRef CommandLineChecks) const;
  /// True if \p Rule is enabled by globs(\p CommandLineChecks).
  bool isEnabled(const RuleInfo &Rule, llvm::StringRef CommandLineChecks) const;
  /// True if an Ignore entry covers \p Rule at absolute path \p File.
  bool isIgnored(const RuleInfo &Rule, llvm::StringRef File) const;
};

/// Finds and caches the configuration of each directory.
class ConfigResolver {
public:
  /// Every root of every configuration resolved so far, without duplicates,
  /// in a stable order.
  std::vector<ConfigFile::Root> allRoots() const;
  /// The configuration for an absolute file path.
  const EffectiveConfig &forFile(llvm::StringRef File);
  /// The configuration for an absolute directory.
  const EffectiveConfig &forDirectory(llvm::StringRef Dir);
  /// Errors met so far, one line each, in the order met.
  llvm::ArrayRef<std::string> errors() const { return Errors; }

private:
  std::optional<ConfigFile> readConfigIn(llvm::StringRef Dir,
                                         std::string &Path);

  llvm::StringMap<const EffectiveConfig *> Cache;
  std::deque<EffectiveConfig> Storage;
  std::vector<std::string> Errors;
};

/// Adds to \p Graph the roots named by the configuration of every file it
/// mentions.
void addConfiguredRoots(ProgramGraph &Graph, ConfigResolver &Resolver);

/// Drops findings whose rule is disabled or ignored by the configuration of
/// the file they are reported in (the root's file), those from a configured
/// root that configuration does not list, and those that only matter under
/// a start method the configuration rules out.
void applyConfig(std::vector<Finding> &Findings, ConfigResolver &Resolver,
                 llvm::StringRef CommandLineChecks);

/// Prints \p Config, merged with the command line, as YAML.
void dumpConfig(llvm::raw_ostream &OS, const EffectiveConfig &Config,
                llvm::StringRef CommandLineChecks,
                llvm::ArrayRef<std::string> CommandLineSinks);

} // namespace spawnguard

#endif // SPAWNGUARD_CORE_CONFIG_H

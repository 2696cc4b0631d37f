//===- Config.h - .spawnguard.yaml, discovered upward -----------*- C++ -*-===//
//
// Like .clang-tidy: the configuration of a file comes from the nearest
// .spawnguard.yaml in its directory or a parent directory. A file that sets
// InheritParentConfig: true is merged over its parent's configuration.
//
//   Checks: '-*,SG101'                  # appended to the parents' Checks
//   Sinks: ['corp::launch']             # extra process launchers (C++ names)
//   Ignore:                             # per-path ignores
//     - Path: 'third_party/*'           # relative to this file's directory
//       Checks: '*'                     # which rules to ignore (default '*')
//   InheritParentConfig: false
//
// Parsed with LLVM's YAML I/O. Unknown keys and bad values are errors that
// name the file, line and column.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_CORE_CONFIG_H
#define SPAWNGUARD_CORE_CONFIG_H

#include "spawnguard/Core/Finding.h"
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

/// One .spawnguard.yaml as written.
struct ConfigFile {
  struct Ignore {
    std::string Path;
    std::string Checks = "*";
  };
  std::optional<std::string> Checks;
  std::vector<std::string> Sinks;
  std::vector<Ignore> Ignores;
  bool InheritParentConfig = false;
};

/// Parses \p Text (the contents of \p Path). On failure returns std::nullopt
/// and appends "path:line:col: message" lines to \p Errors.
std::optional<ConfigFile> parseConfig(llvm::StringRef Text,
                                      llvm::StringRef Path,
                                      std::vector<std::string> &Errors);

/// The configuration in force for one directory, all files merged.
struct EffectiveConfig {
  /// The files it came from, outermost first.
  std::vector<std::string> Sources;
  /// Every file's Checks, outermost first, joined by ','. Empty if no file
  /// sets any.
  std::string Checks;
  std::vector<std::string> Sinks;
  /// Ignores with absolute path patterns ('*' also matches '/').
  std::vector<ConfigFile::Ignore> Ignores;

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
  /// The configuration for an absolute file path.
  const EffectiveConfig &forFile(llvm::StringRef File);
  /// The configuration for an absolute directory.
  const EffectiveConfig &forDirectory(llvm::StringRef Dir);
  /// Errors met so far, one line each, in the order met.
  llvm::ArrayRef<std::string> errors() const { return Errors; }

private:
  llvm::StringMap<const EffectiveConfig *> Cache;
  std::deque<EffectiveConfig> Storage;
  std::vector<std::string> Errors;
};

/// Drops findings whose rule is disabled or ignored by the configuration of
/// the file they are reported in (the root's file).
void applyConfig(std::vector<Finding> &Findings, ConfigResolver &Resolver,
                 llvm::StringRef CommandLineChecks);

/// Prints \p Config, merged with the command line, as YAML.
void dumpConfig(llvm::raw_ostream &OS, const EffectiveConfig &Config,
                llvm::StringRef CommandLineChecks,
                llvm::ArrayRef<std::string> CommandLineSinks);

} // namespace spawnguard

#endif // SPAWNGUARD_CORE_CONFIG_H

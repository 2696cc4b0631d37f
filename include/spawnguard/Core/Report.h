//===- Report.h - Findings in every output format ---------------*- C++ -*-===//
//
// The machine-readable formats (JSON, SARIF, GitHub workflow commands) and
// ruff-style statistics. Every format prints findings in their canonical
// order and nothing that depends on timing, threads or the machine beyond
// the base directory, so output is byte-identical for any -j.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_CORE_REPORT_H
#define SPAWNGUARD_CORE_REPORT_H

#include "spawnguard/Core/Finding.h"
#include "spawnguard/Core/TextOutput.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"
#include <optional>
#include <string>

namespace spawnguard {

enum class OutputFormat { Text, Json, Sarif, Github };

/// Parses "text", "json", "sarif" or "github".
std::optional<OutputFormat> parseOutputFormat(llvm::StringRef Name);

struct ReportOptions {
  /// Paths below this directory are written relative to it (and, in SARIF,
  /// relative to the %SRCROOT% base).
  std::string BaseDirectory;
  std::string ToolVersion;
  /// Where the rule pages live: helpUri is this plus "<rule page>.md".
  std::string DocsUrl;
};

/// The version of the JSON format (docs/json-format.md).
constexpr unsigned JsonFormatVersion = 1;

void printJson(llvm::raw_ostream &OS, llvm::ArrayRef<Finding> Findings,
               const ReportOptions &Options);
void printSarif(llvm::raw_ostream &OS, llvm::ArrayRef<Finding> Findings,
                const ReportOptions &Options);
void printGithub(llvm::raw_ostream &OS, llvm::ArrayRef<Finding> Findings,
                 const ReportOptions &Options);

/// Counts per rule, most frequent first, like `ruff --statistics`:
/// "count code name" per line, for the rules that have findings.
void printStatistics(llvm::raw_ostream &OS, llvm::ArrayRef<Finding> Findings);

/// Prints \p Findings in \p Format (or, with \p Statistics, the counts per
/// rule) to \p OutputPath, or to stdout for "-". A file is written
/// atomically: to a temporary file in the same directory, then renamed.
llvm::Error writeReport(llvm::StringRef OutputPath, OutputFormat Format,
                        bool Statistics, llvm::ArrayRef<Finding> Findings,
                        const ReportOptions &Options, const TextOptions &Text);

/// Escapes for a GitHub workflow command: \p IsProperty also escapes ':'
/// and ','.
std::string escapeGithub(llvm::StringRef S, bool IsProperty);

/// A file: URI for an absolute path, percent-encoding what needs it.
std::string fileUri(llvm::StringRef AbsolutePath);
/// Percent-encodes a relative path for use as a URI reference.
std::string encodeUriPath(llvm::StringRef Path);

} // namespace spawnguard

#endif // SPAWNGUARD_CORE_REPORT_H

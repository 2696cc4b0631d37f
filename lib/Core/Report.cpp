//===- Report.cpp - Shared helpers of the output formats ------------------===//

#include "spawnguard/Core/Report.h"
#include "spawnguard/Core/Rules.h"
#include "llvm/ADT/StringExtras.h"
#include <algorithm>
#include <map>

namespace spawnguard {

std::optional<OutputFormat> parseOutputFormat(llvm::StringRef Name) {
  if (Name == "text")
    return OutputFormat::Text;
  if (Name == "json")
    return OutputFormat::Json;
  if (Name == "sarif")
    return OutputFormat::Sarif;
  if (Name == "github")
    return OutputFormat::Github;
  return std::nullopt;
}

std::string encodeUriPath(llvm::StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("-._~/!$&'()*+,;=:@").contains(C))
      Out += C;
    else {
      Out += '%';
      Out += llvm::hexdigit(C >> 4, false);
      Out += llvm::hexdigit(C & 15, false);
    }
  }
  return Out;
}

std::string fileUri(llvm::StringRef AbsolutePath) {
  return "file://" + encodeUriPath(AbsolutePath);
}

llvm::Error writeReport(llvm::StringRef OutputPath, OutputFormat Format,
                        bool Statistics, llvm::ArrayRef<Finding> Findings,
                        const ReportOptions &Options, const TextOptions &Text) {
  // writeToOutput writes "-" to stdout, and a file through a temporary file
  // in the same directory that is renamed over the target when complete.
  return llvm::writeToOutput(OutputPath, [&](llvm::raw_ostream &OS) {
    if (Statistics) {
      printStatistics(OS, Findings);
      return llvm::Error::success();
    }
    switch (Format) {
    case OutputFormat::Text:
      printText(OS, Findings, Text);
      break;
    case OutputFormat::Json:
      printJson(OS, Findings, Options);
      break;
    case OutputFormat::Sarif:
      printSarif(OS, Findings, Options);
      break;
    case OutputFormat::Github:
      printGithub(OS, Findings, Options);
      break;
    }
    return llvm::Error::success();
  });
}

void printStatistics(llvm::raw_ostream &OS, llvm::ArrayRef<Finding> Findings) {
  // Keyed by code, so that ties come out in code order.
  std::map<std::string, unsigned> Counts;
  for (const Finding &F : Findings) {
    const RuleInfo *Rule = findRule(F.Rule);
    ++Counts[Rule ? Rule->Code.str() + "\t" + F.Rule : "?\t" + F.Rule];
  }
  std::vector<std::pair<std::string, unsigned>> Rows(Counts.begin(),
                                                     Counts.end());
  // Most frequent first, then by code.
  std::stable_sort(Rows.begin(), Rows.end(), [](const auto &A, const auto &B) {
    return A.second > B.second;
  });
  size_t Width = 0;
  for (const auto &Row : Rows)
    Width = std::max(Width, std::to_string(Row.second).size());
  for (const auto &Row : Rows) {
    std::string Count = std::to_string(Row.second);
    OS.indent(Width - Count.size());
    OS << Count << '\t' << Row.first << '\n';
  }
}

} // namespace spawnguard

//===- FuzzChecks.cpp -----------------------------------------------------===//

#include "FuzzChecks.h"
#include "spawnguard/Core/FactsIO.h"
#include "spawnguard/Core/ProgramGraph.h"
#include "spawnguard/Core/Reachability.h"
#include "spawnguard/Core/Report.h"
#include "spawnguard/Core/Rules.h"
#include "spawnguard/Core/TextOutput.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdlib>

namespace spawnguard {
namespace fuzz {

void invariantBroken(const llvm::Twine &Why) {
  llvm::errs() << "spawnguard fuzz: invariant broken: " << Why << "\n";
  llvm::errs().flush();
  std::abort();
}

/// writeFacts and readFacts must be inverses on anything readFacts accepts
/// or a front end produces: otherwise the cache and 'extract'/'link' would
/// report something else than a direct run.
static void checkRoundTrip(const FactsUnit &Unit) {
  std::string Bytes = writeFacts(Unit);
  llvm::Expected<FactsUnit> Back = readFacts(Bytes);
  if (!Back)
    invariantBroken("facts written by writeFacts do not read back: " +
                    llvm::toString(Back.takeError()));
  if (writeFacts(*Back) != Bytes)
    invariantBroken("facts changed in a write/read round trip");
}

void linkSearchAndPrint(llvm::ArrayRef<FactsUnit> Units) {
  ProgramGraph Graph;
  for (const FactsUnit &Unit : Units) {
    checkRoundTrip(Unit);
    Graph.addUnit(Unit);
  }
  // The same unit linked twice (two units including one header) must merge.
  if (!Units.empty())
    Graph.addUnit(Units.front());
  Graph.finalize();

  std::vector<Finding> Findings = findReachableSinks(Graph, RuleSelection("*"));
  std::vector<Finding> All = findReachableSinks(Graph, RuleSelection("*"),
                                                /*HonorSuppressions=*/false);
  if (All.size() < Findings.size())
    invariantBroken("ignoring suppressions found fewer findings");

  ReportOptions Options;
  Options.BaseDirectory = "/fuzz";
  Options.ToolVersion = "fuzz";
  Options.DocsUrl = "https://example.invalid/docs/";
  TextOptions Text;
  Text.BaseDirectory = "/fuzz";
  llvm::raw_null_ostream Null;
  printText(Null, All, Text);
  printJson(Null, All, Options);
  printSarif(Null, All, Options);
  printGithub(Null, All, Options);
  printStatistics(Null, All);
}

} // namespace fuzz
} // namespace spawnguard

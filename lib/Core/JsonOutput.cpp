//===- JsonOutput.cpp - The documented JSON format ------------------------===//
//
// See docs/json-format.md. Keys are written in a fixed order; additions that
// old readers can ignore keep the version, anything else bumps it.
//
//===----------------------------------------------------------------------===//

#include "spawnguard/Core/Fingerprint.h"
#include "spawnguard/Core/Report.h"
#include "spawnguard/Core/Rules.h"
#include "spawnguard/Core/TextOutput.h"
#include "llvm/Support/JSON.h"

namespace spawnguard {

static void writePoint(llvm::json::OStream &J, const SourcePoint &P,
                       const ReportOptions &Options) {
  J.attribute("file", displayPath(P.File, Options.BaseDirectory));
  J.attribute("line", P.Line);
  J.attribute("column", P.Column);
}

void printJson(llvm::raw_ostream &OS, llvm::ArrayRef<Finding> Findings,
               const ReportOptions &Options) {
  std::vector<std::string> Fingerprints =
      computeFingerprints(Findings, Options.BaseDirectory);
  llvm::json::OStream J(OS, /*IndentSize=*/2);
  J.object([&] {
    J.attribute("version", JsonFormatVersion);
    J.attributeObject("tool", [&] {
      J.attribute("name", "spawnguard");
      J.attribute("version", Options.ToolVersion);
    });
    J.attributeArray("findings", [&] {
      for (size_t I = 0; I < Findings.size(); ++I) {
        const Finding &F = Findings[I];
        const RuleInfo *Rule = findRule(F.Rule);
        J.object([&] {
          J.attribute("rule", F.Rule);
          J.attribute("code",
                      Rule ? llvm::StringRef(Rule->Code) : llvm::StringRef(""));
          writePoint(J, F.Loc, Options);
          J.attribute("message", F.Message);
          J.attribute("fingerprint", Fingerprints[I]);
          J.attributeArray("trace", [&] {
            for (const TraceNote &Note : F.Trace)
              J.object([&] {
                writePoint(J, Note.Loc, Options);
                J.attribute("message", Note.Message);
              });
          });
        });
      }
    });
  });
  OS << '\n';
}

} // namespace spawnguard

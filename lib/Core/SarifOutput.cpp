//===- SarifOutput.cpp - SARIF 2.1.0 for code scanning --------------------===//
//
// One run, with every rule in tool.driver.rules (help text from the embedded
// rule pages) and one result per finding:
//   - locations: the root;
//   - relatedLocations: one per trace note;
//   - codeFlows[0].threadFlows[0].locations: the root, then every note;
//   - partialFingerprints: the line-independent fingerprint.
// Paths below the base directory are relative URIs with uriBaseId
// %SRCROOT%, which originalUriBaseIds maps to the base directory, as GitHub
// code scanning expects; other paths are absolute file: URIs.
//
//===----------------------------------------------------------------------===//

#include "spawnguard/Core/Fingerprint.h"
#include "spawnguard/Core/Report.h"
#include "spawnguard/Core/RuleDocs.h"
#include "spawnguard/Core/Rules.h"
#include "spawnguard/Core/TextOutput.h"
#include "llvm/Support/JSON.h"

namespace spawnguard {

static constexpr llvm::StringLiteral SrcRoot = "%SRCROOT%";

static void writePhysicalLocation(llvm::json::OStream &J, const SourcePoint &P,
                                  const ReportOptions &Options) {
  J.attributeObject("physicalLocation", [&] {
    J.attributeObject("artifactLocation", [&] {
      std::string Shown = displayPath(P.File, Options.BaseDirectory);
      if (Shown != P.File || !llvm::StringRef(P.File).starts_with("/")) {
        J.attribute("uri", encodeUriPath(Shown));
        J.attribute("uriBaseId", SrcRoot);
      } else {
        J.attribute("uri", fileUri(P.File));
      }
    });
    J.attributeObject("region", [&] {
      J.attribute("startLine", P.Line);
      if (P.Column)
        J.attribute("startColumn", P.Column);
    });
  });
}

static void writeMessage(llvm::json::OStream &J, llvm::StringRef Text) {
  J.attributeObject("message", [&] { J.attribute("text", Text); });
}

void printSarif(llvm::raw_ostream &OS, llvm::ArrayRef<Finding> Findings,
                const ReportOptions &Options) {
  std::vector<std::string> Fingerprints =
      computeFingerprints(Findings, Options.BaseDirectory);
  llvm::ArrayRef<RuleInfo> Rules = allRules();
  llvm::json::OStream J(OS, /*IndentSize=*/2);
  J.object([&] {
    J.attribute("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    J.attribute("version", "2.1.0");
    J.attributeArray("runs", [&] {
      J.object([&] {
        J.attributeObject("tool", [&] {
          J.attributeObject("driver", [&] {
            J.attribute("name", "spawnguard");
            J.attribute("version", Options.ToolVersion);
            J.attribute("semanticVersion", Options.ToolVersion);
            if (!Options.DocsUrl.empty())
              J.attribute("informationUri", Options.DocsUrl);
            J.attributeArray("rules", [&] {
              for (const RuleInfo &Rule : Rules)
                J.object([&] {
                  J.attribute("id", Rule.Name);
                  J.attribute("name", Rule.Code);
                  J.attributeObject("shortDescription",
                                    [&] { J.attribute("text", Rule.Summary); });
                  J.attributeObject("fullDescription",
                                    [&] { J.attribute("text", Rule.Summary); });
                  llvm::StringRef Docs = ruleDocs(Rule);
                  J.attributeObject("help", [&] {
                    J.attribute("text", Docs.empty()
                                            ? llvm::StringRef(Rule.Summary)
                                            : Docs);
                    if (!Docs.empty())
                      J.attribute("markdown", Docs);
                  });
                  if (!Options.DocsUrl.empty())
                    J.attribute("helpUri", Options.DocsUrl + "rules/" +
                                               rulePageName(Rule).str() +
                                               ".md");
                  J.attributeObject("defaultConfiguration",
                                    [&] { J.attribute("level", "warning"); });
                  J.attributeObject("properties", [&] {
                    J.attributeArray("tags", [&] {
                      J.value("correctness");
                      J.value(Rule.Code);
                    });
                    J.attribute("problem.severity", "warning");
                  });
                });
            });
          });
        });
        J.attributeObject("originalUriBaseIds", [&] {
          J.attributeObject(SrcRoot, [&] {
            std::string Base = Options.BaseDirectory;
            if (Base.empty() || Base.back() != '/')
              Base += '/';
            J.attribute("uri", fileUri(Base));
          });
        });
        J.attributeArray("results", [&] {
          for (size_t I = 0; I < Findings.size(); ++I) {
            const Finding &F = Findings[I];
            J.object([&] {
              J.attribute("ruleId", F.Rule);
              for (size_t R = 0; R < Rules.size(); ++R)
                if (Rules[R].Name == F.Rule)
                  J.attribute("ruleIndex", static_cast<int64_t>(R));
              J.attribute("level", "warning");
              writeMessage(J, F.Message);
              J.attributeArray("locations", [&] {
                J.object([&] { writePhysicalLocation(J, F.Loc, Options); });
              });
              J.attributeObject("partialFingerprints", [&] {
                J.attribute(FingerprintKey, Fingerprints[I]);
              });
              if (!F.Trace.empty())
                J.attributeArray("relatedLocations", [&] {
                  for (size_t N = 0; N < F.Trace.size(); ++N)
                    J.object([&] {
                      J.attribute("id", static_cast<int64_t>(N + 1));
                      writePhysicalLocation(J, F.Trace[N].Loc, Options);
                      writeMessage(J, F.Trace[N].Message);
                    });
                });
              J.attributeArray("codeFlows", [&] {
                J.object([&] {
                  J.attributeArray("threadFlows", [&] {
                    J.object([&] {
                      J.attributeArray("locations", [&] {
                        auto Step = [&](const SourcePoint &P,
                                        llvm::StringRef Text, unsigned Depth) {
                          J.object([&] {
                            J.attributeObject("location", [&] {
                              writePhysicalLocation(J, P, Options);
                              writeMessage(J, Text);
                            });
                            J.attribute("nestingLevel", Depth);
                          });
                        };
                        Step(F.Loc, F.Message, 0);
                        for (size_t N = 0; N < F.Trace.size(); ++N)
                          Step(F.Trace[N].Loc, F.Trace[N].Message,
                               static_cast<unsigned>(N + 1));
                      });
                    });
                  });
                });
              });
            });
          }
        });
      });
    });
  });
  OS << '\n';
}

} // namespace spawnguard

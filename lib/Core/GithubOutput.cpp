//===- GithubOutput.cpp - GitHub Actions workflow commands ----------------===//
//
// One "::warning file=...,line=...,col=...,title=...::message" line per
// finding; the trace follows the message on lines of its own (encoded as
// %0A), so the annotation shows the whole chain.
//
//===----------------------------------------------------------------------===//

#include "spawnguard/Core/Report.h"
#include "spawnguard/Core/Rules.h"
#include "spawnguard/Core/TextOutput.h"

namespace spawnguard {

std::string escapeGithub(llvm::StringRef S, bool IsProperty) {
  std::string Out;
  for (char C : S) {
    switch (C) {
    case '%':
      Out += "%25";
      break;
    case '\r':
      Out += "%0D";
      break;
    case '\n':
      Out += "%0A";
      break;
    case ':':
      Out += IsProperty ? "%3A" : ":";
      break;
    case ',':
      Out += IsProperty ? "%2C" : ",";
      break;
    default:
      Out += C;
    }
  }
  return Out;
}

void printGithub(llvm::raw_ostream &OS, llvm::ArrayRef<Finding> Findings,
                 const ReportOptions &Options) {
  for (const Finding &F : Findings) {
    const RuleInfo *Rule = findRule(F.Rule);
    std::string Title = F.Rule;
    if (Rule)
      Title = (Rule->Code + " " + Rule->Name).str();
    std::string Message = F.Message;
    for (const TraceNote &Note : F.Trace)
      Message += "\n" + displayPath(Note.Loc.File, Options.BaseDirectory) +
                 ":" + std::to_string(Note.Loc.Line) + ":" +
                 std::to_string(Note.Loc.Column) + ": note: " + Note.Message;
    OS << "::warning file="
       << escapeGithub(displayPath(F.Loc.File, Options.BaseDirectory), true)
       << ",line=" << F.Loc.Line << ",col=" << F.Loc.Column
       << ",title=" << escapeGithub(Title, true)
       << "::" << escapeGithub(Message, false) << '\n';
  }
}

} // namespace spawnguard

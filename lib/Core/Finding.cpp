//===- Finding.cpp --------------------------------------------------------===//

#include "spawnguard/Core/Finding.h"
#include <algorithm>
#include <tuple>

namespace spawnguard {

bool operator==(const SourcePoint &A, const SourcePoint &B) {
  return std::tie(A.File, A.Line, A.Column) ==
         std::tie(B.File, B.Line, B.Column);
}

bool operator<(const SourcePoint &A, const SourcePoint &B) {
  return std::tie(A.File, A.Line, A.Column) <
         std::tie(B.File, B.Line, B.Column);
}

static bool operator<(const TraceNote &A, const TraceNote &B) {
  return std::tie(A.Loc, A.Message) < std::tie(B.Loc, B.Message);
}

static bool operator==(const TraceNote &A, const TraceNote &B) {
  return std::tie(A.Loc, A.Message) == std::tie(B.Loc, B.Message);
}

bool operator<(const Finding &A, const Finding &B) {
  return std::tie(A.Loc, A.Rule, A.Message, A.Trace) <
         std::tie(B.Loc, B.Rule, B.Message, B.Trace);
}

bool operator==(const Finding &A, const Finding &B) {
  return std::tie(A.Loc, A.Rule, A.Message, A.Trace) ==
         std::tie(B.Loc, B.Rule, B.Message, B.Trace);
}

void canonicalize(std::vector<Finding> &Findings) {
  std::sort(Findings.begin(), Findings.end());
  Findings.erase(std::unique(Findings.begin(), Findings.end()),
                 Findings.end());
}

} // namespace spawnguard

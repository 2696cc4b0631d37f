//===- FactsIO.cpp --------------------------------------------------------===//

#include "spawnguard/Core/FactsIO.h"
#include "spawnguard/Core/BinaryCodec.h"
#include "llvm/ADT/StringExtras.h"

namespace spawnguard {

static constexpr char MagicBytes[] = "SGFACTS"; // With its NUL: 8 bytes.
static const llvm::StringRef Magic(MagicBytes, sizeof(MagicBytes));

static void writeNotes(RecordWriter &W,
                       const std::vector<DiagnosticNote> &Notes) {
  W.num(Notes.size());
  for (const DiagnosticNote &N : Notes) {
    W.loc(N.Loc);
    W.str(N.Message);
  }
}

static std::vector<DiagnosticNote> readNotes(RecordReader &R, size_t Files) {
  std::vector<DiagnosticNote> Notes;
  for (size_t I = 0, N = R.count(); I < N && R.Error.empty(); ++I) {
    DiagnosticNote Note;
    Note.Loc = R.loc(Files);
    Note.Message = R.str();
    Notes.push_back(std::move(Note));
  }
  return Notes;
}

std::string writeFacts(const FactsUnit &U) {
  std::string Payload;
  {
    RecordWriter W(Payload);
    W.str(U.MainFile);
    W.strings(U.Files);
    W.num(U.Functions.size());
    for (const FunctionFact &F : U.Functions) {
      W.str(F.Id);
      W.str(F.Name);
      W.num(static_cast<uint8_t>(F.Kind));
    }
    W.num(U.Calls.size());
    for (const CallFact &C : U.Calls) {
      W.num(C.Caller);
      W.num(C.Callee);
      W.num(static_cast<uint8_t>(C.Kind));
      W.loc(C.Loc);
    }
    W.num(U.Arguments.size());
    for (const ArgumentFact &A : U.Arguments) {
      W.num(A.Caller);
      W.num(A.Callee);
      W.num(A.Param);
      W.num(A.Target);
      W.loc(A.Loc);
    }
    W.num(U.ParamCalls.size());
    for (const ParamCallFact &P : U.ParamCalls) {
      W.num(P.Function);
      W.num(P.Param);
    }
    W.num(U.ParamForwards.size());
    for (const ParamForwardFact &F : U.ParamForwards) {
      W.num(F.Function);
      W.num(F.Param);
      W.num(F.Callee);
      W.num(F.CalleeParam);
    }
    W.num(U.Overrides.size());
    for (const OverrideFact &O : U.Overrides) {
      W.num(O.Method);
      W.num(O.Overridden);
    }
    W.num(U.SinkCalls.size());
    for (const SinkCallFact &S : U.SinkCalls) {
      W.num(S.Caller);
      W.str(S.Api);
      W.num(static_cast<uint8_t>(S.Action));
      W.loc(S.Loc);
      W.strings(S.Suppressions);
      W.str(S.Detail);
      W.num(S.DefaultStartMethod);
      writeNotes(W, S.Notes);
    }
    W.num(U.SinkArguments.size());
    for (const SinkArgumentFact &S : U.SinkArguments) {
      W.num(S.Caller);
      W.num(S.Callee);
      W.num(S.Param);
      W.str(S.Api);
      W.num(static_cast<uint8_t>(S.Action));
      W.loc(S.Loc);
      W.strings(S.Suppressions);
    }
    W.num(U.Roots.size());
    for (const RootFact &R : U.Roots) {
      W.num(static_cast<uint8_t>(R.Kind));
      W.num(R.Node);
      W.str(R.Subject);
      W.str(R.Detail);
      W.loc(R.Loc);
      W.strings(R.Suppressions);
      W.num(R.DefaultStartMethod);
    }
    W.num(U.Imports.size());
    for (const ImportFact &I : U.Imports) {
      W.str(I.Importer);
      W.str(I.Module);
      W.loc(I.Loc);
    }
    W.num(U.Diagnostics.size());
    for (const DiagnosticFact &D : U.Diagnostics) {
      W.str(D.Rule);
      W.loc(D.Loc);
      W.str(D.Message);
      writeNotes(W, D.Notes);
      W.strings(D.Suppressions);
    }
  }

  return frameRecord(Magic, FactsFormatVersion, Payload);
}

llvm::Expected<FactsUnit> readFacts(llvm::StringRef Bytes) {
  llvm::Expected<llvm::StringRef> Payload =
      unframeRecord(Bytes, Magic, FactsFormatVersion, "spawnguard facts file");
  if (!Payload)
    return Payload.takeError();

  RecordReader R(*Payload);
  FactsUnit U;
  U.MainFile = R.str();
  for (const std::string &Path : R.strings())
    if (U.addFile(Path) != U.Files.size() - 1)
      R.fail("duplicate file");
  size_t Files = U.Files.size();

  for (size_t I = 0, N = R.count(); I < N && R.Error.empty(); ++I) {
    std::string Id = R.str(), Name = R.str();
    NodeKind Kind = R.enumeration(LastNodeKind, "node kind");
    if (U.addFunction(Id, Name, Kind) != U.Functions.size() - 1)
      R.fail("duplicate function id");
  }
  size_t Fns = U.Functions.size();

  for (size_t I = 0, N = R.count(); I < N && R.Error.empty(); ++I) {
    CallFact C;
    C.Caller = R.index(Fns, "function");
    C.Callee = R.index(Fns, "function");
    C.Kind = R.enumeration(LastEdgeKind, "edge kind");
    C.Loc = R.loc(Files);
    U.Calls.push_back(C);
  }
  for (size_t I = 0, N = R.count(); I < N && R.Error.empty(); ++I) {
    ArgumentFact A;
    A.Caller = R.index(Fns, "function");
    A.Callee = R.index(Fns, "function");
    A.Param = R.num32();
    A.Target = R.index(Fns, "function");
    A.Loc = R.loc(Files);
    U.Arguments.push_back(A);
  }
  for (size_t I = 0, N = R.count(); I < N && R.Error.empty(); ++I) {
    ParamCallFact P;
    P.Function = R.index(Fns, "function");
    P.Param = R.num32();
    U.ParamCalls.push_back(P);
  }
  for (size_t I = 0, N = R.count(); I < N && R.Error.empty(); ++I) {
    ParamForwardFact F;
    F.Function = R.index(Fns, "function");
    F.Param = R.num32();
    F.Callee = R.index(Fns, "function");
    F.CalleeParam = R.num32();
    U.ParamForwards.push_back(F);
  }
  for (size_t I = 0, N = R.count(); I < N && R.Error.empty(); ++I) {
    OverrideFact O;
    O.Method = R.index(Fns, "function");
    O.Overridden = R.index(Fns, "function");
    U.Overrides.push_back(O);
  }
  for (size_t I = 0, N = R.count(); I < N && R.Error.empty(); ++I) {
    SinkCallFact S;
    S.Caller = R.index(Fns, "function");
    S.Api = R.str();
    S.Action = R.enumeration(LastSinkAction, "sink action");
    S.Loc = R.loc(Files);
    S.Suppressions = R.strings();
    S.Detail = R.str();
    S.DefaultStartMethod = R.flag();
    S.Notes = readNotes(R, Files);
    U.SinkCalls.push_back(std::move(S));
  }
  for (size_t I = 0, N = R.count(); I < N && R.Error.empty(); ++I) {
    SinkArgumentFact S;
    S.Caller = R.index(Fns, "function");
    S.Callee = R.index(Fns, "function");
    S.Param = R.num32();
    S.Api = R.str();
    S.Action = R.enumeration(LastSinkAction, "sink action");
    S.Loc = R.loc(Files);
    S.Suppressions = R.strings();
    U.SinkArguments.push_back(std::move(S));
  }
  for (size_t I = 0, N = R.count(); I < N && R.Error.empty(); ++I) {
    RootFact Root;
    Root.Kind = R.enumeration(LastRootKind, "root kind");
    Root.Node = R.index(Fns, "function");
    Root.Subject = R.str();
    Root.Detail = R.str();
    Root.Loc = R.loc(Files);
    Root.Suppressions = R.strings();
    Root.DefaultStartMethod = R.flag();
    U.Roots.push_back(std::move(Root));
  }
  for (size_t I = 0, N = R.count(); I < N && R.Error.empty(); ++I) {
    ImportFact Import;
    Import.Importer = R.str();
    Import.Module = R.str();
    Import.Loc = R.loc(Files);
    U.Imports.push_back(std::move(Import));
  }
  for (size_t I = 0, N = R.count(); I < N && R.Error.empty(); ++I) {
    DiagnosticFact D;
    D.Rule = R.str();
    D.Loc = R.loc(Files);
    D.Message = R.str();
    D.Notes = readNotes(R, Files);
    D.Suppressions = R.strings();
    U.Diagnostics.push_back(std::move(D));
  }
  if (llvm::Error Err = R.finish("spawnguard facts file"))
    return std::move(Err);
  return U;
}

} // namespace spawnguard

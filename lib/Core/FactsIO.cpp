//===- FactsIO.cpp --------------------------------------------------------===//

#include "spawnguard/Core/FactsIO.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CRC.h"
#include "llvm/Support/Endian.h"
#include "llvm/Support/LEB128.h" // encodeULEB128
#include "llvm/Support/raw_ostream.h"

namespace spawnguard {

static constexpr char MagicBytes[] = "SGFACTS"; // With its NUL: 8 bytes.
static const llvm::StringRef Magic(MagicBytes, sizeof(MagicBytes));
static constexpr size_t HeaderSize = 8 + 4 + 4 + 8;

namespace {

class Writer {
public:
  explicit Writer(std::string &Out) : OS(Out) {}
  void num(uint64_t V) { llvm::encodeULEB128(V, OS); }
  void str(llvm::StringRef S) {
    num(S.size());
    OS << S;
  }
  void loc(const FactLocation &L) {
    num(L.File);
    num(L.Line);
    num(L.Column);
  }
  void strings(const std::vector<std::string> &List) {
    num(List.size());
    for (const std::string &S : List)
      str(S);
  }

private:
  llvm::raw_string_ostream OS;
};

/// A bounds-checked cursor. The first problem sticks: later reads return
/// zeros, and the caller reports the first error once at the end.
class Reader {
public:
  explicit Reader(llvm::StringRef Data)
      : Begin(Data.bytes_begin()), Pos(Data.bytes_begin()),
        End(Data.bytes_end()) {}

  /// An unsigned LEB128 number of at most 64 bits. Not
  /// llvm::decodeULEB128: given a padded encoding longer than ten bytes, it
  /// shifts by 64 or more, which is undefined (found by FactsReaderFuzzer).
  uint64_t num() {
    if (!Error.empty())
      return 0;
    uint64_t V = 0;
    for (const uint8_t *P = Pos;; ++P) {
      unsigned Shift = 7 * (P - Pos);
      if (P == End)
        return fail("malformed uleb128, extends past end"), 0;
      uint64_t Slice = *P & 0x7f;
      // The tenth byte holds bit 63 only; there is no eleventh.
      if (Shift > 63 || (Shift == 63 && Slice > 1))
        return fail("uleb128 too big for uint64"), 0;
      V |= Slice << Shift;
      if (!(*P & 0x80)) {
        Pos = P + 1;
        return V;
      }
    }
  }
  uint32_t num32() {
    uint64_t V = num();
    if (V > UINT32_MAX)
      fail("number out of range");
    return static_cast<uint32_t>(V);
  }
  /// A count of items that each take at least one byte: anything larger
  /// than the rest of the input is corrupt, and must not drive a reserve().
  size_t count() {
    uint64_t N = num();
    if (N > static_cast<uint64_t>(End - Pos))
      return fail("count larger than the data"), 0;
    return static_cast<size_t>(N);
  }
  std::string str() {
    size_t N = count();
    if (!Error.empty())
      return {};
    std::string S(reinterpret_cast<const char *>(Pos), N);
    Pos += N;
    return S;
  }
  uint32_t index(size_t Limit, const char *What) {
    uint32_t V = num32();
    if (V >= Limit)
      fail((std::string(What) + " index out of range").c_str());
    return V;
  }
  template <typename Enum> Enum enumeration(Enum Last, const char *What) {
    uint64_t V = num();
    if (V > static_cast<uint64_t>(Last))
      fail((std::string("unknown ") + What).c_str());
    return static_cast<Enum>(V);
  }
  FactLocation loc(size_t Files) {
    FactLocation L;
    L.File = index(Files, "file");
    L.Line = num32();
    L.Column = num32();
    return L;
  }
  std::vector<std::string> strings() {
    std::vector<std::string> List(count());
    for (std::string &S : List)
      S = str();
    return List;
  }

  bool atEnd() const { return Pos == End; }
  void fail(const char *Why) {
    if (Error.empty())
      Error = std::string(Why) + " at payload offset " +
              std::to_string(Pos - Begin);
  }
  std::string Error;

private:
  const uint8_t *Begin, *Pos, *End;
};

} // namespace

std::string writeFacts(const FactsUnit &U) {
  std::string Payload;
  {
    Writer W(Payload);
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
      W.num(D.Notes.size());
      for (const DiagnosticNote &N : D.Notes) {
        W.loc(N.Loc);
        W.str(N.Message);
      }
      W.strings(D.Suppressions);
    }
  }

  std::string Out(Magic);
  char Buffer[8];
  llvm::support::endian::write32le(Buffer, FactsFormatVersion);
  Out.append(Buffer, 4);
  llvm::support::endian::write32le(
      Buffer, llvm::crc32(llvm::arrayRefFromStringRef(Payload)));
  Out.append(Buffer, 4);
  llvm::support::endian::write64le(Buffer, Payload.size());
  Out.append(Buffer, 8);
  return Out + Payload;
}

static llvm::Error corrupt(const llvm::Twine &Why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "not a valid spawnguard facts file: " + Why);
}

llvm::Expected<FactsUnit> readFacts(llvm::StringRef Bytes) {
  using namespace llvm::support::endian;
  if (Bytes.size() < HeaderSize || !Bytes.starts_with(Magic))
    return corrupt("missing header");
  const char *Header = Bytes.data() + Magic.size();
  uint32_t Version = read32le(Header);
  if (Version != FactsFormatVersion)
    return corrupt("format version " + llvm::Twine(Version) + ", expected " +
                   llvm::Twine(FactsFormatVersion));
  uint32_t Checksum = read32le(Header + 4);
  uint64_t Size = read64le(Header + 8);
  llvm::StringRef Payload = Bytes.drop_front(HeaderSize);
  if (Size != Payload.size())
    return corrupt("payload size mismatch (truncated?)");
  if (llvm::crc32(llvm::arrayRefFromStringRef(Payload)) != Checksum)
    return corrupt("checksum mismatch");

  Reader R(Payload);
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
    for (size_t J = 0, M = R.count(); J < M && R.Error.empty(); ++J) {
      DiagnosticNote Note;
      Note.Loc = R.loc(Files);
      Note.Message = R.str();
      D.Notes.push_back(std::move(Note));
    }
    D.Suppressions = R.strings();
    U.Diagnostics.push_back(std::move(D));
  }
  if (R.Error.empty() && !R.atEnd())
    R.fail("trailing data");
  if (!R.Error.empty())
    return corrupt(R.Error);
  return U;
}

} // namespace spawnguard

//===- Facts.h - What a front end extracts from one unit --------*- C++ -*-===//
//
// Facts are the plain-data boundary between the front ends (Clang, later
// tree-sitter) and the engine. A FactsUnit holds everything one translation
// unit or module contributes to the program graph: the functions it mentions,
// the calls between them, the roots it defines and the process-creating calls
// it makes. Nothing here refers to Clang; identities are strings (USRs for
// C and C++) so that units extracted separately can be linked by id.
//
// Within a unit, functions and files are referred to by index. That keeps a
// unit compact and cheap to serialize, and makes linking a matter of
// translating indices through the ids.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_CORE_FACTS_H
#define SPAWNGUARD_CORE_FACTS_H

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <string>
#include <vector>

namespace spawnguard {

using FileIndex = uint32_t;
using FunctionIndex = uint32_t;

/// A position in a source file of the unit: 1-based line and column.
struct FactLocation {
  FileIndex File = 0;
  uint32_t Line = 0;
  uint32_t Column = 0;

  friend bool operator==(const FactLocation &A, const FactLocation &B) {
    return A.File == B.File && A.Line == B.Line && A.Column == B.Column;
  }
};

/// What kind of code a graph node stands for. Only plain functions exist in
/// the source; the other kinds are synthesized so that code which runs
/// outside any function (an initializer, the destruction of a global) can be
/// a node with its own call edges.
enum class NodeKind : uint8_t {
  Function,
  /// The dynamic initializer of a variable with static storage duration.
  Initializer,
  /// The destruction of a variable with static storage duration.
  Finalizer,
  /// The initializer of a thread_local variable, run on its first use.
  ThreadLocalInitializer,
  /// A statement that a Python module runs when it is imported. The name is
  /// the module's dotted name.
  ModuleCode,
};
constexpr NodeKind LastNodeKind = NodeKind::ModuleCode;

struct FunctionFact {
  /// Stable identity across units: a USR for C and C++.
  std::string Id;
  /// Human-readable qualified name used in messages, e.g. 'Logger::Logger'.
  std::string Name;
  NodeKind Kind = NodeKind::Function;
};

/// How a call edge arises. The kind decides the wording of the trace note and
/// how the linker expands the edge.
enum class EdgeKind : uint8_t {
  /// A direct call, member call, operator call or constructor call.
  Call,
  /// A destructor call the source does not spell: end of scope, temporaries,
  /// members and bases of a destroyed object, 'delete'.
  ImplicitDestructor,
  /// A call to a virtual function; the linker adds edges to its overriders.
  VirtualCall,
  /// A call through a function pointer, a lambda object or std::function
  /// whose target is visible where the callee variable is initialized.
  IndirectCall,
  /// The use of a thread_local variable, which runs its initializer.
  ThreadLocalUse,
};
constexpr EdgeKind LastEdgeKind = EdgeKind::ThreadLocalUse;

struct CallFact {
  FunctionIndex Caller = 0;
  FunctionIndex Callee = 0;
  EdgeKind Kind = EdgeKind::Call;
  FactLocation Loc;
};

/// A call site that passes function \c Target as argument \c Param of
/// \c Callee. It becomes a call edge Caller -> Target if the linker finds
/// that \c Callee (perhaps through other functions) calls that parameter.
struct ArgumentFact {
  FunctionIndex Caller = 0;
  FunctionIndex Callee = 0;
  uint32_t Param = 0;
  FunctionIndex Target = 0;
  FactLocation Loc;
};

/// \c Function calls its own parameter \c Param.
struct ParamCallFact {
  FunctionIndex Function = 0;
  uint32_t Param = 0;
};

/// \c Function passes its own parameter \c Param on to parameter
/// \c CalleeParam of \c Callee.
struct ParamForwardFact {
  FunctionIndex Function = 0;
  uint32_t Param = 0;
  FunctionIndex Callee = 0;
  uint32_t CalleeParam = 0;
};

/// \c Method overrides \c Overridden (a direct override, not transitive).
struct OverrideFact {
  FunctionIndex Method = 0;
  FunctionIndex Overridden = 0;
};

/// What a process-creating call does to the program.
enum class SinkAction : uint8_t {
  /// fork, posix_spawn, system, CreateProcess, ...: a new process.
  CreatesProcess,
  /// The exec family: the calling process is replaced by a new program.
  ReplacesProcess,
};
constexpr SinkAction LastSinkAction = SinkAction::ReplacesProcess;

/// Suppression comments found on a line, as check-name globs. An empty list
/// means no suppression; a bare NOLINT is recorded as "*".
using SuppressionList = std::vector<std::string>;

/// A call that creates a process.
struct SinkCallFact {
  FunctionIndex Caller = 0;
  /// The API as users know it: 'fork', 'QProcess::start'.
  std::string Api;
  SinkAction Action = SinkAction::CreatesProcess;
  FactLocation Loc;
  SuppressionList Suppressions;
  /// Optional clause appended to the note, e.g. "which uses the 'spawn' start
  /// method on every platform".
  std::string Detail;
  /// Python: the process is started with the platform's default start
  /// method, so a project that pins 'fork' everywhere is not exposed to the
  /// hazards of spawning (see EffectiveConfig::forksEverywhere).
  bool DefaultStartMethod = false;
};

/// A call site that passes a process-creating function itself (not a call
/// of it) as argument \c Param of \c Callee: 'run(std::system, cmd)'. It is
/// a process-creating call of \c Caller if \c Callee calls that parameter.
struct SinkArgumentFact {
  FunctionIndex Caller = 0;
  FunctionIndex Callee = 0;
  uint32_t Param = 0;
  std::string Api;
  SinkAction Action = SinkAction::CreatesProcess;
  FactLocation Loc;
  SuppressionList Suppressions;
};

/// The reasons code runs outside the normal life of main.
enum class RootKind : uint8_t {
  // Before main.
  DynamicInitializer,
  ConstructorFunction,
  DllMain,
  IFuncResolver,
  InitSection,
  // After main.
  StaticDestructor,
  DestructorFunction,
  FiniSection,
  ExitHandler,
  // Python: a statement a module runs when it is imported (not under a main
  // guard). The subject is the module's dotted name.
  ModuleLevel,
  // A function the configuration names as a root (see Config.h). The linker
  // adds these; front ends never do, and facts files cannot hold them.
  ConfiguredBeforeMain,
  ConfiguredAfterMain,
  ConfiguredAtImport,
};
/// The last kind a front end may produce.
constexpr RootKind LastRootKind = RootKind::ModuleLevel;
constexpr RootKind LastConfiguredRootKind = RootKind::ConfiguredAtImport;

/// True for the kinds the linker adds from the configuration.
bool isConfiguredRoot(RootKind Kind);

/// True for the kinds that run after main returns (or exit is called).
bool runsAfterMain(RootKind Kind);

struct RootFact {
  RootKind Kind = RootKind::DynamicInitializer;
  /// The node whose code runs: a synthesized initializer or finalizer, or a
  /// function (a constructor function, a registered exit handler, ...).
  FunctionIndex Node = 0;
  /// The name the message talks about: a variable, a function.
  std::string Subject;
  /// Kind-specific detail: the section name, the registering function.
  std::string Detail;
  /// Where the warning goes: the variable, the function, the registration.
  FactLocation Loc;
  SuppressionList Suppressions;
};

/// A Python module imports another one here. The linker uses it to tell a
/// module that spawns when it is imported by an analysed module (rule
/// SG202) from a script that spawns at its top level (SG201).
struct ImportFact {
  /// Dotted names of the importing and the imported module.
  std::string Importer;
  std::string Module;
  FactLocation Loc;
};

struct DiagnosticNote {
  FactLocation Loc;
  std::string Message;
};

/// A finding a front end decides on its own, without reachability: the
/// linker passes it through to the output. \c Rule is a rule code.
struct DiagnosticFact {
  std::string Rule;
  FactLocation Loc;
  std::string Message;
  std::vector<DiagnosticNote> Notes;
  SuppressionList Suppressions;
  /// As SinkCallFact::DefaultStartMethod: moot where the project forks.
  bool DefaultStartMethod = false;
};

/// Everything one translation unit (or module) contributes.
class FactsUnit {
public:
  /// The main file of the unit, for messages about the unit itself.
  std::string MainFile;

  std::vector<std::string> Files;
  std::vector<FunctionFact> Functions;
  std::vector<CallFact> Calls;
  std::vector<ArgumentFact> Arguments;
  std::vector<ParamCallFact> ParamCalls;
  std::vector<ParamForwardFact> ParamForwards;
  std::vector<OverrideFact> Overrides;
  std::vector<SinkCallFact> SinkCalls;
  std::vector<SinkArgumentFact> SinkArguments;
  std::vector<RootFact> Roots;
  std::vector<ImportFact> Imports;
  std::vector<DiagnosticFact> Diagnostics;

  /// Returns the index of the file with this path, adding it if needed.
  FileIndex addFile(llvm::StringRef Path);
  /// Returns the index of the function with this id, adding it if needed.
  /// The name and kind of the first addition win.
  FunctionIndex addFunction(llvm::StringRef Id, llvm::StringRef Name,
                            NodeKind Kind = NodeKind::Function);

private:
  llvm::StringMap<FileIndex> FileIndices;
  llvm::StringMap<FunctionIndex> FunctionIndices;
};

} // namespace spawnguard

#endif // SPAWNGUARD_CORE_FACTS_H

//===- CompileCommands.cpp ------------------------------------------------===//

#include "CompileCommands.h"
#include "spawnguard/Core/JsonSyntax.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <set>

using namespace llvm;
namespace tooling = clang::tooling;

namespace spawnguard {

std::string absolutePath(StringRef Path) {
  SmallString<256> Abs(Path);
  sys::fs::make_absolute(Abs);
  sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return Abs.str().str();
}

Expected<Shard> parseShard(StringRef Text) {
  auto [Index, Count] = Text.split('/');
  Shard S;
  if (Index.getAsInteger(10, S.Index) || Count.getAsInteger(10, S.Count) ||
      S.Count == 0 || S.Index == 0 || S.Index > S.Count)
    return createStringError(inconvertibleErrorCode(),
                             "--shard expects I/N with 1 <= I <= N, got '" +
                                 Text + "'");
  return S;
}

/// True if \p File is \p Filter or lies below it.
static bool isUnder(StringRef File, StringRef Filter) {
  if (!File.consume_front(Filter))
    return false;
  return File.empty() || File.front() == '/' || Filter.ends_with("/");
}

static Error checkJsonSyntax(StringRef Path) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer = MemoryBuffer::getFile(Path);
  if (!Buffer)
    return createStringError(Buffer.getError(), Buffer.getError().message());
  // The full parser only for its message, or for what the quick check
  // leaves to it.
  if (isWellFormedJson((*Buffer)->getBuffer()))
    return Error::success();
  return json::parse((*Buffer)->getBuffer()).takeError();
}

static std::unique_ptr<tooling::CompilationDatabase>
loadDatabase(StringRef BuildDir, std::string &DatabaseDir, bool &Ok) {
  std::string Dir = BuildDir.empty() ? "." : BuildDir.str();
  DatabaseDir = absolutePath(Dir);
  SmallString<256> JsonPath(DatabaseDir);
  sys::path::append(JsonPath, "compile_commands.json");
  std::string LoadError;
  // LLVM's loader reads JSON with its YAML parser, which echoes a broken
  // file (binary included) to stderr; check the syntax ourselves first.
  if (sys::fs::exists(JsonPath)) {
    if (Error Err = checkJsonSyntax(JsonPath)) {
      errs() << "spawnguard: error: cannot read '" << JsonPath
             << "': " << toString(std::move(Err)) << "\n";
      Ok = false;
      return nullptr;
    }
  }
  auto DB = tooling::CompilationDatabase::loadFromDirectory(Dir, LoadError);
  if (!DB && sys::fs::exists(JsonPath)) {
    // The loader reports for each database plugin; only JSON's is ours.
    StringRef Why = LoadError;
    constexpr StringLiteral Json("json-compilation-database: ");
    if (size_t At = Why.find(Json); At != StringRef::npos)
      Why = Why.substr(At + Json.size());
    errs() << "spawnguard: error: cannot read '" << JsonPath
           << "': " << Why.take_until([](char C) { return C == '\n'; })
           << "\n";
    Ok = false;
    return nullptr;
  }
  if (!DB && BuildDir.empty())
    DB = tooling::CompilationDatabase::autoDetectFromDirectory(DatabaseDir,
                                                               LoadError);
  if (!DB) {
    errs() << "spawnguard: error: no compilation database in '" << Dir
           << "' (expected compile_commands.json; pass -p <build-dir>, or "
              "files followed by '-- <compiler args>')\n";
    Ok = false;
  }
  return DB;
}

std::optional<DatabaseSelection>
selectFromDatabase(StringRef BuildDir, const std::vector<std::string> &Filters,
                   Shard Part, const std::set<std::string> &ServedElsewhere,
                   bool &Ok) {
  DatabaseSelection Selection;
  std::unique_ptr<tooling::CompilationDatabase> DB =
      loadDatabase(BuildDir, Selection.Directory, Ok);
  if (!DB)
    return std::nullopt;

  std::vector<bool> FilterUsed(Filters.size(), false);
  std::set<std::pair<std::string, std::vector<std::string>>> Seen;
  size_t Position = 0;
  for (tooling::CompileCommand &Cmd : DB->getAllCompileCommands()) {
    // A relative "directory" is relative to the database, so the result
    // does not depend on where spawnguard was started. The file stays
    // relative to the (now absolute) directory.
    if (sys::path::is_relative(Cmd.Directory))
      Cmd.Directory =
          absolutePath((Selection.Directory + "/" + Cmd.Directory));
    SmallString<256> File(Cmd.Filename);
    sys::fs::make_absolute(Cmd.Directory, File);
    sys::path::remove_dots(File, /*remove_dot_dot=*/true);
    bool Wanted = Filters.empty();
    for (size_t I = 0; I < Filters.size(); ++I)
      if (isUnder(File, Filters[I])) {
        FilterUsed[I] = true;
        Wanted = true;
      }
    // Databases sometimes list the same command twice; analyse it once.
    if (!Wanted || !Seen.insert({File.str().str(), Cmd.CommandLine}).second)
      continue;
    // Shards take every N-th unit, so each gets a similar mix.
    if (Position++ % Part.Count == Part.Index - 1)
      Selection.Commands.push_back(std::move(Cmd));
  }
  for (size_t I = 0; I < Filters.size(); ++I)
    if (!FilterUsed[I] && !ServedElsewhere.count(Filters[I])) {
      errs() << "spawnguard: error: no compile command for '" << Filters[I]
             << "' in the compilation database\n";
      Ok = false;
    }
  return Selection;
}

Expected<tooling::CompileCommand>
commandFromCompilerInvocation(ArrayRef<std::string> Args) {
  if (Args.empty())
    return createStringError(inconvertibleErrorCode(),
                             "expected a compiler command after '--'");
  // Options whose value is the next argument; that value is never the
  // source file even when it looks like one.
  auto TakesValue = [](StringRef Arg) {
    return StringSwitch<bool>(Arg)
        .Cases("-o", "-I", "-isystem", "-iquote", "-idirafter", "-include",
               true)
        .Cases("-imacros", "-x", "-MF", "-MT", "-MQ", "-D", "-U", true)
        .Cases("-Xclang", "-target", "-arch", "-isysroot", "--sysroot", true)
        .Cases("-Xpreprocessor", "-Xlinker", "-L", "-l", true)
        .Default(false);
  };
  auto IsSource = [](StringRef Arg) {
    StringRef Ext = sys::path::extension(Arg);
    return StringSwitch<bool>(Ext)
        .Cases(".c", ".cc", ".cpp", ".cxx", ".c++", ".C", ".cp", true)
        .Cases(".m", ".mm", ".cu", true)
        .Default(false);
  };
  std::vector<std::string> Sources;
  for (size_t I = 1; I < Args.size(); ++I) {
    if (TakesValue(Args[I])) {
      ++I;
      continue;
    }
    if (!StringRef(Args[I]).starts_with("-") && IsSource(Args[I]))
      Sources.push_back(Args[I]);
  }
  if (Sources.size() != 1)
    return createStringError(
        inconvertibleErrorCode(),
        "expected exactly one source file in the compiler command, found " +
            std::to_string(Sources.size()));
  return tooling::CompileCommand(absolutePath("."), Sources.front(),
                                 std::vector<std::string>(Args.begin(),
                                                          Args.end()),
                                 "");
}

} // namespace spawnguard

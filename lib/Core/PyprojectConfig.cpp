//===- PyprojectConfig.cpp - [tool.spawnguard] in pyproject.toml ----------===//
//
// Python projects keep their tools' settings in pyproject.toml. The keys of
// [tool.spawnguard] are those of .spawnguard.yaml, spelled the same, and go
// through the same value checks. toml++ keeps the source position of every
// key and value, so errors point at the line and column like the YAML
// reader's do.
//
//===----------------------------------------------------------------------===//

#include "spawnguard/Core/Config.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/Twine.h"
#include <tuple>

#define TOML_EXCEPTIONS 1
#include <toml++/toml.h>

namespace spawnguard {
namespace {

/// Converts the [tool.spawnguard] table. It reports every mistake, not just
/// the first, in the order of the file (toml++ keeps keys sorted by name).
class TableReader {
public:
  explicit TableReader(llvm::StringRef Path) : Path(Path) {}

  bool read(const toml::table &Table, ConfigFile &Config,
            std::vector<std::string> &ErrorsOut) {
    for (const auto &[Key, Node] : Table) {
      std::string_view Name = Key.str();
      if (Name == "Checks") {
        if (auto Value = string(Node, Key))
          Config.Checks = *Value;
      } else if (Name == "Sinks") {
        Config.Sinks = checkedStrings(Node, Key, checkSinkName);
      } else if (Name == "Roots") {
        forEachTable(Node, Key, [&](const toml::table &T) { root(T, Config); });
      } else if (Name == "Ignore") {
        forEachTable(Node, Key,
                     [&](const toml::table &T) { ignore(T, Config); });
      } else if (Name == "Python") {
        if (const toml::table *T = Node.as_table())
          python(*T, Config);
        else
          error(Node.source(), "expected a table for '" + Twine(Name) + "'");
      } else if (Name == "InheritParentConfig") {
        if (const auto *B = Node.as_boolean())
          Config.InheritParentConfig = B->get();
        else
          error(Node.source(), "invalid boolean");
      } else {
        unknownKey(Key);
      }
    }
    llvm::sort(Errors);
    for (auto &[Line, Column, Message] : Errors)
      ErrorsOut.push_back((Path + ":" + Twine(Line) + ":" + Twine(Column) +
                           ": " + Message)
                              .str());
    return Errors.empty();
  }

private:
  using Twine = llvm::Twine;

  void error(const toml::source_region &Where, const Twine &Message) {
    Errors.emplace_back(Where.begin.line, Where.begin.column, Message.str());
  }

  void unknownKey(const toml::key &Key) {
    error(Key.source(), "unknown key '" + Twine(std::string(Key.str())) + "'");
  }

  std::optional<std::string> string(const toml::node &Node,
                                    const toml::key &Key) {
    if (const auto *S = Node.as_string())
      return S->get();
    error(Node.source(),
          "expected a string for '" + Twine(std::string(Key.str())) + "'");
    return std::nullopt;
  }

  /// A string that \p Check accepts, or std::nullopt after an error.
  std::optional<std::string> checked(const toml::node &Node,
                                     const toml::key &Key,
                                     std::string (*Check)(llvm::StringRef)) {
    std::optional<std::string> Value = string(Node, Key);
    if (!Value)
      return std::nullopt;
    std::string Message = Check(*Value);
    if (!Message.empty()) {
      error(Node.source(), Message);
      return std::nullopt;
    }
    return llvm::StringRef(*Value).trim().str();
  }

  std::vector<std::string> checkedStrings(const toml::node &Node,
                                          const toml::key &Key,
                                          std::string (*Check)(llvm::StringRef)) {
    std::vector<std::string> Values;
    const toml::array *Array = Node.as_array();
    if (!Array) {
      error(Node.source(), "expected an array of strings for '" +
                               Twine(std::string(Key.str())) + "'");
      return Values;
    }
    for (const toml::node &Element : *Array)
      if (std::optional<std::string> Value = checked(Element, Key, Check))
        Values.push_back(std::move(*Value));
    return Values;
  }

  /// Calls \p Read on each table of an array of tables: [[tool.spawnguard.X]]
  /// or X = [{...}, {...}].
  template <typename Fn>
  void forEachTable(const toml::node &Node, const toml::key &Key, Fn Read) {
    const toml::array *Array = Node.as_array();
    if (!Array) {
      error(Node.source(), "expected an array of tables for '" +
                               Twine(std::string(Key.str())) + "'");
      return;
    }
    for (const toml::node &Element : *Array) {
      if (const toml::table *T = Element.as_table())
        Read(*T);
      else
        error(Element.source(), "expected a table in '" +
                                    Twine(std::string(Key.str())) + "'");
    }
  }

  void missing(const toml::table &T, llvm::StringRef Name) {
    error(T.source(), "missing required key '" + Name + "'");
  }

  void root(const toml::table &T, ConfigFile &Config) {
    ConfigFile::Root Root;
    bool HasFunction = false, Valid = true;
    for (const auto &[Key, Node] : T) {
      if (Key.str() == "Function") {
        HasFunction = true;
        std::optional<std::string> Name = checked(Node, Key, checkRootName);
        Valid &= Name.has_value();
        Root.Function = Name.value_or("");
      } else if (Key.str() == "Runs") {
        std::optional<std::string> Value = string(Node, Key);
        std::optional<RootTiming> Timing =
            Value ? parseRootTiming(*Value) : std::nullopt;
        if (Value && !Timing)
          error(Node.source(), "unknown enumerated scalar");
        Valid &= Timing.has_value();
        Root.Runs = Timing.value_or(RootTiming::BeforeMain);
      } else {
        unknownKey(Key);
      }
    }
    if (!HasFunction)
      missing(T, "Function");
    else if (Valid)
      Config.Roots.push_back(std::move(Root));
  }

  void ignore(const toml::table &T, ConfigFile &Config) {
    ConfigFile::Ignore Ignore;
    bool HasPath = false;
    for (const auto &[Key, Node] : T) {
      if (Key.str() == "Path") {
        HasPath = true;
        if (std::optional<std::string> Value = string(Node, Key)) {
          if (llvm::StringRef(*Value).trim().empty())
            error(Node.source(),
                  "'Path' of an Ignore entry must not be empty");
          Ignore.Path = *Value;
        }
      } else if (Key.str() == "Checks") {
        if (std::optional<std::string> Value = string(Node, Key))
          Ignore.Checks = *Value;
      } else {
        unknownKey(Key);
      }
    }
    if (!HasPath)
      missing(T, "Path");
    else
      Config.Ignores.push_back(std::move(Ignore));
  }

  void python(const toml::table &T, ConfigFile &Config) {
    for (const auto &[Key, Node] : T) {
      if (Key.str() == "StartMethod")
        Config.Python.StartMethod = checked(Node, Key, checkStartMethod);
      else if (Key.str() == "Platforms")
        Config.Python.Platforms = checkedStrings(Node, Key, checkPlatform);
      else
        unknownKey(Key);
    }
  }

  std::string Path;
  std::vector<std::tuple<unsigned, unsigned, std::string>> Errors;
};

} // namespace

std::optional<ConfigFile> parsePyprojectConfig(llvm::StringRef Text,
                                               llvm::StringRef Path,
                                               bool &HasTable,
                                               std::vector<std::string> &Errors) {
  HasTable = false;
  toml::table Document;
  try {
    Document = toml::parse(std::string_view(Text.data(), Text.size()),
                           std::string_view(Path.data(), Path.size()));
  } catch (const toml::parse_error &Error) {
    Errors.push_back((Path + ":" + llvm::Twine(Error.source().begin.line) +
                      ":" + llvm::Twine(Error.source().begin.column) + ": " +
                      std::string(Error.description()))
                         .str());
    return std::nullopt;
  }
  const toml::node *Table = Document.at_path("tool.spawnguard").node();
  if (!Table)
    return ConfigFile();
  HasTable = true;
  ConfigFile Config;
  if (!Table->is_table()) {
    Errors.push_back((Path + ":" + llvm::Twine(Table->source().begin.line) +
                      ":" + llvm::Twine(Table->source().begin.column) +
                      ": 'tool.spawnguard' must be a table")
                         .str());
    return std::nullopt;
  }
  if (!TableReader(Path).read(*Table->as_table(), Config, Errors))
    return std::nullopt;
  return Config;
}

} // namespace spawnguard

//===- Syntax.h - A parsed Python module and its tree -----------*- C++ -*-===//
//
// Both phases of the Python front end walk tree-sitter trees. This is what
// they share: a parsed Module (its summary, source, tree and noqa comments),
// small helpers over tree-sitter's C API, and the text of dotted names and
// string literals.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_LIB_PYTHON_SYNTAX_H
#define SPAWNGUARD_LIB_PYTHON_SYNTAX_H

#include "ModuleSummary.h"
#include "TreeArena.h"
#include "spawnguard/Core/Facts.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSwitch.h"
#include <map>
#include <optional>
#include <string>
#include <tree_sitter/api.h>
#include <vector>

extern "C" const TSLanguage *tree_sitter_python(void);

namespace spawnguard {
namespace python {

/// How deep the recursive walks of both phases descend before they stop, so
/// that a deeply nested module cannot exhaust a thread's stack.
constexpr unsigned MaxDepth = 800;

inline llvm::StringRef type(TSNode N) { return ts_node_type(N); }

/// The fields of Fields.def, as indexes into knownFieldIds().
enum class KnownField : unsigned {
#define SPAWNGUARD_FIELD(Name) Field_##Name,
#include "Fields.def"
  Count
};

/// The grammar's ids of the fields of Fields.def, looked up once.
const TSFieldId *knownFieldIds();

/// The grammar's id of field \p Name. tree-sitter looks a name up by
/// comparing it with every field's, which was a twentieth of a cold run;
/// here a literal name folds to an index into knownFieldIds().
inline TSFieldId fieldId(llvm::StringRef Name) {
  auto Index = llvm::StringSwitch<KnownField>(Name)
#define SPAWNGUARD_FIELD(Name) .Case(#Name, KnownField::Field_##Name)
#include "Fields.def"
                   .Default(KnownField::Count);
  if (Index == KnownField::Count)
    return ts_language_field_id_for_name(tree_sitter_python(), Name.data(),
                                         Name.size());
  return knownFieldIds()[unsigned(Index)];
}

inline TSNode field(TSNode N, llvm::StringRef Name) {
  return ts_node_child_by_field_id(N, fieldId(Name));
}

inline bool isNull(TSNode N) { return ts_node_is_null(N); }

/// Calls \p Visit on each named child of \p N but comments, in order. A
/// cursor steps to the next sibling in constant time, where
/// ts_node_named_child(N, I) starts again from the first child: quadratic
/// over a module of thousands of statements or a table of thousands of
/// entries.
template <typename Fn> void forEachNamedChild(TSNode N, Fn Visit) {
  TSTreeCursor Cursor = ts_tree_cursor_new(N);
  if (ts_tree_cursor_goto_first_child(&Cursor)) {
    do {
      TSNode C = ts_tree_cursor_current_node(&Cursor);
      if (ts_node_is_named(C) && type(C) != "comment")
        Visit(C);
    } while (ts_tree_cursor_goto_next_sibling(&Cursor));
  }
  ts_tree_cursor_delete(&Cursor);
}

/// The named children of \p N but comments, in order.
std::vector<TSNode> namedChildren(TSNode N);

/// Every child with field name \p Name (e.g. the several 'name' fields of
/// an import statement, or 'alternative' clauses of an if).
std::vector<TSNode> fieldChildren(TSNode N, llvm::StringRef Name);

/// \p N without the parentheses around it.
TSNode unparen(TSNode N);

/// A parsed module: its summary (filled by phase 1, or copied from the
/// cache) and what phase 2 needs besides: the source, its tree and its
/// noqa comments by line.
struct Module : ModuleSummary {
  std::string Source;
  TSTree *Tree = nullptr;
  std::map<unsigned, SuppressionList> Noqa;

  Module() = default;
  Module(const Module &) = delete;
  Module &operator=(const Module &) = delete;

  ~Module() {
    // A tree made in a TreeArenaScope goes with the arena.
    if (Tree && !TreeArenaScope::owns(Tree))
      ts_tree_delete(Tree);
  }
  llvm::StringRef text(TSNode N) const {
    return llvm::StringRef(Source).slice(ts_node_start_byte(N),
                                         ts_node_end_byte(N));
  }
};

/// The value of a string literal, or std::nullopt.
std::optional<std::string> stringValue(const Module &M, TSNode N);

/// 'a.b.c' for an identifier or attribute chain, "" otherwise.
std::string dottedText(const Module &M, TSNode N);

/// A tree-sitter parser for Python, one per job.
class PythonParser {
public:
  PythonParser() : Parser(ts_parser_new()) {
    ts_parser_set_language(Parser, tree_sitter_python());
  }
  PythonParser(const PythonParser &) = delete;
  PythonParser &operator=(const PythonParser &) = delete;
  ~PythonParser() { ts_parser_delete(Parser); }
  operator TSParser *() const { return Parser; }

private:
  TSParser *Parser;
};

/// Parses \p M's source. A message goes to \p Errors if the module cannot
/// be parsed at all (then false) or did not parse cleanly.
bool parseModule(TSParser *Parser, Module &M, std::vector<std::string> &Errors);

} // namespace python
} // namespace spawnguard

#endif // SPAWNGUARD_LIB_PYTHON_SYNTAX_H

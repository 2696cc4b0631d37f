//===- Syntax.cpp - A parsed Python module and its tree -------------------===//

#include "Syntax.h"
#include "spawnguard/Python/Noqa.h"
#include <array>

namespace spawnguard {
namespace python {

std::vector<TSNode> namedChildren(TSNode N) {
  std::vector<TSNode> Out;
  forEachNamedChild(N, [&](TSNode C) { Out.push_back(C); });
  return Out;
}

const TSFieldId *knownFieldIds() {
  static const auto Ids = [] {
    std::array<TSFieldId, unsigned(KnownField::Count)> Ids{};
    const TSLanguage *Python = tree_sitter_python();
#define SPAWNGUARD_FIELD(Name)                                                 \
  Ids[unsigned(KnownField::Field_##Name)] =                                    \
      ts_language_field_id_for_name(Python, #Name, sizeof(#Name) - 1);
#include "Fields.def"
    return Ids;
  }();
  return Ids.data();
}

std::vector<TSNode> fieldChildren(TSNode N, llvm::StringRef Name) {
  std::vector<TSNode> Out;
  TSFieldId Id = fieldId(Name);
  TSTreeCursor Cursor = ts_tree_cursor_new(N);
  if (ts_tree_cursor_goto_first_child(&Cursor)) {
    do {
      if (ts_tree_cursor_current_field_id(&Cursor) == Id)
        Out.push_back(ts_tree_cursor_current_node(&Cursor));
    } while (ts_tree_cursor_goto_next_sibling(&Cursor));
  }
  ts_tree_cursor_delete(&Cursor);
  return Out;
}

TSNode unparen(TSNode N) {
  while (!isNull(N) && type(N) == "parenthesized_expression")
    N = ts_node_named_child(N, 0);
  return N;
}

std::optional<std::string> stringValue(const Module &M, TSNode N) {
  if (isNull(N) || type(N) != "string")
    return std::nullopt;
  std::string Out;
  for (TSNode C : namedChildren(N)) {
    if (type(C) == "string_content")
      Out += M.text(C).str();
    else if (type(C) == "interpolation")
      return std::nullopt;
  }
  return Out;
}

/// 'a.b.c' for an identifier or attribute chain, "" otherwise.
std::string dottedText(const Module &M, TSNode N) {
  if (isNull(N))
    return "";
  if (type(N) == "identifier")
    return M.text(N).str();
  if (type(N) == "attribute") {
    std::string Object = dottedText(M, field(N, "object"));
    if (Object.empty())
      return "";
    return Object + "." + M.text(field(N, "attribute")).str();
  }
  return "";
}

bool parseModule(TSParser *Parser, Module &M,
                 std::vector<std::string> &Errors) {
  M.Tree =
      ts_parser_parse_string(Parser, nullptr, M.Source.data(), M.Source.size());
  if (!M.Tree) {
    Errors.push_back("'" + M.Path + "' could not be parsed; skipped");
    return false;
  }
  TSNode Root = ts_tree_root_node(M.Tree);
  if (ts_node_has_error(Root)) {
    // Find the first error or missing node for the message.
    TSNode N = Root;
    while (true) {
      TSNode Next{};
      for (uint32_t I = 0, E = ts_node_child_count(N); I < E; ++I) {
        TSNode Ch = ts_node_child(N, I);
        if (ts_node_has_error(Ch) || ts_node_is_missing(Ch)) {
          Next = Ch;
          break;
        }
      }
      if (isNull(Next) || type(N) == "ERROR" || ts_node_is_missing(N))
        break;
      N = Next;
    }
    TSPoint Pt = ts_node_start_point(N);
    Errors.push_back("'" + M.Path +
                     "' did not parse cleanly (syntax error at " +
                     std::to_string(Pt.row + 1) + ":" +
                     std::to_string(Pt.column + 1) + "; analysed what parsed)");
  }
  M.Noqa = indexNoqa(M.Source);
  return true;
}

} // namespace python
} // namespace spawnguard

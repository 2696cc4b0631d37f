//===- MainGuard.cpp - Tests for the main process -------------------------===//

#include "MainGuard.h"

namespace spawnguard {
namespace python {

GuardKind guardOf(const Module &M, TSNode Cond) {
  Cond = unparen(Cond);
  if (isNull(Cond))
    return GuardKind::None;
  llvm::StringRef T = type(Cond);
  if (T == "not_operator") {
    GuardKind Inner = guardOf(M, field(Cond, "argument"));
    if (Inner == GuardKind::MainOnly)
      return GuardKind::NotMain;
    if (Inner == GuardKind::NotMain)
      return GuardKind::MainOnly;
    return GuardKind::None;
  }
  if (T == "boolean_operator") {
    llvm::StringRef Op = M.text(field(Cond, "operator"));
    GuardKind L = guardOf(M, field(Cond, "left"));
    GuardKind R = guardOf(M, field(Cond, "right"));
    // 'main and x' runs only in main; 'not main or x' is true whenever we
    // are not main.
    if (Op == "and" && (L == GuardKind::MainOnly || R == GuardKind::MainOnly))
      return GuardKind::MainOnly;
    if (Op == "or" && (L == GuardKind::NotMain || R == GuardKind::NotMain))
      return GuardKind::NotMain;
    return GuardKind::None;
  }
  if (T != "comparison_operator")
    return GuardKind::None;
  std::vector<TSNode> Operands = namedChildren(Cond);
  std::vector<TSNode> Ops = fieldChildren(Cond, "operators");
  if (Operands.size() != 2 || Ops.size() != 1)
    return GuardKind::None;
  llvm::StringRef Op = M.text(Ops[0]);
  if (Op != "==" && Op != "!=")
    return GuardKind::None;
  auto Matches = [&](TSNode Subject, TSNode Str) {
    std::optional<std::string> S = stringValue(M, Str);
    if (!S)
      return false;
    Subject = unparen(Subject);
    if (type(Subject) == "identifier" && M.text(Subject) == "__name__")
      return *S == "__main__";
    // current_process().name == "MainProcess"
    if (type(Subject) == "attribute" &&
        M.text(field(Subject, "attribute")) == "name") {
      TSNode Obj = unparen(field(Subject, "object"));
      if (type(Obj) == "call") {
        llvm::StringRef Fn = M.text(field(Obj, "function"));
        if (Fn == "current_process" || Fn.ends_with(".current_process"))
          return *S == "MainProcess";
      }
    }
    return false;
  };
  if (Matches(Operands[0], Operands[1]) || Matches(Operands[1], Operands[0]))
    return Op == "==" ? GuardKind::MainOnly : GuardKind::NotMain;
  return GuardKind::None;
}

GuardKind classifyGuard(llvm::StringRef Condition) {
  Module M;
  M.Source = ("if " + Condition + ":\n    pass\n").str();
  M.Tree = ts_parser_parse_string(PythonParser(), nullptr, M.Source.data(),
                                  M.Source.size());
  TSNode If = ts_node_named_child(ts_tree_root_node(M.Tree), 0);
  if (isNull(If) || type(If) != "if_statement")
    return GuardKind::None;
  return guardOf(M, field(If, "condition"));
}

} // namespace python
} // namespace spawnguard

//===- BindingScannerFuzzer.cpp - The scanner against the tree ------------===//
//
// Phase 1 reads a module's summary off its tokens (BindingScanner), where it
// used to walk the module's tree (BindingCollector). Any bytes in: the
// scanner must not crash, and on Python both must give the same summary,
// byte for byte.
//
// "On Python" needs care: tree-sitter parses much that Python rejects
// without marking an error. It skips a line break wherever its grammar
// expects no end of statement ('from pk' newline 'import x' is one
// statement to it), and it ignores indentation where its grammar expects no
// block (an indented line at the top level). So the summaries are compared
// only where tree-sitter's tree is clean and its statements begin exactly
// where the scanner's logical lines begin, and where every block's
// statements (and every statement's clauses) line up in one column, with
// the module's at column 0.
//
//===----------------------------------------------------------------------===//

#include "BindingCollector.h"
#include "BindingScanner.h"
#include "FuzzChecks.h"
#include "Syntax.h"
#include "llvm/ADT/STLExtras.h"

using namespace spawnguard;
using namespace spawnguard::python;

namespace {

/// Nodes that begin a logical line when nothing precedes them on theirs.
bool beginsLine(llvm::StringRef Type) {
  return Type.ends_with("_statement") || Type.ends_with("_clause") ||
         Type == "function_definition" || Type == "class_definition" ||
         Type == "decorator";
}

bool isClause(llvm::StringRef Type) {
  return Type == "elif_clause" || Type == "else_clause" ||
         Type == "except_clause" || Type == "except_group_clause" ||
         Type == "finally_clause";
}

class LineCheck {
public:
  explicit LineCheck(const Module &M) : M(M) {}

  /// Whether the tree's statements begin where the scanner's logical lines
  /// do, and line up in their blocks.
  bool run() {
    TSNode Root = ts_tree_root_node(M.Tree);
    // Iteratively, since the input may nest arbitrarily deep.
    std::vector<TSNode> Stack{Root};
    while (!Stack.empty()) {
      TSNode N = Stack.back();
      Stack.pop_back();
      llvm::StringRef T = type(N);
      if (beginsLine(T) && atLineStart(N))
        Starts.push_back(ts_node_start_byte(N));
      if (!aligned(N, T))
        return false;
      for (uint32_t I = ts_node_named_child_count(N); I-- > 0;)
        Stack.push_back(ts_node_named_child(N, I));
    }
    llvm::sort(Starts);
    Starts.erase(std::unique(Starts.begin(), Starts.end()), Starts.end());
    return Starts == logicalLineStarts(M.Source);
  }

private:
  bool atLineStart(TSNode N) const {
    for (size_t I = ts_node_start_byte(N); I-- > 0;) {
      char C = M.Source[I];
      if (C == '\n' || C == '\r')
        return true;
      if (C != ' ' && C != '\t' && C != '\f')
        return false;
    }
    return true;
  }

  /// A block's (or the module's) statements in one column; a statement's
  /// clauses in its column.
  bool aligned(TSNode N, llvm::StringRef T) const {
    bool Block = T == "block" || T == "module";
    std::optional<uint32_t> Column;
    if (T == "module")
      Column = 0;
    else if (!Block && atLineStart(N))
      Column = ts_node_start_point(N).column;
    else if (!Block)
      return true;
    for (uint32_t I = 0, E = ts_node_named_child_count(N); I < E; ++I) {
      TSNode C = ts_node_named_child(N, I);
      llvm::StringRef CT = type(C);
      bool Counts = Block ? beginsLine(CT) : isClause(CT);
      if (!Counts || !atLineStart(C))
        continue;
      uint32_t At = ts_node_start_point(C).column;
      if (Column && *Column != At)
        return false;
      Column = At;
    }
    return true;
  }

  const Module &M;
  std::vector<size_t> Starts;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Source(reinterpret_cast<const char *>(Data), Size);
  ModuleSummary Scanned;
  Scanned.Path = "fuzz.py";
  Scanned.Name = "pkg.fuzz";
  scanBindings(Scanned, Source);

  TreeArenaScope Arena;
  Module M;
  M.Path = Scanned.Path;
  M.Name = Scanned.Name;
  M.Source = Source.str();
  std::vector<std::string> Errors;
  if (!parseModule(PythonParser(), M, Errors) || !Errors.empty() ||
      !LineCheck(M).run())
    return 0;
  collectBindings(M);
  if (writeModuleSummary(M) != writeModuleSummary(Scanned))
    fuzz::invariantBroken("the scanner's summary differs from the tree's");
  return 0;
}

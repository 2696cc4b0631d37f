//===- RuleDocs.cpp -------------------------------------------------------===//

#include "spawnguard/Core/RuleDocs.h"

namespace spawnguard {

namespace {
struct EmbeddedDoc {
  const char *Page;
  const char *Data;
  unsigned long Size;
};

// Generated from docs/rules/*.md by cmake/EmbedDocs.cmake: one
// {"page", bytes, size} entry per page.
#include "RuleDocs.inc"
} // namespace

llvm::StringRef rulePageName(const RuleInfo &Rule) {
  llvm::StringRef Name = Rule.Name;
  Name.consume_front("spawnguard-");
  return Name;
}

llvm::StringRef ruleDocs(const RuleInfo &Rule) {
  llvm::StringRef Page = rulePageName(Rule);
  for (const EmbeddedDoc &Doc : EmbeddedDocs)
    if (Page == Doc.Page)
      return llvm::StringRef(Doc.Data, Doc.Size);
  return "";
}

bool explainRule(llvm::raw_ostream &OS, llvm::StringRef NameOrCode) {
  const RuleInfo *Rule = findRule(NameOrCode);
  if (!Rule)
    return false;
  llvm::StringRef Docs = ruleDocs(*Rule);
  if (Docs.empty())
    OS << Rule->Code << "  " << Rule->Name << "\n\n" << Rule->Summary << "\n";
  else
    OS << Docs;
  return true;
}

} // namespace spawnguard

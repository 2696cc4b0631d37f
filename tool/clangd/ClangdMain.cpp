//===- ClangdMain.cpp - spawnguard-clangd ---------------------------------===//
//
// Upstream clangd, unchanged, with the spawnguard checks linked in beside the
// stock clang-tidy modules (clangd links those itself). Editors point their
// clangd path at this binary; '.clangd' then enables the checks:
//
//   Diagnostics:
//     ClangTidy:
//       Add: spawnguard-*
//       FastCheckFilter: Loose
//
// clangd looks for Clang's builtin headers next to its own binary
// (<bin>/../lib/clang/<major>), which is right for an LLVM install but not
// for this binary in a build tree or under /usr/local/bin. So unless the user
// passes --resource-dir, we pass the first directory that has the headers:
// the one next to the binary, else the one of the Clang we were built with.
//
//===----------------------------------------------------------------------===//

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <string>
#include <vector>

namespace clang::clangd {
// From clangd/tool/ClangdMain.h, which Debian does not install.
int clangdMain(int argc, char *argv[]);
} // namespace clang::clangd

namespace spawnguard::tidy {
extern volatile int SpawnGuardModuleAnchorSource;
} // namespace spawnguard::tidy

// Keeps the spawnguard module's registration in the link.
[[maybe_unused]] static int SpawnGuardModuleAnchorDestination =
    spawnguard::tidy::SpawnGuardModuleAnchorSource;

namespace {

bool hasBuiltinHeaders(llvm::StringRef ResourceDir) {
  llvm::SmallString<256> Header(ResourceDir);
  llvm::sys::path::append(Header, "include", "stddef.h");
  return llvm::sys::fs::exists(Header);
}

/// The resource directory to use, or "" to leave clangd's own choice.
std::string findResourceDir(const char *Argv0) {
  std::string Exe = llvm::sys::fs::getMainExecutable(
      Argv0, reinterpret_cast<void *>(&findResourceDir));
  if (!Exe.empty()) {
    llvm::SmallString<256> NextToBinary(llvm::sys::path::parent_path(
        llvm::sys::path::parent_path(Exe)));
    llvm::sys::path::append(NextToBinary, "lib", "clang",
                            std::to_string(LLVM_VERSION_MAJOR));
    if (hasBuiltinHeaders(NextToBinary))
      return "";
  }
  if (hasBuiltinHeaders(SPAWNGUARD_CLANG_RESOURCE_DIR))
    return SPAWNGUARD_CLANG_RESOURCE_DIR;
  return "";
}

} // namespace

int main(int argc, char *argv[]) {
  std::vector<char *> Args(argv, argv + argc);
  bool UserChose = false;
  for (int I = 1; I < argc; ++I) {
    llvm::StringRef Arg = argv[I];
    UserChose |= Arg.starts_with("--resource-dir") ||
                 Arg.starts_with("-resource-dir");
  }
  std::string ResourceDirArg;
  if (!UserChose) {
    std::string Dir = findResourceDir(argv[0]);
    if (!Dir.empty()) {
      ResourceDirArg = "--resource-dir=" + Dir;
      Args.insert(Args.begin() + 1, ResourceDirArg.data());
    }
  }
  Args.push_back(nullptr);
  return clang::clangd::clangdMain(static_cast<int>(Args.size()) - 1,
                                   Args.data());
}

//===- SourceFiles.h - Finding and reading Python modules -------*- C++ -*-===//
//
// Which files a run analyses ('.py' files under the inputs, each once,
// symlink loops reported) and how a module's source is read: from an
// editor's overlay or the disk, checked for size and encoding.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_LIB_PYTHON_SOURCEFILES_H
#define SPAWNGUARD_LIB_PYTHON_SOURCEFILES_H

#include "spawnguard/Python/PythonFrontEnd.h"
#include "llvm/ADT/SmallVector.h"
#include <map>
#include <set>
#include <string>
#include <vector>

namespace spawnguard {
namespace python {

/// Collects '.py' files under a path, detecting symlink loops.
class FileFinder {
public:
  std::vector<std::string> Files;
  std::vector<std::string> Errors;
  std::set<std::string> InputsWithFiles;

  explicit FileFinder(const std::map<std::string, std::string> &Overlay)
      : Overlay(Overlay) {}

  void add(const std::string &Path);

private:
  void addInput(const std::string &Path);
  void addFile(const std::string &Path);
  void walk(const std::string &Dir, std::vector<std::string> &Stack);

  const std::map<std::string, std::string> &Overlay;
  std::set<std::string> SeenFiles, SeenDirs;
};

/// Reads module \p Path into \p Contents, whose memory is reused from one
/// module to the next: a warm run reads every module only to hash it. False,
/// with a message in \p Errors, if it is too large, unreadable or not UTF-8.
bool readModuleSource(const std::string &Path, const PythonOptions &Options,
                      llvm::SmallVectorImpl<char> &Contents,
                      std::vector<std::string> &Errors);

} // namespace python
} // namespace spawnguard

#endif // SPAWNGUARD_LIB_PYTHON_SOURCEFILES_H

//===- SourceFiles.cpp - Finding and reading Python modules ---------------===//

#include "SourceFiles.h"
#include "spawnguard/Core/InputLimits.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <algorithm>

namespace spawnguard {
namespace python {

bool isPythonInput(llvm::StringRef Path) {
  return Path.ends_with(".py") || llvm::sys::fs::is_directory(Path);
}

void FileFinder::add(const std::string &Path) {
  size_t Before = Files.size();
  addInput(Path);
  if (Files.size() != Before)
    InputsWithFiles.insert(Path);
}

void FileFinder::addInput(const std::string &Path) {
  if (Overlay.count(Path))
    return addFile(Path);
  llvm::sys::fs::file_status Status;
  if (std::error_code EC = llvm::sys::fs::status(Path, Status)) {
    Errors.push_back("cannot read '" + Path + "': " + EC.message());
    return;
  }
  if (llvm::sys::fs::is_directory(Status)) {
    std::vector<std::string> Stack;
    walk(Path, Stack);
  } else {
    addFile(Path);
  }
}

void FileFinder::addFile(const std::string &Path) {
  llvm::SmallString<256> Real;
  if (llvm::sys::fs::real_path(Path, Real))
    Real = Path;
  if (SeenFiles.insert(Real.str().str()).second)
    Files.push_back(Path);
}

void FileFinder::walk(const std::string &Dir, std::vector<std::string> &Stack) {
  llvm::SmallString<256> Real;
  if (std::error_code EC = llvm::sys::fs::real_path(Dir, Real)) {
    Errors.push_back("cannot read '" + Dir + "': " + EC.message());
    return;
  }
  if (llvm::is_contained(Stack, Real.str())) {
    Errors.push_back("symlink loop: '" + Dir + "' leads back to '" +
                     Real.str().str() + "'; not followed");
    return;
  }
  if (!SeenDirs.insert(Real.str().str()).second)
    return;
  Stack.push_back(Real.str().str());
  std::vector<std::string> Entries;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC))
    Entries.push_back(It->path());
  if (EC)
    Errors.push_back("cannot list '" + Dir + "': " + EC.message());
  std::sort(Entries.begin(), Entries.end());
  for (const std::string &Entry : Entries) {
    llvm::StringRef Name = llvm::sys::path::filename(Entry);
    if (Name.starts_with(".") || Name == "__pycache__")
      continue;
    llvm::sys::fs::file_status Status;
    if (std::error_code SEC = llvm::sys::fs::status(Entry, Status)) {
      if (Name.ends_with(".py") ||
          SEC == std::errc::too_many_symbolic_link_levels)
        Errors.push_back("cannot read '" + Entry + "': " + SEC.message());
      continue;
    }
    if (llvm::sys::fs::is_directory(Status))
      walk(Entry, Stack);
    else if (Name.ends_with(".py"))
      addFile(Entry);
  }
  Stack.pop_back();
}

/// Reads all of \p Path into \p Contents.
static llvm::Error readFile(const std::string &Path,
                            llvm::SmallVectorImpl<char> &Contents) {
  llvm::Expected<llvm::sys::fs::file_t> File =
      llvm::sys::fs::openNativeFileForRead(Path);
  if (!File)
    return File.takeError();
  llvm::Error Err = llvm::sys::fs::readNativeFileToEOF(*File, Contents);
  llvm::sys::fs::closeFile(*File);
  return Err;
}

bool readModuleSource(const std::string &Path, const PythonOptions &Options,
                      llvm::SmallVectorImpl<char> &Contents,
                      std::vector<std::string> &Errors) {
  Contents.clear();
  // An editor's unsaved buffer stands in for the file.
  auto Overlaid = Options.Overlay.find(Path);
  if (Overlaid != Options.Overlay.end()) {
    if (std::optional<std::string> TooLarge = checkSizeLimit(
            Path, Overlaid->second.size(), Options.MaxFileSize)) {
      Errors.push_back(std::move(*TooLarge));
      return false;
    }
    Contents.assign(Overlaid->second.begin(), Overlaid->second.end());
  } else {
    if (std::optional<std::string> TooLarge =
            checkFileSize(Path, Options.MaxFileSize)) {
      Errors.push_back(std::move(*TooLarge));
      return false;
    }
    if (llvm::Error Err = readFile(Path, Contents)) {
      Errors.push_back("cannot read '" + Path +
                       "': " + llvm::toString(std::move(Err)));
      return false;
    }
  }
  llvm::StringRef Bytes(Contents.data(), Contents.size());
  // Most source is ASCII: a plain scan is far cheaper than the UTF-8
  // decoder, which then starts at the first other byte.
  const llvm::UTF8 *Begin = Bytes.bytes_begin(),
                   *Cursor = std::find_if(Begin, Bytes.bytes_end(),
                                          [](uint8_t B) { return B >= 0x80; });
  if (!llvm::isLegalUTF8String(&Cursor, Bytes.bytes_end())) {
    Errors.push_back("'" + Path + "' is not valid UTF-8 (byte " +
                     std::to_string(Cursor - Begin) + "); skipped");
    return false;
  }
  // CPython refuses source with a NUL byte, so such a module never runs.
  if (size_t Nul = Bytes.find('\0'); Nul != llvm::StringRef::npos) {
    Errors.push_back("'" + Path + "' contains a NUL byte (byte " +
                     std::to_string(Nul) + "); skipped");
    return false;
  }
  // CPython skips a UTF-8 BOM, and so must columns (found by
  // test/reliability/encodings.test).
  if (Bytes.starts_with("\xef\xbb\xbf"))
    Contents.erase(Contents.begin(), Contents.begin() + 3);
  return true;
}

} // namespace python
} // namespace spawnguard

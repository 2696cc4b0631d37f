//===- FactsIndex.cpp -----------------------------------------------------===//

#include "spawnguard/Cpp/FactsIndex.h"
#include "spawnguard/Core/FactsIO.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Chrono.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <mutex>

namespace spawnguard {
namespace {

/// One facts file as last read. A file is read again when its size or
/// modification time changes.
struct CachedFile {
  uint64_t Size = 0;
  llvm::sys::TimePoint<> ModificationTime;
  std::shared_ptr<const FactsUnit> Unit;
  std::string Error;
};

std::mutex CacheMutex;
llvm::StringMap<CachedFile> &cache() {
  static llvm::StringMap<CachedFile> Cache;
  return Cache;
}

CachedFile readFactsFile(llvm::StringRef Path,
                         const llvm::sys::fs::file_status &Status) {
  CachedFile Entry;
  Entry.Size = Status.getSize();
  Entry.ModificationTime = Status.getLastModificationTime();
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
      llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                  /*RequiresNullTerminator=*/false);
  if (!Buffer) {
    Entry.Error = Buffer.getError().message();
    return Entry;
  }
  llvm::Expected<FactsUnit> Unit = readFacts((*Buffer)->getBuffer());
  if (!Unit) {
    Entry.Error = llvm::toString(Unit.takeError());
    return Entry;
  }
  Entry.Unit = std::make_shared<const FactsUnit>(std::move(*Unit));
  return Entry;
}

} // namespace

FactsIndex loadFactsIndex(llvm::StringRef Directory) {
  FactsIndex Index;
  if (!llvm::sys::fs::is_directory(Directory)) {
    Index.Errors.push_back("facts index '" + Directory.str() +
                           "' is not a directory");
    return Index;
  }

  std::vector<std::string> Paths;
  std::error_code EC;
  for (llvm::sys::fs::recursive_directory_iterator It(Directory, EC), End;
       It != End && !EC; It.increment(EC))
    if (llvm::sys::path::extension(It->path()) == FactsFileExtension)
      Paths.push_back(It->path());
  if (EC)
    Index.Errors.push_back("cannot list facts index '" + Directory.str() +
                           "': " + EC.message());
  std::sort(Paths.begin(), Paths.end());

  std::lock_guard<std::mutex> Lock(CacheMutex);
  for (const std::string &Path : Paths) {
    llvm::sys::fs::file_status Status;
    if (std::error_code StatError = llvm::sys::fs::status(Path, Status)) {
      Index.Errors.push_back("cannot read facts file '" + Path +
                             "': " + StatError.message());
      continue;
    }
    if (Status.type() != llvm::sys::fs::file_type::regular_file)
      continue;
    CachedFile &Entry = cache()[Path];
    if ((!Entry.Unit && Entry.Error.empty()) ||
        Entry.Size != Status.getSize() ||
        Entry.ModificationTime != Status.getLastModificationTime())
      Entry = readFactsFile(Path, Status);
    if (Entry.Unit)
      Index.Units.push_back(Entry.Unit);
    else
      Index.Errors.push_back("cannot read facts file '" + Path +
                             "': " + Entry.Error);
  }
  return Index;
}

} // namespace spawnguard

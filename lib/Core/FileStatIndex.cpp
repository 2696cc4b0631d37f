//===- FileStatIndex.cpp --------------------------------------------------===//
//
// The index file is one framed record (BinaryCodec.h): the number of
// entries, then per entry, in path order, the path, the five stamp fields
// and the hash.
//
//===----------------------------------------------------------------------===//

#include "spawnguard/Core/FileStatIndex.h"
#include "spawnguard/Core/BinaryCodec.h"
#include "spawnguard/Core/FactsCache.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <chrono>
#include <vector>
#ifdef __linux__
#include <sys/stat.h>
#endif

namespace spawnguard {

static constexpr llvm::StringLiteral IndexMagic = "SGSTAMPS";
static constexpr uint32_t IndexVersion = 1;
static constexpr llvm::StringLiteral IndexFileName = "file-stamps.sgindex";

/// How long before the run a file must have last changed for its stamp to
/// be trusted: more than the coarsest timestamp granularity in common use
/// (FAT's 2 s; ext4 and the like tick with the kernel's clock).
static constexpr int64_t UntrustedWindowNs = 2'000'000'000;

std::optional<FileStamp> stampFile(llvm::StringRef Path) {
#ifdef __linux__
  struct stat St;
  if (::stat(Path.str().c_str(), &St) != 0 || !S_ISREG(St.st_mode))
    return std::nullopt;
  auto Ns = [](const timespec &T) {
    return int64_t(T.tv_sec) * 1'000'000'000 + T.tv_nsec;
  };
  FileStamp Stamp;
  Stamp.Size = St.st_size;
  Stamp.ModifiedNs = Ns(St.st_mtim);
  Stamp.ChangedNs = Ns(St.st_ctim);
  Stamp.Inode = St.st_ino;
  Stamp.Device = St.st_dev;
  return Stamp;
#else
  // Without change times a stamp misses edits that restore the
  // modification time; hash every file instead.
  (void)Path;
  return std::nullopt;
#endif
}

llvm::Expected<FileStatIndex::EntryMap>
FileStatIndex::read(llvm::StringRef Path) {
  EntryMap Entries;
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false,
                                            /*IsVolatile=*/true);
  if (!Buffer) {
    if (Buffer.getError() == std::errc::no_such_file_or_directory)
      return Entries;
    return llvm::createStringError(Buffer.getError(),
                                   Buffer.getError().message());
  }
  llvm::Expected<llvm::StringRef> Payload = unframeRecord(
      (*Buffer)->getBuffer(), IndexMagic, IndexVersion, "file stat index");
  if (!Payload)
    return Payload.takeError();
  RecordReader R(*Payload);
  for (size_t I = 0, N = R.count(); I < N && R.Error.empty(); ++I) {
    std::string File = R.str();
    auto &[Stamp, Hash] = Entries[File];
    Stamp.Size = R.num();
    Stamp.ModifiedNs = static_cast<int64_t>(R.num());
    Stamp.ChangedNs = static_cast<int64_t>(R.num());
    Stamp.Inode = R.num();
    Stamp.Device = R.num();
    Hash = R.str();
  }
  if (llvm::Error Err = R.finish("file stat index"))
    return std::move(Err);
  return Entries;
}

int64_t FileStatIndex::nowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

FileStatIndex::FileStatIndex(llvm::StringRef CacheDirectory,
                             std::string &Problem, int64_t RunStartNs)
    : TrustedBeforeNs(RunStartNs - UntrustedWindowNs) {
  llvm::SmallString<256> Path(CacheDirectory);
  llvm::sys::path::append(Path, IndexFileName);
  IndexPath = Path.str().str();
  if (llvm::Expected<EntryMap> Loaded = read(IndexPath))
    Entries = std::move(*Loaded);
  else
    Problem = "ignoring damaged cache index '" + IndexPath +
              "': " + llvm::toString(Loaded.takeError());
}

std::optional<std::string> FileStatIndex::lookup(llvm::StringRef Path,
                                                 const FileStamp &Stamp) const {
  std::lock_guard<std::mutex> Guard(Lock);
  auto It = Entries.find(Path);
  if (It == Entries.end() || !(It->second.Stamp == Stamp))
    return std::nullopt;
  return It->second.Hash;
}

void FileStatIndex::remember(llvm::StringRef Path, const FileStamp &Stamp,
                             llvm::StringRef Hash) {
  if (std::max(Stamp.ModifiedNs, Stamp.ChangedNs) >= TrustedBeforeNs)
    return;
  std::lock_guard<std::mutex> Guard(Lock);
  Entry &E = Entries[Path];
  if (E.Stamp == Stamp && E.Hash == Hash)
    return;
  E = {Stamp, Hash.str()};
  Remembered[Path] = E;
}

llvm::Error FileStatIndex::save() {
  std::lock_guard<std::mutex> Guard(Lock);
  if (Remembered.empty())
    return llvm::Error::success();
  // Another run may have saved since this one loaded: keep its entries,
  // and a damaged index is simply replaced.
  EntryMap Merged;
  if (llvm::Expected<EntryMap> OnDisk = read(IndexPath))
    Merged = std::move(*OnDisk);
  else
    llvm::consumeError(OnDisk.takeError());
  for (const auto &E : Remembered)
    Merged[E.getKey()] = E.getValue();

  std::vector<llvm::StringRef> Paths;
  for (const auto &E : Merged)
    Paths.push_back(E.getKey());
  llvm::sort(Paths);
  std::string Payload;
  {
    RecordWriter W(Payload);
    W.num(Paths.size());
    for (llvm::StringRef File : Paths) {
      const auto &[Stamp, Hash] = Merged.find(File)->second;
      W.str(File);
      W.num(Stamp.Size);
      W.num(static_cast<uint64_t>(Stamp.ModifiedNs));
      W.num(static_cast<uint64_t>(Stamp.ChangedNs));
      W.num(Stamp.Inode);
      W.num(Stamp.Device);
      W.str(Hash);
    }
  }
  Remembered.clear();
  llvm::StringRef Directory = llvm::sys::path::parent_path(IndexPath);
  if (std::error_code EC = llvm::sys::fs::create_directories(Directory))
    return llvm::createStringError(EC, "cannot create '" + Directory +
                                           "': " + EC.message());
  return writeFileAtomically(IndexPath,
                             frameRecord(IndexMagic, IndexVersion, Payload));
}

} // namespace spawnguard

//===- FactsCache.cpp -----------------------------------------------------===//
//
// Entry layout: the line "SGCACHE 1", then one line per dependency
// "<hash> <name>", then an empty line, then the record: a facts file
// (FactsIO) for the C and C++ units, a record of the Python front end's own
// for modules. Records carry their own checksum; the text part is checked
// line by line.
//
//===----------------------------------------------------------------------===//

#include "spawnguard/Core/FactsCache.h"
#include "spawnguard/Core/FactsIO.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/BLAKE3.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Signals.h"
#include "llvm/Support/raw_ostream.h"
#include <atomic>

namespace spawnguard {

static constexpr llvm::StringLiteral EntryHeader = "SGCACHE 1\n";

/// The temporary file through which this thread writes into \p Dir. It
/// must be removed if the process dies of a signal (SIGINT, SIGTERM) before
/// the rename, so that an interrupted run leaves nothing behind. LLVM's
/// RemoveFileOnSignal does that, but its list only grows and every call
/// walks it: registering each of 5,000 cache entries took a third of a cold
/// run's cycles. So each thread registers one name per directory, once, and
/// reuses it; the process id keeps concurrent runs apart.
static std::string temporaryFor(llvm::StringRef Dir) {
  static std::atomic<unsigned> NextThread = 0;
  thread_local unsigned Thread = NextThread++;
  thread_local llvm::StringMap<std::string> Registered;
  auto [It, Inserted] = Registered.try_emplace(Dir);
  if (Inserted) {
    llvm::SmallString<256> Temp(Dir);
    llvm::sys::path::append(
        Temp, "spawnguard.tmp-" +
                  std::to_string(llvm::sys::Process::getProcessId()) + "-" +
                  std::to_string(Thread));
    It->second = Temp.str().str();
    llvm::sys::RemoveFileOnSignal(It->second);
  }
  return It->second;
}

llvm::Error writeFileAtomically(llvm::StringRef Path, llvm::StringRef Bytes) {
  llvm::SmallString<256> Dir(Path);
  llvm::sys::path::remove_filename(Dir);
  if (Dir.empty())
    Dir = ".";
  std::string Temp = temporaryFor(Dir);
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Temp, EC, llvm::sys::fs::OF_None);
    if (EC)
      return llvm::createStringError(EC, "cannot create a file next to '" +
                                             Path + "': " + EC.message());
    OS << Bytes;
    OS.close();
    if (OS.has_error()) {
      EC = OS.error();
      OS.clear_error();
      llvm::sys::fs::remove(Temp);
      return llvm::createStringError(EC, "cannot write '" + Temp +
                                             "': " + EC.message());
    }
  }
  if (std::error_code EC = llvm::sys::fs::rename(Temp, Path)) {
    llvm::sys::fs::remove(Temp);
    return llvm::createStringError(EC, "cannot replace '" + Path +
                                           "': " + EC.message());
  }
  return llvm::Error::success();
}

std::string contentHash(llvm::StringRef Data) {
  return llvm::toHex(llvm::BLAKE3::hash<16>(llvm::arrayRefFromStringRef(Data)),
                     /*LowerCase=*/true);
}

std::optional<std::string> FileHasher::hash(llvm::StringRef Path) {
  {
    std::lock_guard<std::mutex> Guard(Lock);
    auto It = Hashes.find(Path);
    if (It != Hashes.end())
      return It->second;
  }
  // Hash outside the lock; two threads may hash the same file once each,
  // which is harmless.
  std::optional<FileStamp> Stamp = Index ? stampFile(Path) : std::nullopt;
  std::optional<std::string> Result =
      Stamp ? Index->lookup(Path, *Stamp) : std::nullopt;
  if (!Result)
    if (auto Buffer =
            llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                        /*RequiresNullTerminator=*/false)) {
      Result = contentHash((*Buffer)->getBuffer());
      if (Stamp)
        Index->remember(Path, *Stamp, *Result);
    }
  std::lock_guard<std::mutex> Guard(Lock);
  return Hashes.try_emplace(Path, Result).first->second;
}

std::string FactsCache::entryPath(llvm::StringRef Key) const {
  llvm::SmallString<256> Path(Directory);
  llvm::sys::path::append(Path, contentHash(Key) + ".sgcache");
  return Path.str().str();
}

std::string FactsCache::damaged(llvm::StringRef Key,
                                llvm::StringRef Why) const {
  return ("ignoring damaged cache entry '" + entryPath(Key) + "': " + Why)
      .str();
}

std::optional<std::string> FactsCache::lookupRecord(
    llvm::StringRef Key,
    llvm::function_ref<bool(llvm::StringRef Name, llvm::StringRef Hash)>
        IsCurrent,
    std::string &Problem) const {
  // Read, not mapped: entries are small, and a warm run opens thousands of
  // them, where mapping and unmapping each one costs more than copying.
  auto Buffer = llvm::MemoryBuffer::getFile(entryPath(Key), /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false,
                                            /*IsVolatile=*/true);
  if (!Buffer)
    return std::nullopt; // Never stored: an ordinary miss.
  llvm::StringRef Rest = (*Buffer)->getBuffer();
  auto Damaged = [&](llvm::StringRef Why) {
    Problem = damaged(Key, Why);
    return std::nullopt;
  };
  if (!Rest.consume_front(EntryHeader))
    return Damaged("unknown header");
  while (true) {
    size_t End = Rest.find('\n');
    if (End == llvm::StringRef::npos)
      return Damaged("truncated dependency list");
    llvm::StringRef Line = Rest.take_front(End);
    Rest = Rest.drop_front(End + 1);
    if (Line.empty())
      break;
    auto [Hash, Name] = Line.split(' ');
    if (Hash.size() != 32 || Name.empty())
      return Damaged("malformed dependency line");
    if (!IsCurrent(Name, Hash))
      return std::nullopt; // Something changed or vanished: a plain miss.
  }
  return Rest.str();
}

llvm::Error FactsCache::storeRecord(llvm::StringRef Key,
                                    llvm::ArrayRef<Dependency> Dependencies,
                                    llvm::StringRef Record) const {
  std::string Entry(EntryHeader);
  for (const Dependency &D : Dependencies) {
    // A name with a newline cannot be recorded; such a record is not cached.
    if (D.Name.find('\n') != std::string::npos)
      return llvm::Error::success();
    Entry += D.Hash + " " + D.Name + "\n";
  }
  Entry += "\n";
  Entry += Record;
  if (std::error_code EC = llvm::sys::fs::create_directories(Directory))
    return llvm::createStringError(EC, "cannot create cache directory '" +
                                           Directory + "': " + EC.message());
  return writeFileAtomically(entryPath(Key), Entry);
}

std::optional<FactsUnit> FactsCache::lookup(llvm::StringRef Key,
                                            FileHasher &Hasher,
                                            std::string &Problem) const {
  std::optional<std::string> Record = lookupRecord(
      Key,
      [&](llvm::StringRef File, llvm::StringRef Hash) {
        std::optional<std::string> Current = Hasher.hash(File);
        return Current && *Current == Hash;
      },
      Problem);
  if (!Record)
    return std::nullopt;
  llvm::Expected<FactsUnit> Facts = readFacts(*Record);
  if (!Facts) {
    Problem = damaged(Key, llvm::toString(Facts.takeError()));
    return std::nullopt;
  }
  return std::move(*Facts);
}

llvm::Error FactsCache::store(llvm::StringRef Key,
                              llvm::ArrayRef<std::string> Dependencies,
                              FileHasher &Hasher,
                              const FactsUnit &Facts) const {
  std::vector<Dependency> Hashed;
  for (const std::string &File : Dependencies) {
    std::optional<std::string> Hash = Hasher.hash(File);
    if (!Hash)
      return llvm::Error::success();
    Hashed.push_back({File, *Hash});
  }
  return storeRecord(Key, Hashed, writeFacts(Facts));
}

} // namespace spawnguard

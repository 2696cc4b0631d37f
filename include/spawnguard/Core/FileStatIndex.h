//===- FileStatIndex.h - Content hashes remembered by stat data -*- C++ -*-===//
//
// A warm run must prove that every file a cached entry depends on is
// unchanged. Hashing proves it, but reads every source and header again;
// over the Python standard library that was a fifth of a warm run. Like
// git's index and ccache's direct mode, this index remembers each file's
// hash with its stat data (size, modification and change times, inode,
// device) and trusts the hash while the stat data is the same.
//
// Stat data can stay the same across a change when the change falls in the
// timestamp tick in which the file was read ("racily clean" in git's
// words). So a hash is remembered only for a file last modified well before
// the run started; a file touched just before or during the run is hashed
// again next time.
//
// The index is one file in the cache directory, written atomically and
// merged with what other runs wrote meanwhile. It is only a hint: a lost or
// damaged index costs a re-hash, never a wrong result.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_CORE_FILESTATINDEX_H
#define SPAWNGUARD_CORE_FILESTATINDEX_H

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

namespace spawnguard {

/// What stat says about a file.
struct FileStamp {
  uint64_t Size = 0;
  int64_t ModifiedNs = 0;
  int64_t ChangedNs = 0;
  uint64_t Inode = 0;
  uint64_t Device = 0;

  bool operator==(const FileStamp &O) const {
    return Size == O.Size && ModifiedNs == O.ModifiedNs &&
           ChangedNs == O.ChangedNs && Inode == O.Inode && Device == O.Device;
  }
};

/// The stamp of the file at \p Path; std::nullopt if it cannot be stat'ed,
/// or on systems without change times.
std::optional<FileStamp> stampFile(llvm::StringRef Path);

/// Content hashes by path and stamp, loaded from and saved to one file.
/// Thread-safe.
class FileStatIndex {
public:
  /// Loads the index of cache directory \p CacheDirectory. A missing index
  /// is empty; a damaged one is empty too, and \p Problem says why.
  /// \p RunStartNs is when the run started, in nanoseconds since the epoch;
  /// tests pass a time of their choosing.
  FileStatIndex(llvm::StringRef CacheDirectory, std::string &Problem,
                int64_t RunStartNs = nowNs());

  /// The current time, in nanoseconds since the epoch.
  static int64_t nowNs();

  /// The remembered hash of \p Path if it still has stamp \p Stamp.
  std::optional<std::string> lookup(llvm::StringRef Path,
                                    const FileStamp &Stamp) const;

  /// Remembers that \p Path, stamped \p Stamp *before* it was read, hashed
  /// to \p Hash; ignored if the stamp is too recent to be trusted.
  void remember(llvm::StringRef Path, const FileStamp &Stamp,
                llvm::StringRef Hash);

  /// Writes what this run remembered into the index file, merged with the
  /// entries it holds now. Does nothing if nothing new was remembered.
  llvm::Error save();

  const std::string &path() const { return IndexPath; }

private:
  struct Entry {
    FileStamp Stamp;
    std::string Hash;
  };
  using EntryMap = llvm::StringMap<Entry>;

  /// The entries of the index file \p Path: none if there is none.
  static llvm::Expected<EntryMap> read(llvm::StringRef Path);

  std::string IndexPath;
  /// Stamps changed at or after this time may hide a change (see above).
  int64_t TrustedBeforeNs;
  mutable std::mutex Lock;
  EntryMap Entries;
  /// What this run remembered, to be merged on save.
  EntryMap Remembered;
};

} // namespace spawnguard

#endif // SPAWNGUARD_CORE_FILESTATINDEX_H

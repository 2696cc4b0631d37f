//===- ModuleCache.cpp ----------------------------------------------------===//
//
// A record is framed (BinaryCodec) and holds the messages, then the summary
// or the facts file, each of which is framed and checked again on reading.
//
//===----------------------------------------------------------------------===//

#include "ModuleCache.h"
#include "spawnguard/Core/BinaryCodec.h"
#include "spawnguard/Core/FactsIO.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/BLAKE3.h"

namespace spawnguard {
namespace python {

/// Bump on any change to the layout or to the meaning of a field.
static constexpr uint32_t RecordFormatVersion = 1;
static const llvm::StringRef Magic("SGPYMOD\0", 8);
/// The dependency name of the interface hash; paths are absolute, so no
/// module can have this name.
static constexpr llvm::StringLiteral InterfaceName = "<interface>";

/// The digest of a summary's bytes, which writeModuleSummary makes the same
/// for equal summaries.
static std::string bytesDigest(llvm::StringRef Bytes) {
  return llvm::toHex(llvm::BLAKE3::hash<16>(llvm::arrayRefFromStringRef(Bytes)),
                     /*LowerCase=*/true);
}

std::string summaryDigest(const ModuleSummary &Summary) {
  return bytesDigest(writeModuleSummary(Summary));
}

std::string interfaceHash(llvm::ArrayRef<std::string> SummaryDigests) {
  llvm::BLAKE3 Hasher;
  for (const std::string &Digest : SummaryDigests)
    Hasher.update(Digest);
  return llvm::toHex(Hasher.final<16>(), /*LowerCase=*/true);
}

ModuleCache::ModuleCache(const FactsCache *Cache, llvm::StringRef ToolIdentity,
                         llvm::ArrayRef<std::string> UserSinks)
    : Cache(Cache) {
  // What shapes the facts apart from the sources: the tool and the sinks.
  Identity = ToolIdentity.str();
  for (const std::string &Sink : UserSinks)
    Identity += '\0' + Sink;
}

std::string ModuleCache::key(llvm::StringRef Kind, llvm::StringRef Path,
                             llvm::StringRef Name) const {
  return (Kind + llvm::Twine('\0') + Identity + llvm::Twine('\0') + Path +
          llvm::Twine('\0') + Name)
      .str();
}

static std::string record(llvm::ArrayRef<std::string> Errors,
                          llvm::StringRef Body) {
  std::string Payload;
  RecordWriter W(Payload);
  W.strings(Errors);
  W.str(Body);
  return frameRecord(Magic, RecordFormatVersion, Payload);
}

/// Splits a record into its messages and its body.
static llvm::Expected<std::string>
readRecord(llvm::StringRef Bytes, std::vector<std::string> &Errors) {
  llvm::Expected<llvm::StringRef> Payload =
      unframeRecord(Bytes, Magic, RecordFormatVersion, "Python cache record");
  if (!Payload)
    return Payload.takeError();
  RecordReader R(*Payload);
  Errors = R.strings();
  std::string Body = R.str();
  if (llvm::Error Err = R.finish("Python cache record"))
    return std::move(Err);
  return Body;
}

std::optional<std::string>
ModuleCache::lookup(llvm::StringRef Key,
                    llvm::ArrayRef<FactsCache::Dependency> Expected,
                    std::vector<std::string> &Problems) const {
  if (!Cache)
    return std::nullopt;
  std::string Problem;
  size_t Matched = 0;
  std::optional<std::string> Record = Cache->lookupRecord(
      Key,
      [&](llvm::StringRef Name, llvm::StringRef Hash) {
        for (const FactsCache::Dependency &D : Expected)
          if (D.Name == Name) {
            Matched += D.Hash == Hash;
            return D.Hash == Hash;
          }
        return false;
      },
      Problem);
  if (!Problem.empty())
    Problems.push_back(std::move(Problem));
  // Every expected dependency must have been recorded and current.
  if (Matched != Expected.size())
    return std::nullopt;
  return Record;
}

void ModuleCache::store(llvm::StringRef Key,
                        llvm::ArrayRef<FactsCache::Dependency> Dependencies,
                        llvm::StringRef Record,
                        std::vector<std::string> &Problems) const {
  if (!Cache)
    return;
  if (llvm::Error Err = Cache->storeRecord(Key, Dependencies, Record))
    Problems.push_back("cannot write the cache: " +
                       llvm::toString(std::move(Err)));
}

std::optional<ModuleCache::Summary>
ModuleCache::lookupSummary(llvm::StringRef Path, llvm::StringRef Name,
                           llvm::StringRef ContentHash,
                           std::vector<std::string> &Problems) const {
  std::string Key = key("python-summary", Path, Name);
  std::optional<std::string> Bytes =
      lookup(Key, {{Path.str(), ContentHash.str()}}, Problems);
  if (!Bytes)
    return std::nullopt;
  Summary Result;
  llvm::Expected<std::string> Body = readRecord(*Bytes, Result.Errors);
  llvm::Expected<ModuleSummary> Data =
      Body ? readModuleSummary(*Body) : Body.takeError();
  if (!Data) {
    Problems.push_back(Cache->damaged(Key, llvm::toString(Data.takeError())));
    return std::nullopt;
  }
  if (Data->Path != Path || Data->Name != Name) {
    Problems.push_back(Cache->damaged(Key, "summary of another module"));
    return std::nullopt;
  }
  Result.Data = std::move(*Data);
  Result.Digest = bytesDigest(*Body);
  return Result;
}

void ModuleCache::storeSummary(const ModuleSummary &Data,
                               llvm::ArrayRef<std::string> Errors,
                               llvm::StringRef ContentHash,
                               std::vector<std::string> &Problems) const {
  store(key("python-summary", Data.Path, Data.Name),
        {{Data.Path, ContentHash.str()}},
        record(Errors, writeModuleSummary(Data)), Problems);
}

std::optional<ModuleCache::Facts> ModuleCache::lookupFacts(
    llvm::StringRef Path, llvm::StringRef Name, llvm::StringRef ContentHash,
    llvm::StringRef InterfaceHash, std::vector<std::string> &Problems) const {
  std::string Key = key("python-facts", Path, Name);
  std::optional<std::string> Bytes =
      lookup(Key,
             {{Path.str(), ContentHash.str()},
              {InterfaceName.str(), InterfaceHash.str()}},
             Problems);
  if (!Bytes)
    return std::nullopt;
  Facts Result;
  llvm::Expected<std::string> Body = readRecord(*Bytes, Result.Errors);
  llvm::Expected<FactsUnit> Data = Body ? readFacts(*Body) : Body.takeError();
  if (!Data) {
    Problems.push_back(Cache->damaged(Key, llvm::toString(Data.takeError())));
    return std::nullopt;
  }
  Result.Data = std::move(*Data);
  return Result;
}

void ModuleCache::storeFacts(llvm::StringRef Path, llvm::StringRef Name,
                             llvm::StringRef ContentHash,
                             llvm::StringRef InterfaceHash,
                             const FactsUnit &Data,
                             llvm::ArrayRef<std::string> Errors,
                             std::vector<std::string> &Problems) const {
  store(key("python-facts", Path, Name),
        {{Path.str(), ContentHash.str()},
         {InterfaceName.str(), InterfaceHash.str()}},
        record(Errors, writeFacts(Data)), Problems);
}

} // namespace python
} // namespace spawnguard

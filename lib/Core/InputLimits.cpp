//===- InputLimits.cpp ----------------------------------------------------===//

#include "spawnguard/Core/InputLimits.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/FileSystem.h"

namespace spawnguard {

std::optional<std::string> checkSizeLimit(llvm::StringRef Path, uint64_t Size,
                                          uint64_t Limit) {
  if (Limit == 0 || Size <= Limit)
    return std::nullopt;
  return ("'" + Path + "': skipped: too large (" + llvm::Twine(Size) +
          " bytes > " + llvm::Twine(Limit) + " bytes, see --max-file-size)")
      .str();
}

std::optional<std::string> checkFileSize(llvm::StringRef Path, uint64_t Limit) {
  uint64_t Size = 0;
  if (Limit == 0 || llvm::sys::fs::file_size(Path, Size))
    return std::nullopt;
  return checkSizeLimit(Path, Size, Limit);
}

llvm::Expected<uint64_t> parseByteSize(llvm::StringRef Text) {
  llvm::StringRef Digits = Text.trim();
  unsigned Shift = 0;
  if (!Digits.empty()) {
    switch (llvm::toUpper(Digits.back())) {
    case 'K':
      Shift = 10;
      break;
    case 'M':
      Shift = 20;
      break;
    case 'G':
      Shift = 30;
      break;
    }
    if (Shift)
      Digits = Digits.drop_back();
  }
  uint64_t Value = 0;
  // getAsInteger fails on overflow; the shift must not overflow either.
  if (Digits.empty() || Digits.getAsInteger(10, Value) ||
      (Shift && Value > (UINT64_MAX >> Shift)))
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "invalid size '" + Text +
            "': expected a number of bytes, optionally with K, M or G");
  return Value << Shift;
}

} // namespace spawnguard

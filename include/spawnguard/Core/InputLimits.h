//===- InputLimits.h - Bounds on what one input may cost --------*- C++ -*-===//
//
// A linter runs unattended over trees it did not choose: a generated
// 200 MB source file or a minified bundle must be skipped with a message,
// not parsed for minutes. Both front ends check their inputs (Python
// modules, the main files of C and C++ units) against one size limit,
// --max-file-size, before reading them.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_CORE_INPUTLIMITS_H
#define SPAWNGUARD_CORE_INPUTLIMITS_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <optional>
#include <string>

namespace spawnguard {

/// 10 MiB: far above hand-written sources (the largest files of CPython
/// and LLVM are under 1 MiB), below what a front end parses in seconds.
constexpr uint64_t DefaultMaxFileSize = 10 * 1024 * 1024;

/// If the file at \p Path is larger than \p Limit bytes (0: no limit), the
/// message that skips it: "'<path>': skipped: too large (N bytes > L bytes,
/// see --max-file-size)". std::nullopt if it may be read, including when
/// its size cannot be known (reading it will then report why).
std::optional<std::string> checkFileSize(llvm::StringRef Path, uint64_t Limit);

/// As checkFileSize, for contents of \p Size bytes that are not on disk
/// (an editor's buffer).
std::optional<std::string> checkSizeLimit(llvm::StringRef Path, uint64_t Size,
                                          uint64_t Limit);

/// Parses a size as --max-file-size takes it: a number of bytes, optionally
/// followed by K, M or G (powers of 1024); "0" means no limit.
llvm::Expected<uint64_t> parseByteSize(llvm::StringRef Text);

} // namespace spawnguard

#endif // SPAWNGUARD_CORE_INPUTLIMITS_H

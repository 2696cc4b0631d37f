//===- ToolIdentity.h - Which build of spawnguard is running ----*- C++ -*-===//
//
// Cache entries are keyed by the build that made them, so a rebuilt
// extractor, which may extract differently, never reads an older build's
// facts.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_TOOL_TOOLIDENTITY_H
#define SPAWNGUARD_TOOL_TOOLIDENTITY_H

#include <string>

namespace spawnguard {

/// The version and a digest of this executable: its ELF build ID, which the
/// linker derives from the whole output, read from memory; failing that, a
/// hash of the executable's file. (The static executable is 60 MB, and
/// hashing it took longer than the rest of a warm run.)
std::string toolIdentity(const char *Argv0, const char *Version);

} // namespace spawnguard

#endif // SPAWNGUARD_TOOL_TOOLIDENTITY_H

//===- ToolIdentity.cpp ---------------------------------------------------===//

#include "ToolIdentity.h"
#include "spawnguard/Core/FactsCache.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include <elf.h>
#include <link.h>
#include <optional>

namespace spawnguard {

/// The NT_GNU_BUILD_ID note of the main executable, in hex.
static std::optional<std::string> ownBuildId() {
  std::optional<std::string> Id;
  dl_iterate_phdr(
      [](dl_phdr_info *Info, size_t, void *Out) -> int {
        // The main program comes first; shared objects do not identify us.
        for (ElfW(Half) I = 0; I < Info->dlpi_phnum; ++I) {
          const ElfW(Phdr) &Segment = Info->dlpi_phdr[I];
          if (Segment.p_type != PT_NOTE)
            continue;
          const char *Note =
              reinterpret_cast<const char *>(Info->dlpi_addr + Segment.p_vaddr);
          const char *End = Note + Segment.p_memsz;
          auto Align4 = [](size_t N) { return (N + 3) & ~size_t(3); };
          while (Note + sizeof(ElfW(Nhdr)) <= End) {
            const auto *Header = reinterpret_cast<const ElfW(Nhdr) *>(Note);
            const char *Name = Note + sizeof(ElfW(Nhdr));
            const char *Desc = Name + Align4(Header->n_namesz);
            if (Desc + Header->n_descsz > End)
              break;
            if (Header->n_type == NT_GNU_BUILD_ID && Header->n_namesz == 4 &&
                llvm::StringRef(Name, 4) == llvm::StringRef("GNU", 4)) {
              *static_cast<std::optional<std::string> *>(Out) =
                  llvm::toHex(llvm::StringRef(Desc, Header->n_descsz),
                              /*LowerCase=*/true);
              return 1;
            }
            Note = Desc + Align4(Header->n_descsz);
          }
        }
        return 1;
      },
      &Id);
  return Id;
}

std::string toolIdentity(const char *Argv0, const char *Version) {
  std::string Identity = std::string("spawnguard ") + Version;
  if (std::optional<std::string> Id = ownBuildId())
    return Identity + " build-id " + *Id;
  std::string Exe = llvm::sys::fs::getMainExecutable(
      Argv0, reinterpret_cast<void *>(&toolIdentity));
  if (auto Buffer =
          llvm::MemoryBuffer::getFile(Exe, /*IsText=*/false,
                                      /*RequiresNullTerminator=*/false))
    Identity += " " + contentHash((*Buffer)->getBuffer());
  return Identity;
}

} // namespace spawnguard

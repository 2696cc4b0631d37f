//===- TreeArena.cpp ------------------------------------------------------===//
//
// Each block carries its size in a 16-byte header, for realloc. The arena is
// a list of chunks that only grows while a scope is alive; the newest block
// can still grow or be freed in place, which is how tree-sitter's stacks and
// arrays mostly behave. Chunks are kept for the thread's next scope, up to a
// bound, so that a long run does not fault in fresh pages for every module.
//
//===----------------------------------------------------------------------===//

#include "TreeArena.h"
#include <algorithm>
#include <cassert>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <tree_sitter/api.h>
#include <vector>

// Under AddressSanitizer every tree-sitter object keeps its own malloc'd
// block, so that the sanitizer sees overflows and uses after free in and
// around trees, which an arena would hide.
#if defined(__SANITIZE_ADDRESS__)
#define SPAWNGUARD_TREE_ARENA 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SPAWNGUARD_TREE_ARENA 0
#endif
#endif
#ifndef SPAWNGUARD_TREE_ARENA
#define SPAWNGUARD_TREE_ARENA 1
#endif

namespace spawnguard {
namespace python {

namespace {

constexpr size_t HeaderSize = 16;
constexpr size_t MinChunkSize = size_t(1) << 20;
/// Chunks beyond this total are returned to the system when a scope ends.
constexpr size_t RetainedBytes = size_t(64) << 20;

[[noreturn]] void outOfMemory(size_t Size) {
  std::fprintf(stderr, "spawnguard: out of memory allocating %zu bytes\n",
               Size);
  std::abort();
}

struct Chunk {
  char *Begin, *End;
};

class Arena {
public:
  ~Arena() {
    for (Chunk &C : Chunks)
      std::free(C.Begin);
  }

  bool Active = false;

  bool owns(const void *Pointer) const {
    auto *P = static_cast<const char *>(Pointer);
    // The newest chunk first: most frees are of recent blocks.
    for (size_t I = Chunks.size(); I-- > 0;)
      if (P >= Chunks[I].Begin && P < Chunks[I].End)
        return true;
    return false;
  }

  void *allocate(size_t Size) {
    size_t Needed = HeaderSize + ((Size + 15) & ~size_t(15));
    if (Needed < Size)
      outOfMemory(Size);
    if (size_t(End - Next) < Needed)
      moveToChunkFor(Needed);
    char *Block = Next;
    Next += Needed;
    std::memcpy(Block, &Size, sizeof(Size));
    Last = Block + HeaderSize;
    return Last;
  }

  void *reallocate(void *Pointer, size_t Size) {
    char *P = static_cast<char *>(Pointer);
    size_t Old = sizeOf(P);
    // The newest block grows in place while its chunk has room.
    if (P == Last) {
      size_t Rounded = (Size + 15) & ~size_t(15);
      if (Rounded >= Size && size_t(End - P) >= Rounded) {
        Next = P + Rounded;
        std::memcpy(P - HeaderSize, &Size, sizeof(Size));
        return P;
      }
    }
    void *Moved = allocate(Size);
    std::memcpy(Moved, P, std::min(Old, Size));
    return Moved;
  }

  void release(void *Pointer) {
    // Only the newest block gives its space back; the rest waits for the
    // end of the scope.
    if (Pointer == Last) {
      Next = Last - HeaderSize;
      Last = nullptr;
    }
  }

  /// Forgets every block, keeping chunks up to RetainedBytes for reuse.
  void reset() {
    size_t Kept = 0, I = 0;
    for (; I < Chunks.size(); ++I) {
      size_t Size = Chunks[I].End - Chunks[I].Begin;
      if (Kept + Size > RetainedBytes)
        break;
      Kept += Size;
    }
    for (size_t J = I; J < Chunks.size(); ++J)
      std::free(Chunks[J].Begin);
    Chunks.resize(I);
    Current = 0;
    Next = End = nullptr;
    if (!Chunks.empty()) {
      Next = Chunks[0].Begin;
      End = Chunks[0].End;
    }
    Last = nullptr;
  }

private:
  static size_t sizeOf(const char *Block) {
    size_t Size;
    std::memcpy(&Size, Block - HeaderSize, sizeof(Size));
    return Size;
  }

  /// Makes the next chunk with room for \p Needed bytes current, reusing a
  /// kept one or adding one.
  void moveToChunkFor(size_t Needed) {
    while (!Chunks.empty() && Current + 1 < Chunks.size()) {
      ++Current;
      Next = Chunks[Current].Begin;
      End = Chunks[Current].End;
      if (size_t(End - Next) >= Needed)
        return;
    }
    // Doubling keeps the chunks few, and owns() quick, even for the tree of
    // a module of many megabytes.
    size_t Size = std::max(Needed, MinChunkSize);
    if (!Chunks.empty())
      Size =
          std::max(Size, 2 * size_t(Chunks.back().End - Chunks.back().Begin));
    auto *Begin = static_cast<char *>(std::malloc(Size));
    if (!Begin)
      outOfMemory(Size);
    Chunks.push_back({Begin, Begin + Size});
    Current = Chunks.size() - 1;
    Next = Begin;
    End = Begin + Size;
  }

  std::vector<Chunk> Chunks;
  size_t Current = 0;
  char *Next = nullptr, *End = nullptr;
  /// The newest block, which may grow or shrink in place.
  char *Last = nullptr;
};

thread_local Arena ThisThread;

void *treeMalloc(size_t Size) {
  if (ThisThread.Active)
    return ThisThread.allocate(Size);
  void *P = std::malloc(Size);
  if (!P && Size)
    outOfMemory(Size);
  return P;
}

void *treeCalloc(size_t Count, size_t Size) {
  if (!ThisThread.Active) {
    void *P = std::calloc(Count, Size);
    if (!P && Count && Size)
      outOfMemory(Count * Size);
    return P;
  }
  size_t Total = Count * Size;
  if (Size && Total / Size != Count)
    outOfMemory(Total);
  void *P = ThisThread.allocate(Total);
  std::memset(P, 0, Total);
  return P;
}

void *treeRealloc(void *Pointer, size_t Size) {
  if (Pointer && ThisThread.owns(Pointer))
    return ThisThread.reallocate(Pointer, Size);
  if (!Pointer && ThisThread.Active)
    return ThisThread.allocate(Size);
  void *P = std::realloc(Pointer, Size);
  if (!P && Size)
    outOfMemory(Size);
  return P;
}

void treeFree(void *Pointer) {
  if (!Pointer)
    return;
  if (ThisThread.owns(Pointer))
    ThisThread.release(Pointer);
  else
    std::free(Pointer);
}

} // namespace

TreeArenaScope::TreeArenaScope() {
  if (!SPAWNGUARD_TREE_ARENA)
    return;
  static std::once_flag Installed;
  std::call_once(Installed, [] {
    ts_set_allocator(treeMalloc, treeCalloc, treeRealloc, treeFree);
  });
  assert(!ThisThread.Active && "tree arena scopes do not nest");
  ThisThread.Active = true;
}

TreeArenaScope::~TreeArenaScope() {
  if (!SPAWNGUARD_TREE_ARENA)
    return;
  ThisThread.Active = false;
  ThisThread.reset();
}

bool TreeArenaScope::enabled() { return SPAWNGUARD_TREE_ARENA; }

bool TreeArenaScope::owns(const void *Pointer) {
  return SPAWNGUARD_TREE_ARENA && ThisThread.owns(Pointer);
}

} // namespace python
} // namespace spawnguard

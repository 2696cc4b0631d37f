//===- TreeArena.h - Tree-sitter's memory, one arena per parse --*- C++ -*-===//
//
// Parsing a module makes hundreds of thousands of small allocations (a node
// each, stacks, lookahead), and deleting its tree frees them one by one by
// walking it again: about a seventh of a cold run over the standard
// library. The front end parses, walks and drops one module's tree at a time
// per thread, so while a TreeArenaScope is alive, tree-sitter allocates on
// this thread from a bump arena instead. A tree made there is not deleted
// node by node: the whole arena is released when the scope ends, and reused
// by the next one.
//
// Tree-sitter's allocator is process-wide (ts_set_allocator); outside a
// scope, and for memory the arena does not own, it is plain malloc and free,
// so objects made before or outside a scope keep working.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_LIB_PYTHON_TREEARENA_H
#define SPAWNGUARD_LIB_PYTHON_TREEARENA_H

namespace spawnguard {
namespace python {

/// While alive, tree-sitter's allocations on this thread come from the
/// thread's arena; when it ends, they are all released at once. Nothing
/// tree-sitter made inside may be used after, nothing it made outside may
/// be used inside, and scopes do not nest.
class TreeArenaScope {
public:
  /// False in builds with AddressSanitizer, where scopes change nothing.
  static bool enabled();

  TreeArenaScope();
  ~TreeArenaScope();
  TreeArenaScope(const TreeArenaScope &) = delete;
  TreeArenaScope &operator=(const TreeArenaScope &) = delete;

  /// Whether \p Pointer lies in this thread's arena, whose memory needs no
  /// freeing one object at a time.
  static bool owns(const void *Pointer);
};

} // namespace python
} // namespace spawnguard

#endif // SPAWNGUARD_LIB_PYTHON_TREEARENA_H

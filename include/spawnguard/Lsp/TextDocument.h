//===- TextDocument.h - URIs, positions and edits of LSP documents -*- C++ -*-//
//
// LSP names documents by URI and counts columns in UTF-16 code units; the
// facts count lines from 1 and columns in bytes from 1. Lines end at '\n',
// as in the front end.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_LSP_TEXTDOCUMENT_H
#define SPAWNGUARD_LSP_TEXTDOCUMENT_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include <optional>
#include <string>

namespace spawnguard {
namespace lsp {

/// The absolute path of a 'file:' URI, or std::nullopt for another scheme,
/// a remote host or a relative path.
std::optional<std::string> pathFromUri(llvm::StringRef Uri);

/// The 'file:' URI of an absolute path, percent-encoded.
std::string uriFromPath(llvm::StringRef Path);

/// The text of 0-based line \p Line of \p Text, without its '\n'; empty
/// past the end.
llvm::StringRef lineOf(llvm::StringRef Text, unsigned Line);

/// The LSP position ({line, character}) of a 1-based line and 1-based byte
/// column in \p Text. Columns past the line's end are clamped to it.
llvm::json::Object lspPosition(llvm::StringRef Text, unsigned Line,
                               unsigned ByteColumn);

/// Applies one 'contentChanges' entry of didChange: a full replacement, or
/// a range replaced by new text.
llvm::Error applyContentChange(std::string &Text,
                               const llvm::json::Object &Change);

} // namespace lsp
} // namespace spawnguard

#endif // SPAWNGUARD_LSP_TEXTDOCUMENT_H

//===- JsonSyntax.h - Is this text well-formed JSON? ------------*- C++ -*-===//
//
// Before LLVM's loader reads compile_commands.json (with its YAML parser,
// which echoes a broken file to stderr), the driver checks the file's
// syntax. llvm::json::parse gives good messages but builds the whole
// document, which over a database of thousands of entries was a quarter of
// a warm run. This check builds nothing; only a file it does not accept
// needs the full parser, for its message.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_CORE_JSONSYNTAX_H
#define SPAWNGUARD_CORE_JSONSYNTAX_H

#include "llvm/ADT/StringRef.h"

namespace spawnguard {

/// True if \p Text is one well-formed JSON value (RFC 8259) in UTF-8,
/// surrounded by whitespace at most. False if it is not, or if it nests
/// deeper than the check follows; the caller then asks a full parser.
bool isWellFormedJson(llvm::StringRef Text);

} // namespace spawnguard

#endif // SPAWNGUARD_CORE_JSONSYNTAX_H

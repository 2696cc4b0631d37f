//===- JsonRpc.h - The LSP base protocol over a byte stream -----*- C++ -*-===//
//
// The language server protocol frames JSON-RPC messages as
//
//   Content-Length: <N>\r\n
//   [other headers]\r\n
//   \r\n
//   <N bytes of JSON>
//
// MessageReader turns bytes into messages and does no I/O, so it can be fed
// any chunking of any input (and fuzzed). A malformed message is reported
// and skipped; the reader then finds the next header and goes on, so one bad
// message never ends a session.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_LSP_JSONRPC_H
#define SPAWNGUARD_LSP_JSONRPC_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include <cstdint>
#include <optional>
#include <string>

namespace spawnguard {
namespace lsp {

/// JSON-RPC and LSP error codes.
enum class ErrorCode : int {
  ParseError = -32700,
  InvalidRequest = -32600,
  MethodNotFound = -32601,
  InvalidParams = -32602,
  InternalError = -32603,
  ServerNotInitialized = -32002,
};

/// Splits the base protocol's byte stream into JSON values.
class MessageReader {
public:
  /// Bodies larger than this are skipped unread, as after a malformed
  /// header: no editor sends one, and buffering it would let a broken
  /// client exhaust memory.
  static constexpr uint64_t MaxBodySize = 64ull << 20;
  /// A header block that has not ended after this many bytes is garbage.
  static constexpr size_t MaxHeaderSize = 8 << 10;

  /// Appends bytes received from the client.
  void feed(llvm::StringRef Bytes);

  /// The next message whose bytes have all arrived: the parsed JSON, or an
  /// error that says what was malformed (that message is then dropped).
  /// std::nullopt while more bytes are needed.
  std::optional<llvm::Expected<llvm::json::Value>> next();

  /// Bytes received and not yet consumed.
  size_t pending() const { return Buffer.size() - Start; }

private:
  /// Outcome of reading the header block at Start.
  enum class HeaderState { Incomplete, Complete, Malformed };
  HeaderState readHeader(uint64_t &BodySize, std::string &Problem,
                         size_t &HeaderEnd) const;
  /// Drops bytes up to the next "Content-Length" after a header that could
  /// not say where its body ends; false if none has arrived yet.
  bool resynchronize();
  void consume(size_t Bytes);

  std::string Buffer;
  /// Offset of the first unconsumed byte in Buffer.
  size_t Start = 0;
  /// Set after a malformed header, until the next header is found.
  bool Resynchronizing = false;
};

/// The bytes that carry \p Message: header and JSON body.
std::string frameMessage(const llvm::json::Value &Message);

} // namespace lsp
} // namespace spawnguard

#endif // SPAWNGUARD_LSP_JSONRPC_H

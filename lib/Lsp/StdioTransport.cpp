//===- StdioTransport.cpp - The server on stdin and stdout ----------------===//
//
// Reads whatever the client has sent, handles every complete message, and
// publishes diagnostics only once no more input is waiting: an editor that
// sends a didChange per keystroke gets one analysis per burst.
//
//===----------------------------------------------------------------------===//

#include "spawnguard/Lsp/JsonRpc.h"
#include "spawnguard/Lsp/PythonServer.h"
#include "llvm/Support/Errno.h"
#include "llvm/Support/raw_ostream.h"
#include <poll.h>
#include <unistd.h>

namespace spawnguard {
namespace lsp {

namespace {

/// True if stdin has bytes (or its end) ready to read without blocking.
bool inputWaiting() {
  pollfd In{STDIN_FILENO, POLLIN, 0};
  return llvm::sys::RetryAfterSignal(-1, ::poll, &In, 1, 0) > 0;
}

} // namespace

int runStdioServer(ServerOptions Options) {
  llvm::raw_fd_ostream &Out = llvm::outs();
  PythonServer Server(std::move(Options), [&](llvm::json::Value Message) {
    Out << frameMessage(Message);
    Out.flush();
  });
  MessageReader Reader;
  char Chunk[1 << 16];
  while (true) {
    ssize_t Read = llvm::sys::RetryAfterSignal(
        -1, ::read, STDIN_FILENO, static_cast<void *>(Chunk), sizeof(Chunk));
    if (Read <= 0) {
      llvm::errs() << "spawnguard: the client closed the connection "
                      "without 'exit'\n";
      return Server.exitStatus();
    }
    Reader.feed(llvm::StringRef(Chunk, Read));
    while (std::optional<llvm::Expected<llvm::json::Value>> Message =
               Reader.next()) {
      if (*Message)
        Server.handleMessage(std::move(**Message));
      else
        Server.handleUnreadableMessage(Message->takeError());
      if (Server.exited())
        return Server.exitStatus();
    }
    if (!inputWaiting())
      Server.publishPendingDiagnostics();
  }
}

} // namespace lsp
} // namespace spawnguard

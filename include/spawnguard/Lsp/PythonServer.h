//===- PythonServer.h - The Python language server --------------*- C++ -*-===//
//
// 'spawnguard lsp': diagnostics for '.py' files in an editor, from the same
// front end, engine and configuration as the CLI. Each analysis covers the
// workspace folders' '.py' files with the editor's unsaved buffers in place
// of the files on disk, so imports resolve across the workspace and a
// finding is published on its root's file with its chain as related
// information.
//
// The server is a state machine over JSON values; the transport (framing,
// stdin/stdout) is separate, so both can be tested and fuzzed on their own.
//
//===----------------------------------------------------------------------===//

#ifndef SPAWNGUARD_LSP_PYTHONSERVER_H
#define SPAWNGUARD_LSP_PYTHONSERVER_H

#include "spawnguard/Core/Finding.h"
#include "llvm/ADT/FunctionExtras.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace spawnguard {
namespace lsp {

struct ServerOptions {
  /// Base URL of the docs folder, for each diagnostic's codeDescription.
  std::string DocsUrl;
};

class PythonServer {
public:
  using Sender = llvm::unique_function<void(llvm::json::Value)>;

  PythonServer(ServerOptions Options, Sender Send);

  /// Handles one message from the client.
  void handleMessage(llvm::json::Value Message);
  /// Answers a message that could not be read with a parse error.
  void handleUnreadableMessage(llvm::Error Problem);
  /// Analyses what changed since the last call and publishes diagnostics.
  /// The transport calls this when no more input is waiting, so a burst of
  /// edits costs one analysis.
  void publishPendingDiagnostics();

  /// True once 'exit' arrived.
  bool exited() const { return Exited; }
  /// The process exit status the protocol asks for: 0 after 'shutdown'.
  int exitStatus() const { return ShutdownRequested ? 0 : 1; }

private:
  struct Document {
    std::string Text;
    int64_t Version = 0;
  };

  void handleRequest(const llvm::json::Value &Id, llvm::StringRef Method,
                     const llvm::json::Object *Params);
  void handleNotification(llvm::StringRef Method,
                          const llvm::json::Object *Params);
  llvm::json::Value initialize(const llvm::json::Object *Params);
  llvm::Expected<llvm::json::Value>
  codeActions(const llvm::json::Object *Params);
  void didOpen(const llvm::json::Object *Params);
  void didChange(const llvm::json::Object *Params);
  void didClose(const llvm::json::Object *Params);

  void reply(const llvm::json::Value &Id, llvm::json::Value Result);
  void replyError(const llvm::json::Value &Id, int Code,
                  const llvm::Twine &Message);
  void notify(llvm::StringRef Method, llvm::json::Value Params);
  /// window/logMessage; \p Type 1 error, 2 warning, 3 info.
  void log(int Type, const llvm::Twine &Message);
  /// The path of the document a params object names, or a logged problem.
  std::optional<std::string> documentPath(const llvm::json::Object *Params,
                                          llvm::StringRef Method);

  /// Runs the front end and the engine on the workspace and the buffers.
  void analyze();
  /// The text of a file as the last analysis saw it: a buffer or the disk.
  llvm::StringRef textOf(const std::string &Path);
  llvm::json::Value diagnostic(const Finding &F);
  void publish(const std::string &Path);

  ServerOptions Options;
  Sender Send;
  bool Initialized = false;
  bool ShutdownRequested = false;
  bool Exited = false;
  /// initializationOptions: as the CLI's --sink and --checks.
  std::vector<std::string> UserSinks;
  std::string Checks;
  std::vector<std::string> WorkspaceFolders;

  std::map<std::string, Document> Documents;
  /// Set when a buffer changed since the last analysis.
  bool Stale = false;
  /// Documents whose diagnostics must be published even if unchanged: the
  /// client waits for the diagnostics of each version it sent.
  std::set<std::string> MustPublish;
  /// The last analysis: findings by root file, and its error messages.
  std::map<std::string, std::vector<Finding>> FindingsByFile;
  std::set<std::string> Errors;
  /// What each open document last got, to skip republishing the same.
  std::map<std::string, llvm::json::Value> Published;
  /// Texts of files that are not open, read for positions; per analysis.
  std::map<std::string, std::string> DiskTexts;
};

/// Serves LSP over stdin and stdout until 'exit' or the end of input;
/// returns the process exit status.
int runStdioServer(ServerOptions Options);

} // namespace lsp
} // namespace spawnguard

#endif // SPAWNGUARD_LSP_PYTHONSERVER_H

//===- PythonServer.cpp ---------------------------------------------------===//

#include "spawnguard/Lsp/PythonServer.h"
#include "spawnguard/Core/Config.h"
#include "spawnguard/Core/ProgramGraph.h"
#include "spawnguard/Core/Reachability.h"
#include "spawnguard/Core/RuleDocs.h"
#include "spawnguard/Core/Rules.h"
#include "spawnguard/Lsp/JsonRpc.h"
#include "spawnguard/Lsp/TextDocument.h"
#include "spawnguard/Python/Noqa.h"
#include "spawnguard/Python/PythonFrontEnd.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

namespace spawnguard {
namespace lsp {

namespace {

constexpr int LogError = 1, LogWarning = 2;

llvm::Error invalidParams(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

/// True if a comment appended to \p Line ends the line: not after a
/// backslash continuation, and not where the line may end inside a
/// triple-quoted string, where it would change the string instead.
bool acceptsTrailingComment(llvm::StringRef Line) {
  return !Line.rtrim().ends_with("\\") && !Line.contains("\"\"\"") &&
         !Line.contains("'''");
}

} // namespace

PythonServer::PythonServer(ServerOptions Options, Sender Send)
    : Options(std::move(Options)), Send(std::move(Send)) {}

//===----------------------------------------------------------------------===//
// Messages
//===----------------------------------------------------------------------===//

void PythonServer::reply(const llvm::json::Value &Id,
                         llvm::json::Value Result) {
  Send(llvm::json::Object{
      {"jsonrpc", "2.0"}, {"id", Id}, {"result", std::move(Result)}});
}

void PythonServer::replyError(const llvm::json::Value &Id, int Code,
                              const llvm::Twine &Message) {
  Send(llvm::json::Object{
      {"jsonrpc", "2.0"},
      {"id", Id},
      {"error",
       llvm::json::Object{{"code", Code}, {"message", Message.str()}}}});
}

void PythonServer::notify(llvm::StringRef Method, llvm::json::Value Params) {
  Send(llvm::json::Object{
      {"jsonrpc", "2.0"}, {"method", Method}, {"params", std::move(Params)}});
}

void PythonServer::log(int Type, const llvm::Twine &Message) {
  std::string Text = "spawnguard: " + Message.str();
  llvm::errs() << Text << "\n";
  notify("window/logMessage",
         llvm::json::Object{{"type", Type}, {"message", std::move(Text)}});
}

void PythonServer::handleUnreadableMessage(llvm::Error Problem) {
  std::string Message = llvm::toString(std::move(Problem));
  log(LogError, Message);
  // JSON-RPC: a message that cannot be parsed is answered with id null.
  replyError(nullptr, static_cast<int>(ErrorCode::ParseError), Message);
}

void PythonServer::handleMessage(llvm::json::Value Message) {
  const llvm::json::Object *Object = Message.getAsObject();
  if (!Object) {
    replyError(nullptr, static_cast<int>(ErrorCode::InvalidRequest),
               "a message must be a JSON object");
    return;
  }
  const llvm::json::Value *Id = Object->get("id");
  std::optional<llvm::StringRef> Method = Object->getString("method");
  if (!Method) {
    // A response to a request of ours; we send none that need an answer.
    if (Id && (Object->get("result") || Object->get("error")))
      return;
    replyError(Id ? *Id : llvm::json::Value(nullptr),
               static_cast<int>(ErrorCode::InvalidRequest),
               "a message without a 'method'");
    return;
  }
  const llvm::json::Value *RawParams = Object->get("params");
  const llvm::json::Object *Params =
      RawParams ? RawParams->getAsObject() : nullptr;
  if (Id)
    handleRequest(*Id, *Method, Params);
  else
    handleNotification(*Method, Params);
}

void PythonServer::handleRequest(const llvm::json::Value &Id,
                                 llvm::StringRef Method,
                                 const llvm::json::Object *Params) {
  if (Method == "initialize") {
    if (Initialized)
      return replyError(Id, static_cast<int>(ErrorCode::InvalidRequest),
                        "the server is already initialized");
    return reply(Id, initialize(Params));
  }
  if (!Initialized)
    return replyError(Id, static_cast<int>(ErrorCode::ServerNotInitialized),
                      "'" + Method + "' before 'initialize'");
  if (ShutdownRequested)
    return replyError(Id, static_cast<int>(ErrorCode::InvalidRequest),
                      "'" + Method + "' after 'shutdown'");
  if (Method == "shutdown") {
    ShutdownRequested = true;
    return reply(Id, nullptr);
  }
  if (Method == "textDocument/codeAction") {
    llvm::Expected<llvm::json::Value> Actions = codeActions(Params);
    if (!Actions)
      return replyError(Id, static_cast<int>(ErrorCode::InvalidParams),
                        llvm::toString(Actions.takeError()));
    return reply(Id, std::move(*Actions));
  }
  replyError(Id, static_cast<int>(ErrorCode::MethodNotFound),
             "unknown method '" + Method + "'");
}

void PythonServer::handleNotification(llvm::StringRef Method,
                                      const llvm::json::Object *Params) {
  if (Method == "exit") {
    Exited = true;
    return;
  }
  // Before initialize and after shutdown, notifications are dropped.
  if (!Initialized || ShutdownRequested)
    return;
  if (Method == "textDocument/didOpen")
    return didOpen(Params);
  if (Method == "textDocument/didChange")
    return didChange(Params);
  if (Method == "textDocument/didClose")
    return didClose(Params);
  if (Method == "textDocument/didSave") {
    if (std::optional<std::string> Path = documentPath(Params, Method);
        Path && Documents.count(*Path)) {
      // Other files on disk may have changed with it.
      Stale = true;
      MustPublish.insert(*Path);
    }
    return;
  }
  if (Method == "workspace/didChangeWatchedFiles") {
    Stale = true;
    return;
  }
  // 'initialized', '$/cancelRequest', '$/setTrace', and notifications we
  // do not know: nothing to do, as the protocol allows.
}

llvm::json::Value PythonServer::initialize(const llvm::json::Object *Params) {
  Initialized = true;
  if (Params) {
    if (const llvm::json::Array *Folders = Params->getArray("workspaceFolders"))
      for (const llvm::json::Value &Folder : *Folders)
        if (const llvm::json::Object *F = Folder.getAsObject())
          if (std::optional<llvm::StringRef> Uri = F->getString("uri"))
            if (std::optional<std::string> Path = pathFromUri(*Uri))
              WorkspaceFolders.push_back(*Path);
    if (WorkspaceFolders.empty()) {
      if (std::optional<llvm::StringRef> Uri = Params->getString("rootUri")) {
        if (std::optional<std::string> Path = pathFromUri(*Uri))
          WorkspaceFolders.push_back(*Path);
      } else if (std::optional<llvm::StringRef> Root =
                     Params->getString("rootPath")) {
        WorkspaceFolders.push_back(Root->str());
      }
    }
    if (const llvm::json::Object *Init =
            Params->getObject("initializationOptions")) {
      if (const llvm::json::Array *Sinks = Init->getArray("sinks"))
        for (const llvm::json::Value &Sink : *Sinks)
          if (std::optional<llvm::StringRef> Name = Sink.getAsString())
            UserSinks.push_back(Name->str());
      if (std::optional<llvm::StringRef> C = Init->getString("checks"))
        Checks = C->str();
    }
  }
  llvm::sort(WorkspaceFolders);
  WorkspaceFolders.erase(llvm::unique(WorkspaceFolders),
                         WorkspaceFolders.end());
  return llvm::json::Object{
      {"capabilities",
       llvm::json::Object{
           {"textDocumentSync",
            llvm::json::Object{{"openClose", true},
                               {"change", 2}, // Incremental.
                               {"save", true}}},
           {"codeActionProvider",
            llvm::json::Object{
                {"codeActionKinds", llvm::json::Array{"quickfix"}}}},
       }},
      {"serverInfo", llvm::json::Object{{"name", "spawnguard"}}},
  };
}

//===----------------------------------------------------------------------===//
// Documents
//===----------------------------------------------------------------------===//

std::optional<std::string>
PythonServer::documentPath(const llvm::json::Object *Params,
                           llvm::StringRef Method) {
  const llvm::json::Object *Doc =
      Params ? Params->getObject("textDocument") : nullptr;
  std::optional<llvm::StringRef> Uri =
      Doc ? Doc->getString("uri") : std::nullopt;
  if (!Uri) {
    log(LogWarning, Method + " without textDocument.uri; ignored");
    return std::nullopt;
  }
  std::optional<std::string> Path = pathFromUri(*Uri);
  if (!Path)
    log(LogWarning,
        Method + " for '" + *Uri + "', which is not a local file; ignored");
  return Path;
}

void PythonServer::didOpen(const llvm::json::Object *Params) {
  std::optional<std::string> Path = documentPath(Params, "didOpen");
  if (!Path)
    return;
  const llvm::json::Object *Doc = Params->getObject("textDocument");
  std::optional<llvm::StringRef> Text = Doc->getString("text");
  if (!Text) {
    log(LogWarning, "didOpen of '" + *Path + "' without text; ignored");
    return;
  }
  std::optional<llvm::StringRef> Language = Doc->getString("languageId");
  if (!llvm::StringRef(*Path).ends_with(".py") &&
      (!Language || *Language != "python"))
    return; // Not ours: the client sent every file it has.
  Document &D = Documents[*Path];
  D.Text = Text->str();
  D.Version = Doc->getInteger("version").value_or(0);
  Stale = true;
  MustPublish.insert(*Path);
}

void PythonServer::didChange(const llvm::json::Object *Params) {
  std::optional<std::string> Path = documentPath(Params, "didChange");
  if (!Path)
    return;
  auto It = Documents.find(*Path);
  if (It == Documents.end()) {
    log(LogWarning,
        "didChange for '" + *Path + "', which is not open; ignored");
    return;
  }
  const llvm::json::Array *Changes = Params->getArray("contentChanges");
  if (!Changes) {
    log(LogWarning,
        "didChange of '" + *Path + "' without contentChanges; ignored");
    return;
  }
  // All or nothing: a change that does not apply leaves the buffer as the
  // last consistent version.
  std::string Text = It->second.Text;
  for (const llvm::json::Value &Change : *Changes) {
    const llvm::json::Object *C = Change.getAsObject();
    llvm::Error Err = C ? applyContentChange(Text, *C)
                        : invalidParams("a content change is not an object");
    if (Err) {
      log(LogError, "didChange of '" + *Path +
                        "' ignored: " + llvm::toString(std::move(Err)));
      return;
    }
  }
  It->second.Text = std::move(Text);
  if (const llvm::json::Object *Doc = Params->getObject("textDocument"))
    It->second.Version =
        Doc->getInteger("version").value_or(It->second.Version + 1);
  Stale = true;
  MustPublish.insert(*Path);
}

void PythonServer::didClose(const llvm::json::Object *Params) {
  std::optional<std::string> Path = documentPath(Params, "didClose");
  if (!Path || !Documents.erase(*Path))
    return;
  // Its diagnostics go, and the file on disk replaces its buffer.
  MustPublish.erase(*Path);
  Published.erase(*Path);
  notify("textDocument/publishDiagnostics",
         llvm::json::Object{{"uri", uriFromPath(*Path)},
                            {"diagnostics", llvm::json::Array()}});
  Stale = true;
}

//===----------------------------------------------------------------------===//
// Analysis and diagnostics
//===----------------------------------------------------------------------===//

void PythonServer::analyze() {
  ConfigResolver Configs;
  python::PythonOptions Python;
  Python.UserSinks = UserSinks;
  Python.ConfiguredSinks = [&](llvm::StringRef File) {
    return Configs.forFile(File).pythonSinks();
  };
  std::vector<std::string> Inputs = WorkspaceFolders;
  for (const auto &[Path, Doc] : Documents) {
    Python.Overlay[Path] = Doc.Text;
    // Documents outside the workspace; the front end drops duplicates.
    Inputs.push_back(Path);
  }
  python::PythonResult Result = python::analyzePython(Inputs, Python);

  // The CLI's pipeline: link, search every rule, then let each root file's
  // configuration select (see report() in tool/spawnguard/Driver.cpp).
  ProgramGraph Graph;
  for (const FactsUnit &Unit : Result.Units)
    Graph.addUnit(Unit);
  Graph.finalize();
  addConfiguredRoots(Graph, Configs);
  std::vector<Finding> Findings = findReachableSinks(Graph, RuleSelection("*"));
  applyConfig(Findings, Configs, Checks);

  std::set<std::string> NewErrors(Result.Errors.begin(), Result.Errors.end());
  if (!Configs.errors().empty()) {
    // As in the CLI, a broken configuration reports nothing.
    Findings.clear();
    NewErrors.insert(Configs.errors().begin(), Configs.errors().end());
  }
  // Each problem is logged once while it lasts, not on every keystroke.
  for (const std::string &Error : NewErrors)
    if (!Errors.count(Error))
      log(LogError, "error: " + Error);
  Errors = std::move(NewErrors);

  FindingsByFile.clear();
  for (Finding &F : Findings)
    FindingsByFile[F.Loc.File].push_back(std::move(F));
  DiskTexts.clear();
}

llvm::StringRef PythonServer::textOf(const std::string &Path) {
  if (auto It = Documents.find(Path); It != Documents.end())
    return It->second.Text;
  auto [It, Inserted] = DiskTexts.try_emplace(Path);
  if (Inserted)
    if (auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                                  /*RequiresNullTerminator=*/
                                                  false))
      It->second = (*Buffer)->getBuffer().str();
  return It->second;
}

namespace {
/// The range from a point to the end of its line.
llvm::json::Object rangeToLineEnd(llvm::StringRef Text, unsigned Line,
                                  unsigned Column) {
  llvm::StringRef LineText = lineOf(Text, Line ? Line - 1 : 0).rtrim("\r");
  return llvm::json::Object{
      {"start", lspPosition(Text, Line, Column)},
      {"end", lspPosition(Text, Line, LineText.size() + 1)}};
}
} // namespace

llvm::json::Value PythonServer::diagnostic(const Finding &F) {
  llvm::json::Object D{
      {"range", rangeToLineEnd(textOf(F.Loc.File), F.Loc.Line, F.Loc.Column)},
      {"severity", 2},
      {"source", "spawnguard"},
      {"message", F.Message},
  };
  if (const RuleInfo *Rule = findRule(F.Rule)) {
    D["code"] = Rule->Code;
    if (!Options.DocsUrl.empty())
      D["codeDescription"] =
          llvm::json::Object{{"href", Options.DocsUrl + "rules/" +
                                          rulePageName(*Rule).str() + ".md"}};
  }
  llvm::json::Array Related;
  for (const TraceNote &Note : F.Trace)
    Related.push_back(llvm::json::Object{
        {"location",
         llvm::json::Object{
             {"uri", uriFromPath(Note.Loc.File)},
             {"range", rangeToLineEnd(textOf(Note.Loc.File), Note.Loc.Line,
                                      Note.Loc.Column)}}},
        {"message", Note.Message}});
  if (!Related.empty())
    D["relatedInformation"] = std::move(Related);
  return D;
}

void PythonServer::publish(const std::string &Path) {
  llvm::json::Array Diagnostics;
  if (auto It = FindingsByFile.find(Path); It != FindingsByFile.end())
    for (const Finding &F : It->second)
      Diagnostics.push_back(diagnostic(F));
  llvm::json::Value Value(std::move(Diagnostics));
  auto Last = Published.find(Path);
  if (!MustPublish.count(Path) && Last != Published.end() &&
      Last->second == Value)
    return;
  Published.insert_or_assign(Path, Value);
  notify("textDocument/publishDiagnostics",
         llvm::json::Object{{"uri", uriFromPath(Path)},
                            {"version", Documents[Path].Version},
                            {"diagnostics", std::move(Value)}});
}

void PythonServer::publishPendingDiagnostics() {
  if (!Stale && MustPublish.empty())
    return;
  if (Stale)
    analyze();
  Stale = false;
  // An edit in one module can change what another one reaches: every open
  // document is checked, and republished only if its diagnostics changed.
  for (const auto &Entry : Documents)
    publish(Entry.first);
  MustPublish.clear();
}

//===----------------------------------------------------------------------===//
// Code actions
//===----------------------------------------------------------------------===//

llvm::Expected<llvm::json::Value>
PythonServer::codeActions(const llvm::json::Object *Params) {
  const llvm::json::Object *Doc =
      Params ? Params->getObject("textDocument") : nullptr;
  std::optional<llvm::StringRef> Uri =
      Doc ? Doc->getString("uri") : std::nullopt;
  const llvm::json::Object *Range =
      Params ? Params->getObject("range") : nullptr;
  const llvm::json::Object *Start = Range ? Range->getObject("start") : nullptr;
  const llvm::json::Object *End = Range ? Range->getObject("end") : nullptr;
  std::optional<int64_t> FirstLine =
      Start ? Start->getInteger("line") : std::nullopt;
  std::optional<int64_t> LastLine =
      End ? End->getInteger("line") : std::nullopt;
  if (!Uri || !FirstLine || !LastLine)
    return invalidParams("codeAction needs textDocument.uri and a range");
  std::optional<std::string> Path = pathFromUri(*Uri);
  llvm::json::Array Actions;
  if (!Path || !Documents.count(*Path))
    return llvm::json::Value(std::move(Actions));
  // The findings must be those of the buffer the client sees.
  publishPendingDiagnostics();
  const std::string &Text = Documents[*Path].Text;

  std::set<std::pair<unsigned, std::string>> Offered;
  for (const Finding &F : FindingsByFile[*Path]) {
    const RuleInfo *Rule = findRule(F.Rule);
    int64_t Row = static_cast<int64_t>(F.Loc.Line) - 1;
    if (!Rule || Row < *FirstLine || Row > *LastLine ||
        !Offered.insert({F.Loc.Line, Rule->Code.str()}).second)
      continue;
    llvm::StringRef Line = lineOf(Text, Row);
    if (!acceptsTrailingComment(Line))
      continue;
    // Into an existing '# noqa: ...' list, else a new comment at the end.
    size_t Column;
    std::string Insert;
    if (std::optional<python::NoqaComment> Noqa = python::findNoqa(Line)) {
      // A bare '# noqa' (or an empty list) already silences every rule.
      if (!Noqa->HasList || Noqa->Codes == SuppressionList{"*"})
        continue;
      Column = Noqa->ListEnd;
      Insert = ", " + Rule->Code.str();
    } else {
      Column = Line.rtrim().size();
      Insert = "  # noqa: " + Rule->Code.str();
    }
    llvm::json::Array Edits;
    Edits.push_back(llvm::json::Object{
        {"range",
         llvm::json::Object{
             {"start", lspPosition(Text, F.Loc.Line, Column + 1)},
             {"end", lspPosition(Text, F.Loc.Line, Column + 1)}}},
        {"newText", std::move(Insert)}});
    llvm::json::Object Changes;
    Changes[*Uri] = std::move(Edits);
    Actions.push_back(llvm::json::Object{
        {"title", "Suppress " + Rule->Code.str() + " on this line (# noqa)"},
        {"kind", "quickfix"},
        {"diagnostics", llvm::json::Array{diagnostic(F)}},
        {"edit", llvm::json::Object{{"changes", std::move(Changes)}}},
    });
  }
  return llvm::json::Value(std::move(Actions));
}

} // namespace lsp
} // namespace spawnguard

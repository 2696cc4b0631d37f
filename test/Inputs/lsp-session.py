#!/usr/bin/env python3
"""A small LSP client for tests: drives a language server over stdio.

Usage:
  lsp-session.py --root DIR [--timeout SECONDS] [--print-logs]
                 [--print-code-links] [--print-stderr] [--init-options JSON]
                 [--no-initialize] [--end=exit|eof|exit-without-shutdown]
                 STEP... -- SERVER [ARGS...]

Steps, run in order:
  open:FILE               didOpen FILE (relative to DIR) with its contents
  change:FILE=SOURCE      didChange FILE to the contents of SOURCE (full text)
  insert:FILE@L:C=TEXT    didChange FILE with an incremental edit inserting
                          TEXT (backslash escapes decoded) at 1-based line L,
                          column C (UTF-16 units)
  save:FILE               didSave FILE
  close:FILE              didClose FILE
  actions:FILE@L          request the code actions for line L and print them
  fix:FILE@L              apply the first code action for line L as an
                          incremental didChange
  request:METHOD          send a request, print its result or error
  notify:METHOD           send a notification
  unwaited-insert:FILE@L  didChange inserting 'x' at line L of FILE without
                          waiting for diagnostics (for changes the server
                          must ignore: FILE not open, L past the end)
  send:BYTES              write BYTES (backslash escapes decoded, e.g.
                          '\r\n', '\xff') to the server as they are
  initialize              the initialize request (with --no-initialize)

After each open, change, insert, save and fix, the client waits for the
publishDiagnostics of that document version and prints them in a stable,
FileCheck-friendly form (1-based lines and columns, paths relative to DIR):

  diagnostics FILE version N: COUNT
    LINE:COL: SEVERITY: MESSAGE [CODE]
      related PATH:LINE:COL: MESSAGE

The session ends with shutdown and exit (or as --end says); the client then
prints the server's exit status. With --print-logs, window/logMessage
notifications are printed as 'log TYPE: MESSAGE' when they arrive; with
--print-code-links, each diagnostic's codeDescription as 'docs URL'; error
responses to no request (id null) are always printed. With --print-stderr,
the server's stderr follows the exit status, as 'stderr: LINE'. Any protocol violation (a response with an error, no
diagnostics within the timeout, a server that dies) is printed as
'lsp-session: error: ...' with exit status 1.
"""

import argparse
import json
import os
import queue
import subprocess
import sys
import threading
import time
from urllib.parse import unquote, urlparse

SEVERITIES = {1: "error", 2: "warning", 3: "information", 4: "hint"}
PRINT_CODE_LINKS = False


class SessionError(Exception):
    pass


class LspClient:
    def __init__(self, command, cwd):
        self.proc = subprocess.Popen(
            command, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE)
        self.messages = queue.Queue()
        self.next_id = 1
        self.stderr_lines = []
        self.print_logs = False
        threading.Thread(target=self._read_stdout, daemon=True).start()
        self.stderr_reader = threading.Thread(target=self._read_stderr,
                                              daemon=True)
        self.stderr_reader.start()

    # Transport -----------------------------------------------------------
    def _read_stdout(self):
        stream = self.proc.stdout
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value.strip())
            if length is None:
                self.messages.put({"__error__": "message without Content-Length"})
                continue
            body = stream.read(length)
            try:
                self.messages.put(json.loads(body))
            except ValueError as e:
                self.messages.put({"__error__": "bad JSON from server: %s" % e})

    def _read_stderr(self):
        for line in self.proc.stderr:
            self.stderr_lines.append(line.decode("utf-8", "replace"))

    def send(self, payload):
        payload["jsonrpc"] = "2.0"
        body = json.dumps(payload).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method, params):
        self.send({"method": method, "params": params})

    def request(self, method, params, timeout, allow_error=False):
        request_id = self.next_id
        self.next_id += 1
        self.send({"id": request_id, "method": method, "params": params})
        return self.wait_for(
            lambda m: m.get("id") == request_id and "method" not in m,
            timeout, "a response to '%s'" % method, allow_error)

    def shutdown(self, timeout):
        """shutdown and exit; returns the server's exit status."""
        self.request("shutdown", None, timeout)
        self.notify("exit", None)
        return self.proc.wait(timeout=timeout)

    def kill(self):
        """Ends a server that is still running (after a failed session)."""
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def wait_for(self, predicate, timeout, what, allow_error=False):
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise SessionError("timed out after %ss waiting for %s"
                                   % (timeout, what))
            try:
                message = self.messages.get(timeout=remaining)
            except queue.Empty:
                continue
            if message is None:
                raise SessionError("server closed its output while waiting "
                                   "for %s" % what)
            if "__error__" in message:
                raise SessionError(message["__error__"])
            # Requests from the server (e.g. window/workDoneProgress/create)
            # get an empty success, as a real editor would answer.
            if "method" in message and "id" in message:
                self.send({"id": message["id"], "result": None})
                continue
            if message.get("method") == "window/logMessage":
                if self.print_logs:
                    print("log %s: %s" % (message["params"]["type"],
                                          message["params"]["message"]))
                continue
            if "id" in message and message["id"] is None:
                print("error response %d: %s" % (message["error"]["code"],
                                                 message["error"]["message"]))
                continue
            if predicate(message):
                if "error" in message and not allow_error:
                    raise SessionError("error response: %s"
                                       % json.dumps(message["error"]))
                return message


def uri_for(path):
    return "file://" + os.path.abspath(path)


def path_for(uri, root):
    path = unquote(urlparse(uri).path)
    rel = os.path.relpath(path, root)
    return path if rel.startswith("..") else rel


def language_of(path):
    if path.endswith(".py"):
        return "python"
    return "c" if path.endswith(".c") else "cpp"


def parse_target(spec):
    """'FILE@L' or 'FILE@L:C' -> (FILE, L, C)."""
    name, _, where = spec.rpartition("@")
    line, _, col = where.partition(":")
    return name, int(line), int(col or 1)


def apply_edits(text, edits):
    """Applies LSP text edits (UTF-16 positions, ASCII assumed) to text."""
    lines = text.split("\n")
    def offset(pos):
        return sum(len(l) + 1 for l in lines[:pos["line"]]) + pos["character"]
    for e in sorted(edits, key=lambda e: offset(e["range"]["start"]),
                    reverse=True):
        start, end = offset(e["range"]["start"]), offset(e["range"]["end"])
        text = text[:start] + e["newText"] + text[end:]
    return text


def print_diagnostics(name, version, params, root):
    diagnostics = params.get("diagnostics", [])
    print("diagnostics %s version %s: %d" % (name, version, len(diagnostics)))
    for d in sorted(diagnostics, key=lambda d: (d["range"]["start"]["line"],
                                                d["range"]["start"]["character"],
                                                d.get("message", ""))):
        start = d["range"]["start"]
        code = d.get("code")
        print("  %d:%d: %s: %s%s" % (
            start["line"] + 1, start["character"] + 1,
            SEVERITIES.get(d.get("severity"), "?"), d["message"],
            " [%s]" % code if code else ""))
        if PRINT_CODE_LINKS and "codeDescription" in d:
            print("    docs %s" % d["codeDescription"]["href"])
        for info in d.get("relatedInformation", []):
            loc = info["location"]
            rstart = loc["range"]["start"]
            print("    related %s:%d:%d: %s" % (
                path_for(loc["uri"], root), rstart["line"] + 1,
                rstart["character"] + 1, info["message"]))
    sys.stdout.flush()


def run(args):
    global PRINT_CODE_LINKS
    PRINT_CODE_LINKS = args.print_code_links
    root = os.path.abspath(args.root)
    client = LspClient(args.server, root)
    client.print_logs = args.print_logs
    versions = {}
    texts = {}

    def initialize():
        init = client.request("initialize", {
            "processId": os.getpid(),
            "rootUri": uri_for(root),
            "initializationOptions": json.loads(args.init_options),
            "capabilities": {
                "textDocument": {
                    "publishDiagnostics": {"relatedInformation": True,
                                           "versionSupport": True},
                },
            },
        }, args.timeout)
        print("initialized: %s" % init["result"].get("serverInfo", {})
              .get("name", "?"))
        client.notify("initialized", {})

    def code_actions(name, line):
        response = client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri_for(os.path.join(root, name))},
            "range": {"start": {"line": line - 1, "character": 0},
                      "end": {"line": line - 1, "character": 0}},
            "context": {"diagnostics": []}}, args.timeout)
        return response["result"]

    try:
        if not args.no_initialize:
            initialize()

        for step in args.steps:
            kind, _, spec = step.partition(":")
            if kind == "initialize":
                initialize()
                continue
            if kind == "close":
                client.notify("textDocument/didClose",
                              {"textDocument": {"uri": uri_for(
                                  os.path.join(root, spec))}})
                print("closed %s" % spec)
                continue
            if kind == "request":
                response = client.request(spec, {}, args.timeout,
                                          allow_error=True)
                if "error" in response:
                    print("response to %s: error %d: %s" % (
                        spec, response["error"]["code"],
                        response["error"]["message"]))
                else:
                    print("response to %s: %s" % (
                        spec, json.dumps(response.get("result"))))
                continue
            if kind == "notify":
                client.notify(spec, {})
                continue
            if kind == "send":
                client.proc.stdin.write(
                    spec.encode().decode("unicode_escape").encode("latin-1"))
                client.proc.stdin.flush()
                continue
            if kind == "unwaited-insert":
                name, line, col = parse_target(spec)
                position = {"line": line - 1, "character": col - 1}
                client.notify("textDocument/didChange", {
                    "textDocument": {"uri": uri_for(os.path.join(root, name)),
                                     "version": 99},
                    "contentChanges": [{"range": {"start": position,
                                                  "end": position},
                                        "text": "x"}]})
                continue
            if kind == "actions":
                name, line, _ = parse_target(spec)
                for action in code_actions(name, line):
                    print("action %s [%s]" % (action["title"], action["kind"]))
                    for uri, edits in sorted(action["edit"]["changes"].items()):
                        for e in edits:
                            start = e["range"]["start"]
                            print("  edit %s:%d:%d: insert %s" % (
                                path_for(uri, root), start["line"] + 1,
                                start["character"] + 1,
                                json.dumps(e["newText"])))
                continue

            changes = None
            if kind == "open":
                name, source = spec, spec
            elif kind == "change":
                name, _, source = spec.partition("=")
            elif kind == "insert":
                target, _, inserted = spec.partition("=")
                name, line, col = parse_target(target)
                inserted = inserted.encode().decode("unicode_escape")
                position = {"line": line - 1, "character": col - 1}
                changes = [{"range": {"start": position, "end": position},
                            "text": inserted}]
                texts[name] = apply_edits(texts[name], [
                    {"range": {"start": position, "end": position},
                     "newText": inserted}])
            elif kind == "save":
                name = spec
            elif kind == "fix":
                name, line, _ = parse_target(spec)
                actions = code_actions(name, line)
                if not actions:
                    raise SessionError("no code action for %s" % spec)
                edits = actions[0]["edit"]["changes"][uri_for(
                    os.path.join(root, name))]
                texts[name] = apply_edits(texts[name], edits)
                changes = [{"range": e["range"], "text": e["newText"]}
                           for e in edits]
                print("applied: %s" % actions[0]["title"])
            else:
                raise SessionError("unknown step '%s'" % step)
            path = os.path.join(root, name)
            uri = uri_for(path)
            if kind in ("open", "change"):
                with open(os.path.join(root, source), encoding="utf-8") as f:
                    texts[name] = f.read()
                changes = [{"text": texts[name]}]
            if kind != "save":
                versions[name] = versions.get(name, 0) + 1
            version = versions[name]
            if kind == "open":
                client.notify("textDocument/didOpen", {"textDocument": {
                    "uri": uri, "languageId": language_of(name),
                    "version": version, "text": texts[name]}})
            elif kind == "save":
                client.notify("textDocument/didSave",
                              {"textDocument": {"uri": uri}})
            else:
                client.notify("textDocument/didChange", {
                    "textDocument": {"uri": uri, "version": version},
                    "contentChanges": changes})
            message = client.wait_for(
                lambda m: m.get("method") == "textDocument/publishDiagnostics"
                and m["params"]["uri"] == uri
                and m["params"].get("version", version) == version,
                args.timeout, "diagnostics for %s version %d" % (name, version))
            print_diagnostics(name, version, message["params"], root)

        if args.end == "eof":
            client.proc.stdin.close()
        else:
            if args.end == "exit":
                client.request("shutdown", None, args.timeout)
            client.notify("exit", None)
        status = client.proc.wait(timeout=args.timeout)
        print("server exited with status %d" % status)
        if args.print_stderr:
            client.stderr_reader.join(args.timeout)
            for line in client.stderr_lines:
                print("stderr: %s" % line.rstrip("\n"))
        return 0
    except (SessionError, subprocess.TimeoutExpired, OSError) as e:
        print("lsp-session: error: %s" % e)
        if client.stderr_lines:
            print("server stderr (last lines):")
            sys.stdout.writelines(client.stderr_lines[-20:])
        return 1
    finally:
        client.kill()


def main():
    argv = sys.argv[1:]
    if "--" not in argv:
        sys.exit(__doc__)
    split = argv.index("--")
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", required=True)
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--print-logs", action="store_true")
    parser.add_argument("--print-code-links", action="store_true")
    parser.add_argument("--print-stderr", action="store_true")
    parser.add_argument("--init-options", default="{}")
    parser.add_argument("--no-initialize", action="store_true")
    parser.add_argument("--end", default="exit",
                        choices=["exit", "eof", "exit-without-shutdown"])
    parser.add_argument("steps", nargs="*")
    args = parser.parse_args(argv[:split])
    args.server = argv[split + 1:]
    sys.exit(run(args))


if __name__ == "__main__":
    main()

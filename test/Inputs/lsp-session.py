#!/usr/bin/env python3
"""A small LSP client for tests: drives a language server over stdio.

Usage:
  lsp-session.py --root DIR [--timeout SECONDS] STEP... -- SERVER [ARGS...]

Steps, run in order:
  open:FILE               didOpen FILE (relative to DIR) with its contents
  change:FILE=SOURCE      didChange FILE to the contents of SOURCE (full text)
  close:FILE              didClose FILE

After each open or change the client waits for the publishDiagnostics of
that document version and prints them in a stable, FileCheck-friendly form
(1-based lines and columns, paths relative to DIR):

  diagnostics FILE version N: COUNT
    LINE:COL: SEVERITY: MESSAGE [CODE]
      related PATH:LINE:COL: MESSAGE

The session always ends with shutdown and exit; the client then prints the
server's exit status. Any protocol violation (a response with an error, no
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
        threading.Thread(target=self._read_stdout, daemon=True).start()
        threading.Thread(target=self._read_stderr, daemon=True).start()

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

    def request(self, method, params, timeout):
        request_id = self.next_id
        self.next_id += 1
        self.send({"id": request_id, "method": method, "params": params})
        return self.wait_for(
            lambda m: m.get("id") == request_id and "method" not in m,
            timeout, "a response to '%s'" % method)

    def wait_for(self, predicate, timeout, what):
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
            if predicate(message):
                if "error" in message:
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
    return "c" if path.endswith(".c") else "cpp"


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
        for info in d.get("relatedInformation", []):
            loc = info["location"]
            rstart = loc["range"]["start"]
            print("    related %s:%d:%d: %s" % (
                path_for(loc["uri"], root), rstart["line"] + 1,
                rstart["character"] + 1, info["message"]))
    sys.stdout.flush()


def run(args):
    root = os.path.abspath(args.root)
    client = LspClient(args.server, root)
    versions = {}
    try:
        init = client.request("initialize", {
            "processId": os.getpid(),
            "rootUri": uri_for(root),
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

        for step in args.steps:
            kind, _, spec = step.partition(":")
            if kind == "open":
                name, source = spec, spec
            elif kind == "change":
                name, _, source = spec.partition("=")
            elif kind == "close":
                client.notify("textDocument/didClose",
                              {"textDocument": {"uri": uri_for(
                                  os.path.join(root, spec))}})
                print("closed %s" % spec)
                continue
            else:
                raise SessionError("unknown step '%s'" % step)
            path = os.path.join(root, name)
            uri = uri_for(path)
            with open(os.path.join(root, source), encoding="utf-8") as f:
                text = f.read()
            versions[name] = versions.get(name, 0) + 1
            version = versions[name]
            if kind == "open":
                client.notify("textDocument/didOpen", {"textDocument": {
                    "uri": uri, "languageId": language_of(name),
                    "version": version, "text": text}})
            else:
                client.notify("textDocument/didChange", {
                    "textDocument": {"uri": uri, "version": version},
                    "contentChanges": [{"text": text}]})
            message = client.wait_for(
                lambda m: m.get("method") == "textDocument/publishDiagnostics"
                and m["params"]["uri"] == uri
                and m["params"].get("version", version) == version,
                args.timeout, "diagnostics for %s version %d" % (name, version))
            print_diagnostics(name, version, message["params"], root)

        client.request("shutdown", None, args.timeout)
        client.notify("exit", None)
        status = client.proc.wait(timeout=args.timeout)
        print("server exited with status %d" % status)
        return 0
    except (SessionError, subprocess.TimeoutExpired, OSError) as e:
        print("lsp-session: error: %s" % e)
        if client.stderr_lines:
            print("server stderr (last lines):")
            sys.stdout.writelines(client.stderr_lines[-20:])
        return 1
    finally:
        if client.proc.poll() is None:
            client.proc.kill()
            client.proc.wait()


def main():
    argv = sys.argv[1:]
    if "--" not in argv:
        sys.exit(__doc__)
    split = argv.index("--")
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", required=True)
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("steps", nargs="*")
    args = parser.parse_args(argv[:split])
    args.server = argv[split + 1:]
    sys.exit(run(args))


if __name__ == "__main__":
    main()

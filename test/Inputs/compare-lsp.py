#!/usr/bin/env python3
"""Compares the findings of 'spawnguard lsp' with the CLI's.

  compare-lsp.py --spawnguard BIN ITEM...

Each ITEM is a Python test of the corpus: a '.py' file (its first RUN line
that runs '%spawnguard %s' gives the --sink options), a '.test' file
holding a split-file project, or a directory. Each is copied into a directory of its own;
the CLI analyses that directory, and a language server session with the
directory as its workspace opens every '.py' file in it. The diagnostics
published for all of them must equal the CLI's findings, note for note.

Prints one summary line, and every difference; exits 1 on any.
"""

import argparse
import importlib.util
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location(
    "lsp_session", os.path.join(HERE, "lsp-session.py"))
lsp_session = importlib.util.module_from_spec(spec)
spec.loader.exec_module(lsp_session)

DIAG = re.compile(r"^(?P<file>[^\s:][^:]*):(?P<line>\d+):(?P<col>\d+): "
                  r"(?P<kind>warning|note|error): (?P<msg>.*)$")


def cli_findings(spawnguard, directory, sinks):
    proc = subprocess.run([spawnguard, directory] + ["--sink=" + s for s in sinks],
                          cwd=directory, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True)
    findings = []
    for line in proc.stdout.splitlines():
        m = DIAG.match(line)
        if not m:
            continue
        # The server gives the rule as the diagnostic's code instead.
        message = re.sub(r" \[spawnguard-[a-z-]+\]$", "", m.group("msg"))
        item = "%s:%s:%s: %s" % (os.path.normpath(os.path.join(
            directory, m.group("file"))), m.group("line"), m.group("col"),
            message)
        if m.group("kind") == "warning":
            findings.append([item])
        elif m.group("kind") == "note" and findings:
            findings[-1].append(item)
        else:
            findings.append(["error: " + item])
    return {tuple(f) for f in findings}


def byte_column(path, line, character):
    """The 1-based byte column of an LSP (UTF-16) position."""
    with open(path, encoding="utf-8") as f:
        text = f.read().split("\n")[line]
    prefix, units = "", 0
    for ch in text:
        if units >= character:
            break
        units += 2 if ord(ch) > 0xFFFF else 1
        prefix += ch
    return len(prefix.encode("utf-8")) + 1


def point(uri, start):
    path = lsp_session.unquote(lsp_session.urlparse(uri).path)
    return "%s:%d:%d" % (path, start["line"] + 1,
                         byte_column(path, start["line"], start["character"]))


def lsp_findings(spawnguard, directory, files, sinks, timeout):
    client = lsp_session.LspClient([spawnguard, "lsp"], directory)
    findings = set()
    try:
        client.request("initialize", {
            "processId": os.getpid(),
            "rootUri": lsp_session.uri_for(directory),
            "initializationOptions": {"sinks": sinks},
            "capabilities": {}}, timeout)
        client.notify("initialized", {})
        for path in files:
            with open(path, encoding="utf-8") as f:
                text = f.read()
            client.notify("textDocument/didOpen", {"textDocument": {
                "uri": lsp_session.uri_for(path), "languageId": "python",
                "version": 1, "text": text}})
        # One publication per document; later ones replace earlier ones.
        latest = {}
        while set(latest) != {lsp_session.uri_for(p) for p in files}:
            m = client.wait_for(
                lambda m: m.get("method") == "textDocument/publishDiagnostics",
                timeout, "diagnostics")
            latest[m["params"]["uri"]] = m["params"]["diagnostics"]
        client.shutdown(timeout)
    finally:
        client.kill()
    for uri, diagnostics in latest.items():
        for d in diagnostics:
            finding = ["%s: %s" % (point(uri, d["range"]["start"]),
                                   d["message"])]
            for info in d.get("relatedInformation", []):
                finding.append("%s: %s" % (point(info["location"]["uri"],
                                                 info["location"]["range"]["start"]),
                                           info["message"]))
            findings.add(tuple(finding))
    return findings


def sinks_of(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.search(r"RUN:.*%spawnguard %s(.*?)2>&1", line)
            if m and "--checks" not in m.group(1):
                return [w.split("=", 1)[1] for w in shlex.split(m.group(1))
                        if w.startswith("--sink=")]
    return []


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--spawnguard", required=True)
    parser.add_argument("--splitter", default="split-file")
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("items", nargs="+")
    args = parser.parse_args()
    differences, total = [], 0
    with tempfile.TemporaryDirectory() as scratch:
        for n, item in enumerate(args.items):
            directory = os.path.join(scratch, str(n))
            os.makedirs(directory)
            if os.path.isdir(item):
                shutil.copytree(item, directory, dirs_exist_ok=True)
                sinks = []
            elif item.endswith(".py"):
                with open(item, encoding="utf-8") as f, open(
                        os.path.join(directory, os.path.basename(item)), "w",
                        encoding="utf-8") as out:
                    out.write(f.read())
                sinks = sinks_of(item)
            else:
                subprocess.run([args.splitter, item, directory], check=True)
                sinks = []
            files = sorted(os.path.join(d, f)
                           for d, _, names in os.walk(directory)
                           for f in names if f.endswith(".py"))
            cli = cli_findings(args.spawnguard, directory, sinks)
            lsp = lsp_findings(args.spawnguard, directory, files, sinks,
                               args.timeout)
            total += len(cli)
            for f in sorted(cli - lsp):
                differences.append("only the CLI reports (%s):\n  " % item
                                   + "\n  ".join(f))
            for f in sorted(lsp - cli):
                differences.append("only the server reports (%s):\n  " % item
                                   + "\n  ".join(f))
    for d in differences:
        print(d)
    print("python corpus: %d items, %d CLI findings, %d differences"
          % (len(args.items), total, len(differences)))
    sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()

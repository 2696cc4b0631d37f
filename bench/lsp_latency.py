#!/usr/bin/env python3
"""Measures how fast 'spawnguard lsp' answers an edit with diagnostics.

Usage: bench/lsp_latency.py SPAWNGUARD [--lines N] [--modules M] [--edits E]

Generates a workspace: a package of M modules (about 90 lines each, chained
by imports, the last one spawning a pool) and a main.py of N lines that
calls into the package at module level, so every analysis follows a chain
through all M modules. It opens main.py, then makes E edits, alternating
between typing a line and deleting it (incremental didChange, one at a
time), and prints the time from each didChange to the publishDiagnostics
of that version: median and max, in milliseconds, and the server's CPU time
per edit (on a shared machine, the wall time includes waiting for a core).
The target is under 100 ms for a 5,000-line file.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "test", "Inputs"))
import importlib.util  # noqa: E402

spec = importlib.util.spec_from_file_location(
    "lsp_session", os.path.join(sys.path[0], "lsp-session.py"))
lsp_session = importlib.util.module_from_spec(spec)
spec.loader.exec_module(lsp_session)


def generate(root, lines, modules):
    pkg = os.path.join(root, "pkg")
    os.makedirs(pkg)
    open(os.path.join(pkg, "__init__.py"), "w").close()
    for i in range(modules):
        body = ["import multiprocessing", "import os", ""]
        if i:
            body.append("from pkg.mod%d import helper_%d" % (i - 1, i - 1))
        for j in range(20):
            body += ["def f_%d_%d(x):" % (i, j), "    y = x + %d" % j,
                     "    return os.path.join(str(y), 'a')", ""]
        body += ["def helper_%d():" % i,
                 "    return helper_%d()" % (i - 1) if i
                 else "    return multiprocessing.Pool(2)", ""]
        with open(os.path.join(pkg, "mod%d.py" % i), "w") as f:
            f.write("\n".join(body) + "\n")
    main = ["import multiprocessing"]
    if modules:
        main.append("from pkg.mod%d import helper_%d" % (modules - 1,
                                                          modules - 1))
    k = 0
    while len(main) < lines - 4:
        main += ["def work_%d(items):" % k, "    total = 0",
                 "    for item in items:", "        total += len(str(item))",
                 "    return total", ""]
        k += 1
    main += ["helper_%d()" % (modules - 1) if modules
             else "multiprocessing.Pool()",
             'if __name__ == "__main__":', "    work_0([1])"]
    text = "\n".join(main) + "\n"
    with open(os.path.join(root, "main.py"), "w") as f:
        f.write(text)
    return text


def cpu_seconds(pid):
    """User plus system CPU time of a process so far (Linux /proc)."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("spawnguard")
    parser.add_argument("--lines", type=int, default=5000)
    parser.add_argument("--modules", type=int, default=20)
    parser.add_argument("--edits", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as root:
        text = generate(root, args.lines, args.modules)
        uri = lsp_session.uri_for(os.path.join(root, "main.py"))
        client = lsp_session.LspClient(
            [os.path.abspath(args.spawnguard), "lsp"], root)
        timeout = 120

        def diagnostics(version):
            return client.wait_for(
                lambda m: m.get("method") == "textDocument/publishDiagnostics"
                and m["params"]["uri"] == uri
                and m["params"].get("version") == version,
                timeout, "diagnostics of version %d" % version)

        try:
            client.request("initialize", {
                "processId": os.getpid(), "rootUri": lsp_session.uri_for(root),
                "capabilities": {}}, timeout)
            client.notify("initialized", {})
            start = time.perf_counter()
            client.notify("textDocument/didOpen", {"textDocument": {
                "uri": uri, "languageId": "python", "version": 1,
                "text": text}})
            found = len(diagnostics(1)["params"]["diagnostics"])
            opened = time.perf_counter() - start
            line = text.count("\n") - 3  # Before the module-level call.
            times, cpu_times = [], []
            for version in range(2, args.edits + 2):
                position = {"line": line, "character": 0}
                if version % 2 == 0:
                    change = {"range": {"start": position, "end": position},
                              "text": "x = [i for i in range(3)]\n"}
                else:
                    end = {"line": line + 1, "character": 0}
                    change = {"range": {"start": position, "end": end},
                              "text": ""}
                cpu = cpu_seconds(client.proc.pid)
                start = time.perf_counter()
                client.notify("textDocument/didChange", {
                    "textDocument": {"uri": uri, "version": version},
                    "contentChanges": [change]})
                diagnostics(version)
                times.append((time.perf_counter() - start) * 1000)
                cpu_times.append((cpu_seconds(client.proc.pid) - cpu) * 1000)
            client.shutdown(timeout)
        finally:
            client.kill()
    print("workspace: main.py of %d lines, %d modules; %d finding(s); "
          "didOpen to diagnostics %.1f ms"
          % (args.lines, args.modules, found, opened * 1000))
    print("didChange to publishDiagnostics over %d edits: median %.1f ms, "
          "max %.1f ms (target < 100 ms)"
          % (len(times), statistics.median(times), max(times)))
    # On a loaded machine the wall time includes waiting for a core; the
    # server's own CPU time per edit is what a free core would take.
    print("server CPU time per edit: median %.1f ms, max %.1f ms "
          "(clock ticks of %.0f ms)"
          % (statistics.median(cpu_times), max(cpu_times),
             1000 / os.sysconf("SC_CLK_TCK")))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Compares the findings of the clang-tidy plugin with the CLI's.

  compare-doors.py --spawnguard BIN --clang-tidy BIN --plugin SO corpus FILE...
  compare-doors.py ... project BUILD_DIR

corpus: each FILE is a single-unit lit test; its first RUN line that runs
'%spawnguard %s' gives the CLI options (--sink) and the compiler arguments.
The CLI and the plugin must report the same findings, note for note.

project: BUILD_DIR holds a compile_commands.json. The CLI analyses the whole
program; every unit is extracted into a facts index, and the plugin runs on
each unit with that index. The union of the plugin's findings must equal the
CLI's findings whose root is in a unit's main file. Findings rooted in a
header are counted separately: the plugin reports a root only in the unit
whose main file holds it (see docs/clang-tidy-plugin.md).

Prints one summary line per mode, and every difference; exits 1 on any.
"""

import argparse
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

DIAG = re.compile(r"^(?P<file>[^\s:][^:]*):(?P<line>\d+):(?P<col>\d+): "
                  r"(?P<kind>warning|note|error): (?P<msg>.*)$")


def parse(output, cwd):
    """Findings as tuples: (warning, note, note, ...), each a location+text."""
    findings, errors = [], []
    for line in output.splitlines():
        m = DIAG.match(line)
        if not m:
            continue
        path = os.path.normpath(os.path.join(cwd, m.group("file")))
        item = "%s:%s:%s: %s" % (path, m.group("line"), m.group("col"),
                                 m.group("msg"))
        if m.group("kind") == "error":
            errors.append(item)
        elif m.group("kind") == "warning":
            # The plugin gives a root that reaches several calls one warning
            # with every trace; the CLI repeats the warning per call.
            if not (findings and findings[-1][0] == item):
                findings.append([item])
        elif findings:
            findings[-1].append(item)
    return [tuple(f) for f in findings], errors


def run(cmd, cwd):
    proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True)
    return proc.stdout


def tidy_config(sinks, index=None):
    options = {}
    if sinks:
        options["Sinks"] = ";".join(sinks)
    if index:
        options["FactsIndex"] = index
    return json.dumps({"Checks": "-*,spawnguard-*", "CheckOptions": options})


def run_line(path):
    """CLI options and compiler args from the first '%spawnguard %s' RUN."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.search(r"RUN:.*%spawnguard %s(.*?)2>&1", line)
            if not m or "--checks" in m.group(1):
                continue
            words = shlex.split(m.group(1).replace("%S", os.path.dirname(path)))
            split = words.index("--")
            return words[:split], words[split + 1:]
    return None


def report(differences, summary):
    for d in differences:
        print(d)
    print(summary)
    return 1 if differences else 0


def corpus(args):
    differences, total, files = [], 0, 0
    for path in args.files:
        path = os.path.abspath(path)
        parsed = run_line(path)
        if parsed is None:
            continue
        options, compiler_args = parsed
        sinks = [o.split("=", 1)[1] for o in options if o.startswith("--sink=")]
        cwd = os.path.dirname(path)
        cli, cli_errors = parse(run([args.spawnguard, path, *options, "--",
                                     *compiler_args], cwd), cwd)
        tidy, tidy_errors = parse(run([args.clang_tidy, "--load=" + args.plugin,
                                       "--config=" + tidy_config(sinks), path,
                                       "--", *compiler_args], cwd), cwd)
        files += 1
        total += len(cli)
        for e in cli_errors + tidy_errors:
            differences.append("error in %s: %s" % (path, e))
        for f in sorted(set(cli) - set(tidy)):
            differences.append("only the CLI reports:\n  " + "\n  ".join(f))
        for f in sorted(set(tidy) - set(cli)):
            differences.append("only the plugin reports:\n  " + "\n  ".join(f))
    return report(differences, "corpus: %d files, %d CLI findings, %d "
                  "differences" % (files, total, len(differences)))


def project(args):
    build = os.path.abspath(args.files[0])
    with open(os.path.join(build, "compile_commands.json")) as f:
        entries = json.load(f)
    units = []
    for e in entries:
        file = os.path.normpath(os.path.join(e["directory"], e["file"]))
        words = e.get("arguments") or shlex.split(e["command"])
        # The compiler arguments, without the compiler, inputs and outputs.
        compiler_args, skip = [], False
        for w in words[1:]:
            if skip:
                skip = False
            elif w == "-o":
                skip = True
            elif w != "-c" and os.path.normpath(
                    os.path.join(e["directory"], w)) != file:
                compiler_args.append(w)
        units.append((file, e["directory"], compiler_args))

    cli, cli_errors = parse(run([args.spawnguard, "-p", build], build), build)
    with tempfile.TemporaryDirectory() as index:
        tidy, tidy_errors = set(), []
        for i, (file, directory, compiler_args) in enumerate(units):
            out = os.path.join(index, str(i))
            run([args.spawnguard, "extract", "-q", "--no-cache", "-o", out,
                 file, "--", *compiler_args], directory)
        for file, directory, _ in units:
            found, errors = parse(run([args.clang_tidy, "--load=" + args.plugin,
                                       "--config=" + tidy_config([], index),
                                       "-p", build, file], directory), directory)
            tidy.update(found)
            tidy_errors += errors

    main_files = {file for file, _, _ in units}
    in_main = {f for f in cli
               if re.match(r"(.*?):\d+:\d+: ", f[0]).group(1) in main_files}
    in_header = [f for f in cli if f not in in_main]
    differences = ["error: " + e for e in cli_errors + tidy_errors]
    for f in sorted(in_main - tidy):
        differences.append("only the CLI reports:\n  " + "\n  ".join(f))
    for f in sorted(tidy - in_main):
        differences.append("only the plugin reports:\n  " + "\n  ".join(f))
    return report(differences, "project: %d units, %d CLI findings (%d rooted "
                  "in headers), %d differences"
                  % (len(units), len(cli), len(in_header), len(differences)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--spawnguard", required=True)
    parser.add_argument("--clang-tidy", required=True)
    parser.add_argument("--plugin", required=True)
    parser.add_argument("mode", choices=["corpus", "project"])
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    sys.exit(corpus(args) if args.mode == "corpus" else project(args))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora from the project's own test inputs.

Nothing here is committed: the seeds are derived from test/ and examples/
each time, so they follow the tests as they change.

  PythonFrontEndFuzzer  every .py file under test/ and examples/, every .py
                        section of a split-file test, and each split-file
                        test's .py sections together in the fuzzer's
                        multi-module form ('#--- pkg/mod.py' lines)
  ConfigFuzzer          every .spawnguard.yaml section of a split-file test
  FactsReaderFuzzer     facts files written by 'spawnguard extract' from the
                        C++ test inputs (needs --spawnguard, a built CLI)

Usage: make-seeds.py --source <repo> --out <dir> [--spawnguard <binary>]
"""

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile

# split-file's markers: '//--- name' in C and C++ tests, '#--- name' in the
# others.
MARKER = re.compile(r"^(?://|#)--- (\S+)\s*$")


def split_sections(text):
    """The (name, text) sections of a split-file test, in order."""
    sections = []
    name, lines = None, []
    for line in text.splitlines(keepends=True):
        match = MARKER.match(line)
        if match:
            if name is not None:
                sections.append((name, "".join(lines)))
            name, lines = match.group(1), []
        elif name is not None:
            lines.append(line)
    if name is not None:
        sections.append((name, "".join(lines)))
    return sections


def test_files(source):
    for top in ("test", "examples"):
        for root, dirs, files in os.walk(os.path.join(source, top)):
            dirs[:] = sorted(d for d in dirs if d != "build")
            for name in sorted(files):
                yield os.path.join(root, name)


class Corpus:
    def __init__(self, directory):
        self.directory = directory
        # Start afresh, so seeds of tests that changed or went do not stay.
        shutil.rmtree(directory, ignore_errors=True)
        os.makedirs(directory)

    def add(self, data):
        if isinstance(data, str):
            data = data.encode("utf-8", "surrogateescape")
        name = hashlib.sha1(data).hexdigest()
        path = os.path.join(self.directory, name)
        if not os.path.exists(path):
            with open(path, "wb") as f:
                f.write(data)


def read(path):
    with open(path, "rb") as f:
        return f.read().decode("utf-8", "surrogateescape")


def python_and_config_seeds(source, python, config, scanner):
    """`python` takes modules and groups of modules, `scanner` single
    modules, `config` configuration files."""
    for path in test_files(source):
        if path.endswith(".py"):
            python.add(read(path))
            scanner.add(read(path))
            continue
        try:
            sections = split_sections(read(path))
        except OSError:
            continue
        modules = [(n, t) for n, t in sections if n.endswith(".py")]
        for name, text in sections:
            if name.endswith(".py"):
                python.add(text)
                scanner.add(text)
            elif os.path.basename(name) == ".spawnguard.yaml":
                config.add(text)
        if len(modules) > 1:
            python.add("".join("#--- %s\n%s" % m for m in modules))


def cpp_groups(source):
    """Groups of C++ files to extract together, each in its own directory:
    a split-file test's sections, or one plain test file."""
    for path in test_files(source):
        if not path.endswith((".cpp", ".test")):
            continue
        sections = split_sections(read(path))
        cpp = [(n, t) for n, t in sections if n.endswith((".cpp", ".h", ".c"))]
        if cpp:
            yield cpp
        elif path.endswith(".cpp") and not sections:
            yield [(os.path.basename(path), read(path))]


def facts_seeds(source, spawnguard, facts):
    with tempfile.TemporaryDirectory(prefix="spawnguard-seeds-") as work:
        for index, group in enumerate(cpp_groups(source)):
            directory = os.path.join(work, str(index))
            units = []
            for name, text in group:
                path = os.path.join(directory, name)
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "w", encoding="utf-8", errors="surrogateescape") as f:
                    f.write(text)
                if name.endswith((".cpp", ".c")):
                    units.append(path)
            if not units:
                continue
            out = os.path.join(directory, "facts")
            # Units with errors still get facts (exit status 2): keep them.
            subprocess.run([spawnguard, "extract", "--no-cache", "-q", "-o", out]
                           + units + ["--", "-std=c++17", "-I", directory],
                           cwd=directory, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, check=False)
            if not os.path.isdir(out):
                continue
            for name in sorted(os.listdir(out)):
                with open(os.path.join(out, name), "rb") as f:
                    facts.add(f.read())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--spawnguard")
    args = parser.parse_args()
    python = Corpus(os.path.join(args.out, "PythonFrontEndFuzzer"))
    config = Corpus(os.path.join(args.out, "ConfigFuzzer"))
    facts = Corpus(os.path.join(args.out, "FactsReaderFuzzer"))
    scanner = Corpus(os.path.join(args.out, "BindingScannerFuzzer"))
    python_and_config_seeds(args.source, python, config, scanner)
    if args.spawnguard:
        facts_seeds(args.source, os.path.abspath(args.spawnguard), facts)
    for corpus in (python, config, facts, scanner):
        print("make-seeds: %d seeds in %s"
              % (len(os.listdir(corpus.directory)), corpus.directory))
    if not os.listdir(python.directory):
        sys.exit("make-seeds: no Python seeds found under %s" % args.source)


if __name__ == "__main__":
    main()

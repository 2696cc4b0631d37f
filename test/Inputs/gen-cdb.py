#!/usr/bin/env python3
"""Writes a compile_commands.json for the C and C++ files in a directory.

Usage: gen-cdb.py DIR [EXTRA_ARG...]

Multi-TU lit tests lay out sources with split-file, then call this to make
the compilation database a real build would produce.
"""
import json
import os
import sys


def main():
    root = os.path.abspath(sys.argv[1])
    extra = sys.argv[2:]
    entries = []
    for dirpath, _, files in sorted(os.walk(root)):
        for name in sorted(files):
            if name.endswith(".cpp"):
                compiler, std = "clang++", ["-std=c++17"]
            elif name.endswith(".c"):
                compiler, std = "clang", ["-std=c11"]
            else:
                continue
            path = os.path.join(dirpath, name)
            entries.append({
                "directory": root,
                "file": path,
                "arguments": [compiler, *std, *extra, "-c", path,
                              "-o", path + ".o"],
            })
    with open(os.path.join(root, "compile_commands.json"), "w") as out:
        json.dump(entries, out, indent=2)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Parses every '.py' file under the given directories with ast.parse, and
does nothing else: the floor for a Python checker that builds a syntax tree.

Usage: bench/ast_parse.py DIR...

Files that are not UTF-8 or do not parse are counted and skipped, as a
checker would report and skip them.
"""
import ast
import os
import sys


def main():
    parsed = failed = 0
    for root in sys.argv[1:]:
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames.sort()
            for name in sorted(filenames):
                if not name.endswith(".py"):
                    continue
                path = os.path.join(dirpath, name)
                try:
                    with open(path, "rb") as f:
                        ast.parse(f.read(), filename=path)
                    parsed += 1
                except (SyntaxError, ValueError, UnicodeDecodeError):
                    failed += 1
    print(f"{parsed} parsed, {failed} failed", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Generates a C++ corpus of N translation units with deep cross-TU chains.

Usage: bench/gen_corpus.py OUT_DIR N [--depth D] [--headers]

Unit i defines step_i(), which calls step_{i+1}() defined in the next unit;
every D-th unit starts a chain with a global whose initializer calls its
step, and the unit closing a chain calls fork(). So there are N/D roots, each
with a trace D units long, and the link step has to stitch every chain
across D files. With --headers every unit includes <string>, <vector> and
<map>, so that parsing costs what it does in real code.
Writes OUT_DIR/compile_commands.json.
"""
import argparse
import json
import os


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("n", type=int)
    ap.add_argument("--depth", type=int, default=50)
    ap.add_argument("--headers", action="store_true")
    opts = ap.parse_args()

    out = os.path.abspath(opts.out)
    os.makedirs(out, exist_ok=True)
    entries = []
    for i in range(opts.n):
        chain_end = (i + 1) % opts.depth == 0 or i == opts.n - 1
        lines = []
        if opts.headers:
            lines += ["#include <map>", "#include <string>", "#include <vector>"]
        lines.append('extern "C" int fork();')
        if not chain_end:
            lines.append(f"int step_{i + 1}(int);")
        body = "return fork() + depth;" if chain_end else f"return step_{i + 1}(depth + 1);"
        lines.append(f"int step_{i}(int depth) {{ {body} }}")
        if opts.headers:
            lines.append(f"static std::map<std::string, std::vector<int>> table_{i};")
        if i % opts.depth == 0:
            lines.append(f"int root_{i} = step_{i}(0);")
        path = os.path.join(out, f"unit_{i:05}.cpp")
        with open(path, "w") as f:
            f.write("\n".join(lines) + "\n")
        entries.append({"directory": out, "file": path,
                        "arguments": ["clang++", "-std=c++17", "-c", path,
                                      "-o", path + ".o"]})
    with open(os.path.join(out, "compile_commands.json"), "w") as f:
        json.dump(entries, f, indent=1)


if __name__ == "__main__":
    main()
